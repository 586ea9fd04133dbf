"""Classroom load test: N simulated students in real headless Chromium against one server.

    python -m bench.load_test [--students 10] [--rounds 1] [--json out.json]

Each student is an isolated browser context (its own Streamlit session). All students start
together; each opens every page in turn (through a shared-link URL carrying that page's
controls, from ``bench/scenarios``), then moves the page's first slider with the keyboard (a
rerun in the same session), and checks that no exception element appeared. Reports failures,
p50/p95 page-load and rerun times as the browsers see them (on this machine the N Chromium
instances share the server's cores, so these include their own rendering), the server-side
duration of every script run (what the server spends per page, logged by app.py), and the
server's peak resident memory (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_pages import URL_PATHS  # noqa: E402
from bench.browser import LAUNCH, SETTLED_JS  # noqa: E402
from bench.measure import percentile, script_runs, status_kb  # noqa: E402
from bench.scenarios import load_scenarios  # noqa: E402
from bench.server import Server  # noqa: E402

IDLE_JS = SETTLED_JS


def _student_urls(base: str, student: int) -> list[str]:
    urls = []
    for scenario in load_scenarios().values():
        params = {"lang": "pt" if student % 2 else "en"}
        if scenario.interactions:
            kind, key, value = scenario.interactions[student % len(scenario.interactions)]
            if key and not key.startswith("_") and not isinstance(value, list | tuple | dict):
                params[key] = str(value).lower() if isinstance(value, bool) else str(value)
        urls.append(f"{base}/{URL_PATHS[scenario.page]}?{urlencode(params)}")
    return urls


async def _student(browser, base: str, student: int, rounds: int, out: dict) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    try:
        for _ in range(rounds):
            for url in _student_urls(base, student):
                start = time.perf_counter()
                try:
                    await page.goto(url, timeout=120_000)
                    await page.wait_for_function(IDLE_JS, timeout=120_000)
                    out["loads"].append(time.perf_counter() - start)
                    slider = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input").first
                    if await slider.count():
                        start = time.perf_counter()
                        await slider.focus()
                        await slider.press("ArrowRight")
                        await page.wait_for_timeout(150)
                        await page.wait_for_function(IDLE_JS, timeout=120_000)
                        out["reruns"].append(time.perf_counter() - start)
                    if await page.locator("[data-testid='stException']").count():
                        out["exceptions"].append(url)
                except Exception as error:  # a failure is a result to report
                    out["failures"].append(f"{url}: {type(error).__name__}: {str(error)[:200]}")
    finally:
        await context.close()


async def run(students: int, rounds: int, base: str) -> dict:
    from playwright.async_api import async_playwright

    out: dict = {"loads": [], "reruns": [], "exceptions": [], "failures": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**LAUNCH)
        await asyncio.gather(*(_student(browser, base, s, rounds, out) for s in range(students)))
        await browser.close()
    return out


def _pct(values: list[float], q: float) -> float:
    """The ``q`` quantile in milliseconds."""
    return percentile(values, q) * 1e3


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    server = Server()
    try:
        start = time.perf_counter()
        out = asyncio.run(run(args.students, args.rounds, server.url))
        wall = time.perf_counter() - start
        peak = status_kb(server.pid, "VmHWM") / 1024  # the server's peak resident memory, MB
        runs = [seconds for page in script_runs(server.timing_log).values() for seconds in page]
    finally:
        server.cleanup()
    report = {
        "students": args.students, "page_loads": len(out["loads"]), "reruns": len(out["reruns"]),
        "failures": out["failures"], "exceptions": out["exceptions"],
        "load_p50_ms": _pct(out["loads"], 0.5), "load_p95_ms": _pct(out["loads"], 0.95),
        "rerun_p50_ms": _pct(out["reruns"], 0.5), "rerun_p95_ms": _pct(out["reruns"], 0.95),
        "server_runs": len(runs), "server_run_p50_ms": _pct(runs, 0.5), "server_run_p95_ms": _pct(runs, 0.95),
        "server_peak_rss_mb": peak, "wall_seconds": wall,
        "median_load_ms": statistics.median(out["loads"]) * 1e3 if out["loads"] else float("nan"),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
