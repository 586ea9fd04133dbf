"""Page speed benchmark: warm rerun median/p95 per page, the bare rnn_core compute behind it,
and (with --cold) the first render after a fresh server start in real headless Chromium.

    python -m bench.bench_pages [--runs 20] [--cold] [--json out.json]

Warm reruns are measured with Streamlit's AppTest, which executes the page script exactly as
the server does (same caches, same session state) minus the websocket and the browser paint.
Prints a table and, with --json, writes the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.measure import percentile  # noqa: E402
from bench.scenarios import Scenario, load_scenarios  # noqa: E402
from ui.shell.stations import STATIONS  # noqa: E402


def warm_reruns(scenario: Scenario, runs: int) -> dict[str, float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["lang"] = "en"
    at.run()
    if scenario.page != "pages/home/page.py":
        at.switch_page(scenario.page)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    times, bare_times = [], []
    interactions = scenario.interactions or [(None, None, None)]
    for i in range(runs):
        kind, key, value = interactions[i % len(interactions)]
        if kind is not None:
            widget = at.get(kind)
            matches = [w for w in widget if getattr(w, "key", None) == key]
            if not matches:
                raise KeyError(f"{scenario.page}: no {kind} with key {key!r}")
            matches[0].set_value(value)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{scenario.page}: {at.exception[0].value}")
        if scenario.bare is not None:
            start = time.perf_counter()
            scenario.bare(value)
            bare_times.append(time.perf_counter() - start)
    result = {"first_run_ms": first * 1e3, "warm_median_ms": statistics.median(times) * 1e3,
              "warm_p95_ms": percentile(times, 0.95) * 1e3}
    if bare_times:
        result["bare_median_ms"] = statistics.median(bare_times) * 1e3
        result["overhead_ratio"] = result["warm_median_ms"] / max(result["bare_median_ms"], 1e-6)
    return result


def cold_first_render(paths: list[str]) -> dict[str, float]:
    """Fresh server per page; time from navigation to a finished render in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from bench.browser import LAUNCH, wait_idle
    from bench.server import Server

    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**LAUNCH)
        for path in paths:
            with Server() as server:
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                start = time.perf_counter()
                page.goto(f"{server.url}/{path}?lang=en")
                wait_idle(page, timeout=120_000)
                results[path or "home"] = (time.perf_counter() - start) * 1e3
                page.close()
        browser.close()
    return results


URL_PATHS = {s.path: ("" if s.url_path == "home" else s.url_path) for s in STATIONS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold", action="store_true", help="also time the first render after a server start")
    parser.add_argument("--only", nargs="*", help="areas to run (home, station1, …)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    scenarios = {k: v for k, v in load_scenarios().items() if not args.only or k in args.only}
    table = {area: warm_reruns(sc, args.runs) for area, sc in scenarios.items()}
    if args.cold:
        cold = cold_first_render([URL_PATHS[sc.page] for sc in scenarios.values()])
        for area, sc in scenarios.items():
            table[area]["cold_first_render_ms"] = cold[URL_PATHS[sc.page] or "home"]
    print(f"{'page':10} {'first':>8} {'median':>8} {'p95':>8} {'bare':>8} {'ratio':>6} {'cold':>8}   (ms)")
    for area, row in table.items():
        print(f"{area:10} {row['first_run_ms']:8.0f} {row['warm_median_ms']:8.1f} {row['warm_p95_ms']:8.1f} "
              f"{row.get('bare_median_ms', float('nan')):8.1f} {row.get('overhead_ratio', float('nan')):6.2f} "
              f"{row.get('cold_first_render_ms', float('nan')):8.0f}")
    if args.json:
        args.json.write_text(json.dumps(table, indent=2))


if __name__ == "__main__":
    main()
