"""Pascanu's cliff: the loss surface of a one-unit RNN, and gradient descent with/without clipping.

Pascanu, Mikolov & Bengio (2013), "On the difficulty of training recurrent neural networks",
section 2.3 (the geometric interpretation) and Fig. 6. A single recurrent unit with a sigmoid, no
input::

    x_t = w · σ(x_{t-1}) + b,      x_0 = 0.5,      t = 1 … T  (T = 50)
    L(w, b) = (x_T − 0.7)²

From the paper: the model (their eq. 8), x_0 = .5, the 50 steps and the target 0.7 — their error
is E_50 = (σ(x_50) − 0.7)² (:data:`PAPER`).

For w ≳ 4.5 the map ``x ↦ w σ(x) + b`` has two stable fixed points (low, x ≈ b, and high,
x ≈ w + b) separated by an unstable one. Where that unstable point crosses x_0 = 0.5 the 50-step
trajectory flips from one branch to the other: the loss jumps, a *wall*. Across the wall
``∂x_T/∂b`` grows like ``(w σ'(x*))^T``, so the wall is a thin band (width ≈ 1e-3 at w = 5,
≈ 1e-13 at w = 8) where the gradient is enormous. A gradient step that lands on it is thrown
far away; clipping the gradient norm (Pascanu's Algorithm 1) keeps the step small.

Choices (ours, not Pascanu et al.'s): the loss without the σ, L = (x_T − 0.7)² (the paper's
E_50 squashes x_50 through σ first); the plotted window W_RANGE × B_RANGE; the descent's start ★
(DEFAULT_START), learning rate, threshold and number of descent steps; float64.

Notation: Pascanu et al. write the recurrent weight ``w``; the app's text calls it ``u`` (the
app writes U for recurrent weights and W for input weights everywhere), the code keeps ``w``.
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
PAPER = {"section": "2.3", "figure": 6, "x0": 0.5, "target": 0.7, "time_steps": 50,
         "error": "E_50 = (σ(x_50) − 0.7)²"}
"""What Pascanu, Mikolov & Bengio (2013, sec. 2.3, Fig. 6) use themselves; the app's loss drops the σ."""
W_RANGE = (2.0, 10.0)
B_RANGE = (-6.0, 0.0)

# The default demo (measured): from the lower plateau, plain gradient descent climbs to the wall,
# slides along it towards the cusp and, at step 10 near (4.05, −2.04), is thrown ≈ 12 units away
# (loss 1.1 → 318): everything descended so far is lost in one step. It then happens to land in
# the wide valley of small w and ends at loss ≈ 1e-32, lower than the clipped path, which
# zig-zags along the wall in steps ≤ lr·1 = 0.1 and ends at ≈ 0.015.
#
# We looked for a default where the thrown path ends *worse* (issue: the default should not
# teach the opposite of the lesson), descending from every start of a 0.1 grid over
# w ∈ [2, 12], b ∈ [−8, 0.5] at learning rates 0.02–0.3 and thresholds 0.5, 1 and 2 (100 and
# 300 steps): among thrown paths (a step > 5), ending above the clipped path is rare and never
# robust — e.g. (5.0, −6.7) at lr 0.16, c 0.5 ends at 0.056 against 1.6e-5, but the clipped path
# oscillates across the wall by about two decades and the comparison flips at lr 0.15 or 0.17; by
# the mean log-loss of the last 20 steps no start ends a decade worse. On this surface a thrown
# step usually lands in a wide valley. So the page does not claim that clipping ends lower: it
# shows what clipping guarantees (no step longer than lr·c; the loss never jumps by orders of
# magnitude) and counts, with :func:`throw_census`, how thrown paths actually end.
DEFAULT_START = (6.7, -4.0)
DEFAULT_LR = 0.1
DEFAULT_STEPS = 100
DEFAULT_THRESHOLD = 1.0
# Starts of the census (:func:`throw_census`): a 0.25 grid over the default window.
CENSUS_W = tuple(float(w) for w in np.arange(2.0, 10.001, 0.25))
CENSUS_B = tuple(float(b) for b in np.arange(-6.0, 0.001, 0.25))
THROWN = 5.0  # a step longer than this (in (w, b) units) counts as "thrown"


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


def descent_paths(
    starts,
    lr: float = DEFAULT_LR,
    steps: int = DEFAULT_STEPS,
    clip: float | None = None,
    time_steps: int = TIME_STEPS,
) -> np.ndarray:
    """:func:`descent_path` from many starts at once: ``[n, steps + 1, 3]``.

    The same arithmetic elementwise over a batch (every start's loss depends only on its own
    parameters, so the gradient of the summed loss is each start's own gradient); a start whose
    run blows up gets NaN rows from then on, as in :func:`descent_path`.
    """
    p = torch.tensor(np.asarray(starts, dtype=np.float64).reshape(-1, 2), dtype=torch.float64)
    n = p.shape[0]
    out = np.full((n, steps + 1, 3), np.nan)
    alive = torch.ones(n, dtype=torch.bool)
    for k in range(steps + 1):
        q = p.clone().requires_grad_()
        loss = cliff_loss(q[:, 0], q[:, 1], time_steps)
        (g,) = torch.autograd.grad(loss.sum(), q)
        a = alive.numpy()
        out[a, k, :2] = p[a].numpy()
        out[a, k, 2] = loss.detach()[a].numpy()
        if k == steps:
            break
        alive = alive & torch.isfinite(g).all(dim=1) & torch.isfinite(loss.detach())
        if clip is not None:
            norm = torch.linalg.vector_norm(g, dim=1, keepdim=True)
            g = torch.where(norm > clip, g * (clip / norm), g)
        p = torch.where(alive[:, None], p - lr * g, p)
        alive = alive & torch.isfinite(p).all(dim=1)
        p = torch.where(alive[:, None], p, torch.zeros_like(p))
    return out


def final_loss(path: np.ndarray) -> float:
    """The loss at the last step a path reached (``inf`` if it blew up before its end)."""
    rows = np.asarray(path, dtype=np.float64)
    return float(rows[-1, 2]) if np.isfinite(rows[-1]).all() else float("inf")


def throw_census(lr: float = DEFAULT_LR, threshold: float = DEFAULT_THRESHOLD, steps: int = DEFAULT_STEPS,
                 w_values=CENSUS_W, b_values=CENSUS_B, thrown: float = THROWN) -> dict[str, int]:
    """How often a thrown step ends worse: descend from every start of the grid with and without
    clipping and count ``starts``, ``thrown`` (some unclipped step longer than ``thrown``),
    ``thrown_worse`` (of those, the unclipped final loss is above the clipped one) and
    ``thrown_better`` (below it)."""
    starts = np.array([(w, b) for w in w_values for b in b_values], dtype=np.float64)
    free = descent_paths(starts, lr=lr, steps=steps)
    clipped = descent_paths(starts, lr=lr, steps=steps, clip=threshold)
    with np.errstate(invalid="ignore"):
        longest = np.nanmax(np.where(np.isfinite(free[:, 1:, 0]), np.linalg.norm(np.diff(free[:, :, :2], axis=1),
                                                                                  axis=2), np.inf), axis=1)
    is_thrown = longest > thrown
    end_free = np.array([final_loss(p) for p in free])
    end_clip = np.array([final_loss(p) for p in clipped])
    return {"starts": int(len(starts)), "thrown": int(is_thrown.sum()),
            "thrown_worse": int((is_thrown & (end_free > end_clip)).sum()),
            "thrown_better": int((is_thrown & (end_free < end_clip)).sum())}
