"""rnn_core.cells: the transparent trace must reproduce torch.nn exactly, gates included."""

from __future__ import annotations

import dataclasses

import pytest
import torch
from torch import nn

from rnn_core.cells import Trace, param_count_formula, trace

TOL = {torch.float32: 1e-5, torch.float64: 1e-10}
SHAPES = [(1, 1, 1, 1), (1, 1, 3, 4), (2, 5, 3, 4), (4, 17, 2, 8), (1, 40, 5, 16)]  # B, T, I, H


def make(kind: str, inp: int, hid: int, dtype=torch.float64, seed: int = 0, **kw) -> nn.Module:
    torch.manual_seed(seed)
    cls = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind]
    module = cls(inp, hid, batch_first=True, **kw).to(dtype)
    with torch.no_grad():
        # input weights and biases larger than default so gates saturate and vary; recurrent
        # weights with spectral radius ≈ 0.9 so the dynamics are not chaotic (a chaotic RNN
        # amplifies float32 rounding differences between the fused kernel and the loop)
        for name, p in module.named_parameters():
            std = 0.9 / hid**0.5 if name.startswith("weight_hh") else 0.8
            p.normal_(0.0, std)
    return module


def inputs(b: int, t: int, i: int, dtype, seed: int = 1) -> torch.Tensor:
    return torch.randn(b, t, i, generator=torch.Generator().manual_seed(seed)).to(dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kind", ["rnn", "rnn_relu", "lstm", "gru"])
def test_trace_matches_torch(kind, shape, dtype):
    b, t, i, h = shape
    kw = {"nonlinearity": "relu"} if kind == "rnn_relu" else {}
    module = make(kind.split("_")[0], i, h, dtype, **kw)
    x = inputs(b, t, i, dtype)
    out = trace(module, x)
    ref, state = module(x)
    assert out.hidden.shape == (b, t, h)
    assert out.hidden.dtype == dtype
    torch.testing.assert_close(out.hidden, ref, rtol=0, atol=TOL[dtype])
    if kind == "lstm":
        torch.testing.assert_close(out.cell[:, -1], state[1][0], rtol=0, atol=TOL[dtype])
        assert set(out.gates) == {"input", "forget", "candidate", "output"}
    else:
        assert out.cell is None
    if kind == "gru":
        assert set(out.gates) == {"reset", "update", "candidate"}
    if kind.startswith("rnn"):
        assert out.gates == {}
    for gate in out.gates.values():
        assert gate.shape == (b, t, h)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_trace_with_initial_state(kind):
    module = make(kind, 3, 5)
    x = inputs(2, 6, 3, torch.float64)
    h0 = torch.randn(1, 2, 5, dtype=torch.float64)
    state = (h0, torch.randn(1, 2, 5, dtype=torch.float64)) if kind == "lstm" else h0
    out = trace(module, x, state)
    torch.testing.assert_close(out.hidden, module(x, state)[0], rtol=0, atol=1e-10)
    # and it really used h0: the zero-state trace differs at step 0
    assert (trace(module, x).hidden[:, 0] - out.hidden[:, 0]).abs().max() > 1e-3


def test_relu_rnn_differs_from_tanh_and_is_nonnegative():
    x = inputs(3, 10, 2, torch.float64)
    relu = trace(make("rnn", 2, 6, nonlinearity="relu"), x).hidden
    tanh = trace(make("rnn", 2, 6), x).hidden
    assert (relu >= 0).all() and (relu == 0).any()
    assert (relu - tanh).abs().max() > 0.1


def test_no_bias_module():
    module = make("gru", 2, 4, bias=False)
    x = inputs(2, 7, 2, torch.float64)
    torch.testing.assert_close(trace(module, x).hidden, module(x)[0], rtol=0, atol=1e-10)


def test_lstm_gates_follow_pytorch_equations():
    """Recompute every LSTM gate from weight rows (i, f, g, o) as in the torch.nn.LSTM docs."""
    module = make("lstm", 3, 4)
    x = inputs(2, 6, 3, torch.float64)
    out = trace(module, x)
    H = 4
    W_ih, W_hh = module.weight_ih_l0.detach(), module.weight_hh_l0.detach()
    b = (module.bias_ih_l0 + module.bias_hh_l0).detach()
    h_prev = torch.zeros(2, H, dtype=torch.float64)
    c_prev = torch.zeros(2, H, dtype=torch.float64)
    for t in range(6):
        pre = x[:, t] @ W_ih.T + h_prev @ W_hh.T + b
        i = torch.sigmoid(pre[:, 0:H])
        f = torch.sigmoid(pre[:, H : 2 * H])
        g = torch.tanh(pre[:, 2 * H : 3 * H])
        o = torch.sigmoid(pre[:, 3 * H :])
        for name, ref in [("input", i), ("forget", f), ("candidate", g), ("output", o)]:
            torch.testing.assert_close(out.gates[name][:, t], ref, rtol=0, atol=1e-12)
        c = f * c_prev + i * g
        torch.testing.assert_close(out.cell[:, t], c, rtol=0, atol=1e-12)
        torch.testing.assert_close(out.hidden[:, t], o * torch.tanh(c), rtol=0, atol=1e-12)
        h_prev, c_prev = out.hidden[:, t], out.cell[:, t]


def test_gru_gates_follow_pytorch_equations():
    """r, z, n rows; n = tanh(W_in x + b_in + r*(W_hn h + b_hn)); h = (1-z)*n + z*h_prev."""
    module = make("gru", 3, 4)
    x = inputs(2, 6, 3, torch.float64)
    out = trace(module, x)
    H = 4
    W_ih, W_hh = module.weight_ih_l0.detach(), module.weight_hh_l0.detach()
    b_ih, b_hh = module.bias_ih_l0.detach(), module.bias_hh_l0.detach()
    h_prev = torch.zeros(2, H, dtype=torch.float64)
    for t in range(6):
        gi, gh = x[:, t] @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
        r = torch.sigmoid(gi[:, :H] + gh[:, :H])
        z = torch.sigmoid(gi[:, H : 2 * H] + gh[:, H : 2 * H])
        n = torch.tanh(gi[:, 2 * H :] + r * gh[:, 2 * H :])
        for name, ref in [("reset", r), ("update", z), ("candidate", n)]:
            torch.testing.assert_close(out.gates[name][:, t], ref, rtol=0, atol=1e-12)
        torch.testing.assert_close(out.hidden[:, t], (1 - z) * n + z * h_prev, rtol=0, atol=1e-12)
        h_prev = out.hidden[:, t]


def test_gru_update_gate_near_one_keeps_the_old_state():
    """PyTorch's convention (opposite of Chung et al. 2014): z → 1 keeps h, z → 0 writes n."""
    H = 4
    x = inputs(2, 8, 3, torch.float64)
    h0 = torch.randn(1, 2, H, dtype=torch.float64)
    keep = make("gru", 3, H)
    with torch.no_grad():
        keep.bias_ih_l0[H : 2 * H] = 40.0  # z ≈ 1
    out = trace(keep, x, h0)
    torch.testing.assert_close(out.hidden, h0[0].unsqueeze(1).expand(2, 8, H), rtol=0, atol=1e-12)
    torch.testing.assert_close(out.hidden, keep(x, h0)[0], rtol=0, atol=1e-10)
    write = make("gru", 3, H)
    with torch.no_grad():
        write.bias_ih_l0[H : 2 * H] = -40.0  # z ≈ 0
    out = trace(write, x, h0)
    torch.testing.assert_close(out.hidden, out.gates["candidate"], rtol=0, atol=1e-12)
    assert (out.hidden[:, -1] - h0[0]).abs().max() > 0.1


def test_lstm_row_order_forget_open_input_closed_keeps_cell():
    """Rows are i, f, g, o: forget bias +40 and input bias −40 freeze the cell state."""
    H = 3
    module = make("lstm", 2, H)
    with torch.no_grad():
        module.bias_ih_l0[0:H] = -40.0  # input gate shut
        module.bias_ih_l0[H : 2 * H] = 40.0  # forget gate open
    x = inputs(1, 9, 2, torch.float64)
    h0, c0 = torch.zeros(1, 1, H, dtype=torch.float64), torch.randn(1, 1, H, dtype=torch.float64)
    out = trace(module, x, (h0, c0))
    torch.testing.assert_close(out.cell[0], c0[0].expand(9, H), rtol=0, atol=1e-12)
    torch.testing.assert_close(out.cell[:, -1], module(x, (h0, c0))[1][1][0], rtol=0, atol=1e-10)


def test_grad_flag():
    module = make("lstm", 2, 3)
    x = inputs(1, 4, 2, torch.float64)
    assert not trace(module, x).hidden.requires_grad
    out = trace(module, x, grad=True)
    assert out.hidden.requires_grad
    out.hidden.sum().backward()
    assert module.weight_hh_l0.grad is not None and module.weight_hh_l0.grad.abs().sum() > 0


def test_uses_module_dtype():
    module = make("rnn", 2, 3, torch.float64)
    out = trace(module, inputs(1, 4, 2, torch.float32))
    assert out.hidden.dtype == torch.float64


def test_trace_is_frozen():
    out = trace(make("rnn", 2, 3), inputs(1, 2, 2, torch.float64))
    assert isinstance(out, Trace) and out.kind == "rnn"
    with pytest.raises(dataclasses.FrozenInstanceError):
        out.kind = "lstm"


@pytest.mark.parametrize(
    ("module", "message"),
    [
        (nn.LSTM(2, 3, num_layers=2, batch_first=True), "num_layers"),
        (nn.GRU(2, 3, bidirectional=True, batch_first=True), "bidirectional"),
        (nn.RNN(2, 3), "batch_first"),
        (nn.LSTM(2, 4, proj_size=2, batch_first=True), "proj_size"),
        (nn.Linear(2, 3), "nn.RNN, nn.LSTM or nn.GRU"),
    ],
)
def test_unsupported_modules_raise(module, message):
    with pytest.raises(ValueError, match=message):
        trace(module, torch.randn(1, 3, 2))


def test_bad_inputs_raise():
    module = make("gru", 2, 3)
    with pytest.raises(ValueError, match="batch, time, input"):
        trace(module, torch.randn(3, 2, dtype=torch.float64))
    with pytest.raises(ValueError, match="input features"):
        trace(module, torch.randn(1, 3, 5, dtype=torch.float64))
    with pytest.raises(ValueError, match="tuple"):
        trace(module, torch.randn(1, 3, 2, dtype=torch.float64), (torch.zeros(1, 1, 3), torch.zeros(1, 1, 3)))
    with pytest.raises(ValueError, match="initial state"):
        trace(module, torch.randn(1, 3, 2, dtype=torch.float64), torch.zeros(1, 2, 3))


def test_param_count_formula():
    assert [param_count_formula(k, 32, 2) for k in ("rnn", "lstm", "gru")] == [1152, 4608, 3456]
    for kind, cls in (("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)):
        for hidden, inp in ((1, 1), (7, 3), (64, 10)):
            numel = sum(p.numel() for p in cls(inp, hidden).parameters())
            assert param_count_formula(kind, hidden, inp) == numel
    with pytest.raises(ValueError):
        param_count_formula("transformer", 4, 4)
