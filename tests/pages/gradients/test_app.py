"""Station 3 in Streamlit's AppTest: both languages, presenter mode, every control at its extremes,
junk in the URL, the charts agreeing with the controls, and the live training run end to end."""

from __future__ import annotations

import hashlib
import math
import threading

import numpy as np
import pytest

from pages.gradients import texts as _texts
from pages.gradients import view as gradients_view
from rnn_core.explode import RECIPE
from services.jobs import JOBS
from tests.apptest_helpers import (
    assert_clean,
    body_text,
    figure_titled,
    figure_titles,
    figures,
    open_page,
)
from ui.shell.catalogs import in_language

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")

PAGE = "pages/gradients/page.py"
N_FIGURES = 5  # telephone, distance, cells, cliff, cliff loss (+2 after the training run)


def _page(**params):
    return open_page(PAGE, timeout=180, **params)





def _trace(fig: dict, name_start: str) -> np.ndarray:
    trace = next(tr for tr in fig["data"] if str(tr.get("name", "")).startswith(name_start))
    return np.array([np.nan if v is None else v for v in trace["y"]], dtype=float)


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("present", [False, True])
def test_page_renders_clean_in_both_languages(lang, present):
    folded = _page(lang=lang, present=present)
    assert_clean(folded)
    assert not folded.get("latex")  # the maths aside is built only once opened (ui.shell.layout.aside)
    at = _page(lang=lang, present=present, asides=("s3_math",))
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES
    title = at.title[0].value
    assert title == ("Vanishing and exploding gradients" if lang == "en" else "Desvanecimento e explosão do gradiente")
    text = body_text(at)
    if present:  # the takeaway is on top, explanations folded into expanders
        assert ("exponentially" in text) if lang == "en" else ("exponencialmente" in text)
    assert ("Vanishing gradient" in text) if lang == "en" else ("Desvanecimento do gradiente (vanishing gradient)" in text)
    assert len(at.get("latex")) >= 5  # the maths aside, open
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
    assert "Vanishing gradient" in body_text(at)
    assert "sufficient" in body_text(at)  # σ_max = 0.9 < 1/γ = 1


def test_badge_says_exploding_for_linear_gain_15():
    at = _page(gain=1.5, nonlinearity="linear")
    assert_clean(at)
    text = body_text(at)
    assert ":red-badge[" in text and "Exploding gradient" in text and "megaphone" in text
    assert "necessary" in text
    phone = figure_titled(at, "The telephone game")
    backward = next(tr for tr in phone["data"] if tr.get("name", "").startswith("backward"))
    assert backward["marker"]["size"][0] > backward["marker"]["size"][-1]  # the megaphone at the far end
    evidence = at.session_state["_evidence"]["gradients"]
    assert evidence.regime == "exploding" and evidence.gain == 1.5
    assert evidence.ratio_at_distance == pytest.approx(1.5**50, rel=1e-9)
    assert len(evidence.norms) == len(evidence.distances) == 100


def test_tanh_stays_below_pascanu_bound_and_cells_chart_has_three_cells():
    at = _page(gain=1.3, nonlinearity="tanh", length=200)
    assert_clean(at)
    fig = figure_titled(at, "‖∂L/∂h<sub>t</sub>‖ by distance")
    measured, bound = _trace(fig, "measured"), _trace(fig, "Pascanu")
    assert (measured <= bound * (1 + 1e-9)).all()
    cells = figure_titled(at, "RNN, LSTM and GRU")
    names = [tr["name"] for tr in cells["data"] if tr.get("showlegend", True)]
    assert names[:3] == ["tanh RNN", "LSTM", "GRU"] and "forget-gate bias started at" in names[3]


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
    evidence = at.session_state["_evidence"]["gradients"]
    assert evidence.gain is None and evidence.init == "pytorch"
    assert evidence.regime == "vanishing"


def test_moving_a_control_updates_the_charts():
    at = _page(nonlinearity="linear")
    assert "Stable" in body_text(at)  # linear, g = 1: the edge
    at.slider(key="gain").set_value(1.2).run()
    assert_clean(at)
    assert "Exploding gradient" in body_text(at)
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


