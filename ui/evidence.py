"""What the student found on each station, kept in the session for the conclusion page.

Each station records one typed, immutable value (a frozen dataclass below, one per station)
with :func:`record`; station 6 reads it back with :func:`recorded` and shows the student's own
evidence next to each lesson, or a precomputed result when the student has not been there.
There is one shape per station, so nothing downstream has to guess: a value of another type
(junk left in the session) reads as "not recorded".

Lists given to a dataclass are stored as tuples (``__post_init__``), so a recorded value is
hashable where its fields are and is never changed in place by a reader.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import streamlit as st

_KEY = "_evidence"


def _freeze(value: Any) -> Any:
    """Lists (recursively) become tuples; everything else is kept as given."""
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


class _Frozen:
    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            object.__setattr__(self, f.name, _freeze(getattr(self, f.name)))


@dataclass(frozen=True)
class Station1(_Frozen):
    """Station 1 (order task, "did A come before B?"): test accuracy of the feedforward bag and the
    RNN (fractions in [0, 1]), the spread of the feedforward's answers over the orders tried
    (0: one answer for every order), the RNN's lowest and highest P(A before B), the sequence the
    student built and how many times they shuffled it."""

    ff_accuracy: float
    rnn_accuracy: float
    ff_answer_spread: float
    rnn_answer_range: tuple[float, float]
    sequence: str
    shuffles: int


@dataclass(frozen=True)
class SeriesAnswer(_Frozen):
    """Station 2's last timeline: variant (``"simple"``/``"realistic"``), distance key event → final
    scene (episodes), the true mood (``"sad"``/``"happy"``) and each model's P(happy)."""

    variant: str
    distance: int
    truth: str
    p_happy: Mapping[str, float]


@dataclass(frozen=True)
class Station2(_Frozen):
    """Station 2 (TV series): accuracy by distance bin, per variant and model,
    ``{"simple" | "realistic": {model: {"1-3": accuracy, "4-10": …}}}`` (bins ``"lo-hi"`` in
    episodes, accuracies in [0, 1]; a variant is there once the student has looked at it), and
    the last timeline the student watched."""

    accuracy_by_distance: Mapping[str, Mapping[str, Mapping[str, float]]]
    last: SeriesAnswer | None = None


@dataclass(frozen=True)
class Station3(_Frozen):
    """Station 3 (vanishing and exploding gradients), the student's last RNN probe.

    ``norms[t]`` = ‖∂L/∂h_t‖ for t = 0 … length − 1 in time order (the last one sits at the loss
    and is 1), with ``distances[t]`` = length − 1 − t; 0 and ∞ are measured values (underflow,
    overflow). ``regime`` is ``"vanishing"``, ``"stable"`` or ``"exploding"``. The ratios are the
    gradient left ``distance_probe`` steps back (RNN, and an LSTM at the same length); the cliff
    and training fields are ``None`` when the student has not run them.
    """

    regime: str
    kind: str
    nonlinearity: str
    init: str
    gain: float
    length: int
    hidden: int
    seed: int
    max_singular_value: float
    distance_probe: int
    ratio_at_distance: float | None
    norms: tuple[float, ...]
    distances: tuple[int, ...]
    lstm_ratio_at_distance: float | None = None
    cliff_jump: float | None = None
    exploded_at: int | None = None
    clipped_final_loss: float | None = None


@dataclass(frozen=True)
class Station4(_Frozen):
    """Station 4 (gates): the forget-gate bias chosen, the latch runs tried
    (``{"1": {"accuracy": …, "solved_at": step | None}}``, bias as text), the latch length, ‖∂L/∂c‖
    at ``cell_grad_distance`` steps per bias, the memory units found per model, the measured cost
    in µs per step (``{batch: {model: {mode: µs}}}``), parameter counts and whether the LSTM ran
    on oneDNN."""

    forget_bias: float
    latch: Mapping[str, Mapping[str, Any]]
    latch_length: int
    cell_grad_distance: int
    cell_grad_at_distance: Mapping[str, float]
    memory_units: Mapping[str, Any]
    cost_us_per_step: Mapping[str, Mapping[str, Mapping[str, float]]]
    params: Mapping[str, int]
    lstm_onednn: bool


@dataclass(frozen=True)
class RaceOutcome(_Frozen):
    """One cell of a Lab race: ``final_loss`` (mean of the last 20 batch losses; ``None`` if it
    could not be computed), ``solved_at_step`` (1-based, ``None`` if never), seconds of training,
    trainable parameters, and the step where the loss or gradient stopped being finite."""

    final_loss: float | None
    solved_at_step: int | None
    seconds: float
    params: int
    exploded_at: int | None = None


@dataclass(frozen=True)
class Station5(_Frozen):
    """Station 5 (the Lab race): the settings (``clip`` ``None`` = no clipping), ``status``
    (``"done"`` or ``"stopped"``), the steps trained, the task's memoryless baseline loss and one
    :class:`RaceOutcome` per cell (``"rnn"``, ``"lstm"``, ``"gru"``)."""

    task: str
    length: int
    steps: int
    seed: int
    hidden: int
    lr: float
    clip: float | None
    batch: int
    status: str
    steps_done: int
    baseline: float
    results: Mapping[str, RaceOutcome]


STATIONS: dict[type, str] = {Station1: "s1", Station2: "s2", Station3: "s3", Station4: "s4", Station5: "s5"}
E = TypeVar("E", Station1, Station2, Station3, Station4, Station5)


def record(evidence: Station1 | Station2 | Station3 | Station4 | Station5) -> None:
    """Store (replace) this session's evidence of the station ``evidence`` belongs to."""
    try:
        station = STATIONS[type(evidence)]
    except KeyError:
        raise TypeError(f"not station evidence: {type(evidence).__name__}") from None
    st.session_state.setdefault(_KEY, {})[station] = evidence


def recorded(kind: type[E]) -> E | None:
    """The evidence of type ``kind`` stored in this session, or ``None`` (also for anything else
    found under that station's name)."""
    store = st.session_state.get(_KEY)
    value = store.get(STATIONS[kind]) if isinstance(store, dict) else None
    return value if isinstance(value, kind) else None
