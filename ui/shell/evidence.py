"""What the student found on each station, kept in the session for the conclusion page.

Each station that has something to report defines one typed, immutable value in its own
folder: ``pages/<slug>/evidence.py`` declares a frozen dataclass deriving from :class:`Frozen`
and names it ``EVIDENCE``. The station stores it with :func:`record`; the conclusion page reads
it back with :func:`recorded` and shows the student's own evidence next to each lesson, or a
precomputed result when the student has not been there. The station a value belongs to comes
from where its type is declared (the registry's folder), so there is no second station list;
a value of another type (junk left in the session) reads as "not recorded".

Lists given to a dataclass are stored as tuples (``__post_init__``), so a recorded value is
hashable where its fields are and is never changed in place by a reader.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Any, TypeVar

import streamlit as st

from ui.shell.stations import PACKAGE, STATIONS

_KEY = "_evidence"


def _freeze(value: Any) -> Any:
    """Lists (recursively) become tuples; everything else is kept as given."""
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


class Frozen:
    """Base of every station's evidence dataclass: lists given to it are stored as tuples."""

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            object.__setattr__(self, f.name, _freeze(getattr(self, f.name)))


E = TypeVar("E", bound=Frozen)


def station_of(kind: type) -> str:
    """The slug of the station whose ``pages/<slug>/evidence.py`` declares ``kind`` as ``EVIDENCE``.

    Raises ``TypeError`` for any other type (a nested value such as a race outcome, or junk).
    """
    parts = kind.__module__.split(".")
    slugs = {s.slug for s in STATIONS}
    if (len(parts) == 3 and parts[0] == PACKAGE and parts[1] in slugs and parts[2] == "evidence"
            and getattr(sys.modules.get(kind.__module__), "EVIDENCE", None) is kind):
        return parts[1]
    raise TypeError(f"not station evidence: {kind.__name__}")


def record(evidence: Frozen) -> None:
    """Store (replace) this session's evidence of the station ``evidence`` belongs to."""
    st.session_state.setdefault(_KEY, {})[station_of(type(evidence))] = evidence


def recorded(kind: type[E]) -> E | None:
    """The evidence of type ``kind`` stored in this session, or ``None`` (also for anything else
    found under that station's name)."""
    store = st.session_state.get(_KEY)
    value = store.get(station_of(kind)) if isinstance(store, dict) else None
    return value if isinstance(value, kind) else None
