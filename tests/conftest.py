"""Fixtures shared by the test files."""

import os

import pytest

# AppTest has no server for ui.warmup to visit; the browser tests' real server warms as usual.
os.environ.setdefault("RNN_LAB_WARMUP", "0")


@pytest.fixture
def fresh_models():
    """Forget loaded models before and after a test that swaps the weights directory."""
    from ui import models_cache

    models_cache.clear()
    yield
    models_cache.clear()
