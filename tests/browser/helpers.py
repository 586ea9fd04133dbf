"""Helpers for the browser tests: wait for a Streamlit run to finish, look for tracebacks."""

from __future__ import annotations

import os
from pathlib import Path

SCREENSHOTS = Path(os.environ.get("RNNLAB_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))


# True when a page has rendered and settled: a title is on screen, no script run is in
# progress (the status widget's running icon) and no element is still a loading skeleton.
SETTLED_JS = (
    "() => document.querySelector('[data-testid=\"stMain\"] h1') !== null"
    " && !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
    " && !document.querySelector('[data-testid=\"stMain\"] [data-testid=\"stSkeleton\"]')"
)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the app has rendered and settled (checked twice, 400 ms apart)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    for _ in range(2):
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED_JS, timeout=timeout)


def assert_no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.locator("[data-testid='stException']").first.inner_text()


def shot(page, name: str) -> Path:
    """Save a full-page screenshot under ``screenshots/`` (git-ignored) for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
