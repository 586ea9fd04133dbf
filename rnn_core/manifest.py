"""Reading the pretrained models' results out of the weights manifest (pure Python: reads the JSON, loads no model).

``python -m rnn_core pretrain`` (:mod:`rnn_core.pretrained`) writes, per model,
``{name: {"task": "order" | "series_simple" | "series_moods", "arch": {"model": "rnn" | "lstm" |
"gru" | "ff", "stable": bool, …}, "metrics": {"accuracy": a} or {"accuracy_by_distance": {"1-3": a, …}}}}``
(distance keys are :func:`rnn_core.series_eval.distance_buckets`' ``"lo-hi"`` ranges, or single
distances). The functions here turn that into ``(model, …)`` tuples — hashable, so a view of them can
be cached for a whole server — for the stations that show the pretrained models' results (the Lab
quotes the realistic series at d = 1; the conclusion draws all of them). Anything malformed (an entry
that is not a mapping, an unknown model, an accuracy outside [0, 1]) is left out, never raised.

Model ids: ``ff``, ``rnn``, ``stable_rnn`` (an ``rnn`` entry with ``arch.stable``), ``lstm``, ``gru``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from statistics import fmean
from typing import Any

MODELS = ("ff", "rnn", "stable_rnn", "lstm", "gru")
"""Every model id a manifest entry can be, in the order the pages list them."""

NEAR_CHANCE = 0.7
"""An accuracy below this on a two-class series task (chance = 0.5) reads as "near chance": at d = 1 that
is a model that failed to learn the task, not one that forgets over distance (the Lab and the conclusion
say so under the pretrained realistic-series results)."""


def is_order_task(task: str) -> bool:
    return task == "order"


def is_realistic_series(task: str) -> bool:
    return task == "series_moods"


def is_simple_series(task: str) -> bool:
    return task == "series_simple"


def finite_fraction(value: float | None) -> float | None:
    """``value`` as a float when it is a finite number in [0, 1], else ``None`` (booleans too)."""
    if value is None or isinstance(value, bool):
        return None
    value = float(value)
    return value if math.isfinite(value) and 0 <= value <= 1 else None


def bin_distance(key: str) -> float | None:
    """A distance from a bin key: ``"5"`` → 5, ``"11-20"`` → its midpoint 15.5 (else ``None``)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?", str(key))
    if not match:
        return None
    lo = float(match.group(1))
    hi = float(match.group(2)) if match.group(2) else lo
    return (lo + hi) / 2 if lo <= hi else None


def entry_model(entry: Mapping[str, Any]) -> str | None:
    """The model id of a manifest entry: ``arch.model`` (``rnn`` with ``arch.stable`` is the stable RNN)."""
    arch = entry.get("arch") if isinstance(entry, Mapping) else None
    if not isinstance(arch, Mapping) or arch.get("model") not in MODELS:
        return None
    return "stable_rnn" if arch["model"] == "rnn" and arch.get("stable") else arch["model"]


def _metrics(manifest: Mapping[str, Any], task_filter: Callable[[str], bool]):
    for entry in manifest.values():
        if not isinstance(entry, Mapping) or not task_filter(str(entry.get("task", ""))):
            continue
        model, metrics = entry_model(entry), entry.get("metrics")
        if model is not None and isinstance(metrics, Mapping):
            yield model, metrics


def manifest_accuracy(manifest: Mapping[str, Any], task_filter: Callable[[str], bool]) -> tuple[tuple[str, float], ...]:
    """``(model, accuracy)`` from ``metrics["accuracy"]`` of the entries whose task passes
    ``task_filter`` (several entries of one model are averaged), in the order of :data:`MODELS`."""
    collected: dict[str, list[float]] = {}
    for model, metrics in _metrics(manifest, task_filter):
        value = finite_fraction(metrics.get("accuracy")) if isinstance(metrics.get("accuracy"), int | float) else None
        if value is not None:
            collected.setdefault(model, []).append(value)
    return tuple((m, fmean(collected[m])) for m in MODELS if m in collected)


def manifest_by_distance(manifest: Mapping[str, Any], task_filter: Callable[[str], bool]) -> tuple[tuple[str, str, float], ...]:
    """``(model, distance key, accuracy)`` triples from ``metrics["accuracy_by_distance"]`` of the
    entries whose task passes ``task_filter``."""
    out = []
    for model, metrics in _metrics(manifest, task_filter):
        by_distance = metrics.get("accuracy_by_distance")
        if isinstance(by_distance, Mapping):
            out += [(model, str(d), float(a)) for d, a in by_distance.items() if isinstance(a, int | float)]
    return tuple(out)


def manifest_accuracy_at(manifest: Mapping[str, Any], task_filter: Callable[[str], bool], model: str,
                         distance: int) -> float | None:
    """One model's accuracy at one distance in the manifest (mean over its entries), or ``None``."""
    values = [a for m, d, a in manifest_by_distance(manifest, task_filter) if m == model and bin_distance(d) == distance]
    return fmean(values) if values else None
