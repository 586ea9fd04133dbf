"""Server CPU per poll of the job watcher, measured on a real server: the number behind
``ui.widgets.job_watcher.POLL_SECONDS``.

    python -m bench.poll_cost [--watchers 20] [--windows 4] [--window 6] [--state running|queued]
                              [--app other/app.py] [--json out.json]

The costliest watcher is the Lab's live race (a progress bar, the stop button and the live loss
curves, redrawn at every poll), so that is what this measures:

1. starts its own server (``bench.server.Server``, warm-up off) and opens the Lab once (imports,
   pretrained manifest) so no first-visit cost lands in a window;
2. ``--watchers`` students (``services.st_client`` sessions, no browser) open the Lab with the same
   long race (the adding problem, T = 100, 2000 steps: the longest the controls allow) and press
   Start: one shared training, every student watching it. With ``--state queued`` another student first starts a
   different race (seed + 1), which takes the training slot (``RNN_LAB_TRAINING_SLOTS=1``), so the
   watched race waits in the queue and each poll draws the waiting line instead;
3. alternates *quiet* windows (nobody polls: no client answers its fragment's timer) and
   *watched* windows (every student answers it, as a browser does, every ``POLL_SECONDS``), each
   ``--window`` seconds. Only the server process's own CPU counts (a race that trains in a child
   process, ``services.race_runner``, is not a poll). If the training runs in the server's own
   threads, the threads that are busy in a quiet window (more than 20 % of a core) are the
   training's, and their CPU is subtracted in the next watched window, read per thread from
   ``/proc/<pid>/task/<tid>/stat``. What is left, less the server's idle rate outside those threads in
   the quiet window (e.g. relaying a child's snapshots), divided by the polls the students received
   (fragment runs), is the server CPU of one poll. It includes building a new
   live figure whenever the race has published a new snapshot (every 10 steps), shared by every
   watcher, as in a class. A window in which the race ended (a student's page ran in full) ends
   the measurement and is not counted.

Reported: CPU ms per poll (per watched window, median and range), the polls, the interval the
students were actually polled at, and the cores a class of 30 watching would spend at that interval.
Numbers on a shared 2-core machine are noisy: the JSON keeps the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.server import APP, Server  # noqa: E402
from services.st_client import Session, find_button  # noqa: E402

START_KEY = "_s5_start"  # the Lab's Start button (its widget key)
RACE = "task=adding&length=100&steps=2000&seed={seed}&lang=pt"  # the longest race the controls allow
TRAINING_BUSY = 0.2  # a thread using more than this share of a core in a quiet window is the training's
_TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the process ``pid`` itself, every thread it ran, ended ones
    included; not its children (a Lab race may train in a child process: that is not a poll)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) of each live thread of ``pid``."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        fields = text[text.rindex(")") + 2:].split()
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / _TICK
    return out


def _open_and_start(ws: str, seed: int) -> Session:
    session = Session(ws)
    lab = session.visit("lab", query_string=RACE.format(seed=seed), timeout=120)
    if not lab.ok:
        raise RuntimeError(f"the Lab did not open: {lab.errors}")
    button = find_button(lab.last_full, START_KEY)
    if button is None:
        raise RuntimeError(f"no button {START_KEY!r} on the Lab page")
    click = session.click(button, timeout=120)
    if not click.ok:
        raise RuntimeError(f"Start failed: {click.errors}")
    return session


def _watch(session: Session, seconds: float, out: list, lock: threading.Lock) -> None:
    """Stay on the page ``seconds`` answering the fragment's timer; record each poll's wall time."""
    visit = session.wait_for(lambda run: False, timeout=seconds, label="watch")
    polls = sum(1 for run in visit.runs if run.fragment)
    with lock:  # the last error is the timeout; a full run means the race ended (the page redrew)
        out.append((polls, len(visit.runs) - polls, visit.errors[:-1] if visit.errors else []))


def measure(*, watchers: int, windows: int, window: float, state: str, app: Path) -> dict:
    env = {"RNN_LAB_WARMUP": "0", "RNN_LAB_TRAINING_SLOTS": "1"}
    report: dict = {"watchers": watchers, "window_s": window, "state": state, "loadavg_before": os.getloadavg(),
                    "windows": []}
    with Server(app=app, env=env) as server:
        ws = f"ws://127.0.0.1:{server.port}"
        first = Session(ws)  # imports and the pretrained manifest, outside the measured windows
        first.visit("lab", query_string=RACE.format(seed=0), timeout=180)
        first.close()
        blocker = _open_and_start(ws, seed=1) if state == "queued" else None
        sessions = [_open_and_start(ws, seed=0) for _ in range(watchers)]
        time.sleep(2.0)  # the last clicks' full runs settle
        per_poll, total_polls, errors = [], 0, []
        for _ in range(windows):
            # quiet: nobody polls; the busy threads are the training's
            before_threads, before = thread_cpu(server.pid), process_cpu(server.pid)
            start = time.perf_counter()
            time.sleep(window)
            quiet_wall = time.perf_counter() - start
            after_threads, after = thread_cpu(server.pid), process_cpu(server.pid)
            busy = {tid for tid, cpu in after_threads.items()
                    if (cpu - before_threads.get(tid, cpu)) / quiet_wall > TRAINING_BUSY}
            training_quiet = sum(after_threads[t] - before_threads.get(t, after_threads[t]) for t in busy)
            idle_rate = max(0.0, (after - before - training_quiet) / quiet_wall)
            # watched: every student answers its fragment's timer
            results, lock = [], threading.Lock()
            threads = [threading.Thread(target=_watch, args=(s, window, results, lock), daemon=True) for s in sessions]
            before_threads, before = thread_cpu(server.pid), process_cpu(server.pid)
            start = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join(window + 60)
            wall = time.perf_counter() - start
            after_threads, after = thread_cpu(server.pid), process_cpu(server.pid)
            training = sum(after_threads.get(t, before_threads.get(t, 0.0)) - before_threads.get(t, 0.0) for t in busy)
            polls, full_runs = sum(r[0] for r in results), sum(r[1] for r in results)
            errors += [e for *_, errs in results for e in errs]
            cpu = after - before - training - idle_rate * wall
            row = {"polls": polls, "wall_s": round(wall, 2), "server_cpu_s": round(after - before, 3),
                   "training_cpu_s": round(training, 3), "idle_rate": round(idle_rate, 4),
                   "training_threads": len(busy), "full_runs": full_runs,
                   "poll_cpu_ms": round(1000 * cpu / max(1, polls), 2)}
            report["windows"].append(row)
            print(json.dumps(row), flush=True)
            if full_runs:  # the race ended in this window: the page's full reruns are not polls
                break
            if polls:
                per_poll.append(cpu / polls)
                total_polls += polls
        for s in [*sessions, *([blocker] if blocker else [])]:
            s.close()
        report["errors"] = errors[:20]
    report["loadavg_after"] = os.getloadavg()
    report["polls"] = total_polls
    report["poll_cpu_ms_median"] = round(1000 * statistics.median(per_poll), 2) if per_poll else None
    report["poll_cpu_ms_range"] = [round(1000 * min(per_poll), 2), round(1000 * max(per_poll), 2)] if per_poll else None
    if total_polls:
        interval = watchers * sum(w["wall_s"] for w in report["windows"] if not w["full_runs"]) / total_polls
        report["poll_interval_s"] = round(interval, 2)
        report["class_of_30_cores"] = round(30 * statistics.median(per_poll) / interval, 3)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--watchers", type=int, default=20)
    parser.add_argument("--windows", type=int, default=4)
    parser.add_argument("--window", type=float, default=6.0, help="seconds per quiet and per watched window")
    parser.add_argument("--state", choices=("running", "queued"), default="running")
    parser.add_argument("--app", type=Path, default=APP, help="the app.py to serve (another checkout's)")
    parser.add_argument("--json", type=Path, help="write the report here")
    args = parser.parse_args(argv)
    report = measure(watchers=args.watchers, windows=args.windows, window=args.window, state=args.state, app=args.app)
    print(json.dumps({k: v for k, v in report.items() if k != "windows"}, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
