"""One training loop for every model and task, with explosion detection and clipping.

Each step draws a batch, computes the loss, backpropagates through time, measures
the gradient norm ``‖g‖ = sqrt(Σ_θ ‖∂L/∂θ‖²)`` *before* clipping and, if ``clip``
is set, applies gradient clipping by norm (Pascanu, Mikolov & Bengio 2013,
Algorithm 1)::

    g <- ∂L/∂θ
    if ‖g‖ >= threshold:  g <- (threshold / ‖g‖) g

A non-finite loss or gradient norm (NaN or ±inf) is an *explosion*: the step is
not applied, ``exploded_at`` records it and training stops without raising, so
pages can show the NaN as a result.

Losses: ``"ce"`` = cross-entropy on class logits (``y`` int64 ``(B,)``),
``"mse"`` = mean squared error (``y`` float ``(B, 1)``).

Determinism: the batches come from a ``torch.Generator`` seeded with ``seed``
(independent of the global RNG), so the same initial weights, seed and
hyper-parameters give the same curve (with the single torch thread set in
``rnn_core/__init__``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from .tasks import Batch

__all__ = ["StopTraining", "StepInfo", "TrainResult", "Trainer", "train", "clip_grad_norm", "smoothed"]

SampleFn = Callable[[torch.Generator], Batch]


class StopTraining(Exception):
    """Raise from a callback (or return False) to stop training cleanly."""


@dataclass
class StepInfo:
    """What happened in one update (``step`` is 1-based: the number of updates so far)."""

    step: int
    loss: float
    grad_norm: float
    accuracy: float | None
    seconds: float


@dataclass
class TrainResult:
    """Per-step curves and the outcome of a run."""

    losses: list[float] = field(default_factory=list)
    grad_norms: list[float] = field(default_factory=list)
    accuracies: list[float] = field(default_factory=list)
    exploded_at: int | None = None
    stopped: bool = False
    seconds: float = 0.0
    eval: Any = None

    @property
    def steps(self) -> int:
        return len(self.losses)

    @property
    def final_loss(self) -> float:
        """Mean loss over the last 20 steps (one batch is noisy); NaN if it exploded."""
        return smoothed(self.losses)[-1] if self.losses else math.nan

    @property
    def accuracy(self) -> float | None:
        """Mean training-batch accuracy over the last 20 steps (classification only)."""
        return smoothed(self.accuracies)[-1] if self.accuracies else None


def smoothed(values: list[float], window: int = 20) -> list[float]:
    """Trailing moving average: ``s_t = mean(v_{t-w+1..t})`` (shorter at the start)."""
    out, acc = [], 0.0
    for i, v in enumerate(values):
        acc += v
        if i >= window:
            acc -= values[i - window]
        out.append(acc / min(i + 1, window))
    return out


def clip_grad_norm(params: list[nn.Parameter], threshold: float | None) -> float:
    """Return ‖g‖ (before clipping); if ``threshold`` is set and ‖g‖ ≥ threshold, rescale g
    to norm ``threshold`` (Pascanu et al. 2013, Algorithm 1). Non-finite norms are left alone."""
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return 0.0
    norm = float(torch.sqrt(sum((g.detach().double() ** 2).sum() for g in grads)))
    if threshold is not None and math.isfinite(norm) and norm >= threshold:
        scale = threshold / norm
        for g in grads:
            g.mul_(scale)
    return norm


def _loss_fn(kind: str) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    if kind == "ce":
        return nn.functional.cross_entropy
    if kind == "mse":
        return nn.functional.mse_loss
    raise ValueError("loss must be 'ce' or 'mse'")


class Trainer:
    """Step-by-step trainer (``train`` runs it to the end; ``race`` interleaves three)."""

    def __init__(
        self,
        model: nn.Module,
        sample_batch: SampleFn | Batch,
        *,
        lr: float = 3e-3,
        optimizer: str = "adam",
        clip: float | None = None,
        seed: int = 0,
        loss: str = "ce",
        schedule: str | None = None,
        total_steps: int | None = None,
    ) -> None:
        self.model = model
        self.sample_batch = sample_batch
        self.params = [p for p in model.parameters() if p.requires_grad]
        if optimizer == "adam":
            self.opt: torch.optim.Optimizer = torch.optim.Adam(self.params, lr=lr)
        elif optimizer == "sgd":
            self.opt = torch.optim.SGD(self.params, lr=lr)
        else:
            raise ValueError("optimizer must be 'adam' or 'sgd'")
        if schedule not in (None, "cosine"):
            raise ValueError("schedule must be None or 'cosine'")
        if schedule and not total_steps:
            raise ValueError("a cosine schedule needs total_steps")
        self.lr, self.schedule, self.total_steps = float(lr), schedule, total_steps
        self.clip = clip
        self.loss_kind = loss
        self.loss_fn = _loss_fn(loss)
        self.gen = torch.Generator().manual_seed(int(seed))
        self.result = TrainResult()
        self.done = False

    def _batch(self) -> Batch:
        sb = self.sample_batch
        return sb if isinstance(sb, Batch) else sb(self.gen)

    def current_lr(self) -> float:
        """Learning rate of the next step: constant, or cosine decay
        ``lr_k = lr (1 + cos(pi k / K)) / 2`` for step k = 0..K-1."""
        if self.schedule == "cosine":
            k = min(len(self.result.losses), self.total_steps)
            return self.lr * 0.5 * (1.0 + math.cos(math.pi * k / self.total_steps))
        return self.lr

    def step(self, batch: Batch | None = None) -> StepInfo:
        """One update (on ``batch`` if given, else the next batch of the stream).
        Sets ``done`` and ``result.exploded_at`` on a non-finite loss or gradient."""
        t0 = time.perf_counter()
        self.model.train()
        if self.schedule:
            for group in self.opt.param_groups:
                group["lr"] = self.current_lr()
        batch = batch if batch is not None else self._batch()
        out = self.model(batch.x)
        loss = self.loss_fn(out, batch.y)
        acc = None
        if self.loss_kind == "ce":
            acc = float((out.argmax(dim=-1) == batch.y).float().mean())
        self.opt.zero_grad(set_to_none=True)
        loss_value = float(loss.detach())
        norm = math.nan
        if math.isfinite(loss_value):
            loss.backward()
            norm = clip_grad_norm(self.params, self.clip)
        r = self.result
        if not (math.isfinite(loss_value) and math.isfinite(norm)):
            r.exploded_at = len(r.losses) + 1
            self.done = True
        else:
            self.opt.step()
        dt = time.perf_counter() - t0
        r.losses.append(loss_value)
        r.grad_norms.append(norm)
        if acc is not None:
            r.accuracies.append(acc)
        r.seconds += dt
        return StepInfo(len(r.losses), loss_value, norm, acc, r.seconds)


def train(
    model: nn.Module,
    sample_batch: SampleFn | Batch,
    *,
    steps: int,
    lr: float = 3e-3,
    optimizer: str = "adam",
    clip: float | None = None,
    seed: int = 0,
    loss: str = "ce",
    callback: Callable[[StepInfo], bool | None] | None = None,
    eval_fn: Callable[[nn.Module], Any] | None = None,
    schedule: str | None = None,
) -> TrainResult:
    """Train ``model`` for ``steps`` updates on batches ``sample_batch(generator)``.

    ``sample_batch`` is called with a ``torch.Generator`` seeded by ``seed`` (or is
    a fixed :class:`Batch`: full-batch training). ``callback(info)`` runs after
    every step; returning ``False`` or raising :class:`StopTraining` stops
    (``result.stopped = True``). ``eval_fn(model)`` runs at the end (in
    ``eval()`` mode, without gradients); its value is ``result.eval``.
    ``schedule="cosine"`` decays the learning rate from ``lr`` to 0 over ``steps``.
    """
    trainer = Trainer(model, sample_batch, lr=lr, optimizer=optimizer, clip=clip, seed=seed, loss=loss,
                      schedule=schedule, total_steps=int(steps))
    for _ in range(int(steps)):
        info = trainer.step()
        if callback is not None:
            try:
                if callback(info) is False:
                    trainer.result.stopped = True
            except StopTraining:
                trainer.result.stopped = True
        if trainer.done or trainer.result.stopped:
            break
    if eval_fn is not None:
        model.eval()
        with torch.no_grad():
            trainer.result.eval = eval_fn(model)
    return trainer.result
