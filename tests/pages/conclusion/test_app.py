"""AppTest: station 6 (conclusion) — lessons with evidence, live gradient charts, quiz, references."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from pages.conclusion import texts as station6
from pages.gradients.evidence import Station3
from pages.lab.evidence import RaceOutcome, Station5
from pages.sequential.evidence import Station1
from pages.series.evidence import SeriesAnswer, Station2
from services import quiz
from tests.apptest_helpers import (
    APP,
    answer_quiz_question,
    assert_clean,
    committed_predictions,
    figure_titles,
    figures,
    run_page,
    visible_texts,
)
from ui.shell.catalogs import in_language
from ui.shell.numbers import measured
from ui.shell.predictions import questions

PAGE = "pages/conclusion/page.py"
CATALOG = {"pt": in_language(station6.TEXTS, "pt"), "en": in_language(station6.TEXTS, "en")}


def _page(lang: str = "en", present: bool = False):
    at = run_page(PAGE, lang=lang, present=present, timeout=180)
    assert_clean(at)
    return at


def _quiz_radios(at):
    return [r for r in at.radio if r.key and r.key.startswith("_s6_quiz_")]


def _arr(value) -> list:
    """A figure's data array as a list: Plotly's JSON packs numpy arrays as base64 ``bdata``."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        return flat.reshape(value["shape"]).tolist() if "shape" in value else flat.tolist()
    return list(value)


def _trace(fig: dict, name: str) -> dict:
    """The trace called ``name``, with its x and y as plain lists."""
    trace = next(tr for tr in fig["data"] if tr.get("name") == name)
    return {**trace, "x": _arr(trace.get("x", [])), "y": _arr(trace.get("y", []))}


