"""Right, wrong — or a guess: how the pages grade a two-class answer.

A classifier that says "yes" with 55 % confidence is hardly different from a coin flip, so
calling that answer "right" would credit the model with knowledge it does not have. The rule,
defined once for every page: with ``p`` the model's probability of the class it picked
(``max(p_yes, 1 − p_yes)``), the answer is

* ``"guess"`` when ``p`` lies within ``0.5 ± GUESS_BAND`` (near chance: a guess, whatever
  the truth);
* otherwise ``"right"`` or ``"wrong"``.
"""

from __future__ import annotations

__all__ = ["GUESS_BAND", "confidence", "verdict"]

GUESS_BAND = 0.1
"""Confidence within 0.5 ± this is a guess (stations 1 and 2)."""


def confidence(p_yes: float) -> float:
    """Probability of the class the model picked: ``max(p_yes, 1 − p_yes)``."""
    return max(float(p_yes), 1.0 - float(p_yes))


def verdict(p_yes: float, truth_yes: bool) -> str:
    """``"guess"``, ``"right"`` or ``"wrong"`` for an answer ``p_yes`` = P(yes) (see module docstring)."""
    if abs(float(p_yes) - 0.5) <= GUESS_BAND:
        return "guess"
    return "right" if (float(p_yes) >= 0.5) == bool(truth_yes) else "wrong"
