"""Station 1's predictions: options and answers checked against rnn_core directly; predict, then see (pt, en)."""

from __future__ import annotations

import pytest

from pages.sequential import predictions
from pages.sequential.controls import DEFAULT_A, DEFAULT_B, DEFAULT_MIX
from pages.sequential.view import FF, RNN
from rnn_core import order_eval
from rnn_core.pretrained import load_pretrained
from tests.apptest_helpers import figure_titles, predict_then_see, run_page
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.predictions import question
from ui.shell.stations import station

PAGE = station("sequential").path


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_swap_answer_is_the_measured_one(lang):
    ff = load_pretrained(FF)
    before = order_eval.answer(ff, order_eval.arrange(DEFAULT_A, DEFAULT_B, DEFAULT_MIX))
    after = order_eval.answer(ff, order_eval.arrange(DEFAULT_B, DEFAULT_A, DEFAULT_MIX))
    p = question("sequential.swap", lang)
    assert abs(before - after) < 1e-6  # a bag of inputs: the same answer for both orders
    assert p.options[p.correct] == t("sequential.pred_swap_same", lang)
    assert len(set(p.options)) == 3 and percent(before, lang, 1) in p.measured


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_accuracy_answer_is_the_feedforward_accuracy(lang):
    measured = {name: order_eval.accuracy(load_pretrained(name), 2000) for name in (FF, RNN)}
    p = question("sequential.accuracy", lang)
    shown = predictions.accuracies()
    assert p.options[p.correct] == percent(shown[FF], lang)
    assert abs(shown[FF] - measured[FF]) < 0.05 and abs(shown[RNN] - measured[RNN]) < 0.02
    assert percent(shown[RNN], lang) in p.options and p.options[p.correct] != percent(shown[RNN], lang)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_orders_chart_and_accuracies_wait_for_the_predictions(lang):
    at = run_page(PAGE, lang=lang, predicted=False, timeout=240)
    orders_title = t("sequential.arr_title", lang)
    assert not any(title.startswith(orders_title[:20]) for title in figure_titles(at))
    assert not at.metric or all(m.label != t("sequential.acc_ff", lang) for m in at.metric)
    before, after = predict_then_see(at, "sequential.swap", lang)
    assert after == before + 1 and any(title.startswith(orders_title[:20]) for title in figure_titles(at))
    predict_then_see(at, "sequential.accuracy", lang, right=False)
    assert any(m.label == t("sequential.acc_ff", lang) for m in at.metric)
