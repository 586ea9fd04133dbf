"""Station 1's predictions, measured with the pretrained order models the page shows
(``ui.shell.models.get_model``, ``rnn_core.order_eval``) at the page's starting arrangement.

* ``sequential.swap`` (before "every order at once"): swap A and B: does the feedforward network's
  answer change? The right option is decided by the two measured answers (same to 10⁻⁶, flips across
  50 %, or moves without flipping).
* ``sequential.accuracy`` (before the test accuracies): how often is the feedforward network right on
  fresh sequences? Options: its accuracy, the RNN's and their midpoint (the weights manifest's test
  accuracy, as the page shows it; measured with ``order_eval.accuracy`` when the manifest has none).
"""

from __future__ import annotations

import functools

from pages.sequential.controls import DEFAULT_A, DEFAULT_B, DEFAULT_MIX
from pages.sequential.view import FF, RNN, TEST_SIZE
from rnn_core import order_eval
from ui.shell import models as models_cache
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.predictions import Prediction, shuffled

SAME = 1e-6  # two answers closer than this are "the same answer"


@functools.cache
def answers() -> dict[str, tuple[float, float]]:
    """{model: (P(A before B) at the starting arrangement, the same with A and B swapped)}."""
    ab = order_eval.arrange(DEFAULT_A, DEFAULT_B, DEFAULT_MIX)
    ba = order_eval.arrange(DEFAULT_B, DEFAULT_A, DEFAULT_MIX)
    return {name: (order_eval.answer(models_cache.get_model(name), ab), order_eval.answer(models_cache.get_model(name), ba))
            for name in (FF, RNN)}


def swap_outcome(before: float, after: float) -> str:
    """"same", "flip" (crosses 50 %) or "little" (moves, same side)."""
    if abs(before - after) < SAME:
        return "same"
    return "flip" if (before >= 0.5) != (after >= 0.5) else "little"


@functools.cache
def accuracies() -> dict[str, float]:
    """Test accuracy of each model: the manifest's (what the page shows), else measured."""
    manifest = models_cache.manifest()
    out = {}
    for name in (FF, RNN):
        value = (manifest.get(name, {}).get("metrics") or {}).get("accuracy")
        out[name] = float(value) if isinstance(value, int | float) else order_eval.accuracy(models_cache.get_model(name), TEST_SIZE)
    return out


def questions(lang: str) -> tuple[Prediction, ...]:
    a = answers()
    ff_before, ff_after = a[FF]
    rnn_before, rnn_after = a[RNN]
    labels = {k: t(f"sequential.pred_swap_{k}", lang) for k in ("same", "flip", "little")}
    options, index = shuffled(labels[swap_outcome(ff_before, ff_after)], list(labels.values()), "sequential.swap")
    tokens = " · ".join(order_eval.arrange(DEFAULT_A, DEFAULT_B, DEFAULT_MIX))
    swap = Prediction(
        id="sequential.swap", station="sequential",
        prompt=t("sequential.pred_swap_prompt", lang, tokens=tokens, p=percent(ff_before, lang, 1)),
        options=options, correct=index,
        measured=t("sequential.pred_swap_measured", lang, ff_ab=percent(ff_before, lang, 1), ff_ba=percent(ff_after, lang, 1),
                   rnn_ab=percent(rnn_before, lang, 1), rnn_ba=percent(rnn_after, lang, 1)))
    acc = accuracies()
    ff, rnn = percent(acc[FF], lang), percent(acc[RNN], lang)
    options, index = shuffled(ff, [rnn, percent((acc[FF] + acc[RNN]) / 2, lang)], "sequential.accuracy")
    accuracy = Prediction(
        id="sequential.accuracy", station="sequential",
        prompt=t("sequential.pred_acc_prompt", lang),
        options=options, correct=index,
        measured=t("sequential.pred_acc_measured", lang, ff=ff, rnn=rnn))
    return swap, accuracy
