"""Station 3 chart builders without Streamlit, including norms that underflowed (0) or
overflowed (∞) and NaN losses: they must be drawn as edge markers, never break the log axis."""

from __future__ import annotations

import json
import math

import numpy as np
import plotly.graph_objects as go
import pytest

from pages.gradients import charts
from pages.gradients import texts as _texts
from rnn_core.cliff import B_RANGE, W_RANGE, descent_path, loss_surface
from tests.apptest_helpers import decode
from ui.shell.catalogs import in_language, owner

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")

TEXTS = {
    "underflow": "below 1e-308", "overflow": "∞ (overflow)", "nan": "NaN", "underflow_marker": "0",
    "overflow_marker": "∞/NaN", "title": "T", "x_title": "X", "y_title": "Y", "measured": "measured",
    "theory": "theory", "row_forward": "fwd", "row_backward": "bwd", "forward_name": "forward",
    "backward_name": "backward", "colorbar": "strength", "person": "person {t}", "from_start": "{k} from start",
    "to_loss": "{k} to loss", "start": "start", "loss": "loss", "jump": "thrown {size} ({before} → {after})",
    "exploded": "exploded at step {step}",
}




def _json_ok(fig: go.Figure) -> dict:
    """The figure serialises as Streamlit sends it (JSON) and has a title."""
    text = fig.to_json()
    spec = decode(json.loads(text))
    assert spec["layout"]["title"]["text"]
    return spec


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (2.66e-5, "en", "2.66 × 10⁻⁵"), (2.66e-5, "pt", "2,66 × 10⁻⁵"), (1.38e4, "en", "1.38 × 10⁴"),
    (0.5, "en", "0.500"), (0.0, "en", "0"), (math.inf, "en", "∞"), (math.nan, "en", "NaN"), (1.0, "pt", "1,00"),
    (9.999e-5, "en", "1.00 × 10⁻⁴"),
])
def test_sci(value, lang, expected):
    assert charts.sci(value, lang) == expected


def test_value_text():
    assert charts.value_text(0.0, TEXTS) == "below 1e-308"
    assert charts.value_text(math.inf, TEXTS) == "∞ (overflow)"
    assert charts.value_text(math.nan, TEXTS) == "NaN"
    assert charts.value_text(0.9**100, TEXTS) == "2.66 × 10⁻⁵"


def test_clipped_log10_and_span():
    logs = charts.clipped_log10([0.0, 1e-30, 1.0, 1e30, math.inf, math.nan], 10)
    assert logs.tolist() == [-10, -10, 0, 10, 10, 10]
    assert charts.log_span([[0.0, math.inf, math.nan]]) == (-1.0, 1.0)
    lo, hi = charts.log_span([[1e-5, 0.0], [1e3, math.inf]])
    assert (round(lo), round(hi)) == (-5, 3)


# --------------------------------------------------------------------------- telephone game


def test_shown_people_keeps_both_ends_and_is_readable():
    assert charts.shown_people(10) == list(range(1, 11))
    people = charts.shown_people(300)
    assert people[0] == 1 and people[-1] == 300 and len(people) <= 31
    assert charts.shown_people(1) == [1]


def test_telephone_with_zero_and_infinity():
    forward = np.array([1.0, 1e-5, 1e-200, 0.0, 0.0])
    backward = np.array([math.inf, math.nan, 1e40, 3.0, 1.0])
    spec = _json_ok(charts.telephone_figure(forward, backward, texts=TEXTS))
    rows = [tr for tr in spec["data"] if tr.get("mode") == "markers"]
    assert [r["name"] for r in rows] == ["forward", "backward"]
    fwd, bwd = rows
    assert fwd["marker"]["symbol"][3:] == ["triangle-down"] * 2
    assert bwd["marker"]["symbol"][:2] == ["star", "star"]
    assert "below 1e-308" in fwd["hovertext"][3] and "∞ (overflow)" in bwd["hovertext"][0]
    assert "NaN" in bwd["hovertext"][1]
    assert max(fwd["marker"]["color"]) <= 10 and min(fwd["marker"]["color"]) >= -10
    assert all(np.isfinite(fwd["marker"]["size"])) and all(np.isfinite(bwd["marker"]["size"]))
    # the megaphone is bigger than the whisper
    assert bwd["marker"]["size"][2] > fwd["marker"]["size"][1] > fwd["marker"]["size"][2]
    df = charts.telephone_frame(forward, backward)
    assert len(df) == 5 and df["steps_to_loss"].tolist() == [4, 3, 2, 1, 0]


