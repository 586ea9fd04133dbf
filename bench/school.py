"""One process against N replicas behind HAProxy, side by side, in one command.

    python -m bench.school [--configs single,2] [--students 60,120] [--rounds 3] [--pages home,lab] [--json out.json]

For each configuration — ``single``: one ``streamlit run app.py`` (what ``scripts/run.sh`` serves),
an integer N: ``scripts/serve.sh --replicas N`` (N replicas, HAProxy, its own PostgreSQL in a temp
folder) — it starts the server(s), then for each class size runs ``bench.class_load`` warm against
the one public address: every student opens the journey's pages together, page by page. Each
replica is warmed on its own port and waited for until idle before the class arrives. With
``--rounds R`` the class walks the journey R times (the same sessions, every page a wave of the
whole class each time) and the percentiles are over all R × pages × students views: one walk's
p95 is the slowest few students of one page, and two runs of the same code here gave 2-replica
p95s of 0.86 and 1.04 s. The configurations run one after another in the same few minutes, so a
comparison is fair only between rows of one run (the machine's load average is printed with
each row).

The table: per configuration and class size, page views, errors, p50/p95/max page time, server CPU
per page view (all replicas together), cores used, peak RSS per replica, HAProxy's CPU; then each
page's p50/p95 (and errors) side by side, one column per configuration and class size. Then the
budget of issue 17, checked on this run's numbers: 2 replicas serve 60 students at once with
p95 ≤ 2.5 s and ≤ 0.6 × the single process's p95; 120 at once with no error.
JSON goes to ``bench/results/school-<when>.json`` (gitignored) or ``--json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import class_load  # noqa: E402
from bench.server import BENCH_PORTS, School, Server, free_port  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def run_config(config: str, sizes: list[int], pages: list[str] | None, timeout: float, rounds: int = 1) -> list[dict]:
    """Start one configuration, run a warm class of each size against it, stop it."""
    rows = []
    if config == "single":
        server = Server(port=free_port(BENCH_PORTS))
        url, pids, replica_urls, lb_pid, stop = server.url, [server.pid], None, None, server.cleanup
        log_tail = server.log_tail
    else:
        school = School(int(config))
        url, pids, lb_pid, stop = school.url, school.pids, school.haproxy_pid, school.cleanup
        replica_urls = [school.replica_url(r["name"]) for r in school.replicas]
        log_tail = school.log_tail
    try:
        for students in sizes:
            print(f"\n== {config} · {students} students", flush=True)
            report = class_load.run(students=students, url=url, pid=pids if len(pids) > 1 else pids[0], pages=pages,
                                    timeout=timeout, replica_urls=replica_urls, lb_pid=lb_pid, rounds=rounds)
            class_load.print_report(report)
            report["config"] = config
            if report["errors"]:  # the servers' own account, before their folder goes
                report["server_log_tail"] = log_tail(8000)
            rows.append(report)
    finally:
        stop()
    return rows


def _rss(report: dict) -> str:
    rows = report.get("replicas") or [{"peak_rss_sampled_mb": report.get("peak_rss_sampled_mb", float("nan"))}]
    return "+".join(f"{r['peak_rss_sampled_mb']:.0f}" for r in rows)


def print_table(reports: list[dict]) -> None:
    print(f"\n{'config':8} {'students':>8} {'views':>6} {'err':>4} {'p50 s':>6} {'p95 s':>6} {'max s':>6} "
          f"{'CPU ms/view':>11} {'cores':>5} {'RSS MB per replica':>19} {'LB CPU s':>8} {'load':>9}")
    for r in reports:
        print(f"{r['config']:8} {r['students']:8d} {r['page_views']:6d} {r['errors']:4d} {r['p50_s']:6.2f} "
              f"{r['p95_s']:6.2f} {r['max_s']:6.2f} {r['server_cpu_per_view_s'] * 1e3:11.0f} "
              f"{r['server_cores_used']:5.2f} {_rss(r):>19} {r.get('lb_cpu_s', float('nan')):8.2f} "
              f"{r['loadavg_before'][0]:4.1f}→{r['loadavg_after'][0]:<4.1f}")


def page_table(reports: list[dict]) -> list[str]:
    """Per page, side by side: p50/p95 page time (and errors, when any) of every configuration and
    class size of this run, one column each, in the order they ran."""
    columns = [f"{r['config']}·{r['students']}" for r in reports]
    width = max(13, *(len(c) for c in columns))
    pages = list(dict.fromkeys(page for r in reports for page in r["pages"]))
    lines = [f"{'p50/p95 s':12} " + " ".join(f"{c:>{width}}" for c in columns)]
    for page in pages:
        cells = []
        for r in reports:
            row = r["pages"].get(page)
            cell = "-" if row is None else f"{row['p50_s']:.2f}/{row['p95_s']:.2f}"
            if row is not None and row["errors"]:
                cell += f" {row['errors']}err"
            cells.append(f"{cell:>{width}}")
        lines.append(f"{page:12} " + " ".join(cells))
    return lines


def budget(reports: list[dict]) -> list[tuple[str, bool]]:
    """Issue 17's budget on this run's rows (only the checks whose rows were measured)."""
    find = {(r["config"], r["students"]): r for r in reports}
    checks = []
    single, two = find.get(("single", 60)), find.get(("2", 60))
    if two:
        checks.append((f"2 replicas, 60 at once: p95 {two['p95_s']:.2f} s ≤ 2.5 s", two["p95_s"] <= 2.5))
    if two and single:
        checks.append((f"2 replicas, 60 at once: p95 {two['p95_s']:.2f} s ≤ 0.6 × single {single['p95_s']:.2f} s "
                       f"= {0.6 * single['p95_s']:.2f} s", two["p95_s"] <= 0.6 * single["p95_s"]))
    if (two_120 := find.get(("2", 120))) is not None:
        checks.append((f"2 replicas, 120 at once: {two_120['errors']} errors (0 allowed)", two_120["errors"] == 0))
    return checks


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configs", default="single,2",
                        help="comma-separated: 'single' (one streamlit process) or a number of replicas")
    parser.add_argument("--students", default="60,120", help="comma-separated class sizes")
    parser.add_argument("--pages", help="comma-separated URL paths (default: every station, in order)")
    parser.add_argument("--rounds", type=int, default=1, help="walk the journey this many times (warm reruns)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a page view counts as failed")
    parser.add_argument("--json", type=Path, help="output (default: bench/results/school-<when>.json)")
    args = parser.parse_args(argv)
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    for config in configs:
        if config != "single" and not (config.isdigit() and int(config) >= 1):
            parser.error(f"--configs: {config!r} is neither 'single' nor a number of replicas")
    sizes = [int(s) for s in args.students.split(",") if s.strip()]
    pages = [p.strip() for p in args.pages.split(",") if p.strip()] if args.pages else None
    reports = []
    for config in configs:
        reports += run_config(config, sizes, pages, args.timeout, max(1, args.rounds))
    print_table(reports)
    print()
    print("\n".join(page_table(reports)))
    for text, ok in budget(reports):
        print(("PASS " if ok else "FAIL ") + text)
    path = args.json or RESULTS / time.strftime("school-%Y%m%d-%H%M%S.json", time.gmtime())
    path.parent.mkdir(parents=True, exist_ok=True)
    slim = [{k: v for k, v in r.items() if k != "views"} for r in reports]
    path.write_text(json.dumps(slim, indent=2, default=str))
    print(f"\nJSON: {path}")
    return reports


if __name__ == "__main__":
    main()
