"""Station 4's pure builders: diagrams, heatmaps, latch, gradients, cost (the analysis is tested in
tests/core/test_memory_units.py)."""

from __future__ import annotations

import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from pages.gates import charts
from pages.gates import texts as _texts
from pages.gates.diagrams import GRU_TEXT_KEYS, LSTM_TEXT_KEYS, gru_diagram, lstm_diagram, scale_text
from tests.apptest_helpers import decode
from ui.shell.catalogs import in_language, owner

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")


def spec(fig: go.Figure) -> dict:
    return decode(json.loads(fig.to_json()))


TEXTS = {k: k for k in ("title", "x_title", "y_title", "gate_colorbar", "signed_colorbar", "key", "final", "memory",
                        "hover", "gate_y", "state_y", "batch", "trailing", "chance", "current")}
TEXTS.update(solved="solved at {step}", name="b_f = {b}", clipped_colorbar="stops at ±{limit}")


def test_catalog_languages_have_the_same_keys_and_placeholders():
    import string

    assert PT.keys() == EN.keys()
    fields = string.Formatter()
    for key in PT:
        assert owner(key) == "gates", key  # its own keys, its nav title and home card included
        names = {f for _, f, _, _ in fields.parse(PT[key]) if f}
        assert names == {f for _, f, _, _ in fields.parse(EN[key]) if f}, key


def test_gate_names_are_bilingual_as_in_the_seed():
    assert PT["gates.gate_forget_name"] == "Porta de esquecimento (forget gate)"
    assert PT["gates.gate_input_name"] == "Porta de entrada (input gate)"
    assert PT["gates.gate_output_name"] == "Porta de saída (output gate)"
    assert PT["gates.gate_update_name"] == "Porta de atualização (update gate)"
    assert PT["gates.gate_reset_name"] == "Porta de reinicialização (reset gate)"
    assert "esteira" in PT["gates.dg_belt"] and "conveyor belt" in EN["gates.dg_belt"]


@pytest.mark.parametrize("builder,keys,letters", [(lstm_diagram, LSTM_TEXT_KEYS, "figo"),
                                                  (gru_diagram, GRU_TEXT_KEYS, "zrn")])
def test_diagrams_name_every_block_and_hover_it(builder, keys, letters):
    texts = {k: f"<{k}>" for k in keys}
    fig = spec(builder(texts))
    annotations = " ".join(a.get("text", "") for a in fig["layout"]["annotations"])
    for letter in letters:
        assert f"<b>{letter}</b>" in annotations
    hovers = [tr["hovertext"][0] for tr in fig["data"]]
    assert len(hovers) == len(letters) and all(h.endswith("_hover>") for h in hovers)
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"  # round circles
    assert fig["layout"]["title"]["text"] == "<title>"


@pytest.mark.parametrize("builder,keys", [(lstm_diagram, LSTM_TEXT_KEYS), (gru_diagram, GRU_TEXT_KEYS)])
def test_diagrams_without_boxes_keep_the_hover_targets(builder, keys):
    texts = {k: f"<{k}>" for k in keys}
    full, empty = spec(builder(texts)), spec(builder(texts, boxes=False))
    assert len(empty["data"]) == len(full["data"])  # hover targets stay
    assert len(empty["layout"]["shapes"]) < len(full["layout"]["shapes"])
    assert not any("</b> σ" in a.get("text", "") for a in empty["layout"]["annotations"])


def test_scale_text_enlarges_every_label():
    fig = lstm_diagram({k: k for k in LSTM_TEXT_KEYS})
    before = [a.font.size for a in fig.layout.annotations]
    after = [a.font.size for a in scale_text(fig, 1.5).layout.annotations]
    assert all(b is None or a == pytest.approx(1.5 * b) for a, b in zip(after, before, strict=True))


def test_heatmaps_figure_shapes_scales_and_marks():
    h, t = 32, 15
    panels = [charts.Panel("f", np.random.default_rng(1).random((h, t))),
              charts.Panel("c", np.random.default_rng(2).normal(0, 1, (h, t)), signed=True)]
    kinds = ["ordinary1", "key", *["ordinary2"] * (t - 3), "final"]
    moods = ["sad", "happy", *["sad"] * (t - 3), None]
    strip = charts.Strip(kinds, moods, [f"E{i}" for i in range(t)],
                         {"label": "episodes", **{g: g for g in charts.STRIP_GROUPS}})
    fig = spec(charts.heatmaps_figure(panels, key=1, memory_unit=7, texts=TEXTS, strip=strip))
    heat = [tr for tr in fig["data"] if tr["type"] == "heatmap"]
    assert np.array(heat[0]["z"]).shape == (1, t)  # the strip
    assert [np.array(tr["z"]).shape for tr in heat[1:]] == [(h, t), (h, t)]
    assert heat[1]["coloraxis"] == "coloraxis" and heat[2]["coloraxis"] == "coloraxis2"
    layout = fig["layout"]
    assert (layout["coloraxis"]["cmin"], layout["coloraxis"]["cmax"]) == (0, 1)
    assert layout["coloraxis2"]["cmin"] == -layout["coloraxis2"]["cmax"]
    assert layout["coloraxis"]["colorbar"]["title"]["text"] == "gate_colorbar"
    assert layout["xaxis"]["range"] == [0.5, t + 0.5]
    assert layout["title"]["text"] == "title"
    shapes = layout["shapes"]
    assert sum(1 for s in shapes if s["type"] == "rect" and s["y0"] == 6.5) == 2  # unit 7 framed in both panels
    assert {s["x0"] for s in shapes if s["type"] == "line"} == {2, t}  # key (episode 2) and final (episode t)
    frame = charts.heatmaps_frame(panels)
    assert len(frame) == 2 * h * t and set(frame.columns) == {"panel", "unit", "episode", "value"}


