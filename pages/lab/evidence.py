"""What a student found on this station, kept for the conclusion page (``ui.shell.evidence``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from services.race_runner import RaceState, results
from ui.shell.evidence import Frozen


@dataclass(frozen=True)
class RaceOutcome(Frozen):
    """One cell of a Lab race: ``final_loss`` (mean of the last 20 batch losses; ``None`` if it
    could not be computed), ``solved_at_step`` (1-based, ``None`` if never), seconds of training,
    trainable parameters, and the step where the loss or gradient stopped being finite."""

    final_loss: float | None
    solved_at_step: int | None
    seconds: float
    params: int
    exploded_at: int | None = None


@dataclass(frozen=True)
class Station5(Frozen):
    """Station 5 (the Lab race): the settings (``clip`` ``None`` = no clipping), ``status``
    (``"done"`` or ``"stopped"``), the steps trained, the task's memoryless baseline loss and one
    :class:`RaceOutcome` per cell (``"rnn"``, ``"lstm"``, ``"gru"``)."""

    task: str
    length: int
    steps: int
    seed: int
    hidden: int
    lr: float
    clip: float | None
    batch: int
    status: str
    steps_done: int
    baseline: float
    results: Mapping[str, RaceOutcome]


EVIDENCE = Station5


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(float(value)) else float(value)


def from_race(state: RaceState) -> Station5:
    """What the conclusion page reads (``ui.shell.evidence.record``): settings, status and, per cell,
    the outcome (final loss, solved step, seconds, parameters, explosion)."""
    s = state.settings
    return Station5(
        task=s.task, length=s.length, steps=s.steps, seed=s.seed, hidden=s.hidden, lr=s.lr, clip=s.clip,
        batch=s.batch, status=state.status, steps_done=state.step, baseline=float(state.baseline),
        results={r["cell"]: RaceOutcome(final_loss=_finite_or_none(r["final_loss"]), solved_at_step=r["solved_at_step"],
                                        seconds=float(r["seconds"]), params=int(r["params"]),
                                        exploded_at=r["exploded_at"]) for r in results(state)},
    )
