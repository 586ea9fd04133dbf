"""Fixtures shared by the test files."""

import pytest


@pytest.fixture
def fresh_models():
    """Forget loaded models before and after a test that swaps the weights directory."""
    from ui import models_cache

    models_cache.clear()
    yield
    models_cache.clear()