def _figure(at, title: str) -> dict:
    return next(f for f in figures(at) if f["layout"]["title"]["text"] == title)


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_renders_clean_in_both_languages_and_presenter_mode(lang, present):
    at = _page(lang, present)
    cat = CATALOG[lang]
    assert at.title[0].value == cat["conclusion.title"]
    texts = " ".join(visible_texts(at))
    for n in (1, 2, 3):
        assert cat[f"conclusion.lesson{n}_title"] in texts
    assert cat["conclusion.quiz_title"] in texts
    assert len(_quiz_radios(at)) == 1  # one question at a time, picked by number
    assert at.button_group(key="_s6_quiz_nav").value == quiz.QUESTIONS[0].key
    # the video summary and every reference link
    assert any(cat["conclusion.video"] == getattr(el, "label", None) for el in at.get("link_button"))
    assert "80d1150b-3fa6-48a9-84fa-7017cc38e0cb" in str(at.get("link_button")[0].proto.url)
    refs = " ".join(m.value for m in at.markdown)
    for arxiv in ("1211.5063", "1406.1078", "1412.3555", "1504.00941", "1511.06464"):
        assert f"https://arxiv.org/abs/{arxiv}" in refs
    if present:  # the takeaway on top, long explanations folded
        assert any(cat["conclusion.takeaway"] in m.value for m in at.markdown)
        labels = [e.label for e in at.main.expander]
        assert labels.count(CATALOG[lang]["conclusion.refs_title"]) == 1
        assert len(labels) >= 4
    else:
        # inline, after its claim in the same element (ui.shell.layout.explain's lead)
        assert any(m.value == f'{cat["conclusion.lesson2_claim"]}\n\n{cat["conclusion.lesson2_more"]}' for m in at.markdown)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_live_gradient_charts_are_real_and_sane(lang):
    at = _page(lang)
    cat = CATALOG[lang]
    titles = figure_titles(at)
    assert cat["conclusion.l2_title"] in titles
    telephone = _figure(at, cat["conclusion.l2_title"])
    layout = telephone["layout"]
    assert layout["yaxis"]["type"] == "log"
    assert layout["xaxis"]["title"]["text"] == cat["conclusion.l2_x"]
    assert layout["yaxis"]["title"]["text"] == cat["conclusion.l2_y"]
    tanh = _trace(telephone, cat["conclusion.l2_rnn_tanh"])
    linear = _trace(telephone, cat["conclusion.l2_rnn_linear"])
    lstm = _trace(telephone, cat["conclusion.l2_lstm"])
    for trace in (tanh, linear, lstm):
        assert len(trace["x"]) == 100 and sorted(trace["x"]) == list(range(100))
    far = {name: tr["y"][tr["x"].index(99)] for name, tr in (("tanh", tanh), ("linear", linear), ("lstm", lstm))}
    near = {name: tr["y"][tr["x"].index(0)] for name, tr in (("tanh", tanh), ("linear", linear), ("lstm", lstm))}
    assert all(v == pytest.approx(1.0) for v in near.values())  # ‖∂L/∂h_T‖ = 1 by construction
    assert far["tanh"] < 0.9**99 < 1e-4  # tanh vanishes faster than the linear theory
    assert far["linear"] == pytest.approx(1.1**99, rel=1e-6)  # a linear RNN with W = 1.1·Q gives exactly 1.1^k
    assert far["lstm"] > 1e6 * far["tanh"]
    theory = [tr for tr in telephone["data"] if tr.get("legendgroup") == "theory"]
    assert len(theory) == 2
    # the gate-bias sweep: keeping the gate open keeps the gradient alive
    sweep = _figure(at, cat["conclusion.l3_sweep_title"].format(k=99))
    lstm_sweep = _trace(sweep, cat["conclusion.l3_sweep_lstm"])
    gru_sweep = _trace(sweep, cat["conclusion.l3_sweep_gru"])
    rnn_line = _trace(sweep, cat["conclusion.l3_sweep_rnn"])
    for trace in (lstm_sweep, gru_sweep):
        ys = np.array(trace["y"], dtype=float)
        assert np.all(np.diff(ys) > 0) and ys[-1] > 1e-4
        assert ys.min() > rnn_line["y"][0]
    captions = " ".join(c.value for c in at.caption)
    assert ("6,2 × 10⁻¹⁸" if lang == "pt" else "6.2 × 10⁻¹⁸") in captions  # the caption quotes the measurement
    assert len(at.get("download_button")) >= 2  # every chart offers its data


def _correct_and_wrong():
    return ({q: q.correct for q in quiz.QUESTIONS}, {q: (q.correct + 1) % q.options for q in quiz.QUESTIONS})


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_quiz_all_right_gives_8_of_8_and_all_wrong_0_of_8(lang):
    cat = CATALOG[lang]
    right, wrong = _correct_and_wrong()
    at = _page(lang)
    for question, choice in right.items():
        answer_quiz_question(at, question.key, choice)
        assert_clean(at)
        assert cat["conclusion.quiz_right"] in " ".join(s.value for s in at.success)
        assert cat[question.why_key] in " ".join(m.value for m in at.markdown)  # its explanation, once answered
    assert cat["conclusion.quiz_score"].format(correct=8, total=8) in [s.value for s in at.subheader]
    assert any(cat["conclusion.quiz_praise_perfect"] in s.value for s in at.success)

    next(b for b in at.button if b.label == cat["conclusion.quiz_reset"]).click().run()
    assert_clean(at)
    for question, choice in wrong.items():
        answer_quiz_question(at, question.key, choice)
    assert cat["conclusion.quiz_score"].format(correct=0, total=8) in [s.value for s in at.subheader]
    q8 = quiz.QUESTIONS[7]
    assert any(cat["conclusion.quiz_wrong"].format(answer=cat[q8.option_keys[q8.correct]]) in e.value for e in at.error)


