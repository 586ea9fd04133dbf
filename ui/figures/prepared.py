"""Figures prepared once and shown many times, without copying, mutating or re-encoding them per view.

``st.plotly_chart(fig)`` turns a ``go.Figure`` into a plain dict (``fig.to_dict()``, a deep copy
of everything, tens of ms for a figure with many shapes or animation frames) and then into
JSON (``plotly.io.to_json``, the pure-Python encoder: as long again), on every script run of every
session. A figure shared by every session (returned by a cached view) gives the same JSON every
time, so the server pays for it once:

* :func:`serialized` memoizes, per figure *object*, exactly ``plotly.io.to_json(fig, validate=False)``
  (the bytes ``st.plotly_chart`` puts in the element) and the layout height Streamlit reads; it is
  thread-safe and computes each figure once however many sessions ask at the same instant. The entry
  lives as long as the figure (a weak reference: when a cache evicts the view, the JSON goes with it).
  ``ui.widgets.figure_element`` sends that JSON as Streamlit's own ``plotly_chart`` element.
* :func:`serialized_at`: the same figure opened at step t of its animation (the step-through's keyboard
  slider, ``ui.figures.frames.starting_at``), exactly as ``st.plotly_chart`` sent that dict — which
  meant rebuilding and validating a whole ``go.Figure`` from it, ~170 ms for station 4's step-through
  on every move of the slider. Once per (figure, step) per server, in a server-wide LRU of
  :data:`STEP_CACHE_CHARS` characters of JSON.
* :class:`PreparedFigure` (:func:`prepare`): styled and frozen at view-build time, with its spec dict
  (read without copying by ``ui.figures.frames`` for the step-through) and its JSON computed there,
  inside the cached view, so the first student to open the page does not pay for it either.

Rules: only a *finished* figure may be serialized — one that nobody changes afterwards (a cached view's
figure is shared by every session of the server; changing it would be a bug, and the memo would not
see the change). :meth:`PreparedFigure.spec_hash` lets a test check that nobody did.
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import plotly.graph_objects as go
import plotly.io
import plotly.tools
from plotly.utils import PlotlyJSONEncoder

from ui.figures.frames import frames_and_start, only_changes, starting_at, step_labels
from ui.figures.parts import legend_under_title
from ui.shell.theme import style_figure

STEP_CACHE_CHARS = 32_000_000  # JSON kept server-wide for figures opened at a step (about 32 MB)


@dataclass(frozen=True)
class Serialized:
    """A figure's wire form: ``json`` is exactly ``plotly.io.to_json(fig, validate=False)``;
    ``layout_height`` is ``layout.height`` as that JSON has it (None when unset)."""

    json: str
    layout_height: Any


class _Entry:
    """One memo entry: the figure (weakly), a lock for its single computation, the result."""

    __slots__ = ("lock", "meta", "ref", "steps", "value")

    def __init__(self, ref: weakref.ref) -> None:
        self.ref = ref
        self.lock = threading.Lock()
        self.value: Serialized | None = None
        self.meta: StepMeta | None = None
        self.steps: set[int] = set()  # steps of this figure held in _STEPS


_MEMO: dict[int, _Entry] = {}


class _StepLRU:
    """(id(fig), step) → wire form, least recently used first, and the characters it holds."""

    def __init__(self) -> None:
        self.items: OrderedDict[tuple[int, int], Serialized] = OrderedDict()
        self.chars = 0

    def drop(self, key: tuple[int, int]) -> None:
        wire = self.items.pop(key, None)
        if wire is not None:
            self.chars -= len(wire.json)


_STEPS = _StepLRU()
# Reentrant: a garbage collection inside the ``with`` block can run a weak-reference callback
# (``_forget``) on this very thread.
_MEMO_LOCK = threading.RLock()


def _forget(key: int, ref: weakref.ref) -> None:
    """Weak-reference callback: the figure is gone, so are its entry and its steps (unless the id was reused)."""
    with _MEMO_LOCK:
        entry = _MEMO.get(key)
        if entry is not None and entry.ref is ref:
            del _MEMO[key]
            for step in entry.steps:
                _STEPS.drop((key, step))


def _entry(fig: go.Figure) -> _Entry:
    """This figure's memo entry (made on first use; the registry lock is held only to find or add it)."""
    key = id(fig)
    with _MEMO_LOCK:
        entry = _MEMO.get(key)
        if entry is None or entry.ref() is not fig:
            for step in entry.steps if entry is not None else ():
                _STEPS.drop((key, step))  # a dead figure's, at a reused id
            entry = _Entry(weakref.ref(fig, lambda ref, key=key: _forget(key, ref)))
            _MEMO[key] = entry
    return entry


