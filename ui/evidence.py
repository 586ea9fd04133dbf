"""What the student found on each station, kept in the session for the conclusion page.

Stations call :func:`record` with a small, JSON-friendly dict of what they measured (e.g.
station 2 stores accuracy by distance, station 3 the last regime and norms, station 5 the
race results). Station 6 reads it back with :func:`recorded` and shows the student's own
evidence next to each lesson, or a precomputed result when the student has not been there.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_KEY = "_evidence"


def record(station: str, data: dict[str, Any]) -> None:
    """Store (replace) the evidence of ``station`` ("s1" … "s5") for this session."""
    st.session_state.setdefault(_KEY, {})[station] = data


def recorded(station: str) -> dict[str, Any] | None:
    """The evidence stored by ``station`` in this session, or ``None``."""
    return st.session_state.get(_KEY, {}).get(station)
