"""Station 3 in Streamlit's AppTest: both languages, presenter mode, every control at its extremes,
junk in the URL, the charts agreeing with the controls, and the live training run end to end."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.apptest_helpers import (
    assert_clean,
    figure_titled,
    figure_titles,
    figures,
    open_page,
)

PAGE = "pages/s3_gradients.py"
N_FIGURES = 5  # telephone, distance, cells, cliff, cliff loss (+2 after the training run)


def _page(**params):
    return open_page(PAGE, timeout=180, **params)





def _trace(fig: dict, name_start: str) -> np.ndarray:
    trace = next(tr for tr in fig["data"] if str(tr.get("name", "")).startswith(name_start))
    return np.array([np.nan if v is None else v for v in trace["y"]], dtype=float)


def _texts(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "info", "error", "success", "warning")
                     for el in at.get(kind))


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("present", [False, True])
def test_page_renders_clean_in_both_languages(lang, present):
    at = _page(lang=lang, present=present)
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES
    title = at.title[0].value
    assert title == ("Vanishing and exploding gradients" if lang == "en" else "Desvanecimento e explosão do gradiente")
    text = _texts(at)
    if present:  # the takeaway is on top, explanations folded into expanders
        assert ("exponentially" in text) if lang == "en" else ("exponencialmente" in text)
    assert ("Vanishing gradient" in text) if lang == "en" else ("Desvanecimento do gradiente (vanishing gradient)" in text)
    assert len(at.get("latex")) >= 5  # the maths expander
    for fig in figures(at):
        layout = fig["layout"]
        assert layout["title"]["text"]
        if "xaxis" in layout and fig["data"][0].get("type") != "heatmap" and "range" not in layout.get("yaxis", {}):
            assert layout["xaxis"]["title"]["text"]


def test_linear_theory_line_matches_the_measured_slope_at_gain_09():
    at = _page(gain=0.9, nonlinearity="linear", length=120)
    assert_clean(at)
    fig = figure_titled(at, "‖∂L/∂h<sub>t</sub>‖ by distance")
    measured, theory = _trace(fig, "measured"), _trace(fig, "theory")
    assert np.allclose(measured, theory, rtol=1e-9)
    distance = np.array(fig["data"][0]["x"], dtype=float)
    slope = np.polyfit(distance, np.log10(measured), 1)[0]
    assert slope == pytest.approx(math.log10(0.9), rel=1e-6)
    assert measured[100] == pytest.approx(2.656e-5, rel=1e-3)  # 0.9^100
    assert "Vanishing gradient" in _texts(at)
    assert "sufficient" in _texts(at)  # σ_max = 0.9 < 1/γ = 1


def test_badge_says_exploding_for_linear_gain_15():
    at = _page(gain=1.5, nonlinearity="linear")
    assert_clean(at)
    text = _texts(at)
    assert ":red-badge[" in text and "Exploding gradient" in text and "megaphone" in text
    assert "necessary" in text
    phone = figure_titled(at, "The telephone game")
    backward = next(tr for tr in phone["data"] if tr.get("name", "").startswith("backward"))
    assert backward["marker"]["size"][0] > backward["marker"]["size"][-1]  # the megaphone at the far end
    evidence = at.session_state["_evidence"]["s3"]
    assert evidence["regime"] == "exploding" and evidence["gain"] == 1.5
    assert evidence["ratio_at_distance"] == pytest.approx(1.5**50, rel=1e-9)
    assert len(evidence["norms"]) == len(evidence["distances"]) == 100


def test_tanh_stays_below_pascanu_bound_and_cells_chart_has_three_cells():
    at = _page(gain=1.3, nonlinearity="tanh", length=200)
    assert_clean(at)
    fig = figure_titled(at, "‖∂L/∂h<sub>t</sub>‖ by distance")
    measured, bound = _trace(fig, "measured"), _trace(fig, "Pascanu")
    assert (measured <= bound * (1 + 1e-9)).all()
    cells = figure_titled(at, "RNN, LSTM and GRU")
    names = [tr["name"] for tr in cells["data"] if tr.get("showlegend", True)]
    assert names[:3] == ["tanh RNN", "LSTM", "GRU"] and "forget gate open" in names[3]


@pytest.mark.parametrize("params", [
    {"gain": 0.5}, {"gain": 2.0}, {"gain": 2.0, "nonlinearity": "linear", "length": 300},
    {"gain": 0.5, "nonlinearity": "linear", "length": 300}, {"length": 300}, {"length": 5},
    {"nonlinearity": "ReLU", "gain": 2.0, "length": 300}, {"init": "PyTorch", "length": 300}, {"hidden": 128},
    {"hidden": 8, "length": 5}, {"seed": 99}, {"cliff_lr": 0.3, "cliff_clip": 0.1}, {"cliff_lr": 0.02, "cliff_clip": 5.0},
])
def test_controls_at_their_extremes(params):
    at = _page(**params)
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES
    assert not [box.value for box in at.info if "not valid" in box.value]  # every value was accepted
    for key, value in params.items():
        widget = next(w for kind in ("slider", "radio", "selectbox", "number_input") for w in at.get(kind)
                      if w.key == key)
        assert str(widget.value) == str(value) or float(widget.value) == float(value)


def test_pytorch_default_init_disables_the_gain_and_says_so():
    at = _page(init="PyTorch", gain=1.7)
    assert_clean(at)
    assert at.slider(key="gain").disabled
    assert any("gain is not used" in c.value for c in at.caption)
    evidence = at.session_state["_evidence"]["s3"]
    assert evidence["gain"] is None and evidence["init"] == "pytorch"
    assert evidence["regime"] == "vanishing"


def test_moving_a_control_updates_the_charts():
    at = _page(nonlinearity="linear")
    assert "Stable" in _texts(at)  # linear, g = 1: the edge
    at.slider(key="gain").set_value(1.2).run()
    assert_clean(at)
    assert "Exploding gradient" in _texts(at)
    measured = _trace(figure_titled(at, "‖∂L/∂h<sub>t</sub>‖ by distance"), "measured")
    assert measured[-1] == pytest.approx(1.2**99, rel=1e-9)
    at.radio(key="nonlinearity").set_value("tanh").run()
    assert_clean(at)
    assert "tanh RNN" in figure_titles(at)[1]


@pytest.mark.parametrize("params", [
    {"gain": "abc"}, {"length": "-5"}, {"nonlinearity": "<script>alert(1)</script>"}, {"hidden": "65"},
    {"init": "1e309"}, {"seed": "NaN"}, {"seed": "1e309"}, {"seed": "-inf"}, {"cliff_lr": "inf"}, {"gain": "abc", "length": "-5", "nonlinearity": "<script>"},
])
def test_junk_query_parameters_give_a_notice(params):
    at = _page(**params)
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES
    notices = " ".join(box.value for box in at.info)
    for key in params:
        assert f"“{key}”" in notices, (key, notices)


def test_junk_notice_in_portuguese():
    at = _page(lang="pt", gain="abc")
    assert_clean(at)
    assert any("«gain»" in box.value for box in at.info)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_training_button_end_to_end(lang):
    at = _page(lang=lang)
    assert "_s3_training" not in at.session_state
    at.button(key="s3_train").click().run()
    assert_clean(at)
    runs = at.session_state["_s3_training"]
    assert runs["free"]["exploded_at"] is not None
    assert runs["clipped"]["exploded_at"] is None
    assert all(math.isfinite(v) for v in runs["clipped"]["losses"])
    assert runs["seconds"] < 10
    step = runs["free"]["exploded_at"]
    assert any(str(step) in box.value for box in at.error)
    assert len(at.success) == 1
    assert len(figures(at)) == N_FIGURES + 2
    loss_fig = figure_titled(at, "Loss at every training step" if lang == "en" else "Perda a cada passo de treino")
    assert any(str(step) in a["text"] for a in loss_fig["layout"]["annotations"])
    evidence = at.session_state["_evidence"]["s3"]
    assert evidence["exploded_at"] == step and evidence["clipped_final_loss"] < 1 / 6
    # the results stay in the session: another page and back, and they are still there
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES + 2