def _serialize(fig: go.Figure) -> Serialized:
    """``plotly.io.to_json(fig, validate=False)``, without touching ``fig``.

    That function reads ``fig.to_dict()`` and drops each trace's ``uid`` from the dict in place. A
    ``go.Figure`` hands out a fresh deep copy, but a :class:`PreparedFigure` hands out its shared spec,
    so the ``uid`` is dropped here from copies of the traces that carry one; the text is the same."""
    spec = fig.to_dict()
    data = spec.get("data", [])
    if any("uid" in trace for trace in data):
        spec = {**spec, "data": [{k: v for k, v in trace.items() if k != "uid"} for trace in data]}
    return Serialized(plotly.io.to_json(spec, validate=False), spec.get("layout", {}).get("height"))


def serialized(fig: go.Figure) -> Serialized:
    """The wire form of a finished, shared figure, computed once per figure object per server.

    Concurrent first calls for one figure wait for a single computation (``_Entry.lock``); calls for
    other figures are not held up (the registry lock is held only to find or add an entry)."""
    entry = _entry(fig)
    value = entry.value
    if value is None:
        with entry.lock:
            if entry.value is None:
                entry.value = _serialize(fig)
            value = entry.value
    return value


@dataclass(frozen=True)
class StepMeta:
    """What the step-through's keyboard slider needs from an animated figure: its number of frames, the
    1-based step it opens at and each step's name (``ui.figures.frames``)."""

    frames: int
    opens_at: int
    labels: tuple[str, ...]


def step_meta(fig: go.Figure) -> StepMeta:
    """:class:`StepMeta` of a finished, shared figure, read once per figure object per server (reading a
    ``go.Figure``'s slider steps deep-copies each one: ~1 ms per view for station 3's 99 steps)."""
    entry = _entry(fig)
    meta = entry.meta
    if meta is None:
        frames, opens_at = frames_and_start(fig)
        meta = entry.meta = StepMeta(frames, opens_at, tuple(step_labels(fig)))
    return meta


def serialized_at(fig: go.Figure, step: int) -> Serialized:
    """The wire form of a finished, shared figure opened at 0-based ``step`` of its frames.

    Exactly what ``st.plotly_chart(starting_at(fig.to_dict(), step))`` sends: Streamlit validates a
    dict by building a ``go.Figure`` from it (``plotly.tools.return_figure_from_figure_or_data``),
    which writes the JSON in Plotly's own key order — so the same is done here, once per (figure,
    step) per server (single flight per figure), and kept in a server-wide LRU of
    :data:`STEP_CACHE_CHARS` characters (steps of a figure leave with it)."""
    step = max(0, min(int(step), step_meta(fig).frames - 1))
    entry, key = _entry(fig), (id(fig), step)
    with _MEMO_LOCK:
        wire = _STEPS.items.get(key) if step in entry.steps else None
        if wire is not None:
            _STEPS.items.move_to_end(key)
            return wire
    with entry.lock:
        with _MEMO_LOCK:
            wire = _STEPS.items.get(key) if step in entry.steps else None
        if wire is None:
            figure = plotly.tools.return_figure_from_figure_or_data(starting_at(fig.to_dict(), step), True)
            wire = Serialized(plotly.io.to_json(figure, validate=False), figure.get("layout", {}).get("height"))
            _keep_step(entry, key, wire)
    return wire


def _keep_step(entry: _Entry, key: tuple[int, int], wire: Serialized) -> None:
    """Add one step to the LRU and evict the oldest beyond :data:`STEP_CACHE_CHARS` (the newest stays)."""
    with _MEMO_LOCK:
        if _MEMO.get(key[0]) is not entry:
            return  # the figure died meanwhile
        _STEPS.drop(key)
        _STEPS.items[key] = wire
        _STEPS.chars += len(wire.json)
        entry.steps.add(key[1])
        while _STEPS.chars > STEP_CACHE_CHARS and len(_STEPS.items) > 1:
            oldest = next(iter(_STEPS.items))
            _STEPS.drop(oldest)
            owner = _MEMO.get(oldest[0])
            if owner is not None:
                owner.steps.discard(oldest[1])


class PreparedFigure(go.Figure):
    """An empty ``go.Figure`` whose :meth:`to_dict` returns a spec fixed at construction."""

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__()
        self._prepared = spec

    def to_dict(self) -> dict[str, Any]:  # what st.plotly_chart and serialized() read
        return self._prepared

    def to_plotly_json(self) -> dict[str, Any]:
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
    """Style ``fig`` for the app (``ui.shell.theme.style_figure``, then the legend under the title:
    ``ui.figures.parts.legend_under_title``), let its animation frames send only what they change
    (``ui.figures.frames.only_changes``), freeze it and serialize it (once:
    :func:`serialized`, here inside the cached view that calls this). ``fig`` must be fresh."""
    legend_under_title(style_figure(fig, present=present, height=height, lang=lang))
    prepared = PreparedFigure(only_changes(fig.to_dict()))
    serialized(prepared)
    return prepared


__all__ = ["STEP_CACHE_CHARS", "PreparedFigure", "Serialized", "prepare", "serialized", "serialized_at"]
