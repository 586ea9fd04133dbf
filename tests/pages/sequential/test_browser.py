"""Station 1 in real Chromium, both languages: shuffle, charts drawn, the step-through played in the
browser, a phone's width, no traceback.

Screenshots land in ``screenshots/`` (s1-*.png, sequential-*.png) at 1280×720 (several scroll positions
of Streamlit's main container) and at a tall 1280×3600 viewport for a whole-page look.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_exception, shot, wait_idle
from tests.browser.station_pages import (
    charts_drawn,
    fits_a_phone,
    open_on_a_laptop,
    open_station,
    scroll_shots,
    whole_page_shots,
)

pytestmark = pytest.mark.browser

TEXT = {"pt": ("Dados sequenciais", "Embaralhar", "Sua sequência"),
        "en": ("Sequential data", "Shuffle", "Your sequence")}


def _sequence(page) -> str:
    return page.locator("[data-testid='stMarkdownContainer'] p", has_text=TEXT["en"][2]).or_(
        page.locator("[data-testid='stMarkdownContainer'] p", has_text=TEXT["pt"][2])).first.inner_text()


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_sequential_shuffle(page, server_url, lang):
    title, shuffle, _ = TEXT[lang]
    open_station(page, f"{server_url}/sequential?lang={lang}")
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith(title)
    charts_drawn(page, 2)
    before = _sequence(page)
    scroll_shots(page, f"s1-{lang}")
    page.get_by_role("button", name=shuffle).click()
    wait_idle(page)
    assert_no_exception(page)
    page.wait_for_function("() => new URLSearchParams(location.search).has('pos_a') || "
                           "new URLSearchParams(location.search).has('pos_b') || "
                           "new URLSearchParams(location.search).has('mix')", timeout=20_000)
    assert _sequence(page) != before
    charts_drawn(page, 2)


def test_whole_page_screenshots(browser, server_url):
    whole_page_shots(browser, server_url + "/sequential?lang={lang}", "sequential", 2)


def test_phone_width(browser, server_url):
    fits_a_phone(browser, server_url + "/sequential?lang=pt", "sequential", 2)


STEP_JS = """() => { const gd = document.querySelector('.js-plotly-plot');
  const filled = gd._fullData[1].marker.color.filter(c => c !== '#D9D9D9').length;
  const z = gd._fullData[3].z; const cols = z[0].length;
  const shown = [...Array(cols).keys()].filter(j => z.some(row => row[j] !== null && !Number.isNaN(row[j]))).length;
  return [filled, shown, cols]; }"""


# Record the frames Plotly plays; at frame ``window._pauseAt`` press the pause button (from the
# page itself: a click from the test would arrive late on a busy machine).
FRAMES_JS = """() => { window._frames = []; window._pauseAt = '2';
  const gd = document.querySelector('.js-plotly-plot');
  gd.on('plotly_animatingframe', e => { window._frames.push(e.name);
    if (e.name === window._pauseAt) { window._pauseAt = null;
      gd.querySelectorAll('.updatemenu-button')[1].dispatchEvent(new MouseEvent('click', {bubbles: true})); } }); }"""


@pytest.mark.parametrize("present", [False, True])
def test_step_through_plays_in_the_browser_without_the_server(browser, server_url, present):
    """Scrub, play and pause the unrolled loop: h_t fills in step by step, all in the browser
    (nothing is sent to the server while it plays)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-US")
    page = context.new_page()
    open_station(page, f"{server_url}/sequential?lang=en" + ("&present=1" if present else ""))
    charts_drawn(page, 2)
    wait_idle(page)
    dialog = page.locator("[role='dialog']")
    if dialog.count() and dialog.first.is_visible():  # see open_station: a fresh server's first deep link
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden", timeout=10_000)
    assert page.evaluate(STEP_JS) == [6, 6, 6]  # the static figure: the whole sequence
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    # scrub: drag the slider's grip towards step 2
    rail = page.locator(".js-plotly-plot .slider-rail-touch-rect").first
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()
    grip = page.locator(".js-plotly-plot .slider-grip-rect").first.bounding_box()
    page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_timeout(800)
    filled, shown, cols = page.evaluate(STEP_JS)
    assert filled == shown < cols  # h_1..h_t drawn, the rest still empty
    # play, then pause part-way
    page.evaluate(FRAMES_JS)
    buttons = page.locator(".js-plotly-plot .updatemenu-button")
    buttons.nth(0).click()
    page.wait_for_function("() => window._frames.length >= 2", timeout=20_000)
    page.wait_for_timeout(2500)
    frames = page.evaluate("() => window._frames")
    assert frames == [str(t) for t in range(1, len(frames) + 1)] and len(frames) < 6
    filled, shown, cols = page.evaluate(STEP_JS)
    assert filled == shown == len(frames)
    # play to the end: every step in order, ending on the whole hidden state
    page.evaluate("() => { window._frames = []; }")
    buttons.nth(0).click()
    page.wait_for_function("() => window._frames.length >= 6", timeout=30_000)
    page.wait_for_timeout(300)
    assert page.evaluate("() => window._frames") == [str(t) for t in range(1, 7)]
    assert page.evaluate(STEP_JS) == [6, 6, 6]
    assert sent == []  # nothing was sent to the server: the animation costs it nothing
    shot(page, f"s1-step-through{'-present' if present else ''}")
    context.close()


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_first_control_is_above_the_fold(page, server_url, lang):
    """At 1280×800 the first control (A's position) shows without scrolling, after one short paragraph."""
    from pages.sequential.texts import TEXTS

    main = open_on_a_laptop(page, server_url, "sequential", lang)
    first = main.get_by_test_id("stSelectbox").first
    box = first.bounding_box()
    assert box and box["y"] + box["height"] <= 800, box
    assert TEXTS["sequential.pos_a"][lang] in first.inner_text()
    mix = main.get_by_test_id("stSlider").first.inner_text()
    assert TEXTS["sequential.mix"][lang] in mix
