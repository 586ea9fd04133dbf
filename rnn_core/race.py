"""The lab race (station 5) and the live latch experiment (station 4).

``race`` trains a tanh RNN, an LSTM and a GRU side by side: the three models
are initialised from the same seed (``rnn_core.seeding.seeded(seed)`` around each
construction) and, at every step, receive *the same batch* from one seeded stream.
They are stepped round-robin, so a callback can stream three curves that
advance together and stop the race at any step.

Defaults (measured on the 2-core dev machine, one torch thread): hidden 32,
batch 128, Adam lr 0.02 with cosine decay to 0 over ``steps``, clipping by
norm at 1 (Pascanu et al. 2013). Adding problem, T = 50, 600 steps, seed 0:
the tanh RNN stays at the baseline MSE 1/6 while LSTM and GRU go below 0.01;
at T = 20 the RNN learns too (MSE < 0.05). Not every seed is this clean: an
LSTM with PyTorch's default init can sit on the plateau for all 600 steps
(e.g. seed 1).

Other tasks at the same defaults (seed 0, measured): realistic series, T = 30:
RNN stays at log 2, LSTM solved at step ~110, GRU ~65. Latch, T = 30 or 50:
the *tanh RNN* solves it (~40-65 steps: with the bit on its own channel a
saturated tanh unit is a natural latch, and Adam's normalised steps grow
W_hh despite the tiny gradient), while LSTM and GRU stay at chance, even the
LSTM with ``forget_bias=1`` at this learning rate — gates that start half
closed forget the bit (σ(0)^T); :func:`train_latch` (smaller model, lr 5e-3)
is the forget-bias experiment.

"Solved" (``solved_at_step``): the first step at which the trailing 20-step
mean crosses the task threshold — adding: MSE < 0.01 (6 % of the baseline);
latch and series: training-batch accuracy ≥ 0.99. ``final_loss`` is the mean
of the last 20 losses (a single batch is noisy). ``race_verdict`` turns a race's results into
one verdict per cell (solved at step N / learned partly / stayed at the baseline: final loss ≥
``AT_BASELINE`` = 90 % of the memoryless baseline / diverged), the sentence under station 5's results.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch

from rnn_core.seeding import seeded

from .models import SequenceModel
from .tasks import (
    ADDING_BASELINE_MSE,
    LATCH_BASELINE_LOSS,
    SERIES_INPUT_SIZE,
    Batch,
    adding_task,
    latch_task,
    series_task,
)
from .training import StepInfo, StopTraining, Trainer, smoothed, train

__all__ = ["RaceResult", "race", "RACE_TASKS", "TaskSpec", "LatchResult", "train_latch", "solved_step",
           "AT_BASELINE", "CellVerdict", "race_verdict"]

SMOOTH = 20


@dataclass(frozen=True)
class TaskSpec:
    """A race task: input/output sizes, loss, memoryless baseline and the "solved" rule."""

    name: str
    input_size: int
    output_size: int
    loss: str
    baseline_loss: float
    metric: str  # "loss" (solved when smoothed loss < threshold) or "accuracy" (>= threshold)
    threshold: float
    sampler: Callable[[int, int, torch.Generator], Batch]  # (batch, length, gen) -> Batch


def _series_sampler(batch: int, length: int, gen: torch.Generator) -> Batch:
    # realistic series (moods on every episode), T = length, key distance d ~ U{1..T-1}
    return series_task(batch, (1, max(1, length - 1)), moods=True, length=max(2, length), seed=gen)


RACE_TASKS: dict[str, TaskSpec] = {
    "adding": TaskSpec("adding", 2, 1, "mse", ADDING_BASELINE_MSE, "loss", 0.01,
                       lambda b, t, g: adding_task(b, t, g)),
    "latch": TaskSpec("latch", 2, 2, "ce", LATCH_BASELINE_LOSS, "accuracy", 0.99,
                      lambda b, t, g: latch_task(b, t, g)),
    "series": TaskSpec("series", SERIES_INPUT_SIZE, 2, "ce", LATCH_BASELINE_LOSS, "accuracy", 0.99,
                       _series_sampler),
}


@dataclass
class RaceResult:
    """One cell's outcome. ``solved_at_step`` is 1-based (number of updates), ``None`` if never."""

    cell: str
    final_loss: float
    solved_at_step: int | None
    seconds: float
    params: int
    losses: list[float] = field(default_factory=list)
    accuracies: list[float] = field(default_factory=list)
    grad_norms: list[float] = field(default_factory=list)
    exploded_at: int | None = None
    stopped: bool = False
    baseline: float = 0.0

    def as_dict(self, curves: bool = False) -> dict:
        d = {"cell": self.cell, "final_loss": self.final_loss, "solved_at_step": self.solved_at_step,
             "seconds": round(self.seconds, 3), "params": self.params}
        if curves:
            d.update(losses=self.losses, accuracies=self.accuracies, baseline=self.baseline)
        return d


