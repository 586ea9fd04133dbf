"""ui.figures.frames.only_changes: an animation's frames keep only what some frame changes, and every
step still draws what it drew before, whatever order the browser applies the frames in."""

from __future__ import annotations

import itertools
import json

import numpy as np

from ui.figures.frames import merged, only_changes, starting_at


def _spec():
    base = [
        {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines", "line": {"color": "red", "width": 1}},
        {"type": "heatmap", "z": np.array([[0.0, 1.0]]), "colorscale": "Viridis"},
        {"type": "scatter", "x": [5], "y": [5], "mode": "text", "text": ["a"]},  # never in a frame
    ]
    frames = []
    for t in range(3):
        frames.append({"name": str(t), "traces": [0, 1], "data": [
            {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines",  # the same in every frame and the trace
             "line": {"color": "red", "width": 1 + t}},  # changes
            {"type": "heatmap", "z": np.array([[float(t), 1.0]]), "colorscale": "Viridis"},
        ]})
    frames[1]["data"][0]["mode"] = "lines"
    return {"data": base, "layout": {"sliders": [{"active": 0, "steps": []}]}, "frames": frames}


def _drawn(spec, order):
    """The traces after the browser applied ``order``'s frames one after the other."""
    data = list(spec["data"])
    for t in order:
        frame = spec["frames"][t]
        for index, update in zip(frame["traces"], frame["data"], strict=True):
            data[index] = merged(data[index], update)
    return json.dumps(data, sort_keys=True, default=lambda a: a.tolist())


def test_static_attributes_leave_the_frames_and_changing_ones_stay():
    spec = _spec()
    slim = only_changes(spec)
    first = slim["frames"][0]["data"]
    assert set(first[0]) == {"type", "line"}
    assert set(first[1]) == {"type", "z"}  # the colour scale never changes
    assert slim["frames"][0]["traces"] == [0, 1] and slim["frames"][2]["name"] == "2"
    assert set(spec["frames"][0]["data"][0]) == {"type", "x", "y", "mode", "line"}  # the input is untouched


def test_every_order_of_frames_draws_the_same():
    spec = _spec()
    slim = only_changes(spec)
    for order in itertools.chain.from_iterable(itertools.permutations(range(3), k) for k in (1, 2, 3)):
        assert _drawn(slim, order) == _drawn(spec, order), order
    for t in range(3):
        a, b = starting_at(slim, t), starting_at(spec, t)
        assert json.dumps(a["data"], sort_keys=True, default=lambda x: x.tolist()) == json.dumps(
            b["data"], sort_keys=True, default=lambda x: x.tolist())
        assert a["layout"] == b["layout"]


def test_a_value_kept_only_where_the_trace_differs_or_a_frame_moves_it():
    spec = _spec()
    spec["data"][0]["mode"] = "markers"  # the frames all say "lines", the trace does not: keep it
    spec["frames"][2]["data"][1]["colorscale"] = "Greys"  # one frame changes the scale: keep it in all
    slim = only_changes(spec)
    assert all("mode" in f["data"][0] for f in slim["frames"])
    assert all("colorscale" in f["data"][1] for f in slim["frames"])


def test_a_figure_without_frames_is_left_as_it_is():
    spec = {"data": [{"type": "bar", "y": [1]}], "layout": {}}
    assert only_changes(spec) == spec
