"""What a student found on this station, kept for the conclusion page (``ui.shell.evidence``)."""

from __future__ import annotations

from dataclasses import dataclass

from ui.shell.evidence import Frozen


@dataclass(frozen=True)
class Station1(Frozen):
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


EVIDENCE = Station1