def test_quiz_one_question_at_a_time_graded_on_submit_and_reset_clears():
    at = _page("en")
    cat = CATALOG["en"]
    first = quiz.QUESTIONS[0]
    answer_quiz_question(at, first.key, first.correct)
    assert_clean(at)
    assert any(cat["conclusion.quiz_right"] in m.value for m in at.success)
    assert not _quiz_radios(at)  # answered: its feedback and why instead of the form
    assert cat["conclusion.quiz_progress"].format(answered=1, total=8) in " ".join(m.value for m in at.markdown)
    assert "1 ✓" in at.button_group(key="_s6_quiz_nav").proto.options[0].content
    wrong = quiz.QUESTIONS[1]
    answer_quiz_question(at, wrong.key, (wrong.correct + 1) % wrong.options)
    assert any(cat["conclusion.quiz_wrong"].format(answer=cat[wrong.option_keys[wrong.correct]]) in e.value for e in at.error)
    assert not any("Your score" in s.value for s in at.subheader)  # the score waits for all eight
    next(b for b in at.button if b.key == "_s6_quiz_next").click().run()
    assert at.button_group(key="_s6_quiz_nav").value == quiz.QUESTIONS[2].key and len(_quiz_radios(at)) == 1
    for question in quiz.QUESTIONS[2:]:
        answer_quiz_question(at, question.key, question.correct)
    assert "Your score: 7 / 8" in [s.value for s in at.subheader]
    next(b for b in at.button if b.label == "Try again").click().run()
    assert_clean(at)
    assert [r.value for r in _quiz_radios(at)] == [None]
    assert not any("Your score" in s.value for s in at.subheader)
    assert not at.error


def test_submitting_without_a_choice_asks_for_one():
    at = _page("en")
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:s6_quiz_form")).click().run()
    assert CATALOG["en"]["conclusion.quiz_choose"] in [w.value for w in at.warning]


def test_quiz_answers_survive_a_language_switch():
    at = _page("en")
    for question in quiz.QUESTIONS:
        answer_quiz_question(at, question.key, question.correct)
    at.sidebar.radio[0].set_value("pt").run()
    assert_clean(at)
    assert "Sua pontuação: 8 / 8" in [s.value for s in at.subheader]


def test_the_teachers_focused_quiz_question_is_the_one_shown(monkeypatch):
    from ui.widgets import classroom

    focus = {"question_id": "conclusion.q5", "revealed": False}
    monkeypatch.setattr(classroom, "class_focus", lambda: focus, raising=False)
    at = _page("en")
    assert at.button_group(key="_s6_quiz_nav").value == "conclusion.q5"
    assert [r.key for r in _quiz_radios(at)] == ["_s6_quiz_0_q5"]
    assert CATALOG["en"]["conclusion.quiz_focused"] in [c.value for c in at.caption]
    at.button_group(key="_s6_quiz_nav").set_value("conclusion.q2").run()  # the student may move on
    assert at.button_group(key="_s6_quiz_nav").value == "conclusion.q2"
    focus["question_id"] = "conclusion.q7"  # the teacher moves the class on: the new focus is shown
    at.run()
    assert at.button_group(key="_s6_quiz_nav").value == "conclusion.q7"


def test_each_submitted_answer_is_sent_to_the_class(monkeypatch):
    from ui.widgets import classroom

    sent = []
    monkeypatch.setattr(classroom, "send_answer", lambda qid, choice: sent.append((qid, choice)), raising=False)
    at = _page("en")
    answer_quiz_question(at, "conclusion.q4", 0)
    answer_quiz_question(at, "conclusion.q6", 1)
    assert sent == [("conclusion.q4", 0), ("conclusion.q6", 1)]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_students_predictions_are_listed_with_how_many_were_right(lang):
    cat = CATALOG[lang]
    asked = [p for p in questions(lang) if p.station != "conclusion"]
    none = run_page(PAGE, lang=lang, timeout=180, predicted=False)
    top = " ".join(m.value for m in none.markdown)
    assert cat["conclusion.pred_none"].format(total=len(asked)) in top
    assert cat["conclusion.quiz_jump"].format(n=8, anchor="quiz") in top  # the way down to the quiz, at the top
    assert none.markdown[1].value.startswith(cat["conclusion.quiz_jump"].format(n=8, anchor="quiz"))
    committed = committed_predictions()
    wrong = asked[0]
    committed[wrong.id] = dataclasses.replace(committed[wrong.id], choice=(wrong.correct + 1) % len(wrong.options),
                                             correct=False)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["_predicted"] = committed
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    assert cat["conclusion.pred_count"].format(right=len(asked) - 1, n=len(asked), total=len(asked)) in text
    assert "✗ **" in text and text.count("✓ **") == len(asked) - 1
    assert wrong.options[(wrong.correct + 1) % len(wrong.options)] in text


