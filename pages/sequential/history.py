"""This session's previous answers, so each answer shows its change since the order before.

Kept in ``st.session_state["_s1_history"]`` as ``{"before": answers | None, "current": answers}``
(answers: manifest name → P(A before B), plus the ``_tokens`` they were given for). A new order
moves "current" to "before"; a plain rerun (a language switch) keeps both, so the comparison stays.
The view's own answers are copied, never stored or changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

_KEY = "_s1_history"


def previous_answers(tokens: Sequence[str], answers: Mapping[str, float]) -> dict[str, float] | None:
    """Record ``answers`` for the order ``tokens`` and return the answers for the order before it (None at first)."""
    history = st.session_state.setdefault(_KEY, {})
    tokens = list(tokens)
    if history.get("current", {}).get("_tokens") != tokens:
        history["before"], history["current"] = history.get("current"), {**answers, "_tokens": tokens}
    return history.get("before")
