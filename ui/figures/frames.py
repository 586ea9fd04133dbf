"""Animated (Plotly frames) figures opened at a given step, without touching the shared original."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from plotly.utils import PlotlyJSONEncoder


def _typed_array(value: Mapping) -> bool:
    """Plotly's typed-array spec (``{"dtype": "f8", "bdata": …}``): an array, not a container."""
    return "bdata" in value and "dtype" in value


def merged(base: Any, update: Mapping) -> dict:
    """``update`` merged into ``base`` the way plotly.js applies an animation frame to a trace
    (``Plots.extendTrace`` → ``Lib.extendDeepNoArrays``): nested containers (``marker``, ``line``,
    ``textfont``…) are merged key by key, arrays and scalars are replaced whole. A typed-array spec is
    an array (plotly.js has decoded it by then). New dicts along the changed paths only: ``base`` and
    ``update`` are left as they were."""
    out = dict(base) if isinstance(base, Mapping) and not _typed_array(base) else {}
    for key, value in update.items():
        if isinstance(value, Mapping) and not _typed_array(value):
            out[key] = merged(out.get(key), value)
        else:
            out[key] = value
    return out


def frame_targets(frame: Mapping, n_traces: int) -> list[int]:
    """The traces a frame updates, in the order of its ``data``: its ``traces`` list, or, when it has
    none, the first ``len(data)`` traces (what ``Plotly.animate`` does)."""
    data: Sequence = frame.get("data") or []
    indices = frame.get("traces")
    if indices is None:
        indices = range(n_traces)
    return [int(i) for i in list(indices)[:len(data)]]


def only_changes(spec: Mapping) -> dict:
    """``spec`` (``fig.to_dict()``) with each animation frame sending only what some frame changes.

    A frame is an update merged into the trace it targets (:func:`merged`), so an attribute that has
    the same value in every frame that sets it *and* in the trace itself never changes anything: it
    is dropped from the frames (``type`` stays, so a frame still validates as its trace's kind). Whatever the order the browser plays, scrubs or opens them in, every step draws the same:
    ``starting_at(only_changes(spec), t)`` equals ``starting_at(spec, t)`` for every ``t``
    (``tests/ui/test_frames.py``). Station 4's step-through built every frame in full (its boxes'
    paths, fonts, axes, modes…): 102 KB of its 139 KB, 26 KB once slimmed. New dicts for the frames;
    ``spec`` is left as it was (its values are shared, not copied)."""
    frames = spec.get("frames") or []
    if not frames:
        return dict(spec)
    data = spec.get("data") or []
    seen: dict[tuple[int, str], set[str]] = {}
    for frame in frames:
        for index, update in zip(frame_targets(frame, len(data)), frame.get("data") or [], strict=False):
            for key, value in update.items():
                seen.setdefault((index, key), set()).add(_canonical(value))
    fixed = {(index, key) for (index, key), values in seen.items()
             if key != "type" and len(values) == 1 and 0 <= index < len(data) and key in data[index]
             and _canonical(data[index][key]) in values}
    slim = []
    for frame in frames:
        given = list(frame.get("data") or [])
        updates = [{k: v for k, v in update.items() if (index, k) not in fixed}
                   for index, update in zip(frame_targets(frame, len(data)), given, strict=False)]
        updates += given[len(updates):]  # entries without a target trace: left as they were
        slim.append({**frame, "data": updates})
    return {**spec, "frames": slim}


def _canonical(value: Any) -> str:
    """A value's JSON as plotly.js receives it (numpy arrays included), keys sorted: equal text, equal value."""
    return json.dumps(value, cls=PlotlyJSONEncoder, sort_keys=True)


def starting_at(spec: Mapping, t: int) -> dict:
    """A figure spec (``fig.to_dict()``) that opens at step ``t``: what the browser draws once the
    animation has played to frame ``t``, with the slider standing at ``t``.

    A frame is an *update*, not a trace: plotly.js merges each of its ``data`` entries into the trace
    it targets (:func:`frame_targets`), keeping everything the frame does not name — station 1's
    frames send only the colours and the heat-map's ``z``, station 3's only the opacities. So the
    traces here are :func:`merged`, never replaced (replacing them with a frame's partial entries drew
    a heat-map without its axes or colour scale and markers without positions). A frame's ``layout``
    is merged into the layout the same way. Built from new dicts along the changed paths: ``spec``
    itself, which may be shared, is left exactly as it was."""
    frames = spec["frames"]
    t = max(0, min(int(t), len(frames) - 1))
    frame = frames[t]
    data = list(spec["data"])
    for index, update in zip(frame_targets(frame, len(data)), frame.get("data") or [], strict=False):
        if 0 <= index < len(data):
            data[index] = merged(data[index], update)
    layout = merged(spec["layout"], frame["layout"]) if frame.get("layout") else dict(spec["layout"])
    layout["sliders"] = [{**layout["sliders"][0], "active": t}, *layout["sliders"][1:]]
    return {**spec, "data": data, "layout": layout}


def step_labels(fig) -> list[str]:
    """What each step of the animation is called, for the keyboard's slider: each step of the figure's
    first slider by its ``value`` when it has one (a short form of a long label), else its ``label``
    (``"1"``, ``"2"``…); 1, 2… when the figure has no slider steps."""
    spec = getattr(fig, "spec", None)
    if spec is not None:
        sliders = spec["layout"].get("sliders") or []
        steps = list(sliders[0].get("steps") or []) if sliders else []
        n = len(spec["frames"])
    else:
        sliders = fig.layout.sliders
        steps = [s.to_plotly_json() for s in sliders[0].steps] if sliders else []
        n = len(fig.frames)
    labels = [str(s.get("value") or s.get("label") or "") for s in steps]
    if len(labels) != n or not all(labels):
        return [str(k) for k in range(1, n + 1)]
    return labels


def frames_and_start(fig) -> tuple[int, int]:
    """(number of frames, the 1-based step the figure opens at) of a ``go.Figure`` or of a
    ``ui.figures.prepared.PreparedFigure`` (read from its frozen spec, without copying anything)."""
    spec = getattr(fig, "spec", None)
    if spec is not None:
        sliders = spec["layout"].get("sliders") or []
        return len(spec["frames"]), int((sliders[0].get("active") if sliders else 0) or 0) + 1
    sliders = fig.layout.sliders
    return len(fig.frames), int((sliders[0].active if sliders else 0) or 0) + 1
