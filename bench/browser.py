"""Real headless Chromium for the benchmarks and the browser tests: how to launch it, when a page is done.

Debian's Chromium (``/usr/bin/chromium``) driven by Playwright: ``pw.chromium.launch(**LAUNCH)``,
sync or async. The flags keep it quiet and offline (no sync, no component updates, no QUIC).
"""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LAUNCH = {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}

# True when a page has rendered and settled: a title is on screen, no script run is in
# progress and no element is still a loading skeleton. A run in progress is read from the app's
# ``data-test-script-state`` (set the moment a run starts) as well as from the status widget's
# running icon (which Streamlit shows only after a run has lasted 500 ms).
SETTLED_JS = (
    "() => document.querySelector('[data-testid=\"stMain\"] h1') !== null"
    " && !['running', 'rerunRequested'].includes("
    "document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState)"
    " && !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
    " && !document.querySelector('[data-testid=\"stMain\"] [data-testid=\"stSkeleton\"]')"
)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the app has rendered and settled (checked twice, 400 ms apart)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    for _ in range(2):
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED_JS, timeout=timeout)


def open_via_home(page, url: str, path: str, timeout: float = 120_000) -> None:
    """Open the home page in English, then ``path`` (a station and its query), each settled — the way a
    student arrives from the class link and then picks a station."""
    for target in ("?lang=en", path):
        page.goto(f"{url}/{target}")
        wait_idle(page, timeout=timeout)
