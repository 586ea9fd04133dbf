"""What a student found on this station, kept for the conclusion page (``ui.shell.evidence``)."""

from __future__ import annotations

from dataclasses import dataclass

from ui.shell.evidence import Frozen


@dataclass(frozen=True)
class Station3(Frozen):
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


EVIDENCE = Station3