# What the stations record (ui.shell.evidence's typed values), with made-up numbers.
FAKE_EVIDENCE = {
    "sequential": Station1(ff_accuracy=0.5, rnn_accuracy=0.97, ff_answer_spread=0.0, rnn_answer_range=(0.02, 0.98),
                   sequence="CABD", shuffles=3),
    "series": Station2(accuracy_by_distance={"realistic": {
        "ff": {"1-3": 1.0, "4-10": 0.5, "11-20": 0.5}, "stable_rnn": {"1-3": 0.97, "4-10": 0.8, "11-20": 0.55},
        "lstm": {"1-3": 1.0, "4-10": 1.0, "11-20": 1.0}}},
        last=SeriesAnswer(variant="realistic", distance=12, truth="sad", p_happy={"lstm": 0.01})),
    "gradients": Station3(regime="vanishing", kind="rnn", nonlinearity="tanh", init="orthogonal", gain=0.8, length=4,
                   hidden=32, seed=0, max_singular_value=0.8, distance_probe=3, ratio_at_distance=1e-9,
                   norms=(1e-9, 1e-6, 1e-3, 1.0), distances=(3, 2, 1, 0)),
    "lab": Station5(task="adding", length=50, steps=600, seed=0, hidden=32, lr=0.02, clip=1.0, batch=128,
                   status="done", steps_done=600, baseline=1 / 6,
                   results={"rnn": RaceOutcome(0.1655, None, 3.1, 1153), "lstm": RaceOutcome(0.0042, 420, 4.2, 4513),
                            "gru": RaceOutcome(None, None, 4.0, 3393)}),
}


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_recorded_evidence_is_shown_next_to_its_lesson(lang):
    cat = CATALOG[lang]
    at = _page(lang)
    at.session_state["_evidence"] = FAKE_EVIDENCE
    at.run()
    assert_clean(at)
    badges = " ".join(m.value for m in at.markdown)
    for station in (1, 2, 3, 5):
        assert cat["conclusion.source_own"].format(station=station) in badges
    titles = figure_titles(at)
    # station 1: the student's own bars replace the fallback
    order = _figure(at, cat["conclusion.l1_own_title"])
    bars = {tr["name"]: _arr(tr["y"])[0] for tr in order["data"] if tr["type"] == "bar"}
    assert bars == {cat["conclusion.model_ff"]: pytest.approx(50), cat["conclusion.model_rnn"]: pytest.approx(97)}
    assert cat["conclusion.l1_missing"] not in [i.value for i in at.info]
    # station 3: the student's curve joins the live chart, with the regime
    telephone = _figure(at, cat["conclusion.l2_title"])
    you = _trace(telephone, cat["conclusion.l2_you"])
    assert list(you["x"]) == [0, 1, 2, 3] and you["y"][0] == pytest.approx(1.0)
    assert cat["conclusion.l2_own_regime"].format(regime=cat["conclusion.regime_vanishing"]) in badges
    # station 5: the race
    race = _figure(at, cat["conclusion.l3_race_title"])
    losses = {tr["name"]: _arr(tr["y"])[0] for tr in race["data"] if tr["type"] == "bar"}
    assert losses[cat["conclusion.model_lstm"]] == pytest.approx(0.0042)
    (baseline,) = [sh for sh in race["layout"]["shapes"] if sh.get("name") == cat["conclusion.l3_race_baseline"]]
    assert baseline["y0"] == baseline["y1"] == pytest.approx(1 / 6)
    detail = cat["conclusion.l3_race_detail"].format(task=cat["conclusion.task_adding"], length=50)
    assert any(cat["conclusion.l3_race_caption"].format(detail=detail) == c.value for c in at.caption)
    # station 2 (realistic series): accuracy by distance
    realistic = _figure(at, cat["conclusion.l3_series_title"])
    stable = _trace(realistic, cat["conclusion.model_stable_rnn"])
    assert stable["x"] == [2.0, 7.0, 15.5] and stable["y"] == pytest.approx([97, 80, 55])  # bins at their midpoints
    assert cat["conclusion.l3_manifest_title"] not in titles
    assert set(losses) == {cat["conclusion.model_rnn"], cat["conclusion.model_lstm"]}  # a null loss (it diverged) is left out
    assert race["layout"]["yaxis"]["title"]["text"] == cat["conclusion.l3_race_y_mse"]


