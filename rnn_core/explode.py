"""The network that hallucinates: one short training run that explodes, and the same run clipped.

Recipe (station 3, "the network hallucinates"): a tanh RNN with 32 units whose recurrent matrix
starts at ``U = g·Q`` (U is the recurrent matrix, PyTorch's ``weight_hh_l0``; Q a seeded random
orthogonal matrix, so every singular value is g;
g = 2 by default, well above Pascanu's threshold 1/γ = 1), learning the adding problem
(Le, Jaitly & Hinton 2015) at a short length T = 10 with plain SGD, learning rate 0.05,
batch 64, MSE loss (memoryless baseline 1/6).

* Without clipping, each large gradient pushes ``U`` further out, which makes the next
  gradient larger still: the loss climbs by orders of magnitude (0.6 → 1e36 with seed 0)
  until it is no longer a number and ``rnn_core.training`` stops, reporting ``exploded_at``.
  Measured on this machine: seeds 0–9 explode at steps 78–208 except seed 8, which survives
  600 steps (``σ_max > 1/γ`` is necessary, not sufficient, for exploding).
* With clipping by norm at 1 (Pascanu, Mikolov & Bengio 2013, Algorithm 1:
  ``if ‖g‖ ≥ c: g ← c·g/‖g‖``) the same run, same data, stays finite and goes below the
  baseline (MSE ≈ 0.12 after 600 steps for seeds 0–9).

Both runs together take about a second on one CPU thread. :func:`explode_pair` runs both, the way
the page asks for them through the shared job board (``services.jobs``): one computation for everyone
who asks for the same seed, bit-identical to two private :func:`hallucination_run` calls.
Pure torch: no streamlit here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import torch

from rnn_core.gradients import orthogonal
from rnn_core.models import SequenceModel
from rnn_core.seeding import seeded
from rnn_core.tasks import ADDING_BASELINE_MSE, adding_task
from rnn_core.training import StepInfo, TrainResult, train

__all__ = ["Recipe", "RECIPE", "Run", "Pair", "build_model", "hallucination_run", "explode_pair",
           "ADDING_BASELINE_MSE"]


@dataclass(frozen=True)
class Recipe:
    """Everything that defines the run except clipping and the seed."""

    gain: float = 2.0
    hidden: int = 32
    length: int = 10
    batch: int = 64
    lr: float = 0.05
    steps: int = 600
    clip_threshold: float = 1.0


RECIPE = Recipe()


def build_model(gain: float, hidden: int, seed: int) -> SequenceModel:
    """A tanh ``SequenceModel`` (2 inputs → 1 output) with recurrent matrix ``U = gain·Q``, seeded.

    Built under ``rnn_core.seeding.seeded``: atomic across threads, the global RNG left as it was.
    """
    with seeded(seed):
        model = SequenceModel("rnn", 2, hidden, 1)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        model.rnn.weight_hh_l0.copy_((gain * orthogonal(hidden, gen)).float())
    return model


def hallucination_run(
    *,
    clip: bool,
    seed: int = 0,
    recipe: Recipe = RECIPE,
    callback: Callable[[StepInfo], bool | None] | None = None,
) -> TrainResult:
    """Train the recipe's model, without (``clip=False``) or with clipping at ``recipe.clip_threshold``.

    Returns ``rnn_core.training.TrainResult``: ``losses`` and ``grad_norms`` (norm before
    clipping) per step; ``exploded_at`` is the 1-based step whose loss or gradient norm was
    not finite (that entry is NaN or inf in the lists), ``None`` if the run survived.
    """
    model = build_model(recipe.gain, recipe.hidden, seed)
    return train(
        model,
        lambda gen: adding_task(recipe.batch, recipe.length, gen),
        steps=recipe.steps,
        lr=recipe.lr,
        optimizer="sgd",
        clip=recipe.clip_threshold if clip else None,
        seed=seed,
        loss="mse",
        callback=callback,
    )


@dataclass(frozen=True)
class Run:
    """One finished run, immutable (shared by every session that asked for it): per-step losses
    and gradient norms (before clipping), the step where it exploded (``None``: it did not), the
    final loss (mean of the last 20 steps, NaN after an explosion) and whether it was stopped."""

    losses: tuple[float, ...]
    grad_norms: tuple[float, ...]
    exploded_at: int | None
    final_loss: float
    stopped: bool

    @property
    def steps(self) -> int:
        return len(self.losses)

    @classmethod
    def of(cls, result: TrainResult) -> Run:
        return cls(tuple(result.losses), tuple(result.grad_norms), result.exploded_at, float(result.final_loss),
                   bool(result.stopped))


@dataclass(frozen=True)
class Pair:
    """Both runs of one seed: ``free`` (no clipping), ``clipped``, and the wall time of both."""

    seed: int
    free: Run
    clipped: Run
    seconds: float

    @property
    def stopped(self) -> bool:
        return self.free.stopped or self.clipped.stopped


def explode_pair(
    seed: int = 0,
    recipe: Recipe = RECIPE,
    *,
    on_step: Callable[[int, StepInfo], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Pair:
    """The unclipped run, then the clipped one, same seed and data.

    ``on_step(run_index, info)`` is called after every update (0: unclipped, 1: clipped);
    ``should_stop()`` returning True ends the current run early and skips the rest (the
    result then has ``stopped``)."""
    started = time.perf_counter()
    runs = []
    for index, clip in enumerate((False, True)):
        if should_stop is not None and should_stop():
            runs.append(Run((), (), None, float("nan"), True))
            continue

        def callback(info: StepInfo, index: int = index) -> bool:
            if on_step is not None:
                on_step(index, info)
            return not (should_stop is not None and should_stop())

        runs.append(Run.of(hallucination_run(clip=clip, seed=seed, recipe=recipe, callback=callback)))
    return Pair(int(seed), runs[0], runs[1], time.perf_counter() - started)
