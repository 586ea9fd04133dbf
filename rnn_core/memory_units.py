"""Which unit of a trained LSTM or GRU holds a memory, and what its gates did (station 4's analysis).

The series task (``rnn_core.tasks.series_task``) asks why a character cries in the final scene:
the answer is the mood of a key event ``d`` episodes earlier. A trained cell must carry that mood
across the ordinary episodes in between. This module finds *where* it is carried and measures
*how*, on the model's own numbers (``rnn_core.cells.trace``), never from theory:

* :func:`dprime` / :func:`pick_memory_unit` — for every unit, Cohen's d′ between the sad and the
  happy series of its state pooled over every step *after* the key event (final scene included)::

      d′_u = (μ_happy,u − μ_sad,u) / √((σ²_sad,u + σ²_happy,u) / 2)

  (population variances). The unit with the largest ``|d′|`` is the *memory unit*; a unit whose
  state never varies gets d′ = 0, one constant within each mood but different between them ±∞. For the LSTM the state is the cell state ``c``, for the GRU
  the hidden state ``h``.
* :func:`find_memory_unit` — the same on a seeded batch of the task generator, for a model, plus
  the mean forget gate after the key event of every LSTM unit.
* :func:`lstm_unit_facts`, :func:`gru_unit_facts` — what that unit did on one timeline. With the
  LSTM's ``c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t``, the belt alone (nothing written) would keep
  ``∏_{t > key} f_t`` of the key event's value; the share rewritten at step t is
  ``|i_t g_t| / (|f_t c_{t−1}| + |i_t g_t|)``. With PyTorch's GRU
  ``h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}`` (z → 1 keeps the old state) pure keeping leaves
  ``∏_{t > key} z_t``.
* :func:`unit_steps` — every number the step-through diagrams show at each step t: the memory
  unit's gates, its state before and after the step, the mean of every gate over all units, and
  the model's belief so far ``P(happy | x_1 … x_t) = softmax(W_out h_t + b_out)_happy``.

Pure PyTorch and numpy: no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from rnn_core.cells import trace
from rnn_core.tasks import MOODS, series_task

# The seeded batch that picks the memory unit (the page and the tests use the same one).
UNIT_BATCH, UNIT_LENGTH, UNIT_SEED = 512, 41, 123
HAPPY = MOODS.index("happy")


# --------------------------------------------------------------------------- the memory unit


def dprime(states: np.ndarray, labels: np.ndarray, key_positions: np.ndarray) -> np.ndarray:
    """Cohen's d′ per unit between happy (label 1) and sad (label 0) series, after the key event.

    ``states`` ``[B, T, H]``, ``labels`` ``[B]``, ``key_positions`` ``[B]``. Steps ``t > key``
    of every series are pooled per mood; ``d′ = (μ_happy − μ_sad) / √((σ²_sad + σ²_happy)/2)``
    with population variances; where both variances vanish, ±∞ if the means differ, else 0. Raises ``ValueError`` when a mood
    has fewer than two pooled steps.
    """
    states = np.asarray(states, dtype=np.float64)
    labels = np.asarray(labels)
    _, t, _ = states.shape
    after = np.arange(t)[None, :] > np.asarray(key_positions)[:, None]  # [B, T]
    sad = states[after & (labels[:, None] == 0)]
    happy = states[after & (labels[:, None] == 1)]
    if len(sad) < 2 or len(happy) < 2:
        raise ValueError("need steps after the key event for both moods")
    spread = np.sqrt((sad.var(axis=0) + happy.var(axis=0)) / 2)
    gap = happy.mean(axis=0) - sad.mean(axis=0)
    # no spread: a perfect separation (±∞) if the means differ, no information (0) if they do not
    out = np.where(np.abs(gap) > 1e-12, np.copysign(np.inf, gap), 0.0)
    return np.divide(gap, spread, out=out, where=spread > 1e-12)


def pick_memory_unit(states: np.ndarray, labels: np.ndarray, key_positions: np.ndarray) -> tuple[int, np.ndarray]:
    """``(unit with the largest |d′|, d′ per unit)`` (see :func:`dprime`)."""
    d = dprime(states, labels, key_positions)
    return int(np.argmax(np.abs(d))), d


@dataclass(frozen=True)
class MemoryUnit:
    """The memory unit of a model found on a seeded batch.

    ``unit``, its ``dprime``; ``n`` series of length ``length``; ``hidden`` units;
    ``forget_after``: LSTM only, per unit, the mean forget gate over the ordinary steps after the
    key event (``key < t < T−1``) of every series (``None`` for a GRU).
    """

    unit: int
    dprime: float
    n: int
    length: int
    hidden: int
    forget_after: tuple[float, ...] | None


def find_memory_unit(model: nn.Module, *, n: int = UNIT_BATCH, length: int = UNIT_LENGTH,
                     seed: int = UNIT_SEED) -> MemoryUnit:
    """Trace ``model`` (a ``SequenceModel`` of the realistic series) on ``n`` seeded series of the
    task generator (distances 1 … length − 1, moods on) and pick its memory unit."""
    batch = series_task(n, (1, length - 1), moods=True, length=length, seed=torch.Generator().manual_seed(seed))
    tr = trace(model.rnn, batch.x)
    states = (tr.cell if tr.cell is not None else tr.hidden).numpy()
    keys = batch.key_position.numpy()
    unit, d = pick_memory_unit(states, batch.y.numpy(), keys)
    forget = None
    if "forget" in tr.gates:
        steps = np.arange(length)
        ordinary_after = (steps[None, :] > keys[:, None]) & (steps[None, :] < length - 1)
        forget = tuple(float(v) for v in tr.gates["forget"].numpy()[ordinary_after].mean(axis=0))
    return MemoryUnit(unit=unit, dprime=float(d[unit]), n=n, length=length, hidden=states.shape[-1],
                      forget_after=forget)


# --------------------------------------------------------------------------- facts on one timeline


def _mean(values: np.ndarray) -> float | None:
    return float(np.mean(values)) if len(values) else None


def settled_at(state: np.ndarray) -> int:
    """First index from which ``state`` keeps the sign of its last value (0 if it always has it)."""
    state = np.asarray(state, dtype=np.float64)
    sign = np.sign(state[-1]) or 1.0
    wrong = np.flatnonzero(np.sign(state) != sign)
    return int(wrong[-1] + 1) if wrong.size else 0


@dataclass(frozen=True)
class LstmUnitFacts:
    """What the LSTM memory unit did on one timeline (``None`` when the stretch is empty).

    ``forget_after``: mean f over the ordinary episodes after the key event.
    ``belt_keeps``: ∏ f over every step after the key event (final included): the share of
    ``c`` at the key event that the conveyor belt alone (with nothing written) would still hold.
    ``rewrite_share``: mean over the steps after the key event of |i⊙g| / (|f⊙c_{t−1}| + |i⊙g|).
    ``input_key`` / ``input_else``: input gate at the key event / mean over all other steps;
    ``input_next``: at the episode right after it.
    ``output_final`` / ``output_before``: output gate at the final scene / mean over the ordinary
    episodes after the key event (every step before the final scene when there is none).
    ``cell_key``, ``cell_final``: c at the key event and at the final scene;
    ``settled_at``: first step from which c keeps the sign it has at the final scene.
    """

    forget_after: float | None
    belt_keeps: float | None
    rewrite_share: float | None
    input_key: float
    input_else: float | None
    input_next: float | None
    output_final: float
    output_before: float | None
    cell_key: float
    cell_final: float
    settled_at: int


def lstm_unit_facts(gates: Mapping[str, np.ndarray], cell: np.ndarray, key: int) -> LstmUnitFacts:
    """Facts about one LSTM unit: ``gates`` name → ``[T]`` (input, forget, candidate, output), ``cell`` ``[T]``."""
    i, f, g, o = (np.asarray(gates[n], dtype=np.float64) for n in ("input", "forget", "candidate", "output"))
    c = np.asarray(cell, dtype=np.float64)
    t = len(c)
    final = t - 1
    steps = np.arange(t)
    ordinary_after = steps[(steps > key) & (steps < final)]
    after = steps[steps > key]
    c_prev = np.concatenate([[0.0], c[:-1]])
    written = np.abs(i * g)
    kept = np.abs(f * c_prev)
    share = written / np.maximum(written + kept, 1e-12)
    return LstmUnitFacts(
        forget_after=_mean(f[ordinary_after]),
        belt_keeps=float(np.prod(f[after])) if after.size else None,
        rewrite_share=_mean(share[after]),
        input_key=float(i[key]),
        input_else=_mean(i[steps != key]),
        input_next=float(i[key + 1]) if key + 1 < t else None,
        output_final=float(o[final]),
        output_before=_mean(o[ordinary_after] if ordinary_after.size else o[:final]),
        cell_key=float(c[key]),
        cell_final=float(c[final]),
        settled_at=settled_at(c),
    )


@dataclass(frozen=True)
class GruUnitFacts:
    """What the GRU memory unit did on one timeline (PyTorch convention: z → 1 keeps h).

    ``keep_after``: mean z over the ordinary episodes after the key event (share of the old h
    kept each step); ``keep_product``: ∏ z after the key event (what pure keeping would leave);
    ``update_key`` / ``update_else``: z at the key event / mean elsewhere; ``reset_after``: mean
    r after the key event; ``hidden_key``, ``hidden_final``, ``settled_at``: as for the LSTM.
    """

    keep_after: float | None
    keep_product: float | None
    update_key: float
    update_else: float | None
    reset_after: float | None
    hidden_key: float
    hidden_final: float
    settled_at: int


def gru_unit_facts(gates: Mapping[str, np.ndarray], hidden: np.ndarray, key: int) -> GruUnitFacts:
    """Facts about one GRU unit: ``gates`` name → ``[T]`` (reset, update, candidate), ``hidden`` ``[T]``."""
    r, z = (np.asarray(gates[n], dtype=np.float64) for n in ("reset", "update"))
    h = np.asarray(hidden, dtype=np.float64)
    t = len(h)
    steps = np.arange(t)
    ordinary_after = steps[(steps > key) & (steps < t - 1)]
    after = steps[steps > key]
    return GruUnitFacts(
        keep_after=_mean(z[ordinary_after]),
        keep_product=float(np.prod(z[after])) if after.size else None,
        update_key=float(z[key]),
        update_else=_mean(z[steps != key]),
        reset_after=_mean(r[after]),
        hidden_key=float(h[key]),
        hidden_final=float(h[-1]),
        settled_at=settled_at(h),
    )


# --------------------------------------------------------------------------- one timeline, step by step


@dataclass(frozen=True)
class TimelineRun:
    """A model traced on one timeline (batch of 1), as numpy arrays.

    ``gates``: name → ``[T, H]``; ``hidden`` ``[T, H]``; ``cell`` ``[T, H]`` (LSTM) or ``None``;
    ``belief`` ``[T]``: P(happy) after every step, ``softmax(W_out h_t + b_out)[happy]``;
    ``p_happy``: the belief at the final scene (what the model answers).
    """

    kind: str
    gates: dict[str, np.ndarray]
    hidden: np.ndarray
    cell: np.ndarray | None
    belief: np.ndarray

    @property
    def p_happy(self) -> float:
        return float(self.belief[-1])

    @property
    def state(self) -> np.ndarray:
        """The memory state ``[T, H]``: the cell state for an LSTM, the hidden state for a GRU."""
        return self.cell if self.cell is not None else self.hidden


@torch.no_grad()
def run_timeline(model: nn.Module, x: torch.Tensor) -> TimelineRun:
    """Trace a ``SequenceModel`` (LSTM or GRU) on ``x`` ``[1, T, input]``: gates, states and belief per step."""
    tr = trace(model.rnn, x)
    belief = torch.softmax(model.step_outputs(x), dim=-1)[0, :, HAPPY].numpy().astype(np.float64)
    return TimelineRun(kind=tr.kind, gates={k: v[0].numpy() for k, v in tr.gates.items()},
                       hidden=tr.hidden[0].numpy(), cell=None if tr.cell is None else tr.cell[0].numpy(),
                       belief=belief)


@dataclass(frozen=True)
class UnitSteps:
    """Every number the step-through shows at step t (arrays of length T, float64).

    ``gates``: name → the memory unit's gate; ``gate_means``: name → mean over all units;
    ``state_before`` / ``state_after``: the unit's memory state (LSTM c, GRU h) entering and
    leaving step t (``state_before[0] = 0``, PyTorch's default initial state);
    ``output``: the unit's hidden state ``h_t`` (for a GRU the same as ``state_after``);
    ``belief``: P(happy) after step t.
    """

    kind: str
    unit: int
    gates: dict[str, np.ndarray]
    gate_means: dict[str, np.ndarray]
    state_before: np.ndarray
    state_after: np.ndarray
    output: np.ndarray
    belief: np.ndarray

    def __len__(self) -> int:
        return len(self.belief)


def unit_steps(run: TimelineRun, unit: int) -> UnitSteps:
    """The memory unit ``unit`` of ``run`` step by step (see :class:`UnitSteps`)."""
    state = np.asarray(run.state[:, unit], dtype=np.float64)
    return UnitSteps(
        kind=run.kind, unit=int(unit),
        gates={k: np.asarray(v[:, unit], dtype=np.float64) for k, v in run.gates.items()},
        gate_means={k: np.asarray(v, dtype=np.float64).mean(axis=1) for k, v in run.gates.items()},
        state_before=np.concatenate([[0.0], state[:-1]]), state_after=state,
        output=np.asarray(run.hidden[:, unit], dtype=np.float64), belief=np.asarray(run.belief, dtype=np.float64),
    )


__all__ = [
    "UNIT_BATCH", "UNIT_LENGTH", "UNIT_SEED", "dprime", "pick_memory_unit", "MemoryUnit", "find_memory_unit",
    "settled_at", "LstmUnitFacts", "lstm_unit_facts", "GruUnitFacts", "gru_unit_facts", "TimelineRun",
    "run_timeline", "UnitSteps", "unit_steps",
]
