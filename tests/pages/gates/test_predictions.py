"""Station 4's prediction: checked against rnn_core.gradients.probe directly; predict, then see (pt, en)."""

from __future__ import annotations

import numpy as np
import pytest

from pages.gates.cache import PROBE, REFERENCE_BIASES
from pages.gates.predictions import ASKED
from rnn_core.gradients import probe
from tests.apptest_helpers import folded_then_shown, predict_then_see, run_page
from tests.pages.gates.test_app import _settle
from ui.shell.numbers import measured
from ui.shell.predictions import question
from ui.shell.stations import station


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_bias_answer_is_the_measured_cell_gradient(lang):
    far = {}
    for b in REFERENCE_BIASES:
        p = probe("lstm", length=PROBE["length"], hidden=PROBE["hidden"], seed=PROBE["seed"], forget_bias=float(b))
        far[b] = float(p.cell_backward[int(np.argmax(p.distance))])
    q = question("gates.bias3", lang)
    assert q.options[q.correct] == measured(far[ASKED], lang, 2)
    assert sorted(q.options) == sorted(measured(v, lang, 2) for v in far.values())
    assert far[ASKED] == max(far.values())  # the open gate keeps the most


def test_cell_gradient_chart_waits_for_the_prediction():
    at = _settle(run_page(station("gates").path, lang="en", predicted=False, timeout=300))
    before, after = predict_then_see(at, "gates.bias3", "en")
    assert after == before + 1


def test_cell_gradient_chart_waits_for_the_prediction_in_portuguese():
    folded_then_shown(station("gates").path, "gates.bias3", "pt", settle=_settle)
