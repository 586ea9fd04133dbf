"""Station 2's prediction: checked against rnn_core.series_eval directly; predict, then see (pt, en)."""

from __future__ import annotations

import pytest

from pages.series.predictions import DISTANCE, VARIANT
from pages.series.view import EVAL_PER_DISTANCE, EVAL_SEED, MODELS, manifest_name
from rnn_core.pretrained import load_pretrained
from rnn_core.series_eval import accuracy_by_distance
from tests.apptest_helpers import folded_then_shown, predict_then_see, run_page
from ui.shell.numbers import percent
from ui.shell.predictions import question
from ui.shell.stations import station


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_window_answer_is_the_feedforward_accuracy(lang):
    acc = {m: accuracy_by_distance(load_pretrained(manifest_name(VARIANT, m)), (DISTANCE,), False, EVAL_PER_DISTANCE,
                                   seed=EVAL_SEED)[DISTANCE] for m in MODELS[VARIANT]}
    p = question("series.window", lang)
    assert p.options[p.correct] == percent(acc["ff"], lang)
    assert percent(max(v for m, v in acc.items() if m != "ff"), lang) in p.options
    assert acc["ff"] < 0.8  # beyond its window the feedforward network is near chance


def test_accuracy_chart_waits_for_the_prediction():
    at = run_page(station("series").path, lang="en", predicted=False, timeout=240)
    before, after = predict_then_see(at, "series.window", "en", right=False)
    assert after == before + 1


def test_accuracy_chart_waits_for_the_prediction_in_portuguese():
    folded_then_shown(station("series").path, "series.window", "pt")
