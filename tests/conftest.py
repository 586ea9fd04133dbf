"""Fixtures shared by the test files."""

import os

import pytest

# Real-browser fixtures (one Streamlit server per test session, Debian's Chromium via Playwright), used by
# every station's tests/pages/<slug>/test_browser.py.
pytest_plugins = ["tests.browser.fixtures"]

# AppTest has no server for services.warmup to visit; the browser tests' real server warms as usual.
os.environ.setdefault("RNN_LAB_WARMUP", "0")


@pytest.fixture
def fresh_models():
    """Forget loaded models before and after a test that swaps the weights directory."""
    from ui.shell import models as models_cache

    models_cache.clear()
    yield
    models_cache.clear()
