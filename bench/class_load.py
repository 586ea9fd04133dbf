"""Class-load benchmark: a whole class opening the same page at the same instant, no browser.

    python -m bench.class_load --students 30 [--race-students 3 [--distinct-races]] [--cold]
                               [--pages home,lab] [--rounds R] [--quiz-class]
                               [--port 8520 | --url http://HOST:PORT [--pid PID ...] [--serve-dir DIR]]
                               [--app other/app.py] [--json out.json]

Each student is a real Streamlit session over the websocket (``services.st_client``): the same
messages a browser sends, without the browser's rendering, so the machine's cores go to the
server. The benchmark

1. starts its own server (``streamlit run app.py --server.headless true`` on ``--port``; ``--app``
   picks another checkout's ``app.py``) unless ``--url`` points at one already running;
2. warms it, unless ``--cold``: one student opens every page once, then the benchmark waits
   until the server's CPU is idle (a background warm-up may still be running);
3. connects every student, then releases them together page by page, as a class following the
   teacher: all open page 1 at the same instant (a barrier), wait until everyone has it, then
   page 2, and so on. A page view's time runs from the rerun request to ``script_finished``
   (the last full run: an ``st.rerun`` continues the view);
4. with ``--race-students K``, K of the N students open the Lab page at the class's first
   instant and press its Start button (the button's widget id comes from the page's element
   delta; a click is its ``trigger_value`` in the next rerun), then stay on the page,
   answering fragment auto-reruns as a browser does, until the race's results table is shown
   (timeout ``--race-timeout``, 120 s). The other N − K students walk the pages meanwhile.
   Identical races are one shared training on this app, so the K racers watch one job; with
   ``--distinct-races`` racer k links ``&seed=k+1`` instead (K trainings). Against a ``--url``
   server that already ran the same race, the "race" is its replay;
5. reports per page p50/p95 page time and errors, the server's CPU seconds per page view (user
   + system time of the server process and its children, from ``/proc/<pid>/stat``, before and
   after the measured phase), its peak resident memory (``VmRSS`` sampled every 0.2 s and the
   kernel's ``VmHWM``), the script-run durations the app itself logs (``RNNLAB_TIMING_LOG``),
   and the race durations. JSON goes to ``bench/results/`` (gitignored) or ``--json``.

Several replicas (``scripts/serve.sh``: HAProxy in front of N app processes): point ``--url`` at
the load balancer and name the replicas' pids (``--pid`` once per replica) or the script's run
folder (``--serve-dir .data/serve``: its ``replicas.tsv`` and ``haproxy.pid``). Each replica is
warmed directly on its own port (with ``--serve-dir``; with bare pids, one warm-up visit per pid
through the load balancer) and waited for until idle; the report keeps the totals above (CPU summed
over the replicas, RSS summed over their peaks) and adds ``replicas``: each one's CPU, CPU per page
view of the whole class, and peak RSS, and HAProxy's own CPU (``lb_cpu_s``). Each student is one
websocket, which HAProxy hands to the replica holding the fewest (``balance leastconn``).

Errors counted: an ``exception`` element in any delta, a page-not-found, a compile error, a
dropped socket and a timeout (``--timeout``, 60 s per page view). Numbers on a shared machine
are noisy: the JSON keeps the load average before and after the run.

``--quiz-class`` (class mode): one class of students joins with ``?class=CODE`` and submits
the conclusion page's quiz at the same instant (see ``bench.class_quiz``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.crowd import Gate, connect, run_together, warm, ws_base  # noqa: E402
from bench.measure import ServerMeter, cpu_seconds, percentile, script_runs, wait_cpu_idle  # noqa: E402
from bench.server import BENCH_PORTS, Server, free_port  # noqa: E402
from services.st_client import RunView, find_button  # noqa: E402

START_KEY = "_s5_start"  # the Lab page's Start button (its widget key)
RESULTS = ROOT / "bench" / "results"


_PAGES_CODE = """
import json, ui.shell.stations as s
journey = getattr(s, "JOURNEY", None) or [x for x in s.STATIONS if x.url_path != "teacher"]
print(json.dumps([x.url_path for x in journey]))
"""


def default_pages(app: Path | None = None) -> list[str]:
    """The URL paths of the journey a student walks, in order, as the served checkout's registry
    (``ui.shell.stations``) lists them; read in a subprocess, so another checkout (``--app``) answers
    for itself."""
    cwd = Path(app or ROOT / "app.py").resolve().parent
    out = subprocess.run([sys.executable, "-c", _PAGES_CODE], cwd=cwd, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(cwd)}, timeout=60)
    return json.loads(out.stdout.strip().splitlines()[-1])


def race_finished(run: RunView) -> bool:
    """The Lab page shows a finished race: its results table is drawn and no progress bar is."""
    return "table" in run.kinds and "progress" not in run.kinds


def _record(out: dict, student: int, visit, kind: str = "page", cpu: float | None = None) -> None:
    with out["lock"]:
        out["views"].append({"student": student, "page": visit.page, "kind": kind, "seconds": visit.seconds,
                             "ok": visit.ok, "errors": visit.errors, "bytes": visit.bytes,
                             "start": visit.started, "end": visit.started + visit.seconds, "cpu_s": cpu})


def _walker(student: int, ws: str, pages: list[str], query: str, timeout: float, start: Gate,
            gates: list[Gate], out: dict, cpu_probe=None) -> None:
    session, failure = connect(ws, query)
    if failure:
        out["connect_errors"].append(f"student {student}: {failure}")
    start.arrive()
    for page, gate in zip(pages, gates, strict=True):
        if session is None:
            with out["lock"]:
                out["views"].append({"student": student, "page": page, "kind": "page", "seconds": float("nan"),
                                     "ok": False, "errors": ["not connected"], "bytes": 0, "start": 0, "end": 0})
        else:
            before = cpu_probe() if cpu_probe else None
            visit = session.visit(page, query_string=query, timeout=timeout)
            _record(out, student, visit, cpu=cpu_probe() - before if cpu_probe else None)
        gate.arrive()
    if session is not None:
        session.close()


def _racer(student: int, ws: str, query: str, timeout: float, race_timeout: float, start: Gate, out: dict,
           race_query: str = "") -> None:
    session, failure = connect(ws, query)
    if failure:
        out["connect_errors"].append(f"racer {student}: {failure}")
    start.arrive()
    if session is None:
        return
    race = {"student": student, "seconds": float("nan"), "ok": False, "errors": [], "query": race_query}
    try:
        lab = session.visit("lab", query_string="&".join(q for q in (query, race_query) if q), timeout=timeout)
        _record(out, student, lab)
        button = find_button(lab.last_full, START_KEY)
        if button is None:
            race["errors"].append(f"no button with key {START_KEY!r} on the lab page")
            return
        click = session.click(button, timeout=race_timeout)
        race["errors"] += click.errors
        if not click.ok or (click.last_full is not None and race_finished(click.last_full)):
            done, seconds = click.ok, click.seconds
        else:
            wait = session.wait_for(race_finished, timeout=max(1.0, race_timeout - click.seconds), label="race")
            race["errors"] += wait.errors
            done, seconds = wait.ok, (wait.ended if wait.ok else time.perf_counter()) - click.started
        race["seconds"] = seconds
        race["ok"] = done and not race["errors"]
    finally:
        with out["lock"]:
            out["races"].append(race)
        session.close()


def run_class(url: str, pages: list[str], students: int, *, race_students: int = 0, query: str = "lang=pt",
              timeout: float = 60, race_timeout: float = 120, rounds: int = 1, pid: int | None = None,
              distinct_races: bool = False) -> dict:
    """N students (K of them racing): every page view and race, as the students saw them.

    The racers start the default race (one shared job on a server that shares trainings), or with
    ``distinct_races`` racer k sets the Lab's seed control to k + 1 through the link (``&seed=k+1``):
    K different trainings, which the server may queue.

    With ``rounds`` > 1 the class walks the pages again (same sessions): warm reruns. A lone student
    with the server's ``pid`` also gets the server CPU of each of its page views."""
    ws = ws_base(url)
    pages = list(pages) * rounds
    walkers = students - race_students
    start = Gate(students)
    gates = [Gate(walkers) for _ in pages]
    out: dict = {"lock": threading.Lock(), "views": [], "races": [], "connect_errors": []}
    probe = (lambda: cpu_seconds(pid)) if pid and students == 1 else None
    run_together([(_walker, (i, ws, pages, query, timeout, start, gates, out, probe)) for i in range(walkers)]
                 + [(_racer, (walkers + i, ws, query, timeout, race_timeout, start, out,
                              f"seed={i + 1}" if distinct_races else "")) for i in range(race_students)])
    out.pop("lock")
    out["started_at"] = start.opened_at
    return out


