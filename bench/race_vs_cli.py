"""The Lab race in the app against ``python -m rnn_core race`` with the same settings: one command.

    python -m bench.race_vs_cli [--runs 3] [--modes process,thread] [--watcher client|browser|none]
                                [--task adding --length 50 --steps 600] [--json out.json]

Each run, back to back on the same machine:

* ``cli``: ``python -m rnn_core race --json`` with the race's settings, in a subprocess, timed from
  launch to exit — what someone who types the command waits, interpreter start and ``import torch``
  included (``cpu_s``: its user + system time; ``train_s``: the training alone, the sum of the cells'
  own ``seconds`` it prints — ``import torch`` and the ~3.5 s of imports of a process's first training
  step are what the two differ by);
* ``app/<mode>``: a fresh server (``bench.server.Server``, its warm-up on, as a teacher starts it) per
  run and mode, left until its CPU is idle; one student opens the Lab with the same settings and
  presses Start. ``seconds`` runs from the click to the moment the student has the finished race
  (the results table drawn); ``job_s`` is the training's own wall time as the page reports it
  ("Race complete: 600 steps in 17.9 s", ``RaceState.wall_seconds``); ``server_cpu_s`` is the
  server's CPU and its descendants' over the race: ``server_own_cpu_s`` the server process itself
  (its page runs, the watcher's polls, and in ``thread`` mode the training), ``race_process_cpu_s``
  its descendants (the zygote and the race process); ``watcher_cpu_s`` the rest of this
  benchmark's process tree (the client, or Chromium and its driver).
  Modes: ``process`` (the default: the race trains in a child process, ``services.child_process``)
  and ``thread`` (``RNN_LAB_RACE_PROCESS=0``: in a thread of the server, as before).
  Watchers: ``client`` (a ``services.st_client`` session answers the page's 1 s poll as a browser
  does, without rendering), ``browser`` (real headless Chromium on this machine, rendering every
  poll: the issue's setting) or ``none`` (the student leaves right after Start; ``seconds`` is then
  the job's own wall time, read from a replay).

Reported per run: the seconds, the ratio app ÷ cli, the load average and the cores the whole
machine was busy during each measurement (``/proc/stat``: other work on a shared machine shows
there). The summary is the median over runs, of the whole (click to results ÷ command) and of the
training alone (``job_s`` ÷ the cli's ``train_s``). The in-app race must be within 15 % of the command
line (issue #14). JSON goes to ``bench/results/race_vs_cli.json`` (gitignored) or ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.crowd import ws_base  # noqa: E402
from bench.measure import cpu_seconds, wait_cpu_idle  # noqa: E402
from bench.server import Server  # noqa: E402
from services.race_runner import RACE_DEFAULTS  # noqa: E402
from services.st_client import RunView, Session, find_button  # noqa: E402

START_KEY = "_s5_start"  # the Lab page's Start button (its widget key)
START_LABEL = "Start the race"  # its English label (the browser clicks it by role and name)
RESULTS = ROOT / "bench" / "results"
DONE = re.compile(r"Race complete: (\d+) steps in ([\d.,]+) s")
LIMIT = 1.15  # issue #14: the in-app race within 15 % of the command line


def _busy_jiffies() -> tuple[int, int]:
    """(busy, total) clock ticks of every CPU of the machine so far, from ``/proc/stat``."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


class Machine:
    """How busy the whole machine was between :meth:`start` and :meth:`stop`, in cores."""

    def start(self) -> Machine:
        self.t0, self.j0, self.load0 = time.perf_counter(), _busy_jiffies(), os.getloadavg()[0]
        return self

    def stop(self) -> dict:
        busy, total = (b - a for a, b in zip(self.j0, _busy_jiffies(), strict=True))
        return {"machine_busy_cores": round((os.cpu_count() or 1) * busy / max(1, total), 2),
                "load_before": round(self.load0, 2), "load_after": round(os.getloadavg()[0], 2)}


