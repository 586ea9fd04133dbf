"""Real Chromium: stations 1 and 2 in both languages — shuffle, moods switch, charts drawn, no traceback.

Screenshots land in ``screenshots/`` (s1-*.png, s2-*.png) at 1280×720 (several scroll positions
of Streamlit's main container) and at a tall 1280×3600 viewport for a whole-page look.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_exception, shot, wait_idle

pytestmark = pytest.mark.browser

TEXT = {
    "sequential": {"pt": ("Dados sequenciais", "Embaralhar", "Sua sequência"),
                   "en": ("Sequential data", "Shuffle", "Your sequence")},
    "series": {"pt": ("Assistindo a uma série", "Cada episódio tem o seu próprio clima", "Por que o personagem chora?"),
               "en": ("Watching a series", "Every episode has its own mood", "Why does the character cry?")},
}


def _open(page, url: str) -> None:
    """Go to ``url`` and wait for the run. A fresh server answers the very first deep link with
    Streamlit's "Page not found" dialog (and still runs the page): close it, it is not ours."""
    page.goto(url)
    wait_idle(page, timeout=120_000)
    dialog = page.locator("[role='dialog']")
    if dialog.count() and dialog.first.is_visible():
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden", timeout=10_000)


def _charts_drawn(page, at_least: int) -> None:
    page.wait_for_function(
        "n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];"
        " return plots.length >= n && plots.every(p => p.querySelector('.main-svg')); }",
        arg=at_least, timeout=60_000)
    assert page.locator(".js-plotly-plot").count() >= at_least


def _scroll_shots(page, name: str, steps: int = 4) -> None:
    """Streamlit scrolls inside its main container: wheel over it and shoot each screenful."""
    page.mouse.move(800, 400)
    for i in range(steps):
        shot(page, f"{name}-{i}")
        page.mouse.wheel(0, 650)
        page.wait_for_timeout(400)


def _sequence(page) -> str:
    return page.locator("[data-testid='stMarkdownContainer'] p", has_text=TEXT["sequential"]["en"][2]).or_(
        page.locator("[data-testid='stMarkdownContainer'] p", has_text=TEXT["sequential"]["pt"][2])).first.inner_text()


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_sequential_shuffle(page, server_url, lang):
    title, shuffle, _ = TEXT["sequential"][lang]
    _open(page, f"{server_url}/sequential?lang={lang}")
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith(title)
    _charts_drawn(page, 3)
    before = _sequence(page)
    _scroll_shots(page, f"s1-{lang}")
    page.get_by_role("button", name=shuffle).click()
    wait_idle(page)
    assert_no_exception(page)
    page.wait_for_function("() => new URLSearchParams(location.search).has('pos_a') || "
                           "new URLSearchParams(location.search).has('pos_b') || "
                           "new URLSearchParams(location.search).has('mix')", timeout=20_000)
    assert _sequence(page) != before
    _charts_drawn(page, 3)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_series_moods_switch(page, server_url, lang):
    title, moods, verdict = TEXT["series"][lang]
    _open(page, f"{server_url}/series?lang={lang}")
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith(title)
    assert page.get_by_text(verdict).count() >= 1
    _charts_drawn(page, 3)
    _scroll_shots(page, f"s2-{lang}", steps=6)
    page.locator("[data-testid='stMain'] label", has_text=moods).first.click()
    wait_idle(page, timeout=120_000)
    assert_no_exception(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('moods') === 'true'", timeout=20_000)
    _charts_drawn(page, 3)
    assert page.get_by_text("≤ 1").count() >= 1  # the stable RNN joins on the realistic series


@pytest.mark.parametrize("path", ["sequential", "series?moods=true"])
def test_whole_page_screenshots(browser, server_url, path):
    """A tall viewport shows the whole page at once, for a human (or a model) to look at."""
    for lang in ("pt", "en"):
        context = browser.new_context(viewport={"width": 1280, "height": 3600}, locale="en-US")
        page = context.new_page()
        sep = "&" if "?" in path else "?"
        _open(page, f"{server_url}/{path}{sep}lang={lang}")
        _charts_drawn(page, 3)
        assert_no_exception(page)
        shot(page, f"{'s1' if path == 'sequential' else 's2'}-{lang}-full")
        context.close()


def test_phone_width(browser, server_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="pt-BR", is_mobile=True)
    page = context.new_page()
    for path, name in (("sequential", "s1"), ("series", "s2")):
        _open(page, f"{server_url}/{path}?lang=pt")
        assert_no_exception(page)
        _charts_drawn(page, 3)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path}: the page is {overflow}px wider than the phone"
        shot(page, f"{name}-phone")
    context.close()