@pytest.mark.parametrize("evidence", [
    {"sequential": "junk", "series": [1, 2], "gradients": {"norms": "loud", "regime": "<script>"}, "lab": {"results": None}},
    {"sequential": FAKE_EVIDENCE["lab"], "gradients": FAKE_EVIDENCE["sequential"], "lab": {"task": 7}},  # a value of another station's type
    "not even a dict",
])
def test_anything_but_typed_evidence_reads_as_not_recorded(evidence):
    at = _page("en")
    at.session_state["_evidence"] = evidence
    at.run()
    assert_clean(at)
    assert in_language(station6.TEXTS, "en")["conclusion.l2_title"] in figure_titles(at)
    assert in_language(station6.TEXTS, "en")["conclusion.l3_race_title"] not in figure_titles(at)
    assert not any(in_language(station6.TEXTS, "en")["conclusion.source_own"].format(station=n) in m.value for m in at.markdown for n in (1, 3, 5))


def test_typed_evidence_rejects_unknown_fields_and_freezes_lists():
    with pytest.raises(TypeError):
        Station1(ff_accuracy=0.5, rnn_accuracy=1.0, ff_answer_spread=0.0, rnn_answer_range=[0, 1], sequence="AB",
                 shuffles=0, colour="red")
    s3 = dataclasses.replace(FAKE_EVIDENCE["gradients"], norms=[1.0, 2.0])
    assert s3.norms == (1.0, 2.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s3.regime = "stable"  # type: ignore[misc]


def test_pretrained_manifest_is_used_when_there_is_no_own_evidence():
    """Without own evidence, lessons 1 and 3 show what the pretrained-weights manifest says
    (whatever it holds when the test runs); with nothing there, lesson 1 says where to look."""
    import json

    from pages.conclusion import charts
    from rnn_core import manifest as weights_manifest

    manifest_file = Path(__file__).resolve().parents[3] / "rnn_core" / "weights" / "manifest.json"
    manifest = json.loads(manifest_file.read_text())["models"] if manifest_file.exists() else {}
    at = _page("en")
    titles = figure_titles(at)
    cat = in_language(station6.TEXTS, "en")
    order = dict(weights_manifest.manifest_accuracy(manifest, weights_manifest.is_order_task))
    simple = charts.distance_table(weights_manifest.manifest_by_distance(manifest, weights_manifest.is_simple_series), {})
    realistic = charts.distance_table(weights_manifest.manifest_by_distance(manifest, weights_manifest.is_realistic_series), {})
    assert (cat["conclusion.l1_manifest_title"] in titles) == bool(order)
    assert (cat["conclusion.l1_series_title"] in titles) == (not simple.empty)
    assert (cat["conclusion.l3_manifest_title"] in titles) == (not realistic.empty)
    if order:
        bars = [tr for tr in _figure(at, cat["conclusion.l1_manifest_title"])["data"] if tr["type"] == "bar"]
        assert {tr["name"]: _arr(tr["y"])[0] for tr in bars} == pytest.approx(
            {cat[f"conclusion.model_{m}"]: 100 * v for m, v in order.items()})
    if not realistic.empty:
        fig = _figure(at, cat["conclusion.l3_manifest_title"])
        for model in set(realistic["model"]):
            trace = _trace(fig, cat[f"conclusion.model_{model}"])
            assert all(0 <= y <= 100 for y in trace["y"])
            assert len(trace["x"]) == (realistic["model"] == model).sum()
        # the plain RNN's accuracy at distance 1, quoted from the manifest: near chance is a training failure
        rnn_d1 = weights_manifest.manifest_accuracy_at(manifest, weights_manifest.is_realistic_series, "rnn", 1)
        if rnn_d1 is not None:
            key = "conclusion.l3_manifest_rnn_fail" if rnn_d1 < weights_manifest.NEAR_CHANCE else "conclusion.l3_manifest_rnn_ok"
            shown = cat[key].format(rnn_d1=f"{100 * rnn_d1:.0f}%")
            assert shown in [m.value for m in at.markdown]
    if not order and simple.empty:
        assert cat["conclusion.l1_missing"] in [i.value for i in at.info]


def test_lesson3_quotes_the_measured_gradient_of_a_bias0_lstm():
    """"Gates mitigate": the bias-0 LSTM's gradient 99 steps back is measured, not typed (≈ 2.4e-24)."""
    from rnn_core.gradients import gradient_norms

    value = float(gradient_norms("lstm", length=100, forget_bias=0.0)[0])
    assert 1e-30 < value < 1e-20  # it really does vanish
    for lang in ("en", "pt"):
        at = _page(lang)
        text = " ".join(m.value for m in at.markdown)
        assert CATALOG[lang]["conclusion.lesson3_title"] in " ".join(visible_texts(at))
        assert measured(value, lang, 2) in text and "10⁻" in measured(value, lang, 2)


def test_cached_views_are_shared_and_never_changed_by_a_session():
    plain = _page("en")
    before = figures(plain)
    presenter = _page("en", present=True)
    assert figures(presenter)[0]["layout"]["height"] != before[0]["layout"]["height"]
    plain.run()
    assert figures(plain) == before


def test_the_latch_race_is_measured_on_request_and_quoted_from_the_shared_job(monkeypatch):
    """Gates are no cure (latch, T = 50): the numbers come from the shared Lab race, never from the text."""
    from services import jobs
    from services import race_runner as runner

    board = jobs.JobBoard(slots=1)
    monkeypatch.setattr(jobs, "JOBS", board)
    at = _page("en")
    cat = CATALOG["en"]
    assert cat["conclusion.l3_latch_ask"].format(length=50) in [m.value for m in at.markdown]
    latch = runner.Settings.of({**runner.RACE_DEFAULTS, "task": "latch", "length": 50})
    short = runner.Settings.of({**latch.as_dict(), "length": 6, "steps": 30, "batch": 16})
    # stand-in for the 600-step race: the same job key, a short real race as its result
    job = board.submit(latch.key(), lambda progress: runner.train(short, progress))
    assert job.wait(120) and job.status == "done"
    at.run()
    assert_clean(at)
    rows = {r["cell"]: r for r in runner.results(job.result)}
    expected = cat["conclusion.l3_latch_done"].format(length=6, steps=30, seed=0, **{
        c: measured_percent(rows[c]["final_accuracy"]) for c in runner.CELLS})
    assert expected in [m.value for m in at.markdown]


def measured_percent(value: float) -> str:
    from ui.shell.numbers import percent

    return percent(value, "en")
