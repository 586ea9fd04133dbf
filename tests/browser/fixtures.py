"""Real-browser fixtures: one Streamlit server for the session, Debian's Chromium via Playwright.

The server starter and Chromium's launch settings are the benchmarks' (``bench.server``,
``bench.browser``), so the tests and the benchmarks drive the same server and the same browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.browser import CHROMIUM, LAUNCH
from bench.server import Server


@pytest.fixture(scope="session")
def server_url():
    """The app on a free port; its output goes to a file (a pipe nobody reads could fill and stall it)."""
    with Server() as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run scripts/test.sh, which installs it")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(**LAUNCH)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    page = context.new_page()
    yield page
    context.close()
