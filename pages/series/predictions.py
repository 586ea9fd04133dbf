"""Station 2's prediction, measured by the same cached evaluation as the page's "accuracy by distance"
chart (``pages.series.view.accuracy``: ``rnn_core.series_eval.accuracy_by_distance`` on the pretrained
simple-series models, 200 fresh series per distance).

* ``series.window`` (before "accuracy by distance"): the key event is :data:`DISTANCE` episodes before the
  final scene, beyond the feedforward network's window of K episodes: how often is that network right?
  Options: its measured accuracy, the best loop model's and their midpoint.
"""

from __future__ import annotations

import functools

from pages.series import view as series_view
from pages.series.view import MODELS, K
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.predictions import Prediction, shuffled

VARIANT = "simple"  # the page's starting timeline is the simple series
DISTANCE = 2 * K + 2  # well beyond the feedforward window, well inside the trained distances


@functools.cache
def at_distance() -> dict[str, float]:
    """{model: accuracy at DISTANCE} of the pretrained simple-series models."""
    models = MODELS[VARIANT]
    frame = series_view.accuracy(VARIANT, models, ("pretrained",) * len(models))
    rows = frame[frame["distance"] == DISTANCE]
    return {str(r.model): float(r.accuracy) for r in rows.itertuples()}


def questions(lang: str) -> tuple[Prediction, ...]:
    acc = at_distance()
    loops = {m: v for m, v in acc.items() if m != "ff"}
    best = max(loops.values())
    ff = percent(acc["ff"], lang)
    options, index = shuffled(ff, [percent(best, lang), percent((acc["ff"] + best) / 2, lang)], "series.window")
    values = "; ".join(f"{t(f'series.model_{m}', lang, k=K)}: {percent(v, lang)}" for m, v in acc.items())
    return (Prediction(
        id="series.window", station="series",
        prompt=t("series.pred_window_prompt", lang, d=DISTANCE, k=K),
        options=options, correct=index,
        measured=t("series.pred_window_measured", lang, d=DISTANCE, values=values, n=series_view.EVAL_PER_DISTANCE)),)
