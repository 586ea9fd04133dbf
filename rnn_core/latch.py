"""Station 4's live experiment: the latch task at a chosen forget-gate bias, stopped once solved.

``rnn_core.race.train_latch`` trains an LSTM on the latch task (a bit at step 0, noise after it,
recall the bit at the end) with total forget-gate bias ``b_f``. Here it runs until the task is
*solved* and no longer: the rule is the race's (``rnn_core.race.solved_step``) applied online,

    solved at step s  ⇔  (1/20) Σ_{k = s−19}^{s} acc_k ≥ 0.99

where ``acc_k`` is the accuracy on training batch k (each batch freshly drawn before the model
trains on it). A bias that solves the task early therefore answers in a fraction of the steps.

:func:`run_latch` is deterministic: same arguments, bit-identical curves (the model is built
under ``rnn_core.seeding.seeded`` and every batch comes from an explicit generator), so one run
can be shared by every student who asks for the same bias.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rnn_core.race import RACE_TASKS, SMOOTH, train_latch
from rnn_core.training import StopTraining

LENGTH, STEPS, HIDDEN, BATCH, SEED = 30, 300, 16, 64, 0  # station 4's settings (the README's too)
SOLVED = RACE_TASKS["latch"].threshold  # 0.99


class SolvedRule:
    """Callable for ``train(callback=...)``: returns False (stop) once the trailing-``window``
    mean of batch accuracy reaches ``threshold``; ``on_step(info)`` is called first, if given."""

    def __init__(self, threshold: float = SOLVED, window: int = SMOOTH,
                 on_step: Callable[[object], object] | None = None) -> None:
        self.threshold, self.window, self.on_step = float(threshold), int(window), on_step
        self._recent: list[float] = []

    def solved(self) -> bool:
        return len(self._recent) == self.window and sum(self._recent) / self.window >= self.threshold

    def __call__(self, info) -> bool:
        if self.on_step is not None:
            self.on_step(info)
        self._recent.append(float(info.accuracy or 0.0))
        del self._recent[:-self.window]
        return not self.solved()


@dataclass(frozen=True)
class LatchRun:
    """One latch training: per-step batch ``accuracies`` and ``losses`` (tuples, immutable),
    ``solved_at`` (1-based step, or None), final trailing ``accuracy``, wall ``seconds``."""

    bias: float
    accuracies: tuple[float, ...]
    losses: tuple[float, ...]
    solved_at: int | None
    accuracy: float
    seconds: float


def run_latch(bias: float, *, length: int = LENGTH, steps: int = STEPS, hidden: int = HIDDEN, batch: int = BATCH,
              seed: int = SEED, on_step: Callable[[object], object] | None = None) -> LatchRun:
    """Train the latch LSTM with forget-gate bias ``bias`` until solved (:class:`SolvedRule`) or ``steps``.

    ``on_step(info)`` sees every ``rnn_core.training.StepInfo`` (for progress); raising from it
    stops the run (the exception propagates).
    """
    rule = SolvedRule(on_step=on_step)
    r = train_latch(float(bias), length=length, steps=steps, seed=seed, hidden=hidden, batch=batch, callback=rule)
    return LatchRun(bias=float(bias), accuracies=tuple(float(a) for a in r.accuracies),
                    losses=tuple(float(v) for v in r.losses), solved_at=r.solved_at_step,
                    accuracy=float(r.final_accuracy), seconds=float(r.seconds))


def shared_run(bias: float, *, every: int = 10, **settings) -> Callable[[object], LatchRun]:
    """``fn(progress)`` for a shared job board (``services.jobs``): :func:`run_latch` that publishes
    ``(step, accuracies so far)`` every ``every`` steps and stops early once ``progress.cancelled``."""

    def fn(progress) -> LatchRun:
        accuracies: list[float] = []

        def on_step(info) -> None:
            if progress.cancelled:
                raise StopTraining
            accuracies.append(float(info.accuracy or 0.0))
            if info.step % every == 0:
                progress.publish((info.step, tuple(accuracies)))

        return run_latch(bias, on_step=on_step, **settings)

    return fn


def latch_key(bias: float, *, length: int = LENGTH, steps: int = STEPS, hidden: int = HIDDEN, batch: int = BATCH,
              seed: int = SEED) -> tuple:
    """A hashable key describing the training fully (for ``services.jobs``' single flight)."""
    return ("latch", float(bias), int(length), int(steps), int(hidden), int(batch), int(seed))


__all__ = ["LENGTH", "STEPS", "HIDDEN", "BATCH", "SEED", "SOLVED", "SolvedRule", "LatchRun", "run_latch",
           "shared_run", "latch_key"]
