"""rnn_core.cliff: Pascanu's one-unit cliff, its surface, and descent with/without clipping."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rnn_core import cliff


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def test_loss_by_hand():
    # one step: x_1 = w σ(0.5) + b
    assert cliff.cliff_loss(2.0, -1.0, steps=1) == pytest.approx((2 * sigmoid(0.5) - 1 - 0.7) ** 2)
    x = 0.5
    for _ in range(50):
        x = 5.0 * sigmoid(x) - 2.0
    assert cliff.cliff_loss(5.0, -2.0) == pytest.approx((x - 0.7) ** 2, rel=1e-12)


def test_numpy_and_torch_agree_and_broadcast():
    w = np.linspace(2, 10, 7)
    b = np.linspace(-6, 0, 5)[:, None]
    out = cliff.cliff_loss(w, b)
    assert isinstance(out, np.ndarray) and out.shape == (5, 7) and out.dtype == np.float64
    t = cliff.cliff_loss(torch.tensor(w), torch.tensor(b))
    assert isinstance(t, torch.Tensor) and t.dtype == torch.float64
    np.testing.assert_allclose(t.numpy(), out, rtol=1e-14)


def test_surface_shape_orientation_and_finiteness():
    w_grid, b_grid, loss = cliff.loss_surface(n=41)
    assert w_grid.shape == b_grid.shape == loss.shape == (41, 41)
    assert np.isfinite(loss).all() and (loss >= 0).all()
    assert w_grid[0, 0] == cliff.W_RANGE[0] and w_grid[0, -1] == cliff.W_RANGE[1]
    assert b_grid[0, 0] == cliff.B_RANGE[0] and b_grid[-1, 0] == cliff.B_RANGE[1]
    i, j = 17, 29
    assert loss[i, j] == pytest.approx(float(cliff.cliff_loss(w_grid[i, j], b_grid[i, j])))


def test_surface_has_a_wall():
    """Along w = 6 the loss drops by more than 5 between two b values 0.03 apart (the cliff),
    while on the lower plateau neighbouring cells differ by less than 0.5."""
    _, b_grid, loss = cliff.loss_surface(w_range=(6.0, 6.0), b_range=(-6.0, 0.0), n=201)
    column = loss[:, 0]
    jumps = np.abs(np.diff(column))
    assert jumps.max() > 5
    wall = int(np.argmax(jumps))
    assert -4.0 < b_grid[wall, 0] < -2.5
    assert jumps[: wall - 5].max() < 0.5


def test_overflow_is_inf_not_nan():
    out = cliff.cliff_loss(np.array([1e200, 5.0, 1e100]), np.array([0.0, -2.0, -1e100]))
    assert np.isposinf(out[0]) and np.isfinite(out[1:]).all()
    assert not np.isnan(out).any()


def test_default_paths_show_the_cliff():
    lr, thr = cliff.DEFAULT_LR, cliff.DEFAULT_THRESHOLD
    plain = cliff.descent_path()
    clipped = cliff.descent_path(clip=thr)
    assert plain.shape == clipped.shape == (cliff.DEFAULT_STEPS + 1, 3)
    np.testing.assert_array_equal(plain[0, :2], cliff.DEFAULT_START)
    jump_plain, jump_clipped = cliff.step_sizes(plain), cliff.step_sizes(clipped)
    assert jump_plain.max() > cliff.THROWN  # thrown far away
    assert jump_plain.max() > 50 * jump_clipped.max()
    assert np.all(jump_clipped <= lr * thr * (1 + 1e-12))
    k = int(np.argmax(jump_plain))
    assert plain[k + 1, 2] > 100 * plain[k, 2]  # the loss spikes when it is thrown
    assert clipped[-1, 2] < 0.05 * clipped[0, 2]  # the clipped one keeps descending
    assert np.isfinite(plain).all() and np.isfinite(clipped).all()


def test_at_the_default_one_step_loses_all_progress():
    """What the page says about the default: the step that lands on the wall takes the loss above
    where the descent started (everything gained is lost at once), far from where it was; the
    clipped path crosses the wall too (its loss jumps) but never moves further than lr·c."""
    plain = cliff.descent_path()
    clipped = cliff.descent_path(clip=cliff.DEFAULT_THRESHOLD)
    k = int(np.argmax(cliff.step_sizes(plain)))
    assert plain[k + 1, 2] > plain[0, 2] > plain[k, 2]
    assert cliff.step_sizes(plain)[k] > 100 * cliff.step_sizes(clipped).max()


def test_census_counts_thrown_paths_and_how_they_end():
    census = cliff.throw_census(w_values=(6.6, 6.7, 6.8), b_values=(-4.1, -4.0))
    assert census["starts"] == 6 and census["thrown"] >= 1  # the default start (6.7, -4.0) is thrown
    assert census["thrown_better"] + census["thrown_worse"] <= census["thrown"]
    # the default start itself: thrown, and it ends lower than the clipped path (by luck)
    plain, clipped = cliff.descent_path(), cliff.descent_path(clip=cliff.DEFAULT_THRESHOLD)
    assert cliff.final_loss(plain) < cliff.final_loss(clipped)
    assert census["thrown_better"] >= 1


def test_batched_paths_are_the_single_paths():
    starts = [cliff.DEFAULT_START, (5.0, -6.7), (3.0, -1.0)]
    for clip in (None, 0.5):
        batch = cliff.descent_paths(starts, lr=0.1, steps=30, clip=clip)
        for i, start in enumerate(starts):
            np.testing.assert_array_equal(batch[i], cliff.descent_path(start, lr=0.1, steps=30, clip=clip))
    blown = cliff.descent_paths([(6.7, -4.0), (2.0, -1.0)], lr=1e300, steps=5)
    assert np.isnan(blown[0, -1]).all() and np.isfinite(blown[0, 0]).all()
    assert cliff.final_loss(blown[0]) == float("inf")


def test_path_losses_are_the_loss_at_each_point():
    path = cliff.descent_path(steps=15)
    np.testing.assert_allclose(path[:, 2], cliff.cliff_loss(path[:, 0], path[:, 1]), rtol=1e-12)


def test_clipping_is_pascanu_algorithm_1():
    start, lr, thr = (6.7, -4.0), 0.1, 0.5
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(cliff.cliff_loss(p[0], p[1]), p)
    g = g.numpy()
    assert np.linalg.norm(g) > thr  # so clipping is active on the first step
    clipped = cliff.descent_path(start, lr=lr, steps=1, clip=thr)
    np.testing.assert_allclose(clipped[1, :2], np.array(start) - lr * thr * g / np.linalg.norm(g), rtol=1e-12)
    plain = cliff.descent_path(start, lr=lr, steps=1)
    np.testing.assert_allclose(plain[1, :2], np.array(start) - lr * g, rtol=1e-12)
    # a threshold above every gradient norm changes nothing
    np.testing.assert_array_equal(cliff.descent_path(steps=8, clip=1e12), cliff.descent_path(steps=8))


def test_blow_up_is_reported_as_nan_rows_not_an_exception():
    path = cliff.descent_path(lr=1e300, steps=5)
    assert path.shape == (6, 3)
    assert np.isfinite(path[0]).all()
    assert np.isnan(path[-1]).all()


def test_the_papers_setting_is_the_models_setting():
    """Pascanu, Mikolov & Bengio (2013, sec. 2.3, Fig. 6): one unit x_t = w σ(x_{t-1}) + b, x_0 = .5,
    50 steps, error E_50 = (σ(x_50) − 0.7)². The app keeps x_0, the 50 steps and the target, and drops
    the σ from the loss (issue 16: the page had called all of them the app's own choices)."""
    assert cliff.PAPER["x0"] == cliff.X0 == 0.5
    assert cliff.PAPER["target"] == cliff.TARGET == 0.7
    assert cliff.PAPER["time_steps"] == cliff.TIME_STEPS == 50
    assert cliff.PAPER["section"] == "2.3" and cliff.PAPER["figure"] == 6
    # the app's loss has no σ: at (w, b) = (5, −2) it is (x_50 − 0.7)², not (σ(x_50) − 0.7)²
    x = 0.5
    for _ in range(50):
        x = 5.0 * sigmoid(x) - 2.0
    assert cliff.cliff_loss(5.0, -2.0) == pytest.approx((x - 0.7) ** 2, rel=1e-12)
    assert cliff.cliff_loss(5.0, -2.0) != pytest.approx((sigmoid(x) - 0.7) ** 2, rel=1e-3)
