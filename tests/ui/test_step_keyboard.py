"""The keyboard's way into the step-through animations (stations 1 and 3): a slider that opens the
animated figure at step t, without modifying the shared cached figure."""

from __future__ import annotations

import json

import pytest

from tests.apptest_helpers import assert_clean, decode, figures, open_page
from ui.figures.frames import starting_at
from ui.shell.catalogs import CATALOGS


def _animated(at):
    return [decode(f) for f in figures(at) if f.get("frames")]


@pytest.mark.parametrize(("page", "name"), [("pages/sequential/page.py", "s1-unrolled"),
                                             ("pages/gradients/page.py", "s3-telephone")])
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_keyboard_slider_opens_the_animation_at_step_t(page, name, lang):
    at = open_page(page, lang=lang)
    slider = at.slider(key=f"{name}-step")
    assert slider.label == CATALOGS[lang]["common.step_keyboard"]
    (before,) = _animated(at)
    opens_at = before["layout"]["sliders"][0]["active"] + 1
    assert slider.value == opens_at  # the slider starts where the animation opens
    n = len(before["frames"])
    target = 2 if opens_at != 2 else 3
    assert target <= n
    slider.set_value(target).run()
    assert_clean(at)
    (after,) = _animated(at)
    assert after["layout"]["sliders"][0]["active"] == target - 1
    frame = after["frames"][target - 1]
    for index, trace in zip(frame["traces"], frame["data"], strict=True):
        for field in ("x", "y", "z", "text"):
            if field in trace:
                assert json.dumps(after["data"][index][field]) == json.dumps(trace[field])  # NaN-safe
    # back where it opens: the very figure every session shares, unchanged
    at.slider(key=f"{name}-step").set_value(opens_at).run()
    (again,) = _animated(at)
    assert json.dumps(again, sort_keys=True) == json.dumps(before, sort_keys=True)


def test_starting_at_leaves_the_shared_spec_alone():
    spec = {"data": [{"y": [0]}, {"y": [9]}], "layout": {"sliders": [{"active": 0}]},
            "frames": [{"traces": [0], "data": [{"y": [k]}]} for k in range(4)]}
    copy = json.dumps(spec, sort_keys=True)
    opened = starting_at(spec, 2)
    assert opened["data"][0] == {"y": [2]} and opened["data"][1] == {"y": [9]}
    assert opened["layout"]["sliders"][0]["active"] == 2
    assert starting_at(spec, 99)["layout"]["sliders"][0]["active"] == 3
    assert json.dumps(spec, sort_keys=True) == copy
