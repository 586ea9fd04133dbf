"""The gradient probe: how loud is the gradient after travelling k steps back in time?

Bengio, Simard & Frasconi (1994) and Pascanu, Mikolov & Bengio (2013): for a loss ``L`` that
looks only at the last state ``h_T``, the chain rule gives

    ∂L/∂h_t = ∂L/∂h_T · J_T · J_{T-1} ⋯ J_{t+1},      J_s = ∂h_s/∂h_{s-1}.

Notation: ``W_ih`` and ``W_hh`` are PyTorch's parameter names (``weight_ih_l0``,
``weight_hh_l0``); the app's pages write them W (input) and U (recurrent),
``h_t = tanh(W x_t + U h_{t-1} + b)``.

For a plain RNN ``h_s = φ(a_s)``, ``a_s = W_ih x_s + b + W_hh h_{s-1}``, each factor is
``J_s = diag(φ'(a_s)) W_hh``. With ``W_hh = g·Q`` (Q orthogonal) and a linear φ the product has
norm exactly ``g^k`` after k steps: 0.9^100 = 2.66e-5 (vanishing), 1.1^100 = 1.38e4
(exploding). A squashing φ only multiplies in factors ``|φ'| ≤ γ`` (γ = 1 for tanh, 1/4 for
the sigmoid), so it vanishes even faster. Pascanu et al.: ``σ_max(W_hh) < 1/γ`` is
*sufficient* for vanishing, ``σ_max(W_hh) > 1/γ`` is *necessary* (not sufficient) for exploding.

How it is measured (a real backward pass, float64):

* One sequence of ``length`` random inputs ``x_t ~ N(0, input_scale²)`` (seeded) so the
  nonlinearities are really exercised; initial state zero.
* An explicit Python step loop (``rnn_core.cells`` step functions, the model's own weights)
  keeps every ``h_t`` (and LSTM ``c_t``); ``torch.autograd.grad`` of the loss w.r.t. that list
  of per-step states gives the *total* derivative ``∂L/∂h_t`` at every step. (``retain_grad``
  on the fused ``nn.LSTM`` output only sees L's direct dependence on each output slice, zero for
  t < T, not the path through the recurrence, so it is not used.)
* The loss is ``L = v · h_T`` with a fixed, seeded unit vector ``v``, so ``‖∂L/∂h_T‖ = 1`` and
  ``backward[t]`` is directly the attenuation/amplification after ``T-1-t`` steps.

* The forward ("telephone") view pushes a fixed seeded unit whisper ``u`` added to the initial
  state forward through the same cells with the chain rule written out (``_jvp_step``) and
  reports ``‖(∂h_t/∂h_init)·u‖`` (rescaled every step, so it cannot overflow on the way).

Indexing: every array has ``length`` entries; entry ``t`` (0-based) is the state after reading
input ``t``, like ``output[:, t]`` of a PyTorch RNN. The distance to the loss is ``T-1-t``.

Overflow and underflow are results, not errors: a value above float64's range (≈1.8e308) is
reported as ``inf``, one below it (≈5e-324) as ``0``. Once a gradient overflows, ``inf·0`` and
``inf − inf`` produce NaN inside autograd; a NaN can only arise that way here, so it is reported
as ``inf``. If the *forward* pass itself overflows (only ReLU/linear with a large gain), the
loss is not a number and every backward norm is reported as ``inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor, nn

from rnn_core.cells import KINDS, gru_step, lstm_step, rnn_step, weights
from rnn_core.seeding import seeded

NONLINEARITIES = ("tanh", "relu", "linear")
REGIMES = ("vanishing", "stable", "exploding")
_ACT = {"tanh": torch.tanh, "relu": torch.relu, "linear": lambda a: a}


# --------------------------------------------------------------------------- the model


def orthogonal(n: int, generator: torch.Generator | None = None) -> Tensor:
    """A random (Haar) orthogonal ``n × n`` matrix in float64: QR of a Gaussian, signs fixed."""
    q, r = torch.linalg.qr(torch.randn(n, n, dtype=torch.float64, generator=generator))
    return q * torch.sign(torch.diagonal(r))


def build_module(
    kind: str,
    *,
    hidden: int = 32,
    input_size: int | None = None,
    gain: float | None = None,
    nonlinearity: str = "tanh",
    forget_bias: float = 0.0,
    seed: int = 0,
) -> nn.Module:
    """The float64 ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` (batch_first) that the probe measures.

    * ``gain=None``: PyTorch's default init (uniform ±1/√hidden). ``gain=g``: the recurrent
      matrix is ``g·Q`` with Q a seeded random orthogonal matrix, so spectral radius = largest
      singular value = g. For LSTM/GRU every gate's recurrent block gets its own ``g·Q_k``.
    * ``forget_bias`` (LSTM): ``b_ih`` and ``b_hh`` forget rows are both set to ``forget_bias/2``
      so the total forget-gate bias is ``forget_bias``. (GRU): the same for the update gate z,
      whose "keep" direction is z → 1 in PyTorch, so a positive value also means "remember".
      Ignored for the plain RNN.
    * ``nonlinearity="linear"`` builds a tanh ``nn.RNN`` for its weights; the probe's own step
      then uses the identity (``nn.RNN`` has no linear mode).
    """
    _check(kind, nonlinearity)
    input_size = hidden if input_size is None else input_size
    with seeded(seed):
        if kind == "rnn":
            act = "relu" if nonlinearity == "relu" else "tanh"
            module = nn.RNN(input_size, hidden, batch_first=True, nonlinearity=act)
        else:
            module = (nn.LSTM if kind == "lstm" else nn.GRU)(input_size, hidden, batch_first=True)
        module = module.double()
        gen = torch.Generator().manual_seed(seed + 10_007)
        with torch.no_grad():
            if gain is not None:
                blocks = module.weight_hh_l0.shape[0] // hidden
                module.weight_hh_l0.copy_(torch.cat([gain * orthogonal(hidden, gen) for _ in range(blocks)]))
            if kind in ("lstm", "gru"):
                rows = slice(hidden, 2 * hidden)  # LSTM: i,[f],g,o   GRU: r,[z],n
                module.bias_ih_l0[rows] = forget_bias / 2
                module.bias_hh_l0[rows] = forget_bias / 2
    return module


def _check(kind: str, nonlinearity: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be one of {NONLINEARITIES}, got {nonlinearity!r}")


def _unit(n: int, gen: torch.Generator) -> Tensor:
    v = torch.randn(n, dtype=torch.float64, generator=gen)
    return v / v.norm()


def _unroll(kind: str, act, xp: Tensor, h: Tensor, w_hh: Tensor, b_hh: Tensor):
    """Run the recurrence from ``h`` over the projected inputs ``xp [T, G*H]``; keep every state."""
    hs, cs = [], []
    c = torch.zeros_like(h) if kind == "lstm" else None
    for t in range(xp.shape[0]):
        if kind == "rnn":
            h = rnn_step(xp[t], h, w_hh, b_hh, act)
        elif kind == "lstm":
            h, c, _ = lstm_step(xp[t], h, c, w_hh, b_hh)
            cs.append(c)
        else:
            h, _ = gru_step(xp[t], h, w_hh, b_hh)
        hs.append(h)
    return hs, cs


def _norms(vectors: list[Tensor]) -> np.ndarray:
    """Row norms as float64 numpy; NaN (∞·0 or ∞−∞ after an overflow) → inf."""
    out = torch.linalg.vector_norm(torch.stack(vectors), dim=-1).numpy()
    return np.where(np.isnan(out), np.inf, out)


# --------------------------------------------------------------------------- regime


def classify_regime(norms, *, tolerance: float = 0.01) -> str:
    """Vanishing, stable or exploding, decided from measured norms only.

    Rule: the per-step rate ``ρ̂ = (norms[0] / norms[-1]) ** (1 / (T-1))`` (geometric mean of
    the attenuation per step between the farthest state and the one at the loss).
    ``ρ̂ < 1 − tolerance`` → "vanishing", ``ρ̂ > 1 + tolerance`` → "exploding", else "stable".
    With the default 1 %: a linear RNN with gain 0.9/1.0/1.1 gives vanishing/stable/exploding.
    Edge cases: an ``inf`` anywhere → "exploding"; ``norms[0] == 0`` (underflow) with a
    positive ``norms[-1]`` → "vanishing"; ``norms[-1] == 0 < norms[0]`` → "exploding"; both 0 →
    "vanishing" (nothing gets through); NaN entries are ignored; fewer than 2 values → "stable".
    """
    n = np.asarray(norms, dtype=np.float64)
    n = n[~np.isnan(n)]
    if n.size < 2:
        return "stable"
    if np.isinf(n).any():
        return "exploding"
    first, last = n[0], n[-1]
    if first == 0:
        return "vanishing"
    if last == 0:
        return "exploding"
    rate = math.exp((math.log(first) - math.log(last)) / (n.size - 1))
    if rate < 1 - tolerance:
        return "vanishing"
    if rate > 1 + tolerance:
        return "exploding"
    return "stable"


# --------------------------------------------------------------------------- the probe


@dataclass(frozen=True)
class PascanuCheck:
    """Pascanu, Mikolov & Bengio (2013)'s conditions on σ_max, next to the measured regime.

    ``sufficient_for_vanishing``: σ_max < 1/γ (then gradients *must* vanish).
    ``necessary_for_exploding_met``: σ_max > 1/γ (exploding becomes *possible*, not certain).
    Both are False when σ_max = 1/γ within a relative 1e-9 (rounding of g·Q for g = 1).
    ``regime``: what the measured norms say (``classify_regime``).
    ``applies``: the bound is exact for the plain RNN. In an LSTM/GRU the additive path
    (``c_t = f⊙c_{t-1} + …``, ``h_t = z⊙h_{t-1} + …``) bypasses the recurrent matrix, so the
    flags then only describe the path through W_hh (with γ = 1, the tanh candidate).
    """

    gamma: float
    max_singular_value: float
    sufficient_for_vanishing: bool
    necessary_for_exploding_met: bool
    regime: str
    applies: bool


@dataclass(frozen=True)
class GradientProbe:
    """Result of ``probe``; all arrays float64 with ``length`` entries (see module docstring).

    backward:      ‖∂L/∂h_t‖, L = v·h_T (so backward[-1] = 1).
    forward:       ‖(∂h_t/∂h_init)·u‖ for a fixed seeded unit vector u (a "whisper" added to the
                   initial hidden state; LSTM: c_init unperturbed): the telephone-game view.
    cell_backward: LSTM ‖∂L/∂c_t‖ (total derivative), None for RNN/GRU.
    spectral_radius, max_singular_value: of W_hh (LSTM/GRU: the largest over the gate blocks).
    gamma:         bound on |φ'| along the W_hh path: tanh 1, relu 1, linear 1 (sigmoid would be
                   1/4); LSTM/GRU 1 (their candidate is a tanh; sigmoid gates only shrink it).
    """

    kind: str
    nonlinearity: str
    length: int
    hidden: int
    gain: float | None
    backward: np.ndarray
    forward: np.ndarray
    cell_backward: np.ndarray | None
    spectral_radius: float
    max_singular_value: float
    gamma: float
    pascanu: PascanuCheck

    @property
    def regime(self) -> str:
        return self.pascanu.regime

    @property
    def distance(self) -> np.ndarray:
        """Steps between each state and the loss: ``T-1-t``."""
        return np.arange(self.length - 1, -1, -1)


def probe(
    kind: str,
    *,
    length: int,
    hidden: int = 32,
    gain: float | None = None,
    nonlinearity: str = "tanh",
    forget_bias: float = 0.0,
    seed: int = 0,
    input_size: int | None = None,
    input_scale: float = 1.0,
) -> GradientProbe:
    """Measure backward and forward signal propagation through a seeded recurrent layer.

    Args:
        kind: "rnn", "lstm" or "gru".
        length: number of time steps T (≥ 1).
        hidden: hidden size H.
        gain: None = PyTorch default init; g = recurrent matrix g·Q (see ``build_module``).
        nonlinearity: "tanh", "relu" or "linear" (plain RNN only; ignored otherwise).
        forget_bias: total LSTM forget-gate bias / GRU update-gate bias.
        seed: seeds weights, inputs, v and u.
        input_size: input features (default H, so with PyTorch's ±1/√H input weights the input
            drive has std ≈ 0.58·input_scale and tanh/sigmoid derivatives are really below 1).
        input_scale: std of the N(0, input_scale²) inputs (0 = no input).
    """
    setup = _setup(kind, length, hidden, gain, nonlinearity, forget_bias, seed, input_size, input_scale)
    backward, cell_backward = _backward_view(setup)
    forward = _forward_view(setup.kind, setup.nonlinearity, setup.xp, setup.h0, setup.u, setup.w_hh, setup.b_hh)

    blocks = setup.w_hh.reshape(-1, hidden, hidden)
    sigma = float(torch.linalg.matrix_norm(blocks, ord=2).max())
    radius = float(torch.linalg.eigvals(blocks).abs().max())
    gamma = 1.0  # tanh, relu, linear; gated cells: tanh candidate (see GradientProbe)
    on_boundary = math.isclose(sigma, 1 / gamma, rel_tol=1e-9)  # g = 1 exactly, up to rounding of g·Q
    check = PascanuCheck(
        gamma=gamma,
        max_singular_value=sigma,
        sufficient_for_vanishing=sigma < 1 / gamma and not on_boundary,
        necessary_for_exploding_met=sigma > 1 / gamma and not on_boundary,
        regime=classify_regime(backward),
        applies=kind == "rnn",
    )
    return GradientProbe(
        kind=kind, nonlinearity=setup.nonlinearity if kind == "rnn" else "gated", length=length,
        hidden=hidden, gain=gain, backward=backward, forward=forward, cell_backward=cell_backward,
        spectral_radius=radius, max_singular_value=sigma, gamma=gamma, pascanu=check,
    )


@dataclass(frozen=True)
class _Setup:
    kind: str
    nonlinearity: str  # "tanh" for the gated cells
    module: nn.Module  # the float64 torch.nn layer whose weights are used
    xs: Tensor  # [T, I] the seeded inputs
    xp: Tensor  # [T, G*H] input part of every step, W_ih x_t + b_ih
    h0: Tensor
    v: Tensor  # loss direction, L = v·h_T
    u: Tensor  # forward whisper direction
    w_hh: Tensor
    b_hh: Tensor


def _setup(kind, length, hidden, gain, nonlinearity, forget_bias, seed, input_size, input_scale) -> _Setup:
    if length < 1:
        raise ValueError("length must be at least 1")
    _check(kind, nonlinearity)
    effective = nonlinearity if kind == "rnn" else "tanh"
    module = build_module(
        kind, hidden=hidden, input_size=input_size, gain=gain, nonlinearity=effective,
        forget_bias=forget_bias, seed=seed,
    )
    w_ih, w_hh, b_ih, b_hh = (p.detach() for p in weights(module))
    gen = torch.Generator().manual_seed(seed + 20_011)
    xs = input_scale * torch.randn(length, w_ih.shape[1], dtype=torch.float64, generator=gen)
    v, u = _unit(hidden, gen), _unit(hidden, gen)
    return _Setup(
        kind=kind, nonlinearity=effective, module=module, xs=xs, xp=xs @ w_ih.T + b_ih, h0=torch.zeros(hidden, dtype=torch.float64),
        v=v, u=u, w_hh=w_hh, b_hh=b_hh,
    )


def _backward_view(s: _Setup) -> tuple[np.ndarray, np.ndarray | None]:
    """One explicit unroll with autograd, then ∂L/∂(every kept h_t and c_t) in one call."""
    with torch.enable_grad():
        hs, cs = _unroll(s.kind, _ACT[s.nonlinearity], s.xp, s.h0.clone().requires_grad_(), s.w_hh, s.b_hh)
        grads = torch.autograd.grad(s.v @ hs[-1], hs + cs)
    length = len(hs)
    backward = _norms(list(grads[:length]))
    cell_backward = _norms(list(grads[length:])) if s.kind == "lstm" else None
    if not torch.isfinite(torch.stack(hs).detach()).all():  # the forward pass overflowed
        backward = np.full(length, np.inf)
        cell_backward = None if cell_backward is None else np.full(length, np.inf)
    return backward, cell_backward


def _jvp_step(kind: str, nonlinearity: str, xp: Tensor, h: Tensor, dh: Tensor, c, dc, w_hh: Tensor, b_hh: Tensor):
    """One step of the cell *and* of its tangent (forward-mode chain rule, written out).

    Given the state ``s = (h, c)`` and a tangent ``ds = (dh, dc)``, return the next state and
    ``J·ds`` where ``J = ∂s_t/∂s_{t-1}``. With ``a = xp + W_hh h + b_hh`` and ``da = W_hh dh``:

    RNN:  ``h' = φ(a)``,  ``dh' = φ'(a) ⊙ da``  (tanh' = 1 − h'², relu' = [a > 0], linear' = 1)
    LSTM: ``di = i(1−i)⊙da_i, df = f(1−f)⊙da_f, dg = (1−g²)⊙da_g, do = o(1−o)⊙da_o``,
          ``dc' = df⊙c + f⊙dc + di⊙g + i⊙dg``,  ``dh' = do⊙tanh(c') + o⊙(1−tanh²c')⊙dc'``
    GRU:  ``dr = r(1−r)⊙da_r, dz = z(1−z)⊙da_z, dn = (1−n²)⊙(dr⊙a_n + r⊙da_n)``,
          ``dh' = (1−z)⊙dn + dz⊙(h − n) + z⊙dh``
    (the primal part is the same maths as ``rnn_core.cells``; tests check both against autograd).
    """
    both = torch.stack((h, dh)) @ w_hh.T  # W_hh h and W_hh dh in one product
    a, da = both[0] + b_hh, both[1]
    if kind == "rnn":
        a = a + xp
        if nonlinearity == "tanh":
            h = torch.tanh(a)
            return h, (1 - h * h) * da, None, None
        if nonlinearity == "relu":
            return torch.relu(a), (a > 0) * da, None, None
        return a, da, None, None
    if kind == "lstm":
        zi, zf, zg, zo = (a + xp).chunk(4)
        dzi, dzf, dzg, dzo = da.chunk(4)
        i, f, g, o = torch.sigmoid(zi), torch.sigmoid(zf), torch.tanh(zg), torch.sigmoid(zo)
        c_new = f * c + i * g
        tc = torch.tanh(c_new)
        dc_new = f * (1 - f) * dzf * c + f * dc + i * (1 - i) * dzi * g + i * (1 - g * g) * dzg
        dh_new = o * (1 - o) * dzo * tc + o * (1 - tc * tc) * dc_new
        return o * tc, dh_new, c_new, dc_new
    xr, xz, xn = xp.chunk(3)
    ar, az, an = a.chunk(3)
    dar, daz, dan = da.chunk(3)
    r, z = torch.sigmoid(xr + ar), torch.sigmoid(xz + az)
    n = torch.tanh(xn + r * an)
    dr, dz = r * (1 - r) * dar, z * (1 - z) * daz
    dn = (1 - n * n) * (dr * an + r * dan)
    return (1 - z) * n + z * h, (1 - z) * dn + dz * (h - n) + z * dh, None, None


def _forward_view(kind: str, nonlinearity: str, xp: Tensor, h0: Tensor, u: Tensor, w_hh: Tensor, b_hh: Tensor):
    """``‖(∂h_t/∂h_init)·u‖`` for every t: push the unit "whisper" u forward with ``_jvp_step``.

    The tangent is renormalised to unit length after every step and the logs of the factors are
    summed, so the result is exact up to float64's range: ∞ on overflow, 0 on underflow, never
    NaN. Once the forward state itself is not finite the view is ∞ from that step on.
    """
    h, dh = h0, u
    c = dc = torch.zeros_like(h0) if kind == "lstm" else None
    log_h, log_scale, states = [], [], []
    with torch.no_grad():
        for t in range(xp.shape[0]):
            h, dh, c, dc = _jvp_step(kind, nonlinearity, xp[t], h, dh, c, dc, w_hh, b_hh)
            norm_h = dh.norm()
            scale = norm_h if dc is None else torch.sqrt(norm_h * norm_h + dc @ dc)
            scale = scale.clamp_min(1e-300)  # a zero tangent stays zero (log → -inf → 0)
            dh = dh / scale
            if dc is not None:
                dc = dc / scale
            log_h.append(norm_h)
            log_scale.append(scale)
            states.append(h)
        log_h, log_scale = torch.log(torch.stack(log_h)), torch.log(torch.stack(log_scale))
        # the tangent at t was computed from one divided by every earlier scale: multiply back
        out = torch.exp(log_h + torch.cumsum(log_scale, 0) - log_scale).numpy()
        bad = ~torch.isfinite(torch.stack(states)).all(dim=1).numpy()
    out = np.where(np.isnan(out), np.inf, out)
    if bad.any():
        out[int(np.argmax(bad)):] = np.inf
    return out


def gradient_norms(
    kind: str,
    *,
    length: int,
    hidden: int = 32,
    gain: float | None = None,
    nonlinearity: str = "tanh",
    forget_bias: float = 0.0,
    seed: int = 0,
    input_size: int | None = None,
    input_scale: float = 1.0,
) -> np.ndarray:
    """``‖∂L/∂h_t‖`` for t = 0 … T-1 (float64, shape [length]); same arguments as ``probe``."""
    setup = _setup(kind, length, hidden, gain, nonlinearity, forget_bias, seed, input_size, input_scale)
    return _backward_view(setup)[0]
