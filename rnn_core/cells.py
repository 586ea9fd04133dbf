"""Transparent recurrent cells: re-run a ``torch.nn`` RNN/LSTM/GRU step by step.

``trace(module, x)`` takes a trained (or fresh) single-layer ``nn.RNN``, ``nn.LSTM`` or
``nn.GRU`` and recomputes its forward pass one time step at a time with the module's own
weights, keeping every hidden state, every cell state and every gate. The result equals
``module(x)[0]`` to float precision, so the heatmaps in the app show the real model.

Notation (PyTorch's, see ``torch/nn/modules/rnn.py``): ``x_t`` input, ``h_{t-1}`` previous
hidden state, ``W_i*`` rows of ``weight_ih_l0``, ``W_h*`` rows of ``weight_hh_l0``, ``b_i*`` and
``b_h*`` the two bias vectors, ``σ`` the logistic sigmoid, ``⊙`` the elementwise product.

Plain RNN (``nonlinearity`` = tanh or relu, written φ)::

    h_t = φ(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)

LSTM (rows of the weight matrices in the order i, f, g, o)::

    i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)        input gate
    f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)        forget gate
    g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)     candidate
    o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)        output gate
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    h_t = o_t ⊙ tanh(c_t)

GRU (rows in the order r, z, n)::

    r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)        reset gate
    z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)        update gate
    n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))   candidate
    h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}

Careful with the GRU convention: in PyTorch ``z_t → 1`` KEEPS the old state and ``z_t → 0``
writes the candidate. The literature is not uniform: Cho et al. (2014, eq. 7) write
``h_t = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t`` (PyTorch's convention), while Chung et al. (2014,
eq. 5) and many tutorials write ``h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t``, so their ``z`` is
PyTorch's ``1 − z``. Also, PyTorch applies the reset gate to ``W_hn h + b_hn`` (after the
matrix product, as cuDNN and Keras' ``reset_after=True`` do), not to ``h`` before it.

The step functions (``rnn_step``, ``lstm_step``, ``gru_step``) take the input projection
``W_ih x_t + b_ih`` precomputed for all time steps at once (one big matrix product), so the
Python loop only does the recurrent part. ``rnn_core.gradients`` reuses them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

KINDS = ("rnn", "lstm", "gru")
GATE_NAMES = {
    "rnn": (),
    "lstm": ("input", "forget", "candidate", "output"),  # PyTorch row order i, f, g, o
    "gru": ("reset", "update", "candidate"),  # PyTorch row order r, z, n
}
_GATE_FACTOR = {"rnn": 1, "lstm": 4, "gru": 3}


@dataclass(frozen=True)
class Trace:
    """Everything a recurrent layer computed, step by step.

    hidden: ``[B, T, H]`` hidden states h_1 … h_T (equals ``module(x)[0]``).
    cell:   ``[B, T, H]`` LSTM cell states c_1 … c_T, ``None`` for RNN and GRU.
    gates:  name → ``[B, T, H]`` gate activations (after σ / tanh); empty for a plain RNN.
            LSTM: "input", "forget", "candidate", "output"; GRU: "reset", "update", "candidate".
    kind:   "rnn", "lstm" or "gru".
    """

    hidden: Tensor
    cell: Tensor | None
    gates: dict[str, Tensor] = field(default_factory=dict)
    kind: str = "rnn"


# --------------------------------------------------------------------------- one time step


def rnn_step(xp: Tensor, h: Tensor, w_hh: Tensor, b_hh: Tensor, act: Callable[[Tensor], Tensor]) -> Tensor:
    """``h_t = φ(xp_t + W_hh h_{t-1} + b_hh)`` with ``xp_t = W_ih x_t + b_ih`` precomputed."""
    return act(xp + h @ w_hh.T + b_hh)


def lstm_step(xp: Tensor, h: Tensor, c: Tensor, w_hh: Tensor, b_hh: Tensor):
    """One LSTM step. Returns ``(h_t, c_t, (i, f, g, o))``; ``xp_t = W_ih x_t + b_ih``."""
    i, f, g, o = (xp + h @ w_hh.T + b_hh).chunk(4, dim=-1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c = f * c + i * g
    h = o * torch.tanh(c)
    return h, c, (i, f, g, o)


def gru_step(xp: Tensor, h: Tensor, w_hh: Tensor, b_hh: Tensor):
    """One GRU step (PyTorch convention, z → 1 keeps h). Returns ``(h_t, (r, z, n))``."""
    xr, xz, xn = xp.chunk(3, dim=-1)
    hr, hz, hn = (h @ w_hh.T + b_hh).chunk(3, dim=-1)
    r = torch.sigmoid(xr + hr)
    z = torch.sigmoid(xz + hz)
    n = torch.tanh(xn + r * hn)
    h = (1 - z) * n + z * h
    return h, (r, z, n)


# --------------------------------------------------------------------------- module plumbing


def module_kind(module: nn.Module) -> str:
    """Return "rnn", "lstm" or "gru", or raise ValueError for anything ``trace`` cannot read."""
    if isinstance(module, nn.LSTM):
        kind = "lstm"
    elif isinstance(module, nn.GRU):
        kind = "gru"
    elif isinstance(module, nn.RNN):
        kind = "rnn"
    else:
        raise ValueError(f"trace() needs a torch.nn.RNN, nn.LSTM or nn.GRU, got {type(module).__name__}")
    problems = []
    if module.num_layers != 1:
        problems.append(f"num_layers={module.num_layers} (only 1 is supported)")
    if module.bidirectional:
        problems.append("bidirectional=True (only one direction is supported)")
    if not module.batch_first:
        problems.append("batch_first=False (build it with batch_first=True)")
    if getattr(module, "proj_size", 0):
        problems.append(f"proj_size={module.proj_size} (projected LSTMs are not supported)")
    if problems:
        raise ValueError(f"trace() cannot read this {type(module).__name__}: " + "; ".join(problems))
    return kind


def weights(module: nn.Module) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """``(W_ih, W_hh, b_ih, b_hh)`` of layer 0; zero biases when the module has ``bias=False``."""
    w_ih, w_hh = module.weight_ih_l0, module.weight_hh_l0
    if module.bias:
        return w_ih, w_hh, module.bias_ih_l0, module.bias_hh_l0
    zeros = torch.zeros(w_hh.shape[0], dtype=w_hh.dtype, device=w_hh.device)
    return w_ih, w_hh, zeros, zeros


def _initial_state(h0, kind: str, batch: int, hidden: int, like: Tensor):
    """Accept PyTorch's ``[1, B, H]`` (or plain ``[B, H]``); a ``(h0, c0)`` tuple for LSTM."""

    def one(t):
        if t is None:
            return torch.zeros(batch, hidden, dtype=like.dtype, device=like.device)
        t = t.to(like.dtype)
        if t.dim() == 3:
            t = t[0]
        if t.shape != (batch, hidden):
            raise ValueError(f"initial state must be [1, {batch}, {hidden}], got {tuple(t.shape)}")
        return t

    if kind == "lstm":
        h, c = (None, None) if h0 is None else h0
        return one(h), one(c)
    if isinstance(h0, tuple):
        raise ValueError("only an LSTM takes an (h0, c0) tuple")
    return one(h0), None


