"""Every chart of every station in real Chromium, pt and en, on a screen and in presenter mode, at
1280×800: no title, axis title, tick label, legend entry, annotation, colour-bar text or player label is
cut off by the chart's edge, and no title or axis title runs into its neighbours.

Issue 18 §5: station 3's y-axis title read "…escala lo", station 4's titles "…passagem para a frer",
and in presenter mode a legend wrapped into the title. What is measured is what Chromium drew: each SVG
text's box against the chart's SVG box (an inline SVG clips what falls outside it), and the boxes of
neighbours against each other (the title against the legend, the buttons, annotations, axis titles and
tick labels; an axis title against tick labels, the legend and the colour bar; legend entries against
each other, the buttons, annotations and the colour bar; an annotation against the colour bar and the
buttons; an upright tick label against any bar or heat-map, which only another subplot's can reach). Transparent
text (station 3 hides its animation slider's tick labels that way) and charts in a closed tab are skipped;
every expander is opened first (station 4 folds charts in two) and a station's tabs are opened one by
one, station 3's training charts are drawn by pressing its training button (one shared training per
server) and station 5's by a short race. One server and one browser page for the whole file.
"""

from __future__ import annotations

import pytest

from tests.browser.clipping import CLIPPED_JS
from tests.browser.helpers import assert_no_exception, wait_idle
from tests.browser.station_pages import open_station
from ui.shell.catalogs import CATALOGS
from ui.shell.stations import STATIONS

pytestmark = pytest.mark.browser

CASES = [(s.slug, lang, present) for s in STATIONS for lang in ("pt", "en") for present in (False, True)]


@pytest.fixture(scope="module")
def tab(browser):
    """One page for every case of this file (a new context per case would cost a second or two each)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    yield context.new_page()
    context.close()


def _open_expanders(page) -> None:
    """Open every closed expander of the page: charts folded in one (station 4's "under the hood" and its second
    LSTM) are drawn at the size a student sees when opening it."""
    closed = page.locator("[data-testid='stMain'] [data-testid='stExpander'] details:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()
        page.wait_for_timeout(300)
    wait_idle(page)
    page.wait_for_timeout(300)


def _problems(page) -> list[dict]:
    """What :data:`CLIPPED_JS` finds on the charts drawn now, every expander open, in every tab of the page's first
    tab bar."""
    _open_expanders(page)
    found = page.evaluate(CLIPPED_JS)["problems"]
    tabs = page.locator("[data-testid='stMain'] [data-testid='stTabs'] button[role='tab']")
    for i in range(1, tabs.count()):
        tabs.nth(i).click()
        page.wait_for_timeout(400)
        wait_idle(page)
        found += page.evaluate(CLIPPED_JS)["problems"]
    return found


def _train(page, lang: str) -> None:
    """Station 3: press its training button and wait for the two training charts (a shared job)."""
    before = page.locator(".js-plotly-plot").count()
    page.get_by_role("button", name=CATALOGS[lang]["gradients.train_button"].format(seed=0)).click()
    page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length > {before}",
                           timeout=180_000)
    wait_idle(page)
    page.wait_for_timeout(500)


def _race(page, lang: str) -> None:
    """Station 5: run a short race (:data:`QUERY`) and wait for its result charts and table."""
    page.get_by_test_id("stMainBlockContainer").get_by_role("button", name=CATALOGS[lang]["lab.start"]).click()
    page.wait_for_selector("[data-testid='stTable']", timeout=180_000)
    wait_idle(page, timeout=120_000)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2", timeout=60_000)
    page.wait_for_timeout(500)


EXTRA = {"gradients": _train, "lab": _race}  # what draws a station's charts beyond those it opens with
QUERY = {"lab": "&steps=100&length=10"}  # a short race


@pytest.mark.parametrize(("slug", "lang", "present"), CASES,
                         ids=[f"{s}-{lang}{'-present' if p else ''}" for s, lang, p in CASES])
def test_no_chart_text_is_cut_off_or_runs_into_a_neighbour(tab, server_url, slug, lang, present):
    path = "" if slug == "home" else slug
    open_station(tab, f"{server_url}/{path}?lang={lang}{'&present=1' if present else ''}{QUERY.get(slug, '')}")
    assert_no_exception(tab)
    if slug in EXTRA:
        EXTRA[slug](tab, lang)
        assert_no_exception(tab)
    tab.wait_for_timeout(300)  # plotly.js lays out once more after its container's final width
    problems = _problems(tab)
    report = sorted({f"chart {p['plot']} «{p['chart']}» {p['kind']} «{p['text']}»: {p['problem']}" for p in problems})
    assert not report, f"{slug} {lang}{' presenter' if present else ''}:\n" + "\n".join(report)
