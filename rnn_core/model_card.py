"""What the weights manifest (``rnn_core/weights/manifest.json``) says about a pretrained series model.

The manifest stores, per model, ``metrics.accuracy_by_distance`` (distance ``d`` → accuracy on
fresh series of the task generator), ``metrics.min_accuracy_d1_30`` (the worst distance inside
the training range 1–30), ``train_seconds`` and ``hyperparameters.steps``. :func:`accuracy_card`
reads them into one typed value, tolerating a missing or partial entry (every field ``None``):

    near = min_accuracy_d1_30,   far = mean_{31 ≤ d ≤ 90} accuracy_by_distance[d]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FAR = (31, 90)  # distances never seen in training (the generator trains on 1–30)


@dataclass(frozen=True)
class AccuracyCard:
    """``near``: minimum accuracy over distances 1–30; ``far``: mean over 31–90; ``seconds`` and
    ``steps`` of the recorded training. Any of them ``None`` when the manifest lacks it."""

    near: float | None
    far: float | None
    seconds: float | None
    steps: int | None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def accuracy_card(entry: Mapping[str, Any] | None, far: tuple[int, int] = FAR) -> AccuracyCard:
    """The :class:`AccuracyCard` of one manifest entry (``{}`` or ``None`` → all ``None``)."""
    entry = entry if isinstance(entry, Mapping) else {}
    metrics = entry.get("metrics") if isinstance(entry.get("metrics"), Mapping) else {}
    by_distance = metrics.get("accuracy_by_distance") if isinstance(metrics.get("accuracy_by_distance"), Mapping) else {}
    far_values = []
    for d, v in by_distance.items():
        try:
            inside = far[0] <= int(d) <= far[1]
        except (TypeError, ValueError):
            continue
        if inside and _number(v) is not None:
            far_values.append(float(v))
    hyper = entry.get("hyperparameters") if isinstance(entry.get("hyperparameters"), Mapping) else {}
    steps = _number(hyper.get("steps"))
    return AccuracyCard(near=_number(metrics.get("min_accuracy_d1_30")),
                        far=sum(far_values) / len(far_values) if far_values else None,
                        seconds=_number(entry.get("train_seconds")), steps=None if steps is None else int(steps))


__all__ = ["FAR", "AccuracyCard", "accuracy_card"]
