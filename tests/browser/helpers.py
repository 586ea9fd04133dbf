"""Helpers for the browser tests: wait for a Streamlit run to finish, look for tracebacks, take screenshots.

``wait_idle`` (and the ``SETTLED_JS`` check behind it) is the benchmarks' (``bench.browser``): one
definition of "the page is done" for both; it is offered here too so a test imports its helpers from
one place.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.browser import SETTLED_JS, wait_idle

__all__ = ["SCREENSHOTS", "SETTLED_JS", "assert_no_exception", "shot", "wait_idle"]

SCREENSHOTS = Path(os.environ.get("RNNLAB_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))


def assert_no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.locator("[data-testid='stException']").first.inner_text()


def shot(page, name: str) -> Path:
    """Save a full-page screenshot under ``screenshots/`` (git-ignored) for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