def test_telephone_subset_hover_names_the_right_person():
    length = 300
    forward = 0.9 ** np.arange(1, length + 1)
    spec = _json_ok(charts.telephone_figure(forward, forward[::-1], texts=TEXTS))
    fwd = next(tr for tr in spec["data"] if tr.get("name") == "forward")
    assert fwd["x"][-1] == length and "person 300" in fwd["hovertext"][-1]
    assert charts.sci(0.9**300) in fwd["hovertext"][-1]


PLAYER = {**TEXTS, "play": "play", "pause": "pause", "again": "again", "front": "front",
          "step": "→ {ahead}: {forward} · ← {behind}: {backward}"}


def test_telephone_step_through_frames_slider_and_buttons():
    length = 100
    forward = 0.9 ** np.arange(1, length + 1)
    backward = forward[::-1].copy()
    backward[0] = 0.0  # an underflow at the far end travels too
    people = charts.shown_people(length)
    spec = _json_ok(charts.telephone_figure(forward, backward, texts=PLAYER, animate=True))
    frames = spec["frames"]
    assert len(frames) == len(people) == len(charts.telephone_frames(length))
    slider = spec["layout"]["sliders"][0]
    assert len(slider["steps"]) == len(frames) and slider["active"] == len(frames) - 1
    assert [s["args"][0] for s in slider["steps"]] == [[f["name"]] for f in frames]
    assert [b["label"] for b in spec["layout"]["updatemenus"][0]["buttons"]] == ["again", "play", "pause"]
    assert all(b["method"] == "animate" for b in spec["layout"]["updatemenus"][0]["buttons"])
    # frame 0: only the first person lit on top, only the last one at the bottom
    first_fwd, first_bwd, ring_fwd, ring_bwd = frames[0]["data"]
    assert first_fwd["marker"]["opacity"][0] == 1 and max(first_fwd["marker"]["opacity"][1:]) < 1
    assert first_bwd["marker"]["opacity"][-1] == 1 and max(first_bwd["marker"]["opacity"][:-1]) < 1
    assert ring_fwd["x"] == [people[0]] and ring_bwd["x"] == [people[-1]]
    assert slider["steps"][0]["label"] == (
        f"→ 1: {charts.value_text(forward[0], TEXTS)} · ← {length}: {charts.value_text(backward[-1], TEXTS)}")
    assert slider["steps"][-1]["label"] == f"→ {length}: {charts.value_text(forward[-1], TEXTS)} · ← 1: below 1e-308"
    # the message only ever moves right, the learning signal only left
    xs_fwd = [f["data"][2]["x"][0] for f in frames]
    xs_bwd = [f["data"][3]["x"][0] for f in frames]
    assert xs_fwd == sorted(xs_fwd) and xs_bwd == sorted(xs_bwd, reverse=True)


def test_last_frame_is_the_static_chart():
    length = 57
    forward = np.geomspace(1.0, 1e-30, length)
    backward = np.geomspace(1e20, 1.0, length)
    static = _json_ok(charts.telephone_figure(forward, backward, texts=PLAYER))
    animated = _json_ok(charts.telephone_figure(forward, backward, texts=PLAYER, animate=True))
    rows = [tr for tr in static["data"] if tr.get("mode") == "markers"]
    last = animated["frames"][-1]["data"]
    assert animated["frames"][-1]["traces"][:2] == [1, 3]
    for row, frame_row, shown in zip(rows, last[:2], animated["data"][1:4:2], strict=True):
        assert frame_row["marker"]["opacity"] == [1.0] * len(row["x"])  # everyone lit
        # the figure itself (what a reader sees without pressing play) has the static chart's values
        assert shown["x"] == row["x"] and shown["marker"]["size"] == row["marker"]["size"]
        assert shown["marker"]["color"] == row["marker"]["color"] and shown["hovertext"] == row["hovertext"]
    # both fronts end at the far end of their journey; the slider gives the measured values there
    assert last[2]["x"] == [length] and last[3]["x"] == [1]
    assert animated["layout"]["sliders"][0]["steps"][-1]["label"] == (
        f"→ {length}: {charts.value_text(forward[-1], TEXTS)} · ← 1: {charts.value_text(backward[0], TEXTS)}")