def solved_step(spec: TaskSpec, losses: list[float], accuracies: list[float]) -> int | None:
    """First 1-based step where the trailing-20 mean meets the task's threshold."""
    if spec.metric == "loss":
        return next((i + 1 for i, v in enumerate(smoothed(losses, SMOOTH)) if v < spec.threshold), None)
    return next((i + 1 for i, v in enumerate(smoothed(accuracies, SMOOTH)) if v >= spec.threshold), None)


def race(
    task: str = "adding",
    length: int = 50,
    steps: int = 600,
    seed: int = 0,
    hidden: int = 32,
    lr: float = 0.02,
    clip: float | None = 1.0,
    batch: int = 128,
    callback: Callable[[int, dict[str, StepInfo]], bool | None] | None = None,
    *,
    cells: tuple[str, ...] = ("rnn", "lstm", "gru"),
    forget_bias: float | None = None,
    schedule: str | None = "cosine",
) -> list[RaceResult]:
    """Train ``cells`` on the same seeded stream of ``task`` batches; return one result per cell.

    ``task``: ``"adding"`` (sequence length ``length``), ``"latch"`` (keep the bit
    for ``length`` steps) or ``"series"`` (realistic TV series of ``length``
    episodes, key distance 1..length-1). ``callback(step, {cell: StepInfo})``
    runs after each round; return ``False`` (or raise StopTraining) to stop all.
    ``forget_bias`` applies to the LSTM only.
    """
    try:
        spec = RACE_TASKS[task]
    except KeyError:
        raise ValueError(f"task must be one of {sorted(RACE_TASKS)}") from None
    trainers: dict[str, Trainer] = {}
    for cell in cells:
        with seeded(seed):
            model = SequenceModel(cell, spec.input_size, hidden, spec.output_size,
                                  forget_bias=forget_bias if cell == "lstm" else None)
        trainers[cell] = Trainer(model, lambda g: spec.sampler(batch, length, g), lr=lr, clip=clip,
                                 seed=seed, loss=spec.loss, schedule=schedule, total_steps=steps)
    gen = torch.Generator().manual_seed(int(seed))
    stopped = False
    for step in range(1, int(steps) + 1):
        active = {c: t for c, t in trainers.items() if not t.done}
        if not active:
            break
        data = spec.sampler(batch, length, gen)
        infos = {c: t.step(data) for c, t in active.items()}
        if callback is not None:
            try:
                stopped = callback(step, infos) is False
            except StopTraining:
                stopped = True
        if stopped:
            break
    out = []
    for cell, t in trainers.items():
        r = t.result
        out.append(RaceResult(
            cell=cell, final_loss=r.final_loss, solved_at_step=solved_step(spec, r.losses, r.accuracies),
            seconds=r.seconds, params=t.model.param_count(), losses=r.losses, accuracies=r.accuracies,
            grad_norms=r.grad_norms, exploded_at=r.exploded_at, stopped=stopped, baseline=spec.baseline_loss,
        ))
    return out


@dataclass
class LatchResult:
    """Outcome of :func:`train_latch` (``solved_at_step``: trailing-20 accuracy ≥ 0.99)."""

    forget_bias: float | None
    losses: list[float]
    accuracies: list[float]
    solved_at_step: int | None
    final_accuracy: float
    seconds: float
    stopped: bool = False


