"""Figures prepared once and shown many times, without copying or mutating them per view.

``st.plotly_chart(fig)`` turns a ``go.Figure`` into a plain dict (``fig.to_dict()``, a deep copy
of everything, tens of ms for a figure with many shapes or animation frames) and then into
JSON, on every script run of every session. A cached view that returns a
:class:`PreparedFigure` pays the styling and the ``to_dict`` once per server: the object hands
the same frozen spec to every ``to_dict`` call, and Streamlit only encodes it.

Rules: build it from a finished figure (:func:`prepare`, after ``ui.shell.theme.style_figure``); never
change it afterwards (it is shared by every session of the server); :meth:`spec_hash` lets a
test check that nobody did.
"""

from __future__ import annotations

import hashlib
import json
from types import MappingProxyType
from typing import Any

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from ui.shell.theme import style_figure


class PreparedFigure(go.Figure):
    """An empty ``go.Figure`` whose :meth:`to_dict` returns a spec fixed at construction."""

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self._prepared = spec

    def to_dict(self) -> dict[str, Any]:  # noqa: D102 - what st.plotly_chart reads
        return self._prepared

    def to_plotly_json(self) -> dict[str, Any]:  # noqa: D102
        return self._prepared

    @property
    def spec(self) -> MappingProxyType:
        """The spec, read-only at the top level (for tests)."""
        return MappingProxyType(self._prepared)

    def spec_hash(self) -> str:
        """sha256 of the spec's JSON: equal before and after a page run unless someone mutated it."""
        text = json.dumps(self._prepared, cls=PlotlyJSONEncoder, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()


def prepare(fig: go.Figure, *, present: bool, lang: str, height: int | None = None) -> PreparedFigure:
    """Style ``fig`` for the app (``ui.shell.theme.style_figure``) and freeze it. ``fig`` must be fresh."""
    style_figure(fig, present=present, height=height, lang=lang)
    return PreparedFigure(fig.to_dict())


__all__ = ["PreparedFigure", "prepare"]
