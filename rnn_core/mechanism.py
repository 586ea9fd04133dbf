"""Where does a trained LSTM keep its memory? Measure it, then test it by intervention.

Station 4 asks of an LSTM trained on the realistic series (:func:`rnn_core.tasks.series_task`
with ``moods=True``): which unit carries the key event's mood to the final scene, and *how*?
Two mechanisms give the same accuracy:

* **the belt** (the textbook story: Hochreiter & Schmidhuber 1997, whose cell had no forget gate,
  in effect f ≡ 1; the forget gate is Gers, Schmidhuber & Cummins 2000): after the key event the
  memory unit keeps its cell state, ``f ≈ 1`` and ``i ≈ 0``, so
  ``c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t ≈ c_{t-1}``;
* **the loop** through h: the unit forgets much of its cell state every step and writes it
  again from ``h_{t-1} = o_{t-1} ⊙ tanh(c_{t-1})``, which the gates read through the recurrent
  weights ``W_h*`` — e.g. ``g_t = tanh(W_ig x_t + W_hg h_{t-1} + b_g)`` follows the key mood
  (h → g → c), or ``i``, ``f``, ``o`` do.

Gate values suggest which one; interventions decide it. :func:`replay` re-runs the LSTM step by
step (the equations of :mod:`rnn_core.cells`) and can change, at every step *after* the key event
(final scene included):

* ``f_t := v`` (``forget=0``: the cell state is not carried over, the belt is cut);
* ``g_t := ḡ``, the mean of g over all sequences and steps after the key event in the clean run
  (both moods pooled, so the constant carries no mood);
* ``W_h* h_{t-1} := W_h* h̄`` for some gates (``recurrent=h̄``, the mean of h after the key
  event): those gates no longer hear the memory through h. Cut for the candidate only, the loop
  h → g → c is gone; cut for all four gates, **only the belt** links one step to the next.

:func:`mechanism_report` measures, on one seeded batch (default: station 4's, :data:`MEMORY_BATCH`):

* the memory unit: largest ``|d′|`` of the cell state between sad and happy series, pooled over
  the steps after the key event, ``d′ = (μ_happy − μ_sad) / √((σ²_sad + σ²_happy)/2)``
  (:func:`rnn_core.memory_units.pick_memory_unit`, the rule station 4 uses);
* its mean forget and input gates over the ordinary episodes after the key event, its input gate
  at the key event, and the share of its cell state rewritten per step after the key event,
  ``|i ⊙ g| / (|f ⊙ c_{t-1}| + |i ⊙ g|)``;
* the d′ of its candidate g after the key event (a candidate that follows the key mood is the
  h → g → c loop at work) and the size of the recurrent weights ‖W_h*‖ per gate;
* accuracy clean and under every intervention of :data:`INTERVENTIONS` (chance = 0.5).

A belt model keeps its accuracy with only the belt (``belt_only``) and drops to chance when the
belt is cut (``forget0_all``); a loop model drops to chance with only the belt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from .cells import module_kind, weights
from .memory_units import UNIT_BATCH, UNIT_LENGTH, UNIT_SEED, dprime, pick_memory_unit
from .tasks import Batch, series_task

__all__ = [
    "MEMORY_BATCH",
    "memory_batch",
    "Replay",
    "replay",
    "mean_after_key",
    "GATES",
    "MechanismReport",
    "mechanism_report",
    "INTERVENTIONS",
    "CHANCE",
]

MEMORY_BATCH: dict[str, int] = {"n": UNIT_BATCH, "length": UNIT_LENGTH, "seed": UNIT_SEED}
"""Station 4's batch for picking the memory unit (``rnn_core.memory_units``): 512 realistic series
of length 41 (distances 1..40), seed 123."""

GATES: tuple[str, ...] = ("input", "forget", "candidate", "output")  # PyTorch row order i, f, g, o
INTERVENTIONS: dict[str, str] = {
    "forget0_unit": "f := 0 on the memory unit",
    "forget0_all": "f := 0 on every unit (the belt is cut)",
    "candidate_const_unit": "g := ḡ on the memory unit",
    "candidate_const_all": "g := ḡ on every unit",
    "candidate_loop_cut": "the candidate reads h̄ instead of h_{t-1} (loop h → g → c cut)",
    "belt_only": "every gate reads h̄ instead of h_{t-1} (only the belt links the steps)",
}
"""Every intervention of :func:`mechanism_report`, applied at each step after the key event."""
CHANCE = 0.5


def memory_batch(n: int = MEMORY_BATCH["n"], length: int = MEMORY_BATCH["length"],
                 seed: int = MEMORY_BATCH["seed"], *, moods: bool = True) -> Batch:
    """``series_task(n, (1, length-1), moods=moods, length=length)`` from a generator seeded by ``seed``."""
    return series_task(n, (1, length - 1), moods=moods, length=length, seed=torch.Generator().manual_seed(seed))


def _after_mask(key_positions: np.ndarray, steps: int, *, ordinary_only: bool) -> np.ndarray:
    """``[B, T]``: steps after the key event (``ordinary_only``: without the final scene)."""
    t = np.arange(steps)[None, :]
    after = t > np.asarray(key_positions)[:, None]
    return after & (t < steps - 1) if ordinary_only else after


@dataclass(frozen=True)
class Replay:
    """One LSTM run, possibly with interventions: ``hidden``, ``cell``, ``gates`` ``[B, T, H]``."""

    hidden: Tensor
    cell: Tensor
    gates: dict[str, Tensor]


def _units_mask(units: int | list[int] | tuple[int, ...] | None, hidden: int) -> Tensor:
    m = torch.zeros(hidden, dtype=torch.bool)
    if units is None:
        m[:] = True
    else:
        m[[units] if isinstance(units, int) else list(units)] = True
    return m


@torch.no_grad()
def replay(
    lstm: nn.Module,
    x: Tensor,
    key_positions: Tensor | np.ndarray,
    *,
    forget: float | None = None,
    forget_units: int | list[int] | None = None,
    candidate: Tensor | None = None,
    candidate_units: int | list[int] | None = None,
    recurrent: Tensor | None = None,
    recurrent_gates: tuple[str, ...] = GATES,
) -> Replay:
    """Re-run a single-layer ``batch_first`` ``nn.LSTM`` step by step, with optional interventions.

    At every step ``t > key_positions[b]`` (after the key event, final scene included):

    * ``forget=v``: ``f_t := v`` on ``forget_units`` (``None`` = every unit);
    * ``candidate`` (a ``[H]`` tensor): ``g_t := candidate`` on ``candidate_units`` (``None`` = all);
    * ``recurrent`` (a ``[H]`` tensor h̄): the gates named in ``recurrent_gates`` read
      ``W_h* h̄`` instead of ``W_h* h_{t-1}`` (every unit): the memory can no longer travel
      through ``h``. With all four gates cut, the only path from step to step is the belt,
      ``c_{t-1} → f_t ⊙ c_{t-1}``.

    The forced values enter ``c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t`` and everything downstream
    (``h_t = o_t ⊙ tanh(c_t)`` and, through ``h_t``, every later gate). Without interventions the
    result equals :func:`rnn_core.trace` (same equations, same order of operations).
    """
    if module_kind(lstm) != "lstm":
        raise ValueError("replay() needs an nn.LSTM")
    w_ih, w_hh, b_ih, b_hh = weights(lstm)
    x = x.to(w_ih.dtype)
    batch, steps, hidden = x.shape[0], x.shape[1], lstm.hidden_size
    key = torch.as_tensor(np.asarray(key_positions)).view(batch, 1)
    f_mask = _units_mask(forget_units, hidden) if forget is not None else None
    g_mask = _units_mask(candidate_units, hidden) if candidate is not None else None
    xp = x @ w_ih.T + b_ih
    cut = None
    if recurrent is not None:
        unknown = set(recurrent_gates) - set(GATES)
        if unknown:
            raise ValueError(f"unknown gates {sorted(unknown)}; expected some of {GATES}")
        cut = torch.cat([torch.full((hidden,), n in recurrent_gates, dtype=torch.bool) for n in GATES])
        rec_const = recurrent.to(w_hh.dtype) @ w_hh.T  # [4H]
    h = torch.zeros(batch, hidden, dtype=w_hh.dtype)
    c = torch.zeros(batch, hidden, dtype=w_hh.dtype)
    out: dict[str, list[Tensor]] = {n: [] for n in ("hidden", "cell", "input", "forget", "candidate", "output")}
    for t in range(steps):
        after = t > key  # [B, 1]
        rec = h @ w_hh.T
        if cut is not None:
            rec = torch.where(after & cut, rec_const.expand_as(rec), rec)
        i, f, g, o = (xp[:, t] + rec + b_hh).chunk(4, dim=-1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        if f_mask is not None:
            f = torch.where(after & f_mask, torch.full_like(f, float(forget)), f)
        if g_mask is not None:
            g = torch.where(after & g_mask, candidate.to(g.dtype).expand_as(g), g)
        c = f * c + i * g
        h = o * torch.tanh(c)
        for name, v in (("hidden", h), ("cell", c), ("input", i), ("forget", f), ("candidate", g), ("output", o)):
            out[name].append(v)
    st = {k: torch.stack(v, dim=1) for k, v in out.items()}
    return Replay(st.pop("hidden"), st.pop("cell"), st)


def mean_after_key(values: Tensor, key_positions: np.ndarray) -> Tensor:
    """Mean per unit of ``values`` ``[B, T, H]`` over every sequence and step after the key event, ``[H]``.

    ``ḡ = mean_after_key(rep.gates["candidate"], key)``; ``h̄ = mean_after_key(rep.hidden, key)``.
    Both moods are pooled, so the constant carries no mood.
    """
    v = values.numpy()
    after = _after_mask(key_positions, v.shape[1], ordinary_only=False)
    return torch.as_tensor(v[after].mean(axis=0), dtype=values.dtype)


@dataclass(frozen=True)
class MechanismReport:
    """Where one LSTM keeps the key mood (see the module docstring for every definition).

    ``unit``, ``dprime`` (signed, cell state): the memory unit. Its gates: ``forget_after``,
    ``input_after`` (means over the ordinary episodes after the key event), ``input_key`` (mean
    at the key event), ``rewrite_share`` (mean share of its cell state rewritten per step after
    the key event). ``forget_after_max``: the largest ``forget_after`` of any unit.
    ``candidate_dprime``: d′ of the unit's candidate g after the key event.
    ``recurrent_norms``: gate → ‖W_h*‖ (Frobenius norm of its rows of ``weight_hh_l0``; all 0
    when no gate sees h). ``accuracy``: clean accuracy on the batch; ``ablations``: accuracy under
    each of :data:`INTERVENTIONS`. ``n``, ``length``, ``seed``: the batch (``seed`` None for a
    batch passed in).
    """

    unit: int
    dprime: float
    forget_after: float
    input_after: float
    input_key: float
    rewrite_share: float
    forget_after_max: float
    candidate_dprime: float
    recurrent_norms: dict[str, float]
    accuracy: float
    ablations: dict[str, float]
    n: int
    length: int
    seed: int | None

    @property
    def on_belt(self) -> bool:
        """The memory rides on the belt: clean accuracy ≥ 0.95, the belt alone keeps it (``belt_only``
        within 0.05 of it) and cutting the belt brings it within 0.1 of chance (``forget0_all``)."""
        a = self.ablations
        return (self.accuracy >= 0.95 and a["belt_only"] >= self.accuracy - 0.05
                and a["forget0_all"] <= CHANCE + 0.1)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "on_belt": self.on_belt}


def _accuracy(model: nn.Module, rep: Replay, y: Tensor) -> float:
    with torch.no_grad():
        logits = model.readout(rep.hidden[:, -1])
    return float((logits.argmax(dim=-1) == y).float().mean())


def mechanism_report(model: nn.Module, batch: Batch | None = None) -> MechanismReport:
    """Measure where ``model`` (a :class:`~rnn_core.models.SequenceModel` LSTM: ``.rnn`` + ``.readout``)
    keeps the key mood, on ``batch`` (default :func:`memory_batch`, station 4's batch).

    Seven step-by-step runs of the batch (clean + :data:`INTERVENTIONS`); about 0.1 s for the
    default batch and hidden 32. Deterministic: the same weights give the same report.
    """
    if not isinstance(getattr(model, "rnn", None), nn.LSTM) or not hasattr(model, "readout"):
        raise ValueError("mechanism_report() needs an LSTM SequenceModel (.rnn = nn.LSTM, .readout)")
    b = batch if batch is not None else memory_batch()
    was_training = model.training
    model.eval()
    try:
        key = b.key_position.numpy()
        labels = b.y.numpy()
        clean = replay(model.rnn, b.x, key)
        unit, d = pick_memory_unit(clean.cell.numpy(), labels, key)
        steps = b.x.shape[1]
        ordinary = _after_mask(key, steps, ordinary_only=True)
        after = _after_mask(key, steps, ordinary_only=False)
        gates = {k: v.numpy().astype(np.float64) for k, v in clean.gates.items()}
        f_units = gates["forget"][ordinary].mean(axis=0)
        i_units = gates["input"][ordinary].mean(axis=0)
        c = clean.cell.numpy().astype(np.float64)[:, :, unit]
        c_prev = np.concatenate([np.zeros_like(c[:, :1]), c[:, :-1]], axis=1)
        written = np.abs(gates["input"][:, :, unit] * gates["candidate"][:, :, unit])
        kept = np.abs(gates["forget"][:, :, unit] * c_prev)
        share = written / np.maximum(written + kept, 1e-12)
        g_d = dprime(gates["candidate"], labels, key)
        g_bar = mean_after_key(clean.gates["candidate"], key)
        h_bar = mean_after_key(clean.hidden, key)
        runs = {
            "forget0_unit": {"forget": 0.0, "forget_units": unit},
            "forget0_all": {"forget": 0.0},
            "candidate_const_unit": {"candidate": g_bar, "candidate_units": unit},
            "candidate_const_all": {"candidate": g_bar},
            "candidate_loop_cut": {"recurrent": h_bar, "recurrent_gates": ("candidate",)},
            "belt_only": {"recurrent": h_bar},
        }
        ablations = {name: round(_accuracy(model, replay(model.rnn, b.x, key, **kw), b.y), 4)
                     for name, kw in runs.items()}
        h = model.rnn.hidden_size
        w_hh = model.rnn.weight_hh_l0.detach()
        norms = {gate: round(float(w_hh[k * h : (k + 1) * h].norm()), 6) for k, gate in enumerate(GATES)}
        return MechanismReport(
            unit=unit,
            dprime=round(float(d[unit]), 4),
            forget_after=round(float(f_units[unit]), 4),
            input_after=round(float(i_units[unit]), 4),
            input_key=round(float(gates["input"][np.arange(len(key)), key, unit].mean()), 4),
            rewrite_share=round(float(share[after].mean()), 4),
            forget_after_max=round(float(f_units.max()), 4),
            candidate_dprime=round(float(g_d[unit]), 4),
            recurrent_norms=norms,
            accuracy=round(_accuracy(model, clean, b.y), 4),
            ablations=ablations,
            n=int(b.x.shape[0]),
            length=int(steps),
            seed=MEMORY_BATCH["seed"] if batch is None else None,
        )
    finally:
        model.train(was_training)
