"""Station 4 in Streamlit's AppTest: both languages, presenter mode, the heatmaps agreeing with the
timeline and the hidden size, gates in [0, 1], the forget-gate-bias slider at 0 and 3 (the latch
trained through the shared job board), junk in the URL, missing weights, and cached views that
two sessions share without changing them."""

from __future__ import annotations

import numpy as np
import pytest

from pages.gates.evidence import Station4
from rnn_core import pretrained
from services.jobs import JOBS
from tests.apptest_helpers import (
    assert_clean,
    body_text,
    figure_titled,
    figure_titles,
    figures,
    open_asides,
    open_page,
)

PAGE = "pages/gates/page.py"
HIDDEN = 32  # the realistic-series LSTM and GRU
# diagrams ×2, LSTM heatmaps + unit, GRU heatmaps + unit, step-through, latch curve, biases tried, ∂L/∂c;
# with the asides open also two ways to remember and cost (batch 1, 128)
N_FIGURES_FOLDED = 10
N_FIGURES = 13
ASIDES = ("s4_equations", "s4_two_ways", "s4_hood")  # ui.shell.layout.aside keys: equations, two ways, under the hood


def _settle(at, timeout: float = 120.0):
    """Wait for this session's latch job (a background thread) and rerun until the page shows it."""
    for _ in range(20):
        job = at.session_state["_s4_latch_job"] if "_s4_latch_job" in at.session_state else None
        if job is None or job.status == "done":
            if any(m.label for m in at.metric):
                return at
        if job is not None:
            assert job.wait(timeout), "latch job did not finish"
        at.run()
    raise AssertionError("the latch result never appeared")


def _page(**params):
    return _settle(open_page(PAGE, timeout=300, **params))





def _metric(at, label: str) -> str:
    return next(str(m.value) for m in at.metric if m.label == label)


def _heatmaps(fig: dict) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
    """(strip, gate panels, signed panels) of a heatmaps figure."""
    heat = [tr for tr in fig["data"] if tr["type"] == "heatmap"]
    strip = np.array(heat[0]["z"], dtype=float)
    gates = [np.array(tr["z"], dtype=float) for tr in heat[1:] if tr["coloraxis"] == "coloraxis"]
    signed = [np.array(tr["z"], dtype=float) for tr in heat[1:] if tr["coloraxis"] != "coloraxis"]
    return strip, gates, signed


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("present", [False, True])
def test_page_renders_clean_in_both_languages(lang, present):
    assert len(figures(_page(lang=lang, present=present))) == N_FIGURES_FOLDED
    at = _page(lang=lang, present=present, asides=ASIDES)
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES
    assert at.title[0].value == ("Gates: LSTM and GRU" if lang == "en" else "Portas: LSTM e GRU")
    text = body_text(at)
    if lang == "en":
        assert "Forget gate (porta de esquecimento)" in text and "Update gate (porta de atualização)" in text
        assert "Cho et al. (2014)" in text and "Chung et al. (2014)" in text
    else:
        assert "Porta de esquecimento (forget gate)" in text and "Porta de reinicialização (reset gate)" in text
        assert "a esteira" in text
    if present:
        assert ("learned valves" in text) if lang == "en" else ("válvulas aprendidas" in text)
    assert len(at.get("latex")) >= 3  # LSTM, GRU, parameter count
    for fig in figures(at):
        assert fig["layout"]["title"]["text"]
    assert not at.get("warning") or all("b_f" in str(w.value) for w in at.warning)  # only the latch verdict


def test_heatmaps_match_the_timeline_and_the_hidden_size():
    # key event at S1E2 (1 episode before it), 40 ordinary episodes after it, the final scene: T = 43
    at = _page(after=40)
    assert_clean(at)
    steps = 1 + 1 + 40 + 1
    lstm = figure_titled(at, "LSTM: gates and cell state")
    strip, gates, signed = _heatmaps(lstm)
    assert strip.shape == (1, steps)
    assert len(gates) == 3 and len(signed) == 2  # f, i, o | g, c
    for z in gates + signed:
        assert z.shape == (HIDDEN, steps)
    for z in gates:
        assert np.all((z >= 0) & (z <= 1))
    assert np.all(np.abs(signed[0]) <= 1)  # the candidate is a tanh
    gru = figure_titled(at, "GRU: gates and hidden state")
    _, gates, signed = _heatmaps(gru)
    assert len(gates) == 2 and len(signed) == 2  # z, r | n, h
    for z in gates:
        assert z.shape == (HIDDEN, steps) and np.all((z >= 0) & (z <= 1))
    unit = figure_titled(at, "LSTM, unit ")
    lines = {tr["name"]: np.array(tr["y"], dtype=float) for tr in unit["data"]
             if tr["type"] == "scatter" and tr["x"] != [None]}  # not the legend entries of the dashed lines
    assert len(lines) == 5 and all(v.shape == (steps,) for v in lines.values())
    for name in ("f: forget", "i: input", "o: output"):
        assert np.all((lines[name] >= 0) & (lines[name] <= 1))
    assert "40 ordinary episodes after the key event" in body_text(at)


