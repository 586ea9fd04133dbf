"""Pascanu's cliff: the loss surface of a one-unit RNN, and gradient descent with/without clipping.

Pascanu, Mikolov & Bengio (2013), "On the difficulty of training recurrent neural networks",
section 3 and Fig. 6. A single recurrent unit with a sigmoid, no input::

    x_t = w · σ(x_{t-1}) + b,      x_0 = 0.5,      t = 1 … T  (T = 50)
    L(w, b) = (x_T − 0.7)²

For w ≳ 4.5 the map ``x ↦ w σ(x) + b`` has two stable fixed points (low, x ≈ b, and high,
x ≈ w + b) separated by an unstable one. Where that unstable point crosses x_0 = 0.5 the 50-step
trajectory flips from one branch to the other: the loss jumps, a *wall*. Across the wall
``∂x_T/∂b`` grows like ``(w σ'(x*))^T``, so the wall is a thin band (width ≈ 1e-3 at w = 5,
≈ 1e-13 at w = 8) where the gradient is enormous. A gradient step that lands on it is thrown
far away; clipping the gradient norm (Pascanu's Algorithm 1) keeps the step small.

Choices (ours; the paper does not list all of them): x_0 = 0.5, target 0.7, T = 50, float64.
The default window w ∈ [2, 10], b ∈ [-6, 0] shows the wall running diagonally from the cusp
near (4.5, −2.3) to (10, −5.5), with the high-loss lower plateau (x_T ≈ b) below it.

Finiteness: since 0 < σ < 1, ``|x_T| ≤ |w| + |b|``, so the loss is finite for every finite
(w, b) with ``|w| + |b| < 1e154`` (beyond that it is ``inf``, never NaN). No clipping of the
surface is needed; plot it on a log colour scale.
"""

from __future__ import annotations

import numpy as np
import torch

TIME_STEPS = 50
X0 = 0.5
TARGET = 0.7
W_RANGE = (2.0, 10.0)
B_RANGE = (-6.0, 0.0)

# Recommended demo (measured): from the lower plateau, plain gradient descent climbs to the wall,
# slides along it towards the cusp and, at step 10 near (4.05, −2.04), is thrown ≈ 12 units away
# (loss 1.1 → 318). With the gradient clipped at norm 1 every step is ≤ lr·1 = 0.1: the path
# zig-zags along the wall (crossing it changes the loss, not the position much) and reaches
# loss ≈ 0.015 at step 100. The wall is thin, so whether a step lands on it depends on the
# start: about 40 % of starts within ±0.05 of this one show a jump larger than 3.
DEFAULT_START = (6.7, -4.0)
DEFAULT_LR = 0.1
DEFAULT_STEPS = 100
DEFAULT_THRESHOLD = 1.0


def cliff_loss(w, b, steps: int = TIME_STEPS):
    """``L(w, b) = (x_T − 0.7)²`` for ``x_t = w σ(x_{t-1}) + b``, x_0 = 0.5, T = ``steps``.

    Elementwise over broadcastable ``w`` and ``b``: numpy arrays / floats give a float64 numpy
    array, torch tensors give a float64 tensor (differentiable, used for the descent).
    """
    if isinstance(w, torch.Tensor) or isinstance(b, torch.Tensor):
        w = torch.as_tensor(w, dtype=torch.float64)
        b = torch.as_tensor(b, dtype=torch.float64)
        x = torch.full(torch.broadcast_shapes(w.shape, b.shape), X0, dtype=torch.float64)
        for _ in range(steps):
            x = w * torch.sigmoid(x) + b
        return (x - TARGET) ** 2
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with torch.no_grad():
        return cliff_loss(torch.from_numpy(w), torch.from_numpy(b), steps).numpy()


def loss_surface(w_range=W_RANGE, b_range=B_RANGE, n: int = 201, steps: int = TIME_STEPS):
    """Loss on an ``n × n`` grid. Returns ``(w_grid, b_grid, loss)``, each ``[n, n]`` float64,
    ``meshgrid`` "xy" layout: ``loss[i, j]`` is at ``b = b_grid[i, j]`` (rows), ``w = w_grid[i, j]``."""
    w_grid, b_grid = np.meshgrid(np.linspace(*w_range, n), np.linspace(*b_range, n))
    return w_grid, b_grid, cliff_loss(w_grid, b_grid, steps)


def descent_path(
    start=DEFAULT_START,
    lr: float = DEFAULT_LR,
    steps: int = DEFAULT_STEPS,
    clip: float | None = None,
    time_steps: int = TIME_STEPS,
) -> np.ndarray:
    """Gradient descent on ``cliff_loss`` with real autograd gradients.

    Each step: ``g = ∇_{(w,b)} L``; if ``clip`` is set and ``‖g‖ > clip`` then
    ``g ← clip · g / ‖g‖`` (Pascanu et al. 2013, Algorithm 1); ``(w, b) ← (w, b) − lr · g``.

    Returns ``[steps + 1, 3]`` float64 rows ``(w, b, loss)``, row 0 the start. If the
    parameters or the gradient ever leave float64's range (possible without clipping when a step
    lands deep on the wall), the remaining rows are NaN: the run has blown up.
    """
    out = np.full((steps + 1, 3), np.nan)
    p = torch.tensor(start, dtype=torch.float64)
    for k in range(steps + 1):
        q = p.clone().requires_grad_()
        loss = cliff_loss(q[0], q[1], time_steps)
        (g,) = torch.autograd.grad(loss, q)
        out[k] = (p[0].item(), p[1].item(), loss.item())
        if k == steps or not (torch.isfinite(g).all() and torch.isfinite(loss)):
            break
        norm = torch.linalg.vector_norm(g)
        if clip is not None and norm > clip:
            g = g * (clip / norm)
        p = p - lr * g
        if not torch.isfinite(p).all():
            break
    return out


def step_sizes(path: np.ndarray) -> np.ndarray:
    """Euclidean length of every step in (w, b): ``[steps]``; NaN after a blow-up."""
    return np.linalg.norm(np.diff(path[:, :2], axis=0), axis=1)
