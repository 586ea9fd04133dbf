"""The step-throughs of stations 1, 3 and 4 in real Chromium: opened at step k by the keyboard's slider
("Open at step"), the figure draws exactly what the animation draws once it has played to step k.

Issue 18 §1: the figure opened at a step replaced each animated trace by its frame's *update* (a frame
names only what changes: colours, opacities, the heat-map's ``z``), so station 1's heat-map landed on
the diagram's axes with an automatic colour scale and the circles lost their positions, and station 3
kept only the travelling rings. The checks here read what plotly.js computed and drew
(``gd._fullData``, ``gd._fullLayout`` and the SVG), not the JSON the server sent:

* reached by playing: on the page as it opens, ``Plotly.animate`` plays frames 1 … k (what ▶ and the
  animation's own slider do) and the drawing is recorded;
* opened at k: the keyboard's slider is moved to k (arrow keys, a rerun of the fragment) and the new
  figure's drawing must be the same, trace by trace (type, axes, visibility, positions, sizes, colours,
  opacities, heat-map values and colour range), with the same SVG counts (points, texts, bars, colour
  bars, heat-map images, axis ticks);
* and it keeps playing right: from the figure opened at k, animating to another step j draws what the
  page as it opened draws at j;
* the keyboard's slider names the steps as the animation's readout does (station 3: the people the
  message and the learning signal have reached, not frame numbers).
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.helpers import assert_no_exception, shot, wait_idle
from tests.browser.station_pages import open_station
from ui.shell.catalogs import CATALOGS

pytestmark = pytest.mark.browser

# The animated figure's element: the one Plotly chart of the page that has frames.
FIND_JS = "[...document.querySelectorAll('.js-plotly-plot')].find(g => g._transitionData && g._transitionData._frames && g._transitionData._frames.length)"

# What plotly.js drew: every trace as computed (``_fullData``), the slider's step and readout, SVG counts.
DRAWN_JS = """gd => {
  const keep = ['type', 'visible', 'xaxis', 'yaxis', 'mode', 'x', 'y', 'z', 'text', 'base', 'width', 'opacity',
                'zmin', 'zmax', 'zmid', 'showscale', 'colorscale', 'fill', 'fillcolor', 'hovertext'];
  const arr = v => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  const round = v => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
  const clean = v => {
    v = arr(v);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      const out = {};
      for (const k of Object.keys(v).sort()) if (!k.startsWith('_')) out[k] = clean(v[k]);
      return out;
    }
    return round(v);
  };
  const traces = gd._fullData.map(t => {
    const out = {};
    for (const k of keep) if (t[k] !== undefined) out[k] = clean(t[k]);
    if (t.marker) out.marker = clean({size: t.marker.size, color: t.marker.color, opacity: t.marker.opacity,
                                      symbol: t.marker.symbol, line: t.marker.line && {color: t.marker.line.color,
                                      width: t.marker.line.width}});
    if (t.line) out.line = clean({color: t.line.color, width: t.line.width});
    if (t.textfont) out.textfont = clean({color: t.textfont.color, size: t.textfont.size});
    return out;
  });
  const count = sel => gd.querySelectorAll(sel).length;
  const slider = gd._fullLayout.sliders[0];
  const readout = gd.querySelector('.slider-group > text.slider-label');
  return {
    traces,
    active: slider.active,
    readout: readout ? readout.textContent : null,
    counts: {points: count('.scatterlayer .point'), texts: count('.scatterlayer .textpoint'),
             bars: count('.barlayer .point'), colorbars: count('.colorbar'), heatmaps: count('.heatmaplayer image'),
             scatter_traces: count('.scatterlayer .trace'), xticks: count('.xaxislayer-above .xtick'),
             yticks: count('.yaxislayer-above .ytick')},
    axes: Object.keys(gd._fullLayout._subplots.cartesian || {}).sort(),
  };
}"""

ANIMATE_JS = """async (gd, names) => {
  await window.Plotly.animate(gd, names, {frame: {duration: 0, redraw: true}, transition: {duration: 0},
                                          mode: 'immediate'});
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""

# (path, keyboard slider's label key, language, steps to open at: 1-based, negative counts from the end)
STATIONS = [
    ("sequential", "common.step_keyboard", "pt", (1, 3, -2)),
    ("gradients", "common.step_keyboard", "pt", (2, 13, -4)),
    ("gates", "gates.st_keyboard", "en", (1, 5, -2)),
]


def _figure(page):
    """The animated figure's element, once drawn."""
    handle = page.wait_for_function(f"() => {{ const g = {FIND_JS}; return g && g.querySelector('.main-svg') && g; }}",
                                    timeout=60_000)
    return handle.as_element()


def _play_to(gd, names: list[str]) -> dict:
    """Play ``names`` (frame names) in turn, as ▶ does, and return what is drawn then."""
    gd.evaluate(ANIMATE_JS, names)
    return gd.evaluate(DRAWN_JS)


def _thumb(page, label: str):
    return page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider")


def _keyboard_to(page, label: str, target: int, current: int) -> None:
    """Move the keyboard's slider from step ``current`` to ``target`` (1-based) with the arrow keys and wait
    for the fragment's rerun to draw the figure opened there."""
    thumb = _thumb(page, label)
    thumb.scroll_into_view_if_needed()
    thumb.focus()
    key = "ArrowRight" if target > current else "ArrowLeft"
    for _ in range(abs(target - current)):
        page.keyboard.press(key)
        page.wait_for_timeout(60)
    # the slider only passes through the steps between: the figure opened at target - 1 is the final one
    page.wait_for_function(f"want => {{ const g = {FIND_JS}; return g && g.querySelector('.main-svg')"
                           " && g._fullLayout.sliders[0].active === want; }", arg=target - 1, timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(300)


def _same(opened: dict, played: dict, what: str) -> None:
    assert opened["axes"] == played["axes"], what
    assert opened["counts"] == played["counts"], what
    assert len(opened["traces"]) == len(played["traces"]), what
    for i, (a, b) in enumerate(zip(opened["traces"], played["traces"], strict=True)):
        assert a == b, f"{what}: trace {i} drawn differently ({json.dumps(a)[:400]} … vs {json.dumps(b)[:400]} …)"
    assert opened["active"] == played["active"], what
    assert opened["readout"] == played["readout"], what


def _numbers_named(readout: str, slug: str) -> list[str]:
    """The step numbers the animation's readout gives: station 3 names two people (and measured values,
    left out here); stations 1 and 4 their step first (after a prefix)."""
    if slug == "gradients":
        return re.findall(r"(?:pessoa|person) (\d+)", readout)
    return re.findall(r"\d+", readout)[:1]


@pytest.mark.parametrize(("slug", "label_key", "lang", "steps"), STATIONS, ids=[s[0] for s in STATIONS])
def test_opened_at_step_k_draws_what_playing_to_k_draws(browser, server_url, slug, label_key, lang, steps):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    page = context.new_page()
    try:
        open_station(page, f"{server_url}/{slug}?lang={lang}")
        assert_no_exception(page)
        label = CATALOGS[lang][label_key]
        gd = _figure(page)
        names = gd.evaluate("gd => gd._transitionData._frames.map(f => f.name)")
        n = len(names)
        assert n >= 6, f"{slug}: only {n} frames"
        as_opened = gd.evaluate(DRAWN_JS)
        opens_at = as_opened["active"] + 1
        assert _thumb(page, label).get_attribute("aria-valuetext") is not None
        targets = sorted({k if k > 0 else n + k for k in steps} - {opens_at}, reverse=True)
        # reached by playing: frames 1 … k in turn, on the page as it opened
        played = {}
        for k in targets:
            played[k] = _play_to(gd, names[:k])
            assert played[k]["active"] == k - 1, f"{slug}: the animation's slider did not follow to step {k}"
            assert played[k]["counts"]["points"] + played[k]["counts"]["bars"] > 0
        played[opens_at] = _play_to(gd, names[:opens_at])
        assert played[opens_at] == as_opened, f"{slug}: played to where it opens, the figure differs from itself"
        # opened at k by the keyboard's slider: the same drawing
        current = opens_at
        for k in targets:
            _keyboard_to(page, label, k, current)
            current = k
            assert_no_exception(page)
            _same(_figure(page).evaluate(DRAWN_JS), played[k], f"{slug} opened at step {k} of {n}")
            # the keyboard's slider names the step as the animation's readout does
            name = _thumb(page, label).get_attribute("aria-valuetext")
            assert re.findall(r"\d+", name) == _numbers_named(played[k]["readout"], slug), (name, played[k]["readout"])
        shot(page, f"h5-step-through-{slug}-{lang}-at-{current}")
        # and from there it keeps playing right: to another step checked, then to where the page opens
        gd = _figure(page)
        for k in (targets[0], opens_at):
            _same(_play_to(gd, [names[k - 1]]), played[k], f"{slug} opened at {current}, then played to {k}")
    finally:
        context.close()
