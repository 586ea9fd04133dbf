"""Animated (Plotly frames) figures opened at a given step, without touching the shared original."""

from __future__ import annotations

from collections.abc import Mapping


def starting_at(spec: Mapping, t: int) -> dict:
    """A figure spec (``fig.to_dict()``) that opens at step ``t`` instead of 0: the moving traces
    take frame t's data and the slider stands at t. Built from shallow copies: ``spec`` itself,
    which may be shared, is left exactly as it was. Frames must name their ``traces``."""
    frames = spec["frames"]
    t = max(0, min(int(t), len(frames) - 1))
    frame = frames[t]
    data = list(spec["data"])
    for index, trace in zip(frame["traces"], frame["data"], strict=True):
        data[index] = trace
    layout = dict(spec["layout"])
    layout["sliders"] = [{**layout["sliders"][0], "active": t}, *layout["sliders"][1:]]
    return {**spec, "data": data, "layout": layout}


def frames_and_start(fig) -> tuple[int, int]:
    """(number of frames, the 1-based step the figure opens at) of a ``go.Figure`` or of a
    ``ui.figures.prepared.PreparedFigure`` (read from its frozen spec, without copying anything)."""
    spec = getattr(fig, "spec", None)
    if spec is not None:
        sliders = spec["layout"].get("sliders") or []
        return len(spec["frames"]), int((sliders[0].get("active") if sliders else 0) or 0) + 1
    sliders = fig.layout.sliders
    return len(fig.frames), int((sliders[0].active if sliders else 0) or 0) + 1