def _job_key(seed: int) -> tuple:
    return ("s3-explode", RECIPE, seed)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_training_button_end_to_end(lang):
    at = _page(lang=lang)
    assert "_s3_job" not in at.session_state
    at.button(key="s3_train").click().run()
    assert_clean(at)
    assert at.session_state["_s3_job"] == _job_key(0)
    job = JOBS.get(_job_key(0))
    assert job is not None and job.wait(600) and job.status == "done"
    at.run()
    assert_clean(at)
    pair = job.result
    assert pair.free.exploded_at is not None and pair.clipped.exploded_at is None
    assert all(math.isfinite(v) for v in pair.clipped.losses)
    step = pair.free.exploded_at
    assert any(str(step) in box.value for box in at.error)
    # one success box from the training (the others are committed predictions' "you predicted …")
    assert len([box for box in at.success if not box.value.startswith(("You predicted", "Você previu"))]) == 1
    assert len(figures(at)) == N_FIGURES + 2
    loss_fig = figure_titled(at, "Loss at every training step" if lang == "en" else "Perda a cada passo de treino")
    assert any(str(step) in a["text"] for a in loss_fig["layout"]["annotations"])
    evidence = at.session_state["_evidence"]["gradients"]
    assert evidence.exploded_at == step and evidence.clipped_final_loss < 1 / 6
    # a second student asking for the same seed gets the same shared result at once
    other = _page(lang=lang)
    other.button(key="s3_train").click().run()
    assert JOBS.get(_job_key(0)) is job
    other.run()
    assert len(figures(other)) == N_FIGURES + 2
    # the results stay in the session: another page and back, and they are still there
    at.switch_page("pages/home/page.py").run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES + 2


def test_a_queued_training_shows_its_place_in_the_queue():
    """With every training slot taken, the student's pair waits and the page says how many are ahead."""
    release = threading.Event()
    blockers = [JOBS.submit(("test-s3-blocker", i), lambda progress: release.wait(120)) for i in range(JOBS.slots)]
    try:
        at = _page(seed=97)
        at.button(key="s3_train").click().run()
        assert_clean(at)
        job = JOBS.get(_job_key(97))
        assert job.status == "queued" and job.ahead >= JOBS.slots
        text = body_text(at)
        assert f"Waiting: {job.ahead} training(s) ahead" in text
        at.button(key="s3_train_stop").click().run()  # the only viewer stops waiting: it leaves the queue
        assert job.status == "stopped" and "_s3_job" not in at.session_state
    finally:
        release.set()
        for blocker in blockers:
            blocker.wait(30)


def _fig_hashes(view) -> list[str]:
    figs = [view.phone.fig, view.distance.fig, view.cells.fig] if isinstance(view, gradients_view.LineView) else \
        [view.surface.fig, view.losses.fig]
    return [hashlib.sha256(fig.to_json().encode()).hexdigest() for fig in figs]


def test_cached_figures_are_shared_and_never_modified():
    """Two sessions (one in presenter mode, one moving a control and back) are served the very same
    cached figure objects, and after both their JSON is unchanged."""
    first = _page(lang="en")
    assert_clean(first)
    line = gradients_view.line_view("orthogonal", 1.0, "tanh", 32, 100, 0, "en", False)
    cliff_view = gradients_view.cliff_view(gradients_view.cliff.DEFAULT_LR, gradients_view.cliff.DEFAULT_THRESHOLD, "en", False)
    before = _fig_hashes(line) + _fig_hashes(cliff_view)
    second = _page(lang="en")
    second.slider(key="gain").set_value(1.5).run()
    second.slider(key="gain").set_value(1.0).run()
    second.slider(key="cliff_lr").set_value(0.2).run()
    third = _page(lang="en", present=True)
    for at in (second, third):
        assert_clean(at)
    assert gradients_view.line_view("orthogonal", 1.0, "tanh", 32, 100, 0, "en", False) is line
    assert _fig_hashes(line) + _fig_hashes(cliff_view) == before
    # what the sessions were sent is that figure
    assert figures(second)[0] == figures(first)[0]


