"""Figure builders of station 1: pure functions, no Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pages.sequential.charts import arrangements_figure, unrolled_steps_figure
from ui.shell.theme import DIVERGING, MODEL_COLORS

LABELS = {"title": "T", "input_label": "x", "state_label": "h", "output_label": "y", "heat_label": "step",
          "unit_label": "unit", "value_label": "h value", "play_label": "play", "pause_label": "pause",
          "step_prefix": "t = "}


def test_unrolled_steps_figure_has_one_frame_per_step_and_ends_on_the_full_hidden_state():
    tokens = ["C", "A", "D", "B", "E"]
    states = np.linspace(-0.9, 0.9, 5 * 8).reshape(5, 8)
    fig = unrolled_steps_figure(tokens, states, "97%", **LABELS)
    assert fig.layout.title.text == "T"
    inputs, hidden, output, heat = fig.data
    assert list(inputs.text) == tokens and len(hidden.x) == len(tokens)
    assert output.text[0] == "97%"  # the static figure is the last step: the answer is there
    assert len(fig.frames) == len(tokens)  # one frame per time step
    last = np.asarray(fig.frames[-1].data[3].z, dtype=float)
    np.testing.assert_array_equal(last, states.T)  # the last frame is the whole (H, T) hidden state
    np.testing.assert_array_equal(np.asarray(heat.z, dtype=float), states.T)
    for k, frame in enumerate(fig.frames):  # frame k: h_1..h_(k+1) filled in, later columns empty
        z = np.asarray(frame.data[3].z, dtype=float)
        np.testing.assert_array_equal(z[:, : k + 1], states.T[:, : k + 1])
        assert np.isnan(z[:, k + 1:]).all()
        colours = list(frame.data[1].marker.color)
        assert colours[: k + 1] == [MODEL_COLORS["rnn"]] * (k + 1) and MODEL_COLORS["rnn"] not in colours[k + 1:]
    assert (heat.zmin, heat.zmax, heat.zmid) == (-1.0, 1.0, 0.0)
    assert [list(c) for c in heat.colorscale] == [list(c) for c in DIVERGING]
    # play / pause run in the browser; the slider scrubs and steps, starting on the last frame
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == ["▶ play", "■ pause"] and all(b.method == "animate" for b in buttons)
    assert list(buttons[0].args[0]) == [str(t) for t in range(1, 6)]
    slider = fig.layout.sliders[0]
    assert slider.active == 4 and [s.args[0][0] for s in slider.steps] == [f.name for f in fig.frames]
    # one input arrow per step, one loop arrow between consecutive steps, h_0 and the readout
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == len(tokens) + (len(tokens) - 1) + 2
    labels = {a.text for a in fig.layout.annotations if not a.showarrow}
    assert {"W", "U", "V"} <= labels  # W = input weights, U = recurrent weights


def test_unrolled_steps_figure_scales_for_presenter_mode_and_checks_shapes():
    tokens = ["A", "B"]
    states = np.zeros((2, 3))
    small = unrolled_steps_figure(tokens, states, "50%", **LABELS)
    big = unrolled_steps_figure(tokens, states, "50%", **LABELS, scale=1.5)
    assert big.data[1].marker.size > small.data[1].marker.size
    assert big.layout.sliders[0].font.size > small.layout.sliders[0].font.size
    with pytest.raises(ValueError):
        unrolled_steps_figure(["A"], states, "50%", **LABELS)


def test_arrangements_figure_one_series_per_model_and_the_current_order_marked():
    rows = []
    for a in range(1, 5):
        for b in range(1, 5):
            if a != b:
                rows.append({"pos_a": a, "pos_b": b, "model": "ff", "p_before": 0.48})
                rows.append({"pos_a": a, "pos_b": b, "model": "rnn", "p_before": float(a < b)})
    df = pd.DataFrame(rows)
    fig = arrangements_figure(df, (1, 3), {"ff": "FF", "rnn": "RNN"}, title="A", x_label="gap", y_label="P",
                              current_label="you", chance_label="chance")
    names = [tr.name for tr in fig.data]
    assert names == ["FF", "RNN", "you"]
    assert fig.data[0].marker.color == MODEL_COLORS["ff"] and fig.data[1].marker.color == MODEL_COLORS["rnn"]
    assert set(fig.data[0].x) == {b - a for a in range(1, 5) for b in range(1, 5) if a != b}
    assert list(fig.data[2].x) == [2, 2]
    assert fig.layout.yaxis.range == (-0.05, 1.05)