def test_player_room_and_presenter_fonts():
    from ui.shell.theme import style_figure

    fig = charts.telephone_figure([1.0, 0.5, 0.25], [0.25, 0.5, 1.0], texts=PLAYER, animate=True)
    style_figure(fig, present=True)
    charts.make_room_for_player(fig, present=True)
    assert fig.layout.margin.b >= 150
    assert fig.layout.updatemenus[0].font.size >= 18 and fig.layout.sliders[0].currentvalue.font.size == 20


# --------------------------------------------------------------------------- log lines


def test_distance_figure_marks_zero_and_inf_at_the_edges():
    distance = np.arange(6)[::-1]
    norms = np.array([0.0, 1e-300, math.inf, 1e-3, 0.1, 1.0])
    theory = 0.5 ** distance.astype(float)
    spec = _json_ok(charts.distance_figure(distance, norms, theory, texts=TEXTS))
    layout = spec["layout"]
    assert layout["yaxis"]["type"] == "log"
    y0, y1 = layout["yaxis"]["range"]
    line = next(tr for tr in spec["data"] if tr["name"] == "measured")
    y = np.array([np.nan if v is None else v for v in line["y"]], dtype=float)
    assert np.isnan(y).sum() == 2  # 0 and ∞ broken out of the line
    edges = [tr for tr in spec["data"] if tr["name"].startswith("measured:")]
    assert {tr["marker"]["symbol"] for tr in edges} == {"triangle-down", "x"}
    for tr in edges:
        log_y = math.log10(tr["y"][0])
        assert y0 < log_y < y1  # drawn inside the plot, not off the axis
        assert tr["customdata"][0] in ("below 1e-308", "∞ (overflow)")
    # the theory line is dashed and drawn on top of the measured one
    names = [tr["name"] for tr in spec["data"] if tr.get("showlegend", True)]
    assert names == ["measured", "theory"]


def test_distance_figure_all_zero_or_inf_still_draws():
    spec = _json_ok(charts.distance_figure([2, 1, 0], [0.0, math.inf, math.nan], [0.0, 0.0, 0.0], texts=TEXTS))
    assert spec["layout"]["yaxis"]["range"][0] < spec["layout"]["yaxis"]["range"][1]


def test_cells_figure_and_frame():
    d = np.arange(4)[::-1]
    curves = [("RNN", [1e-9, 1e-6, 1e-3, 1.0], "#D55E00", "solid"), ("LSTM", [0.0, 0.0, 1e-2, 1.0], "#0072B2", "dash")]
    spec = _json_ok(charts.cells_figure(d, curves, texts=TEXTS))
    assert [tr["name"] for tr in spec["data"] if tr.get("showlegend", True)] == ["RNN", "LSTM"]
    frame = charts.cells_frame(d, {"rnn": curves[0][1], "lstm": curves[1][1]})
    assert frame["distance"].tolist() == [0, 1, 2, 3] and frame["rnn"].iloc[0] == 1.0


def test_training_figure_nan_exploded_and_reference_lines():
    losses = [0.6, 3.0, 1e20, 2e36, math.nan]
    tame = [0.6, 0.4, 0.3, 0.2, 0.15]
    spec = _json_ok(charts.training_figure([("wild", losses, "#D55E00", 5), ("tame", tame, "#009E73", None)],
                                           texts=TEXTS, baseline=1 / 6, baseline_name="baseline",
                                           threshold=1.0, threshold_name="c"))
    nan_marker = next(tr for tr in spec["data"] if tr["name"] == "wild: ∞/NaN")
    assert nan_marker["x"] == [5] and nan_marker["customdata"] == ["NaN"]
    assert any("exploded at step 5" in a["text"] for a in spec["layout"]["annotations"])
    assert {"baseline", "c"} <= {tr["name"] for tr in spec["data"]}
    frame = charts.training_frame({"wild": {"losses": losses, "grad_norms": losses}})
    assert frame["step"].tolist() == [1, 2, 3, 4, 5]


