"""What a student found on this station, kept for the conclusion page (``ui.shell.evidence``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ui.shell.evidence import Frozen


@dataclass(frozen=True)
class SeriesAnswer(Frozen):
    """Station 2's last timeline: variant (``"simple"``/``"realistic"``), distance key event → final
    scene (episodes), the true mood (``"sad"``/``"happy"``) and each model's P(happy)."""

    variant: str
    distance: int
    truth: str
    p_happy: Mapping[str, float]


@dataclass(frozen=True)
class Station2(Frozen):
    """Station 2 (TV series): accuracy by distance bin, per variant and model,
    ``{"simple" | "realistic": {model: {"1-3": accuracy, "4-10": …}}}`` (bins ``"lo-hi"`` in
    episodes, accuracies in [0, 1]; a variant is there once the student has looked at it), and
    the last timeline the student watched."""

    accuracy_by_distance: Mapping[str, Mapping[str, Mapping[str, float]]]
    last: SeriesAnswer | None = None


EVIDENCE = Station2