def test_signed_panels_get_their_own_scale_and_a_limit_saturates_the_colours():
    values = np.zeros((4, 6))
    values[0, 0] = 12.0
    panels = [charts.Panel("g", np.full((4, 6), 0.5), signed=True), charts.Panel("c", values, signed=True, limit=3.0),
              charts.Panel("f", np.full((4, 6), 0.9))]
    layout = spec(charts.heatmaps_figure(panels, key=1, memory_unit=0, texts=TEXTS))["layout"]
    assert layout["coloraxis2"]["cmax"] == 0.5 and layout["coloraxis2"]["colorbar"]["title"]["text"] == "signed_colorbar"
    assert layout["coloraxis3"]["cmax"] == 3.0 and layout["coloraxis3"]["colorbar"]["title"]["text"] == "stops at ±3"
    assert layout["coloraxis"]["cmax"] == 1.0


def test_strip_groups():
    assert charts.strip_groups(["ordinary1", "key", "ordinary3", "ordinary2", "final"],
                               ["happy", "sad", None, "sad", None]) == [
        "ordinary_happy", "key_sad", "ordinary", "ordinary_sad", "final"]


def test_unit_figure_two_panels_and_marks():
    codes = [f"E{i}" for i in range(8)]
    fig = spec(charts.unit_figure([("f", np.full(8, 0.3), "#000")], [("c", np.linspace(-1, 1, 8), "#00f", "solid")],
                                  key=2, codes=codes, texts=TEXTS))
    assert [tr["name"] for tr in fig["data"]] == ["f", "c", "key", "final"]  # the dashed lines in the legend
    assert fig["data"][0]["yaxis"] == "y" and fig["data"][1]["yaxis"] == "y2"
    assert fig["layout"]["yaxis"]["range"] == [-0.03, 1.03]
    assert fig["layout"]["xaxis2"]["title"]["text"] == "x_title"


def test_smooth_matches_training_smoothed():
    from rnn_core.training import smoothed

    values = list(np.random.default_rng(3).random(57))
    assert np.allclose(charts.smooth(values), smoothed(values))
    assert charts.smooth([]).size == 0


def test_latch_and_tried_figures():
    acc = [0.5] * 30 + [1.0] * 30
    fig = spec(charts.latch_figure(acc, solved_at=45, texts=TEXTS))
    assert len(fig["data"]) == 2 and fig["layout"]["yaxis"]["tickformat"] == ".0%"
    assert any("solved at 45" in a.get("text", "") for a in fig["layout"]["annotations"])
    frame = charts.latch_frame(acc, [0.7] * 60)
    assert list(frame.columns) == ["step", "loss", "batch_accuracy", "accuracy_trailing20"]
    tried = {0.0: {"accuracy": 0.5, "solved_at": None}, 1.0: {"accuracy": 1.0, "solved_at": 70}}
    fig = spec(charts.tried_figure(tried, 1.0, texts=TEXTS))
    assert fig["data"][0]["x"] == [0.0, 1.0] and fig["data"][1]["y"] == [1.0]
    assert list(charts.tried_frame(tried)["forget_bias"]) == [0.0, 1.0]


def test_cell_grad_figure_log_axis_and_zero_left_out():
    d = np.arange(5, -1, -1)
    curves = {0.0: np.array([0.0, 1e-20, 1e-10, 1e-5, 1e-2, 1.0]), 2.0: np.ones(6)}
    fig = spec(charts.cell_grad_figure(d, curves, 2.0, texts=TEXTS, lang="pt"))
    assert fig["layout"]["yaxis"]["type"] == "log"
    first = fig["data"][0]
    assert first["x"][0] == 0 and (first["y"][-1] is None or math.isnan(first["y"][-1]))  # 0 → a gap
    assert fig["data"][1]["line"]["width"] == 4  # the current b_f is bold
    assert charts.bias_text(0.25, "pt") == "0,25" and charts.bias_text(2.0) == "2"
    frame = charts.cell_grad_frame(d, curves)
    assert list(frame["distance"]) == [0, 1, 2, 3, 4, 5] and "b_f=2" in frame.columns


def test_cost_figure_and_frame():
    ms = {"lstm": {"fused": 1.0, "fused_plain": 8.04, "transparent": 18.4},
          "gru": {"fused": 8.1, "fused_plain": 7.9, "transparent": 23.0}}
    names = {"fused": "A", "fused_plain": "B", "transparent": "C"}
    fig = spec(charts.cost_figure(ms, mode_names=names, cell_names={"lstm": "LSTM", "gru": "GRU"}, texts=TEXTS,
                                  lang="pt"))
    assert [tr["name"] for tr in fig["data"]] == ["LSTM", "GRU"]
    assert list(fig["data"][0]["text"]) == ["1,0", "8,0", "18"]
    assert fig["layout"]["yaxis"]["type"] == "log"
    lo, hi = fig["layout"]["yaxis"]["range"]
    assert lo < math.log10(1.0) and hi > math.log10(23.0)
    frame = charts.cost_frame(ms, {"lstm": 5248, "gru": 3936})
    assert len(frame) == 6 and set(frame["params"]) == {5248, 3936}
