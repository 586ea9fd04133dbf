"""The keyboard's way into the step-through animations (stations 1 and 3): a slider that opens the
animated figure at step t, without modifying the shared cached figure. What the browser then draws is
checked in real Chromium by ``tests/ui/test_step_through_browser.py``."""

from __future__ import annotations

import json

import pytest

from tests.apptest_helpers import assert_clean, decode, figures, open_page
from ui.figures.frames import merged, starting_at, step_labels
from ui.shell.catalogs import CATALOGS


def _animated(at):
    return [decode(f) for f in figures(at) if f.get("frames")]


@pytest.mark.parametrize(("page", "name"), [("pages/sequential/page.py", "s1-unrolled"),
                                             ("pages/gradients/page.py", "s3-telephone")])
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_keyboard_slider_opens_the_animation_at_step_t(page, name, lang):
    at = open_page(page, lang=lang)
    slider = at.select_slider(key=f"{name}-step")
    assert slider.label == CATALOGS[lang]["common.step_keyboard"]
    (before,) = _animated(at)
    opens_at = before["layout"]["sliders"][0]["active"] + 1
    assert slider.value == opens_at  # the slider starts where the animation opens
    n = len(before["frames"])
    assert slider.options == [str(s.get("value") or s["label"]) for s in before["layout"]["sliders"][0]["steps"]]
    target = 2 if opens_at != 2 else 3
    assert target <= n
    slider.set_value(target).run()
    assert_clean(at)
    (after,) = _animated(at)
    assert after["layout"]["sliders"][0]["active"] == target - 1
    frame = after["frames"][target - 1]
    for index, update in zip(frame["traces"], frame["data"], strict=True):
        # the frame's update merged into the trace, the rest of the trace kept (positions, axes, colour scale)
        trace = after["data"][index]
        assert json.dumps(trace, sort_keys=True) == json.dumps(merged(before["data"][index], update), sort_keys=True)
        for field in ("x", "y", "xaxis", "yaxis", "zmin", "zmax", "colorscale"):
            if field in before["data"][index]:
                assert field in trace, (index, field)
    # back where it opens: the very figure every session shares, unchanged
    at.select_slider(key=f"{name}-step").set_value(opens_at).run()
    (again,) = _animated(at)
    assert json.dumps(again, sort_keys=True) == json.dumps(before, sort_keys=True)


def test_starting_at_leaves_the_shared_spec_alone():
    spec = {"data": [{"y": [0], "marker": {"size": 3, "color": "red"}}, {"y": [9]}], "layout": {"sliders": [{"active": 0}]},
            "frames": [{"traces": [0], "data": [{"y": [k], "marker": {"color": "blue"}}]} for k in range(4)]}
    copy = json.dumps(spec, sort_keys=True)
    opened = starting_at(spec, 2)
    assert opened["data"][0] == {"y": [2], "marker": {"size": 3, "color": "blue"}} and opened["data"][1] == {"y": [9]}
    assert opened["layout"]["sliders"][0]["active"] == 2
    assert starting_at(spec, 99)["layout"]["sliders"][0]["active"] == 3
    assert json.dumps(spec, sort_keys=True) == copy


def test_a_frame_is_merged_into_its_trace_as_plotly_js_does():
    """``Plots.extendTrace``: containers merged key by key, arrays (and typed arrays) replaced whole, and a
    frame without ``traces`` updates the first traces."""
    typed = {"dtype": "f8", "bdata": "AAAAAAAA8D8="}
    base = {"type": "heatmap", "z": [[1, 2]], "zmin": -1, "colorbar": {"len": 0.5, "title": {"text": "h"}},
            "marker": {"opacity": {"dtype": "f8", "bdata": "AAAAAAAAAAA=", "shape": "1"}}}
    assert merged(base, {"z": [[3]], "colorbar": {"title": {"text": "v"}}, "marker": {"opacity": typed}}) == {
        "type": "heatmap", "z": [[3]], "zmin": -1, "colorbar": {"len": 0.5, "title": {"text": "v"}},
        "marker": {"opacity": typed}}
    spec = {"data": [{"y": [0]}, {"y": [1]}, {"y": [2]}], "layout": {"sliders": [{"active": 0}]},
            "frames": [{"data": [{"y": [5]}, {"y": [6]}], "layout": {"title": {"text": "t"}}}]}
    opened = starting_at(spec, 0)
    assert [d["y"] for d in opened["data"]] == [[5], [6], [2]] and opened["layout"]["title"] == {"text": "t"}


def test_step_labels_name_the_steps_as_the_animation_does():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(y=[1]), frames=[go.Frame(name=str(k), data=[go.Scatter(y=[k])]) for k in range(3)])
    assert step_labels(fig) == ["1", "2", "3"]  # no slider: counted
    fig.update_layout(sliders=[{"steps": [{"label": f"long {k}", "value": f"p{k}"} if k else {"label": "first"}
                                          for k in range(3)]}])
    assert step_labels(fig) == ["first", "p1", "p2"]


def test_step_meta_is_read_once_per_figure_and_matches_the_figure():
    """The keyboard slider's frames, start and names come from one read per figure object (a go.Figure's
    slider steps are deep-copied on every read); the memo gives exactly what ui.figures.frames reads."""
    import plotly.graph_objects as go

    from ui.figures.frames import frames_and_start, step_labels
    from ui.figures.prepared import step_meta

    fig = go.Figure(data=[go.Scatter(x=[0], y=[0])], frames=[go.Frame(name=str(k), data=[go.Scatter(x=[k], y=[k])])
                                                               for k in range(5)])
    fig.update_layout(sliders=[{"active": 2, "steps": [{"label": f"person {k}", "method": "animate", "args": [[str(k)]]}
                                                       for k in range(5)]}])
    meta = step_meta(fig)
    assert (meta.frames, meta.opens_at, list(meta.labels)) == (*frames_and_start(fig), step_labels(fig))
    assert meta.labels == ("person 0", "person 1", "person 2", "person 3", "person 4") and meta.opens_at == 3
    assert step_meta(fig) is meta  # memoized
    other = go.Figure(fig)
    assert step_meta(other) is not meta and step_meta(other) == meta