def own_cpu(pid: int) -> float:
    """User + system CPU seconds of the process ``pid`` itself (all its threads, no child process)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cli_race(settings: dict) -> dict:
    """``python -m rnn_core race`` with ``settings``, timed from launch to exit."""
    cmd = [sys.executable, "-m", "rnn_core", "race", "--task", settings["task"], "--length", str(settings["length"]),
           "--steps", str(settings["steps"]), "--seed", str(settings["seed"]), "--hidden", str(settings["hidden"]),
           "--lr", str(settings["lr"]), "--clip", str(settings["clip"] or 0), "--batch", str(settings["batch"]),
           "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine = Machine().start()
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                         check=True, timeout=900)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cells = {r["cell"]: {"solved_at_step": r["solved_at_step"], "train_seconds": r["seconds"]}
             for r in json.loads(out.stdout)}
    return {"seconds": seconds, "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "train_s": sum(c["train_seconds"] for c in cells.values()), "cells": cells, **machine.stop()}


def _finished(run: RunView) -> bool:
    """The Lab shows a finished race: its results table is drawn and no progress bar is."""
    return "table" in run.kinds and "progress" not in run.kinds


def _job_seconds(texts) -> float | None:
    for text in texts:
        if match := DONE.search(text):
            return float(match.group(2).replace(",", "."))
    return None


def _open_lab(url: str, query: str) -> tuple[Session, str]:
    session = Session(ws_base(url))
    session.query_string = query
    session.visit("home", timeout=120)  # the page list comes with the first run (a deep link first is "not found")
    lab = session.visit("lab", timeout=120)
    button = find_button(lab.last_full, START_KEY)
    if not lab.ok or button is None:
        raise RuntimeError(f"the Lab did not open with its Start button: {lab.errors}")
    return session, button


def _race_client(url: str, query: str, watcher: str) -> dict:
    """Press Start as a ``services.st_client`` session; with ``watcher == "client"`` stay on the page
    (answering its polls) until the race is finished, with ``"none"`` leave at once and read the
    job's own time from a replay once the server is quiet (a race nobody shows for
    ``services.race_runner.IDLE_SECONDS``, 60 s, stops: fine for the default race)."""
    session, button = _open_lab(url, query)
    click = session.click(button, timeout=120)
    if watcher == "none":
        session.close()
        return {"seconds": None, "polls": 0}
    wait = session.wait_for(_finished, timeout=900, label="race")
    session.close()
    if not wait.ok:
        raise RuntimeError(f"the race did not finish: {wait.errors}")
    return {"seconds": wait.ended - click.started, "job_s": _job_seconds(wait.runs[-1].texts), "polls": len(wait.runs)}


def _replayed_job_seconds(url: str, query: str) -> float | None:
    """The finished race's own wall time, as a new student who presses Start gets it replayed."""
    session, button = _open_lab(url, query)
    shown = session.click(button, timeout=120)
    session.close()
    return _job_seconds(shown.last_full.texts if shown.last_full else [])


def _race_browser(url: str, query: str) -> dict:
    from playwright.sync_api import sync_playwright

    from bench.browser import LAUNCH, open_via_home

    with sync_playwright() as pw:
        browser = pw.chromium.launch(**LAUNCH)
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        open_via_home(page, url, f"lab?{query}")
        button = page.get_by_test_id("stMainBlockContainer").get_by_role("button", name=START_LABEL)
        start = time.perf_counter()
        button.click()
        page.wait_for_selector("[data-testid='stTable']", timeout=900_000)
        seconds = time.perf_counter() - start
        texts = page.locator("[data-testid='stAlert']").all_inner_texts()
        browser.close()
    return {"seconds": seconds, "job_s": _job_seconds(texts)}