# --------------------------------------------------------------------------- report


def summarize(result: dict, pages: list[str], server_runs: dict[str, list[float]]) -> dict:
    views = [v for v in result["views"] if v["kind"] == "page"]
    per_page = {}
    for page in dict.fromkeys([*pages, *(v["page"] for v in views)]):
        mine = [v for v in views if v["page"] == page]
        if not mine:
            continue
        times = [v["seconds"] for v in mine]
        server = server_runs.get(page, [])
        per_page[page] = {"views": len(mine), "errors": sum(1 for v in mine if not v["ok"]),
                          "p50_s": percentile(times, 0.5), "p95_s": percentile(times, 0.95), "max_s": max(times),
                          "server_run_p50_s": percentile(server, 0.5), "server_run_p95_s": percentile(server, 0.95),
                          "kb_per_view": statistics.fmean(v["bytes"] for v in mine) / 1024}
        cpus = [v["cpu_s"] for v in mine if v.get("cpu_s") is not None]
        if cpus:  # a lone student: each view's own server CPU
            per_page[page]["server_cpu_median_s"] = statistics.median(cpus)
    times = [v["seconds"] for v in views]
    errors = [f"student {v['student']} {v['page']}: {e}" for v in views for e in v["errors"]]
    races = result["races"]
    errors += [f"racer {r['student']} race: {e}" for r in races for e in r["errors"]]
    errors += result["connect_errors"]
    cpus = [v["cpu_s"] for v in views if v.get("cpu_s") is not None]
    return {
        "server_cpu_per_view_median_s": statistics.median(cpus) if cpus else None,
        "page_views": len(views),
        "errors": sum(1 for v in views if not v["ok"]) + sum(1 for r in races if not r["ok"])
        + len(result["connect_errors"]),
        "error_messages": errors[:50],
        "p50_s": percentile(times, 0.5), "p95_s": percentile(times, 0.95), "max_s": max(times, default=float("nan")),
        "pages": per_page,
        "races": [{"student": r["student"], "seconds": r["seconds"], "ok": r["ok"], "query": r["query"]}
                  for r in races],
        "views": [{"student": v["student"], "page": v["page"], "seconds": round(v["seconds"], 4),
                   "start_s": round(v["start"] - result["started_at"], 4), "ok": v["ok"]} for v in views],
    }