def test_the_memory_unit_is_described_with_measured_numbers():
    at = _page()
    assert_clean(at)
    text = body_text(at)
    assert "What unit" in text and "Forget gate: mean" in text and "Input gate:" in text and "Output gate:" in text
    assert "random series" in text  # the batch-level check
    # the models say why the character cries: the default key event is sad
    assert "LSTM says **sad tears**" in text and "GRU says **sad tears**" in text
    evidence = at.session_state["_evidence"]["gates"]
    assert isinstance(evidence, Station4)
    assert set(evidence.memory_units) == {"lstm", "gru"}
    assert 0 <= evidence.memory_units["lstm"]["forget_after"] <= 1
    assert evidence.latch["0"]["solved_at"] is None and evidence.params == {"lstm": 5248, "gru": 3936}
    assert evidence.cell_grad_at_distance["0"] < 1e-15 < evidence.cell_grad_at_distance["2"]
    assert set(evidence.cost_us_per_step) == {"1", "128"}


@pytest.mark.slow
def test_forget_bias_zero_stays_at_chance_and_three_solves_the_latch():
    at = _page(forget_bias=0)
    assert_clean(at)
    accuracy = float(_metric(at, "Final accuracy").rstrip("%")) / 100
    assert 0.35 <= accuracy <= 0.65  # rnn_core.race.train_latch: b_f = 0 stays at chance after 300 steps
    assert _metric(at, "Solved at step") == "never"
    slider = next(s for s in at.slider if s.key == "forget_bias")
    slider.set_value(3.0).run()
    _settle(at)
    assert_clean(at)
    assert float(_metric(at, "Final accuracy").rstrip("%")) / 100 >= 0.95
    assert int(_metric(at, "Solved at step")) < 150  # docs: b_f = 1 in ≈ 70–110 steps, b_f = 2 in ≈ 40
    tried = figure_titled(at, "Final accuracy by b_f")
    assert tried["data"][0]["x"] == [0.0, 3.0]
    grad = figure_titled(at, "‖∂L/∂c")
    bold = next(tr for tr in grad["data"] if tr["line"]["width"] == 4)
    assert bold["name"] == "b_f = 3"
    # the bias makes the gradient at distance 100 many orders of magnitude larger
    by_name = {tr["name"]: np.array(tr["y"], dtype=float) for tr in grad["data"]}
    assert by_name["b_f = 3"][-1] > 1e15 * by_name["b_f = 0"][-1]


def test_forget_bias_one_from_the_url_solves_it():
    at = _page(forget_bias=1)
    assert_clean(at)
    assert float(_metric(at, "Final accuracy").rstrip("%")) >= 95
    assert "solves the task" in body_text(at)


@pytest.mark.parametrize("params", [{"forget_bias": "banana"}, {"forget_bias": "7"}, {"forget_bias": "nan"},
                                    {"moods": "maybe", "after": "-3"}])
def test_junk_in_the_url_gives_a_notice_not_an_exception(params):
    at = _page(asides=ASIDES, **params)  # junk must not break a part that is open
    assert_clean(at)
    notices = [str(i.value) for i in at.info]
    assert any("is not valid" in n for n in notices), notices
    assert len(figures(at)) == N_FIGURES


def test_moods_start_switched_on_and_a_link_can_switch_them_off():
    at = _page()
    moods = next(tg for tg in at.toggle if tg.key == "moods")
    assert moods.value is True
    at = _page(moods="false")
    assert_clean(at)
    assert next(tg for tg in at.toggle if tg.key == "moods").value is False


