"""Station 3's predictions: checked against rnn_core.gradients directly; predict, then see (pt, en)."""

from __future__ import annotations

import numpy as np
import pytest

from pages.gradients.predictions import DISTANCE, START, line_names
from rnn_core.gradients import gradient_norms, probe
from tests.apptest_helpers import predict_then_see, run_page
from ui.shell.numbers import measured
from ui.shell.predictions import question
from ui.shell.stations import station

PAGE = station("gradients").path


def _probe():
    s = START
    return probe("rnn", length=s["length"], hidden=s["hidden"], gain=s["gain"], nonlinearity=s["nonlinearity"], seed=s["seed"])


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_distance_answer_is_the_measured_gradient(lang):
    p_rnn = _probe()
    value = float(p_rnn.backward[int(np.flatnonzero(p_rnn.distance == DISTANCE)[0])])
    p = question("gradients.distance50", lang)
    assert p.options[p.correct] == measured(value, lang, 2)
    assert len(p.options) >= 3 and len(set(p.options)) == len(p.options)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_far_answer_is_the_line_that_keeps_most(lang):
    s = START
    far = {"rnn": float(_probe().backward[0])}
    for kind, extra, name in (("lstm", {}, "lstm"), ("gru", {}, "gru"), ("lstm", {"forget_bias": 2.0}, "lstm_open")):
        far[name] = float(gradient_norms(kind, length=s["length"], hidden=s["hidden"], gain=s["gain"], seed=s["seed"],
                                         **extra)[0])
    p = question("gradients.cells_far", lang)
    assert p.options[p.correct] == line_names(lang)[max(far, key=far.get)]


def test_start_settings_are_the_pages_defaults():
    at = run_page(PAGE, timeout=240)
    assert at.slider(key="gain").value == START["gain"] and at.slider(key="length").value == START["length"]
    assert at.radio(key="nonlinearity").value == START["nonlinearity"]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_distance_and_cells_charts_wait_for_the_predictions(lang):
    at = run_page(PAGE, lang=lang, predicted=False, timeout=240)
    before, after = predict_then_see(at, "gradients.distance50", lang)
    assert after == before + 1
    before, after = predict_then_see(at, "gradients.cells_far", lang, right=False)
    assert after == before + 1