def _pids(pid: int | list[int] | tuple[int, ...] | None) -> list[int]:
    if pid is None:
        return []
    return [int(p) for p in pid] if isinstance(pid, list | tuple) else [int(pid)]


def _replica_report(meters: list[ServerMeter], report: dict) -> None:
    """Each replica's CPU and peak memory, and the totals in the single-server keys (CPU summed,
    peak RSS summed over the replicas' own peaks: an upper bound of what they held together)."""
    rows = []
    for meter in meters:
        own = {"page_views": report["page_views"], "wall_s": report["wall_s"], "errors": 0}
        meter.finish(own)
        rows.append({"pid": meter.pid, "cpu_s": own["server_cpu_s"], "cpu_per_view_s": own["server_cpu_per_view_s"],
                     "cores_used": own["server_cores_used"], "peak_rss_sampled_mb": own["peak_rss_sampled_mb"],
                     "peak_rss_hwm_mb": own["peak_rss_hwm_mb"]})
    report["replicas"] = rows
    report["server_cpu_s"] = sum(r["cpu_s"] for r in rows)
    report["server_cpu_per_view_s"] = report["server_cpu_s"] / max(1, report["page_views"])
    report["server_cores_used"] = report["server_cpu_s"] / report["wall_s"]
    report["peak_rss_sampled_mb"] = sum(r["peak_rss_sampled_mb"] for r in rows)
    report["peak_rss_hwm_mb"] = sum(r["peak_rss_hwm_mb"] for r in rows)
    report["loadavg_after"] = os.getloadavg()