def test_missing_weights_show_a_message_and_the_rest_still_works(monkeypatch, tmp_path, fresh_models):
    monkeypatch.setattr(pretrained, "WEIGHTS_DIR", tmp_path)
    at = _page(asides=ASIDES)  # every part open: the ones that need no weights still work
    assert_clean(at)
    errors = " ".join(str(e.value) for e in at.error)
    assert "series_moods_lstm" in errors and "series_moods_gru" in errors
    assert "Traceback" not in errors
    titles = figure_titles(at)
    assert not any(title.startswith(("LSTM: gates", "GRU: gates")) for title in titles)
    assert any(title.startswith("Latch task") for title in titles)  # the rest of the station still works
    assert any(title.startswith("Batch 1: time per step") for title in titles)


def _spec_hashes(at) -> list[str]:
    import hashlib

    return [hashlib.sha256(chart.proto.spec.encode()).hexdigest() for chart in at.get("plotly_chart")]


def test_cached_views_are_shared_and_never_changed_by_a_session():
    first = _page(forget_bias=1)
    before = _spec_hashes(first)
    # another student: presenter mode (other views), then a rerun with a new bias
    other = _page(forget_bias=1, present=True)
    next(s for s in other.slider if s.key == "forget_bias").set_value(2.0).run()
    _settle(other)
    assert_clean(other)
    # the first student's rerun and a third student get exactly the same figures as before
    first.run()
    again = _page(forget_bias=1)
    assert _spec_hashes(first) == before
    assert _spec_hashes(again) == before


def test_a_queued_latch_shows_its_place_in_the_queue(monkeypatch):
    monkeypatch.setattr(JOBS, "slots", 0)  # nothing starts: every training waits
    blocker = JOBS.submit(("test-blocker",), lambda progress: None)
    try:
        at = open_page(PAGE, timeout=300, forget_bias=2.75)
        assert_clean(at)
        job = at.session_state["_s4_latch_job"]
        assert job.status == "queued" and job.ahead == 1
        assert any("1 training run(s) of other students ahead" in str(i.value) for i in at.info)
    finally:
        JOBS.stop(blocker)
        if "_s4_latch_job" in at.session_state:
            JOBS.stop(at.session_state["_s4_latch_job"])


def test_two_ways_to_remember_shows_numbers_measured_from_both_models():
    from rnn_core.mechanism import mechanism_report
    from ui.shell import numbers

    at = open_asides(_page(), "s4_two_ways")
    assert_clean(at)
    fig = figure_titled(at, "Two LSTMs, one task")
    assert [tr["name"] for tr in fig["data"] if tr["type"] == "bar"] == [
        "today's LSTM (unit 9)", "LSTM whose gates never see h (unit 25)"]
    belt = mechanism_report(pretrained.load_pretrained("series_moods_lstm_belt"))
    default = mechanism_report(pretrained.load_pretrained("series_moods_lstm"))
    text = body_text(at)
    assert f"forget gate {numbers.fixed(belt.forget_after, 2)}" in text
    assert f"averages {numbers.fixed(default.forget_after, 2)}" in text
    assert belt.forget_after > 0.9 > default.forget_after  # the two mechanisms, as measured
    bars = {tr["name"]: tr["y"] for tr in fig["data"] if tr["type"] == "bar"}
    assert bars["LSTM whose gates never see h (unit 25)"][0] == pytest.approx(belt.forget_after)


def test_the_keyboard_slider_opens_the_step_through_at_an_episode_and_leaves_the_shared_figure_alone():
    at = _page()
    from pages.gates.cache import cells

    shared = cells("en", False).lstm
    shared_hash = shared.spec_hash()
    step = next(s for s in at.select_slider if s.key == "s4_step")
    assert len(step.options) == 20  # the default timeline: 1 before, key, 17 ordinary, final
    step.set_value(5).run()
    assert_clean(at)
    fig = figure_titled(at, "Step by step")
    assert fig["layout"]["sliders"][0]["active"] == 4
    assert "episode 5 of 20" in " ".join(" ".join(map(str, tr.get("text") or [])) for tr in fig["data"])
    other = _page(present=True)
    assert_clean(other)
    assert cells("en", False).lstm is shared and shared.spec_hash() == shared_hash  # same object, unchanged
    fresh = _page()
    assert figure_titled(fresh, "Step by step")["layout"]["sliders"][0]["active"] == 0


INTERNALS = ("oneDNN", "mkldnn", "numel", "ATen")


def _texts_of(node) -> list[str]:
    return [e.value for kind in ("markdown", "caption") for e in node.get(kind)]