def test_training_figure_first_step_zero():
    spec = _json_ok(charts.training_figure([("path", [1.0, 0.5, 0.25], "#000000", None)], texts=TEXTS,
                                           first_step=0))
    assert spec["data"][0]["x"] == [0, 1, 2]


# --------------------------------------------------------------------------- the cliff


def test_cliff_view_and_largest_step():
    path = np.array([[6.0, -4.0, 1.0], [5.9, -3.9, 1.0], [9.7, 8.8, 318.0], [np.nan, np.nan, np.nan]])
    (w0, w1), (b0, b1) = charts.cliff_view([path], (W_RANGE, B_RANGE))
    assert w0 < W_RANGE[0] and w1 > 9.7 and b0 < B_RANGE[0] and b1 > 8.8
    k, size = charts.largest_step(path)
    assert k == 2 and size == pytest.approx(math.hypot(3.8, 12.7))
    assert charts.largest_step(path[:1]) == (0, 0.0)
    far = np.array([[6.0, -4.0, 1.0], [1e9, 1e9, 1.0]])
    assert charts.cliff_view([far], (W_RANGE, B_RANGE))[0][1] < 100  # far points do not blow the view up


def test_cliff_figure_from_the_real_surface():
    free = descent_path(lr=0.1, steps=30)
    clipped = descent_path(lr=0.1, steps=30, clip=1.0)
    w_range, b_range = charts.cliff_view([free, clipped], (W_RANGE, B_RANGE))
    w, b, loss = loss_surface(w_range, b_range, n=41)
    loss[0, 0], loss[0, 1] = math.inf, 0.0  # 0 and ∞ in the surface must not break the colours
    paths = [("free", free, "#D55E00"), ("clip", clipped, "#009E73")]
    spec = _json_ok(charts.cliff_figure(w[0], b[:, 0], loss, paths, texts=TEXTS,
                                        hover=charts.surface_hover(loss, TEXTS)))
    heat = spec["data"][0]
    assert heat["type"] == "heatmap" and np.isfinite(np.array(heat["z"], dtype=float)).all()
    assert heat["customdata"][0][0] == "∞ (overflow)" and heat["customdata"][0][1] == "below 1e-308"
    # by default the hover is the loss itself, as numbers (float32), formatted in the browser
    numeric = _json_ok(charts.cliff_figure(w[0], b[:, 0], loss, paths, texts=TEXTS))["data"][0]
    np.testing.assert_allclose(np.array(numeric["customdata"], dtype=float)[5:, 5:], loss[5:, 5:], rtol=1e-6)
    assert "%{customdata:.3~g}" in numeric["hovertemplate"] and "u = " in numeric["hovertemplate"]
    names = [tr.get("name") for tr in spec["data"][1:]]
    assert names == ["free", "start", "clip"]
    k, size = charts.largest_step(free)
    if size > 1:  # at lr 0.1 the free path is thrown off the wall: the jump is pointed out
        assert any("thrown" in a.get("text", "") for a in spec["layout"]["annotations"])
    frame = charts.cliff_frame({"free": free, "clip": clipped})
    assert set(frame["path"]) == {"free", "clip"} and len(frame) == len(free) + len(clipped)


# --------------------------------------------------------------------------- catalog


def test_catalog_languages_match_and_format():
    assert PT.keys() == EN.keys()
    assert {owner(k) for k in PT} == {"gradients"}
    for lang in (PT, EN):
        assert lang["gradients.title"] and lang["gradients.subtitle"] and lang["gradients.takeaway"]
        lang["gradients.phone_caption"].format(first="a", last="b", k=3)
        lang["gradients.train_explain"].format(gain=2, hidden=32, length=10, lr=0.05, steps=600, batch=64, c=1,
                                        baseline=0.167)
    assert "desvanecimento do gradiente (vanishing gradient)" in PT["gradients.intro"]
    assert "explosão do gradiente (exploding gradient)" in PT["gradients.intro"]
    assert "telefone sem fio" in PT["gradients.intro"]
