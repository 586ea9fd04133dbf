"""Does one student's Lab race freeze the other students' pages?

    python -m bench.bench_concurrency [--reruns 10]

Student B moves the first slider on station 3 (a rerun each time) in real headless Chromium,
first with the server idle, then while student A runs the default Lab race in another browser
context. B's rerun time is the server-side duration of each completed script run (app.py logs
it when RNNLAB_TIMING_LOG is set). Prints median and p95 in both conditions, and the race time.
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

from bench.browser import LAUNCH, SETTLED_JS, open_via_home, wait_idle  # noqa: E402
from bench.measure import percentile, script_runs  # noqa: E402
from bench.server import Server  # noqa: E402


def _logged_runs(log: Path, page_name: str) -> list[float]:
    return script_runs(log).get(page_name, [])


def _reruns(page, count: int, log: Path) -> list[float]:
    """Move the first slider ``count`` times; return the server-side duration of each rerun."""
    slider = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input").first
    times = []
    for i in range(count):
        seen = len(_logged_runs(log, "gradients"))
        slider.focus()
        slider.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        deadline = time.time() + 120
        while len(_logged_runs(log, "gradients")) == seen and time.time() < deadline:
            time.sleep(0.02)
        page.wait_for_function(SETTLED_JS, timeout=120_000)
        times.append(_logged_runs(log, "gradients")[-1])
    return times


def _summary(values: list[float]) -> dict[str, float]:
    return {"median_ms": statistics.median(values) * 1e3, "p95_ms": percentile(values, 0.95) * 1e3}


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args()
    server = Server()
    log, base = server.timing_log, server.url
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(**LAUNCH)
            student_b = browser.new_page(viewport={"width": 1280, "height": 900})
            open_via_home(student_b, base, "gradients?lang=en&nonlinearity=linear")
            _reruns(student_b, 2, log)  # warm the caches
            idle = _reruns(student_b, args.reruns, log)

            student_a = browser.new_page(viewport={"width": 1280, "height": 900})
            student_a.goto(f"{base}/lab?lang=en")
            wait_idle(student_a, timeout=120_000)
            race_start = time.perf_counter()
            student_a.locator(".st-key-_s5_start button").first.click()
            student_a.locator(".st-key-_s5_stop").first.wait_for(timeout=60_000)
            during = _reruns(student_b, args.reruns, log)
            student_a.locator(".st-key-_s5_stop").first.wait_for(state="detached", timeout=300_000)
            race_seconds = time.perf_counter() - race_start
            browser.close()
    finally:
        server.cleanup()
    report = {"idle": _summary(idle), "during_race": _summary(during), "race_seconds": race_seconds}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
