"""Browser steps shared by the station tests (``tests/pages/<slug>/test_browser.py``): open a page,
wait for its charts to be drawn, shoot it screenful by screenful."""

from __future__ import annotations

from tests.browser.helpers import shot, wait_idle


def open_station(page, url: str) -> None:
    """Go to ``url`` and wait for the run. A fresh server answers the very first deep link with
    Streamlit's "Page not found" dialog (and still runs the page): close it, it is not ours."""
    page.goto(url)
    wait_idle(page, timeout=120_000)
    dialog = page.locator("[role='dialog']")
    if dialog.count() and dialog.first.is_visible():
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden", timeout=10_000)


def charts_drawn(page, at_least: int) -> None:
    """Wait until at least ``at_least`` Plotly charts are on the page, every one really drawn (an SVG)."""
    page.wait_for_function(
        "n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];"
        " return plots.length >= n && plots.every(p => p.querySelector('.main-svg')); }",
        arg=at_least, timeout=60_000)
    assert page.locator(".js-plotly-plot").count() >= at_least


def scroll_shots(page, name: str, steps: int = 4) -> None:
    """Streamlit scrolls inside its main container: wheel over it and shoot each screenful."""
    page.mouse.move(800, 400)
    for i in range(steps):
        shot(page, f"{name}-{i}")
        page.mouse.wheel(0, 650)
        page.wait_for_timeout(400)
