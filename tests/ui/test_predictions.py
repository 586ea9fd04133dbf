"""The question registry (ui.shell.predictions) and the prediction widget (ui.widgets.prediction)."""

from __future__ import annotations

import time

import pytest

from services import quiz
from tests.apptest_helpers import body_text, figures, prediction_keys, run_page
from ui.shell import predictions
from ui.shell.i18n import t
from ui.shell.predictions import question, questions, shuffled, to_index
from ui.shell.stations import JOURNEY, station
from ui.widgets import classroom


def test_stations_1_to_5_ask_seven_or_more_in_journey_order_and_the_quiz_comes_last():
    ids = [p.id for p in questions("en")]
    order = [s.slug for s in JOURNEY]
    stations = [p.station for p in questions("en")]
    assert stations == sorted(stations, key=order.index)  # journey order, quiz last
    asked = [p for p in questions("en") if p.station != "conclusion"]
    assert len(asked) >= 7 and {p.station for p in asked} == {"sequential", "series", "gradients", "gates", "lab"}
    assert ids[-8:] == [q.key for q in quiz.QUESTIONS]
    assert len(set(ids)) == len(ids) and all(i.startswith(f"{p.station}.") for i, p in zip(ids, questions("en"), strict=True))


def test_both_languages_ask_the_same_questions_with_the_same_answer():
    pt, en = questions("pt"), questions("en")
    assert [(p.id, p.station, len(p.options), p.correct) for p in pt] == [(p.id, p.station, len(p.options), p.correct) for p in en]
    for p in (*pt, *en):
        assert 2 <= len(p.options) <= 4 and len(set(p.options)) == len(p.options)
        assert 0 <= p.correct < len(p.options) and p.prompt and p.measured
        assert "{" not in p.prompt + p.measured + "".join(p.options)  # no unfilled placeholder


def test_lookup_is_a_dictionary_read_and_junk_is_none():
    questions("en")
    start = time.perf_counter()
    for _ in range(10_000):
        question("gradients.distance50", "en")
    assert time.perf_counter() - start < 0.5  # the class banner calls it on every poll
    assert question("gradients.distance50", "xx") == question("gradients.distance50", "en")
    for junk in (None, 3, "", "nope.q1", ["conclusion.q1"]):
        assert question(junk, "en") is None


def test_shuffle_is_deterministic_and_keeps_the_right_option():
    options, index = shuffled("x", ["y", "z", "x", "y"], "some.id")
    assert options[index] == "x" and sorted(options) == ["x", "y", "z"]
    assert shuffled("x", ["y", "z"], "some.id") == shuffled("x", ["y", "z"], "some.id")
    assert to_index("b") == 1 and to_index(3, 3) is None and to_index(True) is None and to_index("e") is None


def test_a_station_whose_measurement_fails_does_not_take_the_others_down(monkeypatch):
    from pages.gates import predictions as gates

    def broken(lang):
        raise RuntimeError("no weights")

    predictions.clear()
    monkeypatch.setattr(gates, "questions", broken)
    try:
        ids = [p.id for p in questions("en")]
        assert "gates.bias3" not in ids and "gradients.distance50" in ids and "conclusion.q8" in ids
    finally:
        monkeypatch.undo()
        predictions.clear()
    assert "gates.bias3" in [p.id for p in questions("en")]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_teachers_reveal_unfolds_the_chart_without_a_commit(monkeypatch, lang):
    focus = {"question_id": "series.window", "revealed": False}
    monkeypatch.setattr(classroom, "class_focus", lambda: focus, raising=False)
    page = station("series").path
    folded = run_page(page, lang=lang, predicted=False, timeout=240)
    assert "_pred_series_window" in prediction_keys(folded)
    focus["revealed"] = True
    shown = run_page(page, lang=lang, predicted=False, timeout=240)
    p = question("series.window", lang)
    assert t("common.predict_revealed", lang, answer=p.options[p.correct], measured=p.measured) in body_text(shown)
    assert len(figures(shown)) == len(figures(folded)) + 1
    assert "_pred_series_window" in prediction_keys(shown)  # the student may still commit


def test_a_commit_is_sent_to_the_class_and_an_empty_commit_asks_for_a_choice(monkeypatch):
    sent = []
    monkeypatch.setattr(classroom, "send_answer", lambda qid, letter: sent.append((qid, letter)), raising=False)
    at = run_page(station("series").path, lang="en", predicted=False, timeout=240)
    at.button(key="_pred_series_window_commit").click().run()
    assert t("common.predict_choose_first", "en") in body_text(at) and not sent
    p = question("series.window", "en")
    at.radio(key="_pred_series_window").set_value(p.correct)
    at.button(key="_pred_series_window_commit").click().run()
    assert sent == [("series.window", "abcd"[p.correct])]
    assert not at.exception
