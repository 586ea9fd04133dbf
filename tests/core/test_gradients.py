"""rnn_core.gradients: the gradient probe against theory, autograd and the fused torch.nn layers."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch

from rnn_core.gradients import (
    GradientProbe,
    _forward_view,
    _setup,
    _unroll,
    build_module,
    classify_regime,
    gradient_norms,
    probe,
)

T = 301  # distance 100 from the loss is index T-1-100 = 200


def ratio_at(norms: np.ndarray, k: int) -> float:
    return norms[len(norms) - 1 - k] / norms[-1]


# --------------------------------------------------------------------------- theory


@pytest.mark.parametrize(("gain", "expected"), [(0.9, 0.9**100), (1.0, 1.0), (1.1, 1.1**100)])
def test_linear_rnn_ratio_is_gain_to_the_k(gain, expected):
    p = probe("rnn", length=T, gain=gain, nonlinearity="linear")
    assert ratio_at(p.backward, 100) == pytest.approx(expected, rel=0.01)
    assert p.forward[100] / p.forward[0] == pytest.approx(expected, rel=0.01)
    assert p.spectral_radius == pytest.approx(gain, rel=1e-9)
    assert p.max_singular_value == pytest.approx(gain, rel=1e-9)


def test_theory_numbers():
    assert 0.9**100 == pytest.approx(2.66e-5, rel=0.01)
    assert 1.1**100 == pytest.approx(1.38e4, rel=0.01)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("gain", [0.9, 1.0, 1.1])
def test_tanh_decays_faster_than_gain_power(gain, seed):
    tanh = probe("rnn", length=T, gain=gain, seed=seed)
    linear = probe("rnn", length=T, gain=gain, seed=seed, nonlinearity="linear")
    assert ratio_at(tanh.backward, 100) < 0.01 * gain**100
    assert ratio_at(linear.backward, 100) == pytest.approx(gain**100, rel=0.01)
    assert tanh.regime == "vanishing"


def test_regimes_and_pascanu_flags_for_linear_rnn():
    lo, mid, hi = (probe("rnn", length=T, gain=g, nonlinearity="linear") for g in (0.9, 1.0, 1.1))
    assert (lo.regime, mid.regime, hi.regime) == ("vanishing", "stable", "exploding")
    assert lo.pascanu.sufficient_for_vanishing and not lo.pascanu.necessary_for_exploding_met
    assert hi.pascanu.necessary_for_exploding_met and not hi.pascanu.sufficient_for_vanishing
    assert not mid.pascanu.sufficient_for_vanishing and not mid.pascanu.necessary_for_exploding_met
    assert lo.gamma == 1.0 and lo.pascanu.applies
    assert not probe("lstm", length=5).pascanu.applies


def test_relu_with_gain_above_one_explodes_but_tanh_does_not():
    relu = probe("rnn", length=200, hidden=64, gain=1.5, nonlinearity="relu")
    tanh = probe("rnn", length=200, hidden=64, gain=1.5)
    assert relu.regime == "exploding" and tanh.regime == "vanishing"
    assert relu.pascanu.necessary_for_exploding_met and tanh.pascanu.necessary_for_exploding_met


@pytest.mark.parametrize("seed", [0, 1])
def test_lstm_forget_bias_keeps_the_cell_gradient_alive(seed):
    """DESIGN: b_f = 0 → ∂L/∂c at distance 100 ≈ 1e-20; b_f = 2 → ≈ 0.02 (trained-like).

    With default init we measure ~1e-23 and ~5e-4; the robust claim is many orders of magnitude.
    """
    c0 = probe("lstm", length=T, forget_bias=0.0, seed=seed).cell_backward
    c2 = probe("lstm", length=T, forget_bias=2.0, seed=seed).cell_backward
    at0, at2 = c0[T - 1 - 100], c2[T - 1 - 100]
    assert at0 < 1e-15
    assert at2 > 1e-5
    assert at2 / at0 > 1e10


def test_gru_update_bias_slows_vanishing():
    g0 = probe("gru", length=T, forget_bias=0.0).backward
    g4 = probe("gru", length=T, forget_bias=4.0).backward
    assert ratio_at(g4, 100) > 1e6 * ratio_at(g0, 100)


# --------------------------------------------------------------------------- against autograd / torch.nn


@pytest.mark.parametrize(("kind", "nl"), [("rnn", "tanh"), ("rnn", "relu"), ("lstm", "tanh"), ("gru", "tanh")])
def test_probe_unroll_is_the_torch_module(kind, nl):
    s = _setup(kind, 20, 8, None, nl, 1.0, 3, None, 1.0)
    hs, _ = _unroll(kind, {"tanh": torch.tanh, "relu": torch.relu}[nl], s.xp, s.h0, s.w_hh, s.b_hh)
    with torch.no_grad():
        ref = s.module(s.xs.unsqueeze(0))[0][0]
    torch.testing.assert_close(torch.stack(hs), ref, rtol=0, atol=1e-12)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_backward_matches_gradient_through_fused_module(kind):
    """∂L/∂h_t recomputed by restarting the fused torch.nn layer from the state at t."""
    length, hidden = 12, 6
    s = _setup(kind, length, hidden, None, "tanh", 1.0, 5, None, 1.0)
    norms = probe(kind, length=length, hidden=hidden, forget_bias=1.0, seed=5).backward
    with torch.no_grad():
        out, _ = s.module(s.xs.unsqueeze(0))
        cells = None
        if kind == "lstm":
            from rnn_core.cells import trace

            cells = trace(s.module, s.xs.unsqueeze(0)).cell[0]
    for t in (0, 4, length - 2):
        h = out[0, t].clone().view(1, 1, hidden).requires_grad_()
        state = (h, cells[t].view(1, 1, hidden)) if kind == "lstm" else h
        rest, _ = s.module(s.xs[t + 1 :].unsqueeze(0), state)
        (g,) = torch.autograd.grad(s.v @ rest[0, -1], h)
        assert norms[t] == pytest.approx(g.norm().item(), rel=1e-9)
    assert norms[-1] == pytest.approx(1.0, rel=1e-12)


def test_lstm_cell_gradient_at_the_end():
    """∂L/∂c_T = v ⊙ o_T ⊙ (1 − tanh² c_T), since L = v·h_T and h_T = o_T ⊙ tanh(c_T)."""
    from rnn_core.cells import trace

    s = _setup("lstm", 9, 5, None, "tanh", 0.5, 2, None, 1.0)
    p = probe("lstm", length=9, hidden=5, forget_bias=0.5, seed=2)
    tr = trace(s.module, s.xs.unsqueeze(0))
    o, c = tr.gates["output"][0, -1], tr.cell[0, -1]
    expected = (s.v * o * (1 - torch.tanh(c) ** 2)).norm().item()
    assert p.cell_backward[-1] == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize(
    ("kind", "nl"), [("rnn", "tanh"), ("rnn", "relu"), ("rnn", "linear"), ("lstm", "tanh"), ("gru", "tanh")]
)
def test_forward_view_is_the_jacobian_times_u(kind, nl):
    s = _setup(kind, 10, 6, 1.2, nl, 1.0, 4, None, 1.0)
    act = {"tanh": torch.tanh, "relu": torch.relu, "linear": lambda a: a}[nl]
    h0 = 0.3 * torch.randn(6, dtype=torch.float64, generator=torch.Generator().manual_seed(9))

    def states(h):
        return torch.stack(_unroll(kind, act, s.xp, h, s.w_hh, s.b_hh)[0])

    jac = torch.autograd.functional.jacobian(states, h0)  # [T, H, H]
    expected = (jac @ s.u).norm(dim=1).numpy()
    got = _forward_view(kind, nl, s.xp, h0, s.u, s.w_hh, s.b_hh)
    np.testing.assert_allclose(got, expected, rtol=1e-10)


# --------------------------------------------------------------------------- overflow, underflow, API


def test_relu_gain_two_does_not_raise_and_has_no_nan():
    p = probe("rnn", length=320, hidden=64, gain=2.0, nonlinearity="relu")
    for arr in (p.backward, p.forward):
        assert not np.isnan(arr).any()
        assert np.all(np.isfinite(arr) | np.isposinf(arr))
    assert p.backward[0] > 1e30 and p.regime == "exploding"


def test_huge_linear_gain_gives_inf_not_nan():
    p = probe("rnn", length=300, hidden=16, gain=1e3, nonlinearity="linear")
    assert np.isposinf(p.backward).all()
    assert not np.isnan(p.forward).any() and np.isposinf(p.forward[-1])
    assert np.isfinite(p.forward[0])
    assert p.regime == "exploding"


def test_underflow_gives_zero_not_nan():
    p = probe("rnn", length=400, hidden=16, gain=0.1, nonlinearity="linear")
    assert p.backward[0] == 0.0 and p.forward[-1] == 0.0
    assert not np.isnan(p.backward).any() and not np.isnan(p.forward).any()
    assert p.regime == "vanishing"


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_probe_shapes_and_types(kind):
    p = probe(kind, length=25, hidden=7)
    assert isinstance(p, GradientProbe)
    for arr in (p.backward, p.forward):
        assert arr.shape == (25,) and arr.dtype == np.float64
    assert (p.cell_backward is not None) == (kind == "lstm")
    assert p.backward[-1] == pytest.approx(1.0, rel=1e-12)
    np.testing.assert_array_equal(p.distance, np.arange(24, -1, -1))
    np.testing.assert_array_equal(gradient_norms(kind, length=25, hidden=7), p.backward)


def test_length_one():
    p = probe("gru", length=1)
    assert p.backward.shape == (1,) and p.regime == "stable"


def test_seed_determinism():
    a = gradient_norms("lstm", length=30, seed=3)
    np.testing.assert_array_equal(a, gradient_norms("lstm", length=30, seed=3))
    assert not np.array_equal(a, gradient_norms("lstm", length=30, seed=4))


def test_probe_does_not_touch_the_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    probe("lstm", length=5)
    torch.testing.assert_close(torch.rand(3), expected)


def test_build_module_gain_and_biases():
    m = build_module("lstm", hidden=8, gain=0.7, forget_bias=3.0)
    blocks = m.weight_hh_l0.detach().reshape(4, 8, 8)
    for block in blocks:
        torch.testing.assert_close(block @ block.T, 0.49 * torch.eye(8, dtype=torch.float64))
    total = (m.bias_ih_l0 + m.bias_hh_l0).detach()
    assert torch.all(total[8:16] == 3.0)
    assert not torch.all(total[:8] == 3.0)
    default = build_module("rnn", hidden=8)
    assert float(default.weight_hh_l0.detach().abs().max()) <= 8**-0.5


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        probe("transformer", length=5)
    with pytest.raises(ValueError):
        probe("rnn", length=5, nonlinearity="sigmoid")
    with pytest.raises(ValueError):
        probe("rnn", length=0)


# --------------------------------------------------------------------------- classify_regime


def test_classify_regime_rules():
    k = np.arange(99, -1, -1)
    assert classify_regime(0.9**k) == "vanishing"
    assert classify_regime(1.1**k) == "exploding"
    assert classify_regime(np.ones(100)) == "stable"
    assert classify_regime(0.995**k) == "stable"  # within the default 1 % per step
    assert classify_regime(0.995**k, tolerance=0.001) == "vanishing"
    assert classify_regime([0.0, 0.5, 1.0]) == "vanishing"
    assert classify_regime([np.inf, 2.0, 1.0]) == "exploding"
    assert classify_regime([5.0, 1.0, 0.0]) == "exploding"
    assert classify_regime([0.0, 0.0]) == "vanishing"
    assert classify_regime([np.nan, 1e-9, 1.0]) == "vanishing"
    assert classify_regime([1.0]) == "stable"


# --------------------------------------------------------------------------- speed (generous; bench/ has the real numbers)


def test_probe_is_fast_enough():
    probe("lstm", length=300, hidden=64)  # warm-up
    times = []
    for _ in range(3):
        start = time.perf_counter()
        probe("lstm", length=300, hidden=64)
        times.append(time.perf_counter() - start)
    assert min(times) < 1.0  # budget is 150 ms; this only catches an accidental blow-up