def test_cells_caption_says_what_was_measured():
    """Issue 10 §3: no "never explode". At gain 2, T = 300, seed 2 the LSTM with its forget gate open
    grows, and the caption says so with the measured factor."""
    at = _page(gain=2.0, length=300, seed=2)
    assert_clean(at)
    caption = next(c.value for c in at.caption if c.value.startswith("Untrained"))
    assert "never" not in caption
    open_lstm = gradients_view.measure_gated(2.0, 300, 32, 2)["lstm_open"]
    assert open_lstm.max() > 10
    assert f"LSTM, forget-gate bias started at b_f = 2 grows, up to ×{gradients_view.measured(open_lstm.max(), 'en')}" in caption
    assert "LSTM fades" in caption  # the plain LSTM at the same settings


def test_relu_caption_does_not_claim_every_derivative_below_one():
    at = _page(nonlinearity="ReLU", gain=1.3)
    assert_clean(at)
    text = body_text(at)
    assert "0 or 1" in text and "every |φ′| < 1" not in text


def test_default_cliff_says_what_happened_and_counts_thrown_paths():
    """Issue 10 §3: the default must not teach the opposite of the lesson. The page no longer claims
    that clipping ends lower: it says the thrown step lost everything at once, that this path then
    ended lower by luck, and counts how thrown paths end over a grid (numbers from rnn_core)."""
    at = _page()
    assert_clean(at)
    text = body_text(at)
    free = gradients_view.cliff.descent_path()
    k = int(np.argmax(gradients_view.cliff.step_sizes(free)))
    assert f"at step {k + 1} the loss went from {gradients_view.measured(free[k, 2], 'en')}" in text
    assert "happened to land in a wide valley" in text
    assert any(e.label.startswith("Is being thrown always costly?") for e in at.expander)
    census = gradients_view.measure_census()
    assert f"in {census['thrown']} of them" in text and f"{census['thrown_better']} of those ended below" in text
    # issue 16: x0 = 0.5, the 50 steps and the target 0.7 are Pascanu et al.'s (sec. 2.3); the loss without σ is the app's
    assert "not the paper's" not in text and "are the paper's" in text and "E₅₀ = (σ(x₅₀) − 0.7)²" in text


def test_station3_texts_follow_the_conventions():
    """W = input, U = recurrent; "cota superior" for an upper bound; one Portuguese term for clipping."""
    import re

    for catalog in (PT, EN):
        with_w = sorted(k for k, v in catalog.items() if re.search(r"(?<![\w\\])W(?![\w])", v))
        assert with_w == ["gradients.init_help", "gradients.math_intro"], with_w  # the two places that say W is the input
        assert "U" in catalog["gradients.sigma_label"] and "U" in catalog["gradients.gain_label"]
    assert "cota superior" in PT["gradients.dist_theory_bound"] and not any("limite de Pascanu" in v for v in PT.values())
    for key, text in PT.items():
        assert not re.search(r"\b(corte|cortar|clipping)\b", text.replace("(gradient clipping)", "")), key
    assert any("recorte do gradiente (gradient clipping)" in v for v in PT.values())


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_first_screen_holds_gain_and_length_the_rest_folded(lang):
    """A first-timer sees two controls (gain, T); initialisation, nonlinearity, hidden size and seed are in
    the "more settings" expander, closed by default."""
    at = _page(lang=lang)
    assert_clean(at)
    more = next(e for e in at.expander if e.label == _texts.TEXTS["gradients.more_settings"][lang])
    assert not more.proto.expanded
    folded = {w.key for kind in ("radio", "selectbox", "slider") for w in more.get(kind)}
    assert folded == {"init", "nonlinearity", "hidden", "seed"}
    first_screen = {w.key for kind in ("radio", "selectbox", "slider") for w in at.main.get(kind)} - folded
    assert {"gain", "length"} <= first_screen
    assert not {"init", "nonlinearity", "hidden", "seed"} & first_screen


@pytest.mark.parametrize("params", [{"nonlinearity": "linear"}, {"init": "PyTorch"}, {"hidden": 64}, {"seed": 3}])
def test_a_link_that_sets_a_folded_setting_opens_it(params):
    at = _page(gain=1.5, **params)
    assert_clean(at)
    more = next(e for e in at.expander if e.label.startswith("More settings"))
    assert more.proto.expanded
    key, value = next(iter(params.items()))
    widget = next(w for kind in ("radio", "selectbox", "slider") for w in more.get(kind) if w.key == key)
    assert str(widget.value) == str(value)
    assert at.slider(key="gain").value == 1.5
