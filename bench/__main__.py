"""Every benchmark of the project in one run: a table and a JSON file.

    python -m bench [--quick] [--json bench/results/latest.json]

* per page: cold first render after a server start (real Chromium), warm rerun median and p95
  (AppTest, as the server runs it), the bare rnn_core compute behind one change, and the ratio;
* ``rnn_core.gradients.probe`` at length 300, hidden 64, for each cell;
* the default Lab race (adding problem, T = 50, 600 steps), bare;
* the server's peak memory with 1 and with 10 students, and the page-load p95 with 10
  (``bench.load_test``);
* another student's rerun time while a race runs (``bench.bench_concurrency``).

Budgets (from the issues): warm rerun < 300 ms median, first page < 5 s, UI overhead < 2×
the bare compute, race < 20 s, probe < 150 ms, peak memory < 1 GB with 10 students.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _machine() -> dict:
    import torch

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "torch": torch.__version__,
            "torch_threads": torch.get_num_threads(), "load_average_at_start": os.getloadavg()[0]}


def _module_json(module: str, *args: str) -> dict:
    """Run ``python -m module args`` in a fresh process and parse the JSON it prints last."""
    out = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=1800).stdout
    return json.loads(out[out.index("{"):])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer reruns, no load or concurrency test")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()

    from bench.bench_core_gradients import bench as probe_bench
    from bench.bench_pages import URL_PATHS, cold_first_render, warm_reruns
    from bench.scenarios import load_scenarios
    from rnn_core.race import race

    report: dict = {"machine": _machine(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    scenarios = load_scenarios()
    report["pages"] = {area: warm_reruns(sc, 10 if args.quick else 30) for area, sc in scenarios.items()}
    cold = cold_first_render([URL_PATHS[sc.page] for sc in scenarios.values()])
    for area, sc in scenarios.items():
        report["pages"][area]["cold_first_render_ms"] = cold[URL_PATHS[sc.page] or "home"]
    report["probe_ms"] = probe_bench(runs=10 if args.quick else 20)
    start = time.perf_counter()
    results = race()
    report["race"] = {"seconds": time.perf_counter() - start,
                      "cells": {r.cell: {"final_loss": r.final_loss, "solved_at_step": r.solved_at_step}
                                for r in results}}
    if not args.quick:
        one = _module_json("bench.load_test", "--students", "1")
        ten = _module_json("bench.load_test", "--students", "10")
        report["load"] = {"peak_rss_mb_1_student": one["server_peak_rss_mb"],
                          "peak_rss_mb_10_students": ten["server_peak_rss_mb"], "ten_students": ten}
        report["concurrency"] = _module_json("bench.bench_concurrency")

    print(f"Machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, torch "
          f"{report['machine']['torch']} ({report['machine']['torch_threads']} thread), {report['when']}")
    print(f"\n{'page':10} {'cold (s)':>9} {'warm median':>12} {'warm p95':>9} {'bare':>7} {'ratio':>6}   (ms)")
    for area, row in report["pages"].items():
        bare = row.get("bare_median_ms")
        print(f"{area:10} {row['cold_first_render_ms'] / 1e3:9.2f} {row['warm_median_ms']:12.0f} "
              f"{row['warm_p95_ms']:9.0f} {bare if bare is not None else float('nan'):7.1f} "
              f"{row.get('overhead_ratio', float('nan')):6.1f}")
    print("\nprobe at length 300, hidden 64 (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in report["probe_ms"].items()))
    print(f"default race: {report['race']['seconds']:.1f} s  " + ", ".join(
        f"{c}: loss {v['final_loss']:.4f}, solved at {v['solved_at_step']}" for c, v in report["race"]["cells"].items()))
    if "load" in report:
        ten = report["load"]["ten_students"]
        print(f"server peak memory: {report['load']['peak_rss_mb_1_student']:.0f} MB (1 student), "
              f"{report['load']['peak_rss_mb_10_students']:.0f} MB (10 students)")
        print(f"10 students: {ten['page_loads']} page loads, {ten['reruns']} reruns, {len(ten['failures'])} failures, "
              f"{len(ten['exceptions'])} exceptions; page load p50 {ten['load_p50_ms'] / 1e3:.1f} s, "
              f"p95 {ten['load_p95_ms'] / 1e3:.1f} s in the browsers; server-side runs p50 "
              f"{ten['server_run_p50_ms']:.0f} ms, p95 {ten['server_run_p95_ms']:.0f} ms")
        conc = report["concurrency"]
        print(f"another student's rerun: {conc['idle']['median_ms']:.0f} ms idle, "
              f"{conc['during_race']['median_ms']:.0f} ms during a race (p95 {conc['during_race']['p95_ms']:.0f})")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=str))
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
