"""Sequence models with one interface: recurrent cells and memoryless feedforward baselines.

Every model maps ``x`` of shape ``(B, T, input_size)`` to

* ``forward(x) -> (B, output_size)``: the answer at the end of the sequence;
* ``step_outputs(x) -> (B, T, output_size)``: the answer *if the sequence ended
  at step t*, for every t (the "belief after each episode" curve).

Recurrent models (:class:`SequenceModel`) are a fused single-layer batch-first
``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` in ``.rnn`` followed by a linear readout of
the hidden state::

    tanh RNN:  h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
    LSTM:      i, f, g, o = σ, σ, tanh, σ (W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)   (rows i, f, g, o)
               c_t = f ⊙ c_{t-1} + i ⊙ g,    h_t = o ⊙ tanh(c_t)
    GRU:       r, z = σ(W_i{r,z} x_t + b_i{r,z} + W_h{r,z} h_{t-1} + b_h{r,z})     (rows r, z, n)
               n = tanh(W_in x_t + b_in + r ⊙ (W_hn h_{t-1} + b_hn))
               h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}          (z -> 1 keeps the old state)
    readout:   y_t = W_out h_t + b_out

Recurrent parameter count with PyTorch's two bias vectors:
``G (h x + h^2 + 2h)``, G = 1 (RNN), 4 (LSTM), 3 (GRU); the readout adds
``h * out + out``.

**Stable RNN** (``stable=True``): a tanh RNN whose recurrent matrix is
re-parametrised by ``torch.nn.utils.parametrizations.spectral_norm`` as
``W_hh = V / σ̂(V)``, where σ̂ is a power-iteration *estimate* of σ_max(V), so ‖W_hh‖₂ ≈ 1,
not exactly 1 and not a guaranteed bound (the shipped ``series_moods_stable_rnn`` measures
σ_max = 1.00004, ``series_simple_stable_rnn`` 1.0000001). With |tanh'| ≤ 1, every Jacobian
∂h_t/∂h_{t-1} has norm ≤ ‖W_hh‖₂ ≈ 1: gradients cannot explode (at most 1.00004ᵀ), but
memories fade. ``model.rnn.weight_hh_l0`` *returns the normalised
matrix*, so code that replays ``.rnn`` by reading its weights (e.g.
``rnn_core.trace``) sees the effective weight; the raw parameter is
``model.rnn.parametrizations.weight_hh_l0.original``. Call ``model.eval()``
before replaying so the power iteration does not advance.

**Forget-gate bias** (``forget_bias=b``, LSTM): the forget rows start at total bias
``b_f = b`` (``b_ih`` part b, ``b_hh`` part 0), so at the start f ≈ σ(b): σ(1) = 0.73,
σ(3) = 0.95. Gers, Schmidhuber & Cummins (2000) introduced the forget gate; Jozefowicz,
Zaremba & Sutskever (2015) recommend initialising its bias at 1. Without ``forget_bias`` (every
pretrained model, the Lab race) PyTorch's default applies: every bias drawn from
U(−1/√h, 1/√h), so the forget gate starts near σ(0) = 0.5, not at σ(1).

**Frozen recurrent rows** (``frozen_recurrent=("candidate",)`` or any of ``"input"``,
``"forget"``, ``"candidate"``, ``"output"``; LSTM only): those gates' rows of the recurrent matrix
``weight_hh_l0`` (PyTorch row order i, f, g, o; e.g. the candidate's ``W_hg`` = rows ``2h:3h``)
are zero at initialisation and masked by a fixed 0/1 parametrization (:class:`RowMask`,
``W_hh = V ⊙ M``), so they stay exactly zero under any optimiser and any copy of the model. With all four
frozen (:data:`BELT_ONLY`) no gate sees ``h_{t-1}``::

    i_t, f_t, o_t = σ(W_i* x_t + b_i*),   g_t = tanh(W_ig x_t + b_g)
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t,      h_t = o_t ⊙ tanh(c_t)

and the cell state is the only path from one step to the next: whatever must survive many steps
has to ride on it (f ≈ 1, i ≈ 0 — the conveyor belt). This is close to, not the same as, the
quasi-recurrent network's "ifo-pooling" (Bradbury, Merity, Xiong & Socher 2017, sec. 2): it
matches only with QRNN's filter width k = 1 (QRNN computes its candidate and gates with masked
convolutions over the last k inputs, ``Z = tanh(W_z ∗ X)``, ``F = σ(W_f ∗ X)``, …); QRNN's main
variant is fo-pooling (``c_t = f_t ⊙ c_{t-1} + (1 − f_t) ⊙ z_t``, no separate input gate); and
QRNN outputs ``h_t = o_t ⊙ c_t``, where the LSTM outputs ``o_t ⊙ tanh(c_t)``. A teaching
constraint here, not how a standard LSTM is trained. Freezing
only the candidate (closing the loop h → g → c) is not enough: a trained model then carries the
memory through h → i, f, o instead (``rnn_core.mechanism``).
"""

