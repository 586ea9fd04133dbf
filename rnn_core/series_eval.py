"""Evaluate a model on the TV-series task, distance by distance (station 2's chart).

For a distance ``d`` (key event ``d`` episodes before the final scene) the
accuracy is the fraction of fresh, seeded sequences for which

    argmax_c  model(x)_c  ==  key mood

Each distance gets ``n_per_distance`` examples split evenly over the prefix
lengths ``prefixes`` (ordinary episodes *before* the key event; sequence length
``T = p + d + 1``), matching the training stream
(:func:`rnn_core.tasks.series_stream`, ``p`` in 0..30), so the curve measures
memory over ``d`` and not sensitivity to where the timeline starts.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from .tasks import series_task

__all__ = ["accuracy_by_distance", "belief_curve", "distance_buckets", "DEFAULT_PREFIXES", "DEFAULT_BUCKETS"]

DEFAULT_PREFIXES: tuple[int, ...] = (0, 10, 20, 30)
DEFAULT_BUCKETS: tuple[tuple[int, int], ...] = ((1, 3), (4, 10), (11, 20), (21, 30), (31, 60), (61, 90))


@torch.no_grad()
def accuracy_by_distance(
    model: nn.Module,
    distances: Sequence[int],
    moods: bool,
    n_per_distance: int = 200,
    seed: int = 0,
    *,
    prefixes: Sequence[int] = DEFAULT_PREFIXES,
) -> dict[int, float]:
    """Return ``{d: accuracy}`` for every ``d`` in ``distances`` (the model is put in eval mode).

    Deterministic: the examples for ``(d, p)`` come from a generator seeded by
    ``(seed, d, p)``, so the same model gives the same numbers everywhere.
    """
    prefixes = [int(p) for p in prefixes] or [0]
    per = max(1, int(n_per_distance) // len(prefixes))
    was_training = model.training
    model.eval()
    out: dict[int, float] = {}
    try:
        for d in (int(d) for d in distances):
            correct = 0
            for p in prefixes:
                g = torch.Generator().manual_seed(int(seed) * 1_000_003 + d * 1_009 + p)
                b = series_task(per, [d], moods=moods, length=p + d + 1, seed=g)
                correct += int((model(b.x).argmax(dim=-1) == b.y).sum())
            out[d] = correct / (per * len(prefixes))
    finally:
        model.train(was_training)
    return out


def distance_buckets(
    acc: dict[int, float], edges: Sequence[tuple[int, int]] = DEFAULT_BUCKETS
) -> dict[str, float]:
    """Average ``acc`` over inclusive distance ranges, e.g. ``{"1-3": 0.97, ...}`` (empty ranges skipped)."""
    res = {}
    for lo, hi in edges:
        vals = [v for d, v in acc.items() if lo <= d <= hi]
        if vals:
            res[f"{lo}-{hi}"] = sum(vals) / len(vals)
    return res


@torch.no_grad()
def belief_curve(model: nn.Module, x: torch.Tensor, cls: int = 1) -> list[float]:
    """The model's P(class ``cls``) after each step of one sequence ``x`` ``(1, T, features)``.

    ``softmax(readout(h_t))[cls]`` for t = 1..T: what the model would answer if the sequence
    ended after step t (for a feedforward block, the block ending at t). Only the last value is
    a trained answer; the others read the state along the way.
    """
    return [float(v) for v in torch.softmax(model.step_outputs(x)[0], dim=-1)[:, cls]]
