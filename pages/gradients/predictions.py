"""Station 3's predictions, measured at the page's starting settings by the same cached probes the charts use
(``pages.gradients.view.measure_rnn`` / ``measure_gated``: float64 backward passes of ``rnn_core.gradients``).

* ``gradients.distance50`` (before "gradient by distance"): how much of ‖∂L/∂h‖ is left 50 steps back.
  The distractors are the measured value times 10³, 10⁶ and 10⁻³ (the ones below 1).
* ``gradients.cells_far`` (before the cells chart): which line keeps the most at the far end.
"""

from __future__ import annotations

import functools

import numpy as np

from pages.gradients import view as gradients_view
from ui.shell.i18n import t
from ui.shell.numbers import measured, setting
from ui.shell.predictions import Prediction, shuffled

# The page's starting settings (pages/gradients/page.py's control defaults; tests/pages/gradients/test_predictions.py
# checks they are the page's): g·Q init, gain 1, tanh, 32 units, T = 100, seed 0.
START = {"init": "orthogonal", "gain": 1.0, "nonlinearity": "tanh", "hidden": 32, "length": 100, "seed": 0}
DISTANCE = 50
FACTORS = (1e3, 1e6, 1e-3)


@functools.cache
def measurements() -> tuple[float, dict[str, float], int]:
    """(‖∂L/∂h‖ at DISTANCE, {line: ‖∂L/∂h‖ at the far end}, the far distance) at the starting settings."""
    s = START
    rnn = gradients_view.measure_rnn(s["nonlinearity"], s["gain"], s["length"], s["hidden"], s["seed"])
    gated = gradients_view.measure_gated(s["gain"], s["length"], s["hidden"], s["seed"])
    at = float(rnn.backward[int(np.flatnonzero(rnn.distance == DISTANCE)[0])])
    far = {"rnn": float(rnn.backward[0]), **{k: float(v[0]) for k, v in gated.items()}}
    return at, far, int(rnn.distance[0])


def _settings(lang: str) -> dict[str, str]:
    s = START
    return {"nl": gradients_view.NONLINEARITY_NAMES[s["nonlinearity"]], "g": setting(s["gain"], lang),
            "hidden": str(s["hidden"]), "length": str(s["length"])}


def line_names(lang: str) -> dict[str, str]:
    """The cells chart's legend names (the same catalog keys as ``view.line_view``)."""
    nl = gradients_view.NONLINEARITY_NAMES[START["nonlinearity"]]
    return {"rnn": t("gradients.cells_rnn", lang, nl=nl), "lstm": "LSTM", "gru": "GRU",
            "lstm_open": t("gradients.cells_lstm_open", lang, b=setting(gradients_view.FORGET_OPEN, lang))}


def questions(lang: str) -> tuple[Prediction, ...]:
    at, far, far_d = measurements()
    fmt = _settings(lang)
    value = measured(at, lang, 2)
    distractors = [measured(at * f, lang, 2) for f in FACTORS if at * f < 1]
    options, index = shuffled(value, distractors, "gradients.distance50")
    first = Prediction(
        id="gradients.distance50", station="gradients",
        prompt=t("gradients.pred_distance_prompt", lang, d=DISTANCE, **fmt),
        options=options, correct=index,
        measured=t("gradients.pred_distance_measured", lang, d=DISTANCE, value=value, **fmt))
    names = line_names(lang)
    best = max(far, key=lambda k: far[k])
    options, index = shuffled(names[best], [names[k] for k in far], "gradients.cells_far")
    values = "; ".join(f"{names[k]}: {measured(v, lang, 2)}" for k, v in sorted(far.items(), key=lambda kv: -kv[1]))
    second = Prediction(
        id="gradients.cells_far", station="gradients",
        prompt=t("gradients.pred_cells_prompt", lang, d=far_d, **fmt),
        options=options, correct=index,
        measured=t("gradients.pred_cells_measured", lang, d=far_d, values=values))
    return first, second