from __future__ import annotations

import torch
from torch import nn

__all__ = ["SequenceModel", "FeedForwardBlock", "recurrent_param_count", "KINDS", "LSTM_GATES", "BELT_ONLY", "RowMask"]

KINDS: tuple[str, ...] = ("rnn", "lstm", "gru")
LSTM_GATES: tuple[str, ...] = ("input", "forget", "candidate", "output")  # rows of weight_hh_l0: i, f, g, o
BELT_ONLY: tuple[str, ...] = LSTM_GATES
"""``frozen_recurrent=BELT_ONLY``: no gate sees ``h_{t-1}``; the cell state is the only memory path."""
_GATES = {"rnn": 1, "lstm": 4, "gru": 3}
_MODULES = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def recurrent_param_count(kind: str, input_size: int, hidden: int) -> int:
    """``G (h x + h^2 + 2h)`` with G = 1 (rnn), 4 (lstm), 3 (gru)."""
    g = _GATES[kind]
    return g * (hidden * input_size + hidden * hidden + 2 * hidden)


class RowMask(nn.Module):
    """Parametrization ``W = V ⊙ M`` with a fixed 0/1 mask ``M`` (a buffer, saved with the weights).

    ``∂L/∂V = ∂L/∂W ⊙ M``: masked entries of ``W`` are zero and get no gradient, whatever the
    optimiser, and the constraint survives ``copy.deepcopy`` and ``state_dict`` round trips.
    ``module.weight_hh_l0`` returns the masked ``W`` (what ``rnn_core.trace`` reads); the raw
    parameter is ``module.parametrizations.weight_hh_l0.original``.
    """

    def __init__(self, mask: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("mask", mask.detach().clone())

    def forward(self, weight: torch.Tensor) -> torch.Tensor:
        return weight * self.mask


class SequenceModel(nn.Module):
    """A single-layer recurrent cell (``.rnn``) plus a linear readout (``.readout``).

    Args:
        kind: ``"rnn"`` (tanh unless ``nonlinearity="relu"``), ``"lstm"`` or ``"gru"``.
        input_size, hidden, output_size: sizes.
        stable: tanh RNN with spectral norm on ``weight_hh_l0`` (see module docstring).
        forget_bias: LSTM only; sets the *total* forget-gate bias
            ``b_f = b_ih[h:2h] + b_hh[h:2h]`` to this value (``b_ih`` part = value,
            ``b_hh`` part = 0). ``None`` keeps PyTorch's default init U(-1/√h, 1/√h).
        frozen_recurrent: LSTM only; names of gates (``"input"``, ``"forget"``,
            ``"candidate"``, ``"output"``) whose rows of ``weight_hh_l0`` start at zero and
            keep a zero gradient, so they stay zero (module docstring).
    """

    def __init__(
        self,
        kind: str,
        input_size: int,
        hidden: int,
        output_size: int,
        *,
        stable: bool = False,
        forget_bias: float | None = None,
        nonlinearity: str = "tanh",
        frozen_recurrent: tuple[str, ...] | list[str] = (),
    ) -> None:
        super().__init__()
        kind = kind.lower()
        if kind not in _MODULES:
            raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
        if stable and kind != "rnn":
            raise ValueError("stable=True is defined for the tanh RNN only")
        if forget_bias is not None and kind != "lstm":
            raise ValueError("forget_bias applies to the LSTM only")
        frozen_recurrent = tuple(frozen_recurrent)
        if frozen_recurrent and kind != "lstm":
            raise ValueError("frozen_recurrent applies to the LSTM only")
        unknown = set(frozen_recurrent) - set(LSTM_GATES)
        if unknown:
            raise ValueError(f"unknown LSTM gates {sorted(unknown)}; expected some of {LSTM_GATES}")
        self.kind = kind
        self.stable = bool(stable)
        self.input_size, self.hidden, self.output_size = input_size, hidden, output_size
        self.forget_bias = forget_bias
        extra = {"nonlinearity": nonlinearity} if kind == "rnn" else {}
        self.rnn = _MODULES[kind](input_size, hidden, num_layers=1, batch_first=True, **extra)
        if forget_bias is not None:
            with torch.no_grad():
                self.rnn.bias_ih_l0[hidden : 2 * hidden].fill_(float(forget_bias))
                self.rnn.bias_hh_l0[hidden : 2 * hidden].zero_()
        self.frozen_recurrent = tuple(g for g in LSTM_GATES if g in frozen_recurrent)
        if self.frozen_recurrent:
            mask = torch.ones_like(self.rnn.weight_hh_l0)
            for gate in self.frozen_recurrent:
                row = LSTM_GATES.index(gate) * hidden
                mask[row : row + hidden] = 0.0
            with torch.no_grad():
                self.rnn.weight_hh_l0.mul_(mask)
            nn.utils.parametrize.register_parametrization(self.rnn, "weight_hh_l0", RowMask(mask))
        if stable:
            nn.utils.parametrizations.spectral_norm(self.rnn, name="weight_hh_l0")
        self.readout = nn.Linear(hidden, output_size)

    @property
    def label(self) -> str:
        """Short name: ``rnn``, ``stable_rnn``, ``lstm``, ``gru``."""
        return "stable_rnn" if self.stable else self.kind

    def hidden_states(self, x: torch.Tensor) -> torch.Tensor:
        """Hidden state after every step, ``(B, T, hidden)`` (``h_t``; for the LSTM not ``c_t``)."""
        out, _ = self.rnn(x)
        return out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``W_out h_T + b_out``, shape ``(B, output_size)``."""
        return self.readout(self.hidden_states(x)[:, -1])

    def step_outputs(self, x: torch.Tensor) -> torch.Tensor:
        """``W_out h_t + b_out`` for every t, shape ``(B, T, output_size)``."""
        return self.readout(self.hidden_states(x))

    def param_count(self) -> int:
        """Number of trainable scalars (``numel``), readout included."""
        return sum(p.numel() for p in self.parameters() if p.requires_grad)

    def recurrent_param_count(self) -> int:
        """Parameters of ``.rnn`` alone: ``G (h x + h^2 + 2h)``."""
        return sum(p.numel() for p in self.rnn.parameters())


class FeedForwardBlock(nn.Module):
    """A memoryless MLP that sees a fixed block of inputs, never a running state.

    ``mode="block"``: the last ``k`` steps, flattened (zero-padded on the left
    when fewer than ``k`` steps exist) — "watching season 5 only":

        y = W_2 tanh(W_1 [x_{T-k+1}; ...; x_T] + b_1) + b_2

    ``mode="bag"``: the mean of *all* steps (a bag of inputs), which by
    construction gives the same answer for every permutation of the sequence:

        y = W_2 tanh(W_1 (1/T) Σ_t x_t + b_1) + b_2

    ``step_outputs`` answers as if the sequence ended at each t (window ending
    at t, or the running mean up to t).
    """

    kind = "ff"

    def __init__(self, k: int, input_size: int, hidden: int, output_size: int, *, mode: str = "block") -> None:
        super().__init__()
        if mode not in ("block", "bag"):
            raise ValueError("mode must be 'block' or 'bag'")
        self.k = int(k) if mode == "block" else 1
        self.mode = mode
        self.stable = False
        self.input_size, self.hidden, self.output_size = input_size, hidden, output_size
        self.mlp = nn.Sequential(
            nn.Linear(self.k * input_size, hidden), nn.Tanh(), nn.Linear(hidden, output_size)
        )

    @property
    def label(self) -> str:
        return f"ff{self.k}" if self.mode == "block" else "ff_bag"

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """What the MLP sees at every step t: ``(B, T, k * input_size)`` (or the running mean)."""
        B, T, n = x.shape
        if self.mode == "bag":
            counts = torch.arange(1, T + 1, dtype=x.dtype, device=x.device).view(1, T, 1)
            return x.cumsum(dim=1) / counts
        padded = torch.cat([x.new_zeros(B, self.k - 1, n), x], dim=1)
        windows = padded.unfold(1, self.k, 1)  # (B, T, n, k), window ends at t
        return windows.transpose(2, 3).reshape(B, T, self.k * n)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        B, T, n = x.shape
        if self.mode == "bag":
            return self.mlp(x.mean(dim=1))
        if T < self.k:
            x = torch.cat([x.new_zeros(B, self.k - T, n), x], dim=1)
        return self.mlp(x[:, -self.k :].reshape(B, self.k * n))

    def step_outputs(self, x: torch.Tensor) -> torch.Tensor:
        return self.mlp(self.features(x))

    def param_count(self) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad)
