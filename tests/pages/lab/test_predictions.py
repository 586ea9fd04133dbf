"""Station 5's prediction: the shipped default race against a fresh rnn_core race (slow); predict, then race."""

from __future__ import annotations

import pytest

from pages.lab import predictions
from services.race_runner import RACE_DEFAULTS
from tests.apptest_helpers import body_text, run_page
from ui.shell.i18n import t
from ui.shell.predictions import question
from ui.shell.stations import station


def test_shipped_race_is_for_the_current_defaults():
    assert predictions.shipped()["settings"] == dict(RACE_DEFAULTS)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_answer_is_the_shipped_winner(lang):
    cells = predictions.shipped()["cells"]
    p = question("lab.adding50", lang)
    winner = predictions.winner(cells)
    assert p.options[p.correct] == t(f"lab.model_{winner}", lang)
    assert len(p.options) == 4


@pytest.mark.slow
def test_shipped_race_is_what_rnn_core_measures():
    fresh = predictions.measure()
    shipped = predictions.shipped()
    assert fresh["settings"] == shipped["settings"]
    assert predictions.winner(fresh["cells"]) == predictions.winner(shipped["cells"])
    for cell, v in shipped["cells"].items():
        assert fresh["cells"][cell]["solved_at_step"] == v["solved_at_step"]
        assert fresh["cells"][cell]["final_loss"] == pytest.approx(v["final_loss"], rel=1e-3, abs=1e-4)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_start_waits_for_the_prediction_at_the_default_race(lang):
    at = run_page(station("lab").path, lang=lang, predicted=False, timeout=240)
    assert at.button(key="_s5_start").disabled
    assert t("lab.pred_folded", lang) in body_text(at)
    at.radio(key="_pred_lab_adding50").set_value(0)
    at.button(key="_pred_lab_adding50_commit").click().run()
    p = question("lab.adding50", lang)
    assert any(m.value.startswith(t("common.predict_right" if p.correct == 0 else "common.predict_wrong", lang,
                                    choice=p.options[0], answer=p.options[p.correct], measured=p.measured)[:30])
               for m in (*at.success, *at.info))
    assert not at.button(key="_s5_start").disabled
    other = run_page(station("lab").path, lang=lang, predicted=False, timeout=240, params={"length": "30"})
    assert not other.button(key="_s5_start").disabled and not [r for r in other.radio if r.key == "_pred_lab_adding50"]