# --------------------------------------------------------------------------- the trace


def trace(module: nn.Module, x: Tensor, h0=None, *, grad: bool = False) -> Trace:
    """Re-run ``module`` on ``x`` step by step and return every state and gate.

    Args:
        module: single-layer, unidirectional ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` with
            ``batch_first=True`` and no ``proj_size`` (anything else raises ValueError).
        x: ``[B, T, I]`` inputs; cast to the module's dtype.
        h0: initial state as for the module (``[1, B, H]``; ``(h0, c0)`` for LSTM); zeros if None.
        grad: if True keep the autograd graph (default: run under ``torch.no_grad()``).

    Returns:
        ``Trace`` whose ``hidden`` equals ``module(x, h0)[0]`` (to ~1e-6 in float32,
        ~1e-12 in float64: same maths, different summation order).
    """
    kind = module_kind(module)
    if x.dim() != 3:
        raise ValueError(f"x must be [batch, time, input], got shape {tuple(x.shape)}")
    w_ih, w_hh, b_ih, b_hh = weights(module)
    if x.shape[-1] != w_ih.shape[1]:
        raise ValueError(f"x has {x.shape[-1]} input features, the module expects {w_ih.shape[1]}")
    batch, steps, hidden = x.shape[0], x.shape[1], module.hidden_size

    with torch.set_grad_enabled(grad):
        x = x.to(w_ih.dtype)
        xp = x @ w_ih.T + b_ih  # [B, T, G*H]: the input part of every step in one product
        h, c = _initial_state(h0, kind, batch, hidden, w_hh)
        hs, cs = [], []
        gates: dict[str, list[Tensor]] = {name: [] for name in GATE_NAMES[kind]}
        act = (torch.relu if module.nonlinearity == "relu" else torch.tanh) if kind == "rnn" else None
        for t in range(steps):
            if kind == "rnn":
                h, acts = rnn_step(xp[:, t], h, w_hh, b_hh, act), ()
            elif kind == "lstm":
                h, c, acts = lstm_step(xp[:, t], h, c, w_hh, b_hh)
                cs.append(c)
            else:
                h, acts = gru_step(xp[:, t], h, w_hh, b_hh)
            hs.append(h)
            for name, a in zip(GATE_NAMES[kind], acts, strict=True):
                gates[name].append(a)

        def stack(seq):
            return torch.stack(seq, dim=1) if seq else torch.empty(batch, 0, hidden, dtype=w_hh.dtype)

        return Trace(
            hidden=stack(hs),
            cell=stack(cs) if kind == "lstm" else None,
            gates={name: stack(v) for name, v in gates.items()},
            kind=kind,
        )


def param_count_formula(kind: str, hidden: int, input_size: int) -> int:
    """Parameters of a one-layer PyTorch cell with its two bias vectors.

    ``G · (h·x + h² + 2h)`` with G = 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n):
    each gate has an input matrix (h × x), a recurrent matrix (h × h) and two biases (b_ih, b_hh).
    Example h = 32, x = 2: 1,152 / 4,608 / 3,456. Equals ``sum(p.numel() for p in module.parameters())``.
    """
    if kind not in _GATE_FACTOR:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    h, x = hidden, input_size
    return _GATE_FACTOR[kind] * (h * x + h * h + 2 * h)