def run(*, students: int, race_students: int = 0, cold: bool = False, pages: list[str] | None = None,
        port: int | None = None, url: str | None = None, pid: int | list[int] | None = None,
        app: Path | None = None, query: str = "lang=pt", timeout: float = 60, race_timeout: float = 120,
        env: dict | None = None, rounds: int = 1, distinct_races: bool = False,
        replica_urls: list[str] | None = None, lb_pid: int | None = None) -> dict:
    """The whole benchmark, programmatically; returns the report (also what ``--json`` writes).

    ``pid``: the server's pid, or a list of pids (several replicas behind ``url``, a load balancer);
    ``replica_urls``: the replicas' own addresses, to warm each one; ``lb_pid``: the load balancer's
    pid, whose CPU is reported apart (``lb_cpu_s``)."""
    app = Path(app or ROOT / "app.py")
    pages = list(pages or default_pages(app))
    server = None
    pids = _pids(pid)
    if url is None:
        server = Server(app, port or free_port(BENCH_PORTS), env=env)
        url, pids = server.url, [server.pid]
    pid = pids[0] if len(pids) == 1 else None  # a lone student's per-view CPU needs one process
    report: dict = {"students": students, "race_students": race_students, "distinct_races": distinct_races,
                    "cold": cold, "rounds": rounds,
                    "pages_order": pages,
                    "query": query, "app": str(app), "url": url, "cores": os.cpu_count(),
                    "loadavg_before": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    try:
        if not cold:
            targets = replica_urls or [url] * max(1, len(pids))
            warmed = [warm(target, pages, query, max(timeout, 120)) for target in targets]
            report["warm_up"] = warmed[0] if len(warmed) == 1 else warmed
            if pids:
                report["idle_wait_s"] = max(wait_cpu_idle(p) for p in pids)
        meters = [ServerMeter(p).start() for p in pids] or [ServerMeter(None).start()]
        lb_before = cpu_seconds(lb_pid) if lb_pid else 0.0
        own_before = sum(os.times()[:2])
        wall_start, epoch_start = time.perf_counter(), time.time()
        result = run_class(url, pages, students, race_students=race_students, query=query, timeout=timeout,
                           race_timeout=race_timeout, rounds=rounds, pid=pid, distinct_races=distinct_races)
        report["wall_s"] = time.perf_counter() - wall_start
        report["client_cpu_s"] = sum(os.times()[:2]) - own_before  # the students' side shares the machine
        report.update(summarize(result, pages, script_runs(server.timing_log if server else None, epoch_start)))
        if len(meters) == 1:
            meters[0].finish(report, server)
        else:
            _replica_report(meters, report)
        if lb_pid:
            report["lb_cpu_s"] = cpu_seconds(lb_pid) - lb_before
    finally:
        if server is not None:
            server.cleanup()
    return report


def print_report(r: dict) -> None:
    mode = "cold (fresh server)" if r["cold"] else "warm"
    races = f", {r['race_students']} racing" if r["race_students"] else ""
    races += f", {r['rounds']} rounds" if r.get("rounds", 1) > 1 else ""
    print(f"{r['students']} students{races}, {mode}, {r['query']}, {r['cores']} cores, load average "
          f"{r['loadavg_before'][0]:.1f} → {r['loadavg_after'][0]:.1f} (shared machine: numbers are noisy)")
    print(f"\n{'page':12} {'views':>5} {'err':>4} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'server run p50':>15} {'KB/view':>8}")
    for page, row in r["pages"].items():
        print(f"{page:12} {row['views']:5d} {row['errors']:4d} {row['p50_s']:7.2f} {row['p95_s']:7.2f} "
              f"{row['max_s']:7.2f} {row['server_run_p50_s']:15.2f} {row['kb_per_view']:8.0f}")
    print(f"{'all':12} {r['page_views']:5d} {r['errors']:4d} {r['p50_s']:7.2f} {r['p95_s']:7.2f} {r['max_s']:7.2f}")
    if "server_cpu_s" in r:
        print(f"\nserver CPU: {r['server_cpu_s']:.1f} s = {r['server_cpu_per_view_s'] * 1e3:.0f} ms per page view; "
              f"peak RSS {r['peak_rss_sampled_mb']:.0f} MB sampled, {r['peak_rss_hwm_mb']:.0f} MB VmHWM; "
              f"wall {r['wall_s']:.1f} s, the server used {r['server_cores_used']:.2f} of {r['cores']} cores "
              f"(the students' client {r['client_cpu_s']:.1f} CPU s)")
    for n, row in enumerate(r.get("replicas") or [], start=1):
        print(f"  replica {n} (pid {row['pid']}): CPU {row['cpu_s']:.1f} s ({row['cores_used']:.2f} cores), "
              f"peak RSS {row['peak_rss_sampled_mb']:.0f} MB sampled, {row['peak_rss_hwm_mb']:.0f} MB VmHWM")
    if "lb_cpu_s" in r:
        print(f"  HAProxy: CPU {r['lb_cpu_s']:.2f} s")
    if r.get("server_cpu_per_view_median_s") is not None:
        print(f"server CPU per page view, median of this student's views: "
              f"{r['server_cpu_per_view_median_s'] * 1e3:.0f} ms; per page: " + ", ".join(
                  f"{p} {row['server_cpu_median_s'] * 1e3:.0f}" for p, row in r["pages"].items()))
    for race in r["races"]:
        print(f"race (student {race['student']}{', ' + race['query'] if race['query'] else ''}): "
              f"{race['seconds']:.1f} s {'ok' if race['ok'] else 'FAILED'}")
    for message in r["error_messages"][:10]:
        print("error:", message)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--race-students", type=int, default=0, help="students who start the default Lab race")
    parser.add_argument("--distinct-races", action="store_true",
                        help="racer k uses seed k+1 (K different trainings) instead of the default race")
    parser.add_argument("--cold", action="store_true", help="fresh server, no warm-up visit")
    parser.add_argument("--pages", help="comma-separated URL paths (default: every station, in order)")
    parser.add_argument("--port", type=int, help="port for the server it starts (default: first free in 8520-8529)")
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--pid", type=int, action="append",
                        help="with --url: the server's pid, for CPU and memory readings; once per replica "
                             "when --url is a load balancer")
    parser.add_argument("--serve-dir", type=Path,
                        help="with --url: scripts/serve.sh's run folder (<data>/serve): the replicas' pids and "
                             "ports, HAProxy's pid")
    parser.add_argument("--app", type=Path, help="app.py to serve (default: this checkout's)")
    parser.add_argument("--query", default="lang=pt", help="query string every page is opened with")
    parser.add_argument("--rounds", type=int, default=1, help="walk the pages this many times (warm reruns)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a page view counts as failed")
    parser.add_argument("--race-timeout", type=float, default=120)
    parser.add_argument("--quiz-class", action="store_true", help="class mode: a class submits the quiz together")
    parser.add_argument("--json", type=Path, help="output (default: bench/results/class_load-<when>.json)")
    args = parser.parse_args(argv)
    if args.race_students > args.students:
        parser.error("--race-students cannot exceed --students")
    pages = [p.strip() for p in args.pages.split(",") if p.strip()] if args.pages else None
    replica_urls, lb_pid = None, None
    if args.serve_dir:
        from bench.server import read_serve_dir

        state = read_serve_dir(args.serve_dir)
        args.pid = args.pid or [r["pid"] for r in state["replicas"]]
        replica_urls = [f"http://127.0.0.1:{r['port']}" for r in state["replicas"]]
        lb_pid = state["haproxy_pid"]
    if args.quiz_class:
        if args.pid and len(args.pid) > 1:
            parser.error("--quiz-class measures one server: give one --pid")
        from bench.class_quiz import print_quiz_report, run_quiz_class

        report = run_quiz_class(students=args.students, port=args.port, url=args.url,
                                pid=args.pid[0] if args.pid else None, app=args.app,
                                timeout=args.timeout, cold=args.cold)
        print_quiz_report(report)
    else:
        report = run(students=args.students, race_students=args.race_students, cold=args.cold, pages=pages,
                     port=args.port, url=args.url, pid=args.pid, app=args.app, query=args.query,
                     timeout=args.timeout, race_timeout=args.race_timeout, rounds=args.rounds,
                     distinct_races=args.distinct_races, replica_urls=replica_urls, lb_pid=lb_pid)
        print_report(report)
    name = "class_quiz" if args.quiz_class else "class_load"
    path = args.json or RESULTS / time.strftime(f"{name}-%Y%m%d-%H%M%S-{args.students}.json", time.gmtime())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str))
    print(f"\nJSON: {path}")
    return report


if __name__ == "__main__":
    main()