def train_latch(
    forget_bias: float | None,
    length: int = 30,
    steps: int = 300,
    seed: int = 0,
    *,
    hidden: int = 16,
    lr: float = 5e-3,
    batch: int = 64,
    callback: Callable[[StepInfo], bool | None] | None = None,
) -> LatchResult:
    """Train an LSTM on the latch task with total forget-gate bias ``b_f`` (station 4's slider).

    With ``b_f = 0`` the forget gate starts at σ(0) = 1/2, so the bit's trace in
    the cell decays like ``(1/2)^T`` (≈ 2e-9 at T = 30) and so does its
    gradient: the LSTM stays at chance. With ``b_f = 1``, σ(1) ≈ 0.73 and the
    gradient is large enough to learn to keep f → 1 (Gers et al. 2000;
    Jozefowicz et al. 2015). Measured: T = 30, seeds 0–2: ``b_f = 0`` at chance
    after 300 steps, ``b_f = 1`` solved in ≈ 70–110 steps, ``b_f = 2`` in ≈ 40;
    about 0.3 s per run. ``forget_bias=None`` keeps PyTorch's default init.
    """
    with seeded(seed):
        model = SequenceModel("lstm", 2, hidden, 2, forget_bias=forget_bias)
    t0 = time.perf_counter()
    r = train(model, lambda g: latch_task(batch, length, g), steps=steps, lr=lr, clip=1.0, seed=seed,
              loss="ce", callback=callback)
    spec = RACE_TASKS["latch"]
    return LatchResult(forget_bias, r.losses, r.accuracies, solved_step(spec, r.losses, r.accuracies),
                       r.accuracy or 0.0, time.perf_counter() - t0, r.stopped)


# --------------------------------------------------------------------------- the verdict of a race

AT_BASELINE = 0.9
"""A cell whose final loss is at least this fraction of the task's memoryless baseline "stayed at
the baseline": it did no better (within 10 %) than a network that remembers nothing."""


@dataclass(frozen=True)
class CellVerdict:
    """What one cell did in a race: ``outcome`` is

    * ``"solved"``: :func:`solved_step` found a step (``step``: the first one, 1-based);
    * ``"baseline"``: not solved and ``final_loss ≥ AT_BASELINE × baseline`` (or no loss yet);
    * ``"partial"``: not solved but below that (``ratio`` = final loss ÷ baseline);
    * ``"diverged"``: the final loss is not finite (NaN or ∞: the training blew up).
    """

    cell: str
    outcome: str
    step: int | None = None
    ratio: float | None = None


def race_verdict(results: list[tuple[str, int | None, float | None]], baseline: float) -> list[CellVerdict]:
    """One verdict per cell, best first: solved cells by the step they solved it, then partial ones
    by their ratio, then those at the baseline, then diverged ones (ties keep the given order).

    ``results``: ``(cell, solved_at_step, final_loss)`` as :class:`RaceResult` or the race runner
    report them (``final_loss``: mean of the last 20 losses, ``None`` before the first step);
    ``baseline``: the task's memoryless loss (``TaskSpec.baseline_loss``: adding 1/6, latch and
    series log 2). Solved means the task's own rule (:func:`solved_step`: adding MSE < 0.01, i.e.
    6 % of the baseline; latch and series training-batch accuracy ≥ 0.99), whatever the loss.
    """
    if not (baseline > 0 and math.isfinite(baseline)):
        raise ValueError(f"baseline must be a positive finite number, got {baseline!r}")
    out = []
    for cell, step, loss in results:
        if step is not None:
            out.append(CellVerdict(cell, "solved", step=int(step)))
        elif loss is not None and not math.isfinite(loss):
            out.append(CellVerdict(cell, "diverged"))
        elif loss is None or loss >= AT_BASELINE * baseline:
            out.append(CellVerdict(cell, "baseline", ratio=None if loss is None else loss / baseline))
        else:
            out.append(CellVerdict(cell, "partial", ratio=loss / baseline))
    rank = {"solved": 0, "partial": 1, "baseline": 2, "diverged": 3}
    return sorted(out, key=lambda v: (rank[v.outcome], v.step or 0, v.ratio or 0.0))
