"""What a student found on this station, kept for the conclusion page (``ui.shell.evidence``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ui.shell.evidence import Frozen


@dataclass(frozen=True)
class Station4(Frozen):
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


EVIDENCE = Station4
