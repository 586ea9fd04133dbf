"""``ui.figures.parts.typed_array``: Plotly's typed-array spec, read back by plotly.py and by the test
helpers the way plotly.js reads it (little-endian, shape "rows, columns")."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from tests.apptest_helpers import decode
from ui.figures.parts import typed_array


@pytest.mark.parametrize("dtype", ["f4", "f8"])
def test_a_matrix_round_trips_through_a_figure(dtype):
    values = np.random.default_rng(0).random((32, 43))
    fig = go.Figure(go.Heatmap(z=typed_array(values, dtype)))
    sent = json.loads(fig.to_json())["data"][0]["z"]
    assert sent["dtype"] == dtype and sent["shape"] == "32, 43"
    back = np.array(decode(sent))
    assert back.shape == values.shape
    tolerance = 1e-7 if dtype == "f4" else 0.0  # float32 keeps 7 significant digits: far below a hover's 3 decimals
    np.testing.assert_allclose(back, values, rtol=tolerance, atol=tolerance)


def test_float32_halves_the_bytes_and_a_vector_has_no_shape():
    values = np.linspace(0, 1, 1000)
    f4, f8 = typed_array(values, "f4"), typed_array(values, "f8")
    assert "shape" not in f4 and len(f4["bdata"]) * 2 == pytest.approx(len(f8["bdata"]), rel=0.01)


def test_other_dtypes_are_refused():
    with pytest.raises(ValueError, match="f4"):
        typed_array([1, 2, 3], "i4")