@pytest.mark.parametrize("lang", ["en", "pt"])  # en first: a pt rerun trips AppTest on the timeline editor's radio
def test_pytorch_internals_are_folded_under_the_hood(lang):
    """The story (parameters, accuracy, the conclusion) stays in the flow; kernels, operator counts and the timing
    table and charts are in one "under the hood" expander, closed."""
    from pages.gates.texts import TEXTS

    at = _page(lang=lang, asides=("s4_hood",))
    hood = [e for e in at.expander if e.label == TEXTS["gates.under_the_hood"][lang]]
    assert len(hood) == 1 and hood[0].proto.expanded  # opened by the student
    inside = _texts_of(hood[0])
    assert any("oneDNN" in text for text in inside)  # the internals are there …
    assert hood[0].button(key="s4_measure_again")
    folded = {text for e in at.expander for text in _texts_of(e)}
    in_flow = [text for text in _texts_of(at.main) if text not in folded]
    for word in INTERNALS:  # … and nowhere in the flow
        assert not any(word in text for text in in_flow), word
    story = TEXTS["gates.cost_story"][lang]
    assert story in in_flow
    # the cost charts are drawn inside the expander, not in the flow
    assert len(_cost_titles(hood[0])) == 2 and not _cost_titles_outside(at, hood[0])


def _cost_titles(node) -> list[str]:
    import json

    titles = [json.loads(c.proto.spec)["layout"].get("title", {}).get("text", "") for c in node.get("plotly_chart")]
    return [title for title in titles if "time per step" in title or "tempo por passo" in title]


def _cost_titles_outside(at, hood) -> list[str]:
    inside = set(_cost_titles(hood))
    return [title for title in _cost_titles(at.main) if title not in inside]


@pytest.mark.parametrize("lang", ["en", "pt"])  # en first: a pt rerun trips AppTest on the timeline editor's radio
def test_the_equations_and_the_second_lstm_are_folded_asides(lang):
    """Issue 18 §7 (the page was ~10,000 px at 1280×800): the equations and "two ways to remember" (a second LSTM,
    with its chart, caption and CSV) sit in closed expanders; the story's charts stay in the flow."""
    import json

    from pages.gates.texts import TEXTS

    at = _page(lang=lang)
    assert_clean(at)
    labels = {key: TEXTS[key][lang] for key in ("gates.eq_heading", "gates.tw_heading")}
    folded = {key: [e for e in at.expander if e.label == label] for key, label in labels.items()}
    assert all(len(found) == 1 and not found[0].proto.expanded for found in folded.values()), folded
    at = _page(lang=lang, asides=("s4_equations", "s4_two_ways"))
    assert_clean(at)
    folded = {key: [e for e in at.expander if e.label == label] for key, label in labels.items()}
    assert all(len(found) == 1 for found in folded.values()), folded
    assert folded["gates.eq_heading"][0].get("latex")  # the equations are in it
    two_ways = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in folded["gates.tw_heading"][0].get("plotly_chart")]
    assert len(two_ways) == 1 and two_ways[0].startswith(TEXTS["gates.tw_title"][lang])
    assert folded["gates.tw_heading"][0].get("download_button")
    in_flow = [t for t in figure_titles(at) if not any(t.startswith(w) for w in two_ways)]
    assert len(in_flow) >= 8  # diagrams, heat-maps, units, step-through, latch, biases tried, ∂L/∂c (cost charts folded too)


def test_folded_asides_are_not_built_until_a_student_opens_one():
    """Issue 17 (a class is the unit of load): a folded aside sends nothing, not its equations, charts or CSV
    buttons; opening one builds that one only, and folding it again drops it from the next view."""
    at = _page()
    assert_clean(at)
    folded = at.get("expander")
    assert len(folded) >= 3 and not any(e.get("latex") or e.get("plotly_chart") or e.get("download_button")
                                        for e in folded if e.label != "")
    assert len(at.get("latex")) == 1  # only the parameter count, in the flow
    downloads = len(at.get("download_button"))
    open_asides(at, "s4_two_ways")
    assert_clean(at)
    assert len(figures(at)) == N_FIGURES_FOLDED + 1 and len(at.get("download_button")) == downloads + 1
    assert len(at.get("latex")) == 1  # the equations stay folded
    at.session_state["s4_two_ways"] = False
    at.run()
    assert len(figures(at)) == N_FIGURES_FOLDED and len(at.get("download_button")) == downloads
