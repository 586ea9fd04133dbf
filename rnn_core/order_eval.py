"""Station 1's order task, looked at arrangement by arrangement (pure torch, no Streamlit).

The student places two marked events, A and B, among distractors (C, D, E) in a sequence of
``length`` steps and asks "did A come before B?". This module builds those arrangements and
reads the two pretrained models on them:

* the bag-of-inputs feedforward model, ``y = MLP((1/T) Σ_t x_t)``: every order of the same
  pieces has the same mean input, so it answers every arrangement alike;
* the tanh RNN, ``h_t = tanh(W x_t + U h_{t-1} + b)``, ``y = V h_T + c``.

``arrange(pos_a, pos_b, mix)`` is deterministic (the distractors are shuffled with
``random.Random(mix)``), so a shared link reproduces the same sequence.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import numpy as np
import torch
from torch import nn

from .tasks import ORDER_DISTRACTORS, encode_order_sequence, order_task

__all__ = ["LENGTH", "distractors", "arrange", "answer", "hidden_states", "all_orders", "accuracy"]

LENGTH = 6  # the length station 1 shows (the order models were trained on lengths 4 to 8)


def distractors(mix: int, length: int = LENGTH) -> list[str]:
    """The ``length − 2`` distractors: C, D, E, C, … (a fixed bag) in the order given by ``mix``."""
    pieces = [ORDER_DISTRACTORS[i % len(ORDER_DISTRACTORS)] for i in range(length - 2)]
    random.Random(int(mix)).shuffle(pieces)
    return pieces


def arrange(pos_a: int, pos_b: int, mix: int, length: int = LENGTH) -> list[str]:
    """Tokens with A at ``pos_a`` and B at ``pos_b`` (1-based, distinct), distractors elsewhere."""
    if pos_a == pos_b or not (1 <= pos_a <= length and 1 <= pos_b <= length):
        raise ValueError(f"A and B need two distinct positions in 1..{length}, got {pos_a} and {pos_b}")
    rest = iter(distractors(mix, length))
    return ["A" if i == pos_a else "B" if i == pos_b else next(rest) for i in range(1, length + 1)]


@torch.no_grad()
def answer(model: nn.Module, tokens: list[str]) -> float:
    """P(A before B) = softmax(model(x))₁ for one sequence."""
    return float(torch.softmax(model(encode_order_sequence(tokens)), dim=-1)[0, 1])


@torch.no_grad()
def hidden_states(model: nn.Module, tokens: list[str]) -> np.ndarray:
    """The RNN's h_1 … h_T for one sequence, ``(T, H)`` float32."""
    return model.hidden_states(encode_order_sequence(tokens))[0].numpy().copy()


@torch.no_grad()
def all_orders(models: Mapping[str, nn.Module], mix: int, length: int = LENGTH) -> list[dict]:
    """P(A before B) of every model for every placement (pos_a, pos_b), distractors ordered by ``mix``.

    One row per (model key, placement): ``{"pos_a", "pos_b", "model", "p_before"}``.
    """
    pairs = [(a, b) for a in range(1, length + 1) for b in range(1, length + 1) if a != b]
    x = torch.cat([encode_order_sequence(arrange(a, b, mix, length)) for a, b in pairs])
    rows = []
    for key, model in models.items():
        p = torch.softmax(model(x), dim=-1)[:, 1].numpy()
        rows += [{"pos_a": a, "pos_b": b, "model": key, "p_before": float(v)} for (a, b), v in zip(pairs, p, strict=True)]
    return rows


@torch.no_grad()
def accuracy(model: nn.Module, n: int = 2000, length: int = LENGTH, seed: int = 12345) -> float:
    """Fraction right on ``n`` fresh sequences of ``order_task`` (half with A first)."""
    batch = order_task(n, length, seed=seed)
    return float((model(batch.x).argmax(dim=-1) == batch.y).float().mean())