def app_race(settings: dict, mode: str, watcher: str) -> dict:
    """One race on a fresh server in ``mode`` (``process`` or ``thread``), watched by ``watcher``."""
    query = urlencode({"lang": "en", **{k: settings[k] for k in ("task", "length", "steps")}})
    env = {"RNN_LAB_RACE_PROCESS": "1" if mode == "process" else "0"}
    with Server(env=env) as server:
        warm, _ = _open_lab(server.url, query)  # the first visit's imports, and the warm-up, before the clock
        warm.close()
        wait_cpu_idle(server.pid)
        cpu0, own0, all0 = cpu_seconds(server.pid), own_cpu(server.pid), cpu_seconds(os.getpid())
        machine = Machine().start()
        if watcher == "browser":
            out = _race_browser(server.url, query)
        else:
            out = _race_client(server.url, query, watcher)
        if watcher == "none":  # nobody watches: wait until the server is quiet, then read the job's time
            wait_cpu_idle(server.pid, below=0.2, window=0.5, windows=2, timeout=900)
            out["seconds"] = out["job_s"] = _replayed_job_seconds(server.url, query)
        server_cpu, own = cpu_seconds(server.pid) - cpu0, own_cpu(server.pid) - own0
        out.update(server_cpu_s=server_cpu, server_own_cpu_s=own, race_process_cpu_s=server_cpu - own,
                   watcher_cpu_s=cpu_seconds(os.getpid()) - all0 - server_cpu, **machine.stop())
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", default="process,thread", help="comma-separated: process, thread")
    parser.add_argument("--watcher", choices=("client", "browser", "none"), default="client")
    parser.add_argument("--task", default=RACE_DEFAULTS["task"])
    parser.add_argument("--length", type=int, default=RACE_DEFAULTS["length"])
    parser.add_argument("--steps", type=int, default=RACE_DEFAULTS["steps"])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    settings = {**RACE_DEFAULTS, "task": args.task, "length": args.length, "steps": args.steps}
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    report: dict = {"settings": settings, "watcher": args.watcher, "cores": os.cpu_count(), "runs": []}
    print(f"race {settings['task']}, T = {settings['length']}, {settings['steps']} steps (hidden {settings['hidden']}, "
          f"batch {settings['batch']}, seed {settings['seed']}); watcher: {args.watcher}; {os.cpu_count()} cores")
    for i in range(args.runs):
        run = {"cli": cli_race(settings)}
        for mode in modes:
            run[f"app/{mode}"] = app_race(settings, mode, args.watcher)
        report["runs"].append(run)
        cli = run["cli"]["seconds"]
        print(f"run {i + 1}: cli {cli:5.1f} s (training {run['cli']['train_s']:.1f} s, cpu {run['cli']['cpu_s']:.1f} s, "
              f"machine {run['cli']['machine_busy_cores']} cores busy, load {run['cli']['load_before']})")
        for mode in modes:
            a = run[f"app/{mode}"]
            job = f"{a['job_s']:.1f}" if a.get("job_s") else "?"
            print(f"       app/{mode:7} {a['seconds']:5.1f} s = {a['seconds'] / cli:.2f} × cli  (training {job} s, "
                  f"server cpu {a['server_cpu_s']:.1f} s = {a['server_own_cpu_s']:.1f} own + "
                  f"{a['race_process_cpu_s']:.1f} race process, watcher cpu {a['watcher_cpu_s']:.1f} s, "
                  f"machine {a['machine_busy_cores']} cores busy, load {a['load_before']})")
    runs = report["runs"]
    summary = {"cli_s": statistics.median(r["cli"]["seconds"] for r in runs),
               "cli_train_s": statistics.median(r["cli"]["train_s"] for r in runs)}
    for mode in modes:
        app = [r[f"app/{mode}"] for r in runs]
        seconds = statistics.median(a["seconds"] for a in app)
        ratio = statistics.median(a["seconds"] / r["cli"]["seconds"] for a, r in zip(app, runs, strict=True))
        trained = [a["job_s"] / r["cli"]["train_s"] for a, r in zip(app, runs, strict=True) if a.get("job_s")]
        summary.update({f"app/{mode}_s": seconds, f"app/{mode}_ratio": ratio,
                        f"app/{mode}_training_ratio": statistics.median(trained) if trained else None})
        print(f"median app/{mode}: {seconds:.1f} s vs cli {summary['cli_s']:.1f} s: ratio {ratio:.2f} "
              f"({'within' if ratio <= LIMIT else 'NOT within'} 15 %); training alone vs the cli's "
              f"{summary['cli_train_s']:.1f} s: {summary[f'app/{mode}_training_ratio'] or float('nan'):.2f}")
    report["summary"] = summary
    path = args.json or RESULTS / "race_vs_cli.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    print(f"JSON: {path}")
    return report


if __name__ == "__main__":
    main()
