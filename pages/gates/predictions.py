"""Station 4's prediction, measured by the same cached probe as the page's cell-gradient chart
(``pages.gates.cache.cell_gradient``: ``rnn_core.gradients.probe("lstm", forget_bias=b)``, float64).

* ``gates.bias3`` (before the cell-gradient chart): an LSTM whose forget gate starts nearly open
  (b_f = 3, σ(3) ≈ 0.95): how much of ‖∂L/∂c‖ is left at the far end (distance 100)? The distractors
  are the same measurement at the chart's other reference biases (b_f = 0, 1, 2).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from pages.gates.cache import REFERENCE_BIASES, cell_gradient
from ui.shell.i18n import t
from ui.shell.numbers import fixed, measured, setting
from ui.shell.predictions import Prediction, shuffled

ASKED = max(REFERENCE_BIASES)  # b_f = 3: the chart's most open reference line


@functools.cache
def at_far() -> tuple[int, dict[float, float]]:
    """(the far distance, {b_f: ‖∂L/∂c‖ there}) for every reference bias of the chart."""
    out, far = {}, 0
    for b in REFERENCE_BIASES:
        distance, norms = cell_gradient(float(b))
        i = int(np.argmax(distance))
        far, out[b] = int(distance[i]), float(norms[i])
    return far, out


def questions(lang: str) -> tuple[Prediction, ...]:
    far, values = at_far()
    labels = {b: measured(v, lang, 2) for b, v in values.items()}
    options, index = shuffled(labels[ASKED], [labels[b] for b in sorted(values) if b != ASKED], "gates.bias3")
    refs = "; ".join(f"b_f = {setting(b, lang)}: {labels[b]}" for b in sorted(values))
    return (Prediction(
        id="gates.bias3", station="gates",
        prompt=t("gates.pred_bias_prompt", lang, b=setting(ASKED, lang), f=fixed(1 / (1 + math.exp(-ASKED)), 2, lang), d=far),
        options=options, correct=index,
        measured=t("gates.pred_bias_measured", lang, d=far, values=refs)),)
