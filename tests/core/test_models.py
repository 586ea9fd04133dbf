"""rnn_core.models: one interface for recurrent and feedforward models."""

from __future__ import annotations

import pytest
import torch

from rnn_core.models import FeedForwardBlock, SequenceModel, recurrent_param_count


@pytest.mark.parametrize(("kind", "expected"), [("rnn", 1152), ("lstm", 4608), ("gru", 3456)])
def test_param_count_formula(kind, expected):
    m = SequenceModel(kind, 2, 32, 1)
    g = {"rnn": 1, "lstm": 4, "gru": 3}[kind]
    assert recurrent_param_count(kind, 2, 32) == g * (32 * 2 + 32 * 32 + 2 * 32) == expected
    assert m.recurrent_param_count() == expected
    assert m.param_count() == expected + 32 + 1  # plus the readout
    assert m.param_count() == sum(p.numel() for p in m.parameters())


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_forward_and_step_outputs_agree(kind):
    torch.manual_seed(0)
    m = SequenceModel(kind, 3, 8, 2)
    x = torch.randn(4, 9, 3)
    steps = m.step_outputs(x)
    assert steps.shape == (4, 9, 2) and m(x).shape == (4, 2)
    assert torch.allclose(steps[:, -1], m(x), atol=1e-6)
    # the belief after step t is the answer for the sequence cut at t
    assert torch.allclose(steps[:, 4], m(x[:, :5]), atol=1e-6)
    assert isinstance(m.rnn, torch.nn.RNNBase) and m.rnn.batch_first and m.rnn.num_layers == 1
    assert m.kind == kind and m.label == kind


def test_forget_bias_sets_total_bias():
    m = SequenceModel("lstm", 2, 16, 2, forget_bias=1.0)
    b = m.rnn.bias_ih_l0 + m.rnn.bias_hh_l0
    assert torch.allclose(b[16:32], torch.ones(16))
    with pytest.raises(ValueError):
        SequenceModel("gru", 2, 16, 2, forget_bias=1.0)


def test_stable_rnn_spectral_norm_and_trace():
    torch.manual_seed(0)
    m = SequenceModel("rnn", 7, 32, 2, stable=True)
    x = torch.randn(3, 12, 7)
    m(x).sum().backward()  # gradients reach the raw parameter
    raw = m.rnn.parametrizations.weight_hh_l0.original
    assert raw.grad is not None and raw.grad.abs().sum() > 0
    m.eval()
    w = m.rnn.weight_hh_l0.detach()
    assert float(torch.linalg.matrix_norm(w, 2)) == pytest.approx(1.0, abs=0.02)
    assert m.label == "stable_rnn"
    # the fused module really uses the normalised weight: replay it by hand
    with torch.no_grad():
        h = torch.zeros(3, 32)
        for t in range(12):
            h = torch.tanh(x[:, t] @ m.rnn.weight_ih_l0.T + m.rnn.bias_ih_l0 + h @ w.T + m.rnn.bias_hh_l0)
        assert torch.allclose(m.readout(h), m(x), atol=1e-5)
    with pytest.raises(ValueError):
        SequenceModel("lstm", 2, 4, 1, stable=True)


def test_trace_replays_our_models():
    cells = pytest.importorskip("rnn_core.cells")
    torch.manual_seed(1)
    x = torch.randn(2, 6, 7)
    for m in (SequenceModel("lstm", 7, 8, 2), SequenceModel("gru", 7, 8, 2),
              SequenceModel("rnn", 7, 8, 2, stable=True).eval()):
        tr = cells.trace(m.rnn, x)
        assert torch.allclose(tr.hidden, m.hidden_states(x), atol=1e-5)


def test_feedforward_block_sees_only_last_k():
    torch.manual_seed(0)
    f = FeedForwardBlock(4, 3, 16, 2)
    x = torch.randn(5, 10, 3)
    y = f(x)
    x2 = x.clone()
    x2[:, :6] = torch.randn(5, 6, 3)  # change everything before the last 4 steps
    assert torch.allclose(f(x2), y)
    x3 = x.clone()
    x3[:, -4] += 1.0
    assert not torch.allclose(f(x3), y)
    steps = f.step_outputs(x)
    assert steps.shape == (5, 10, 2)
    assert torch.allclose(steps[:, -1], y, atol=1e-6)
    assert torch.allclose(steps[:, 1], f(x[:, :2]), atol=1e-6)  # zero-padded short window
    assert f.label == "ff4" and f.param_count() == 4 * 3 * 16 + 16 + 16 * 2 + 2


def test_feedforward_bag_is_order_blind():
    torch.manual_seed(0)
    f = FeedForwardBlock(1, 5, 8, 2, mode="bag")
    x = torch.randn(4, 7, 5)
    perm = torch.randperm(7)
    assert torch.allclose(f(x), f(x[:, perm]), atol=1e-6)
    steps = f.step_outputs(x)
    assert torch.allclose(steps[:, 2], f(x[:, :3]), atol=1e-6)
    assert f.label == "ff_bag"
    with pytest.raises(ValueError):
        FeedForwardBlock(2, 3, 4, 1, mode="conv")
