"""Real Chromium: station 6 (conclusion) in both languages — charts drawn, quiz answered and scored,
reset, presenter mode. Screenshots go to screenshots/ (s6-*.png) for a human to look at."""

import pytest

from pages.conclusion import texts as station6
from services import quiz
from tests.apptest_helpers import RAW_KEY
from tests.browser.helpers import SCREENSHOTS, assert_no_exception, shot, wait_idle
from tests.browser.station_pages import answer_quiz, open_station, scroll_shots
from ui.shell.catalogs import in_language

pytestmark = pytest.mark.browser

CATALOG = {"pt": in_language(station6.TEXTS, "pt"), "en": in_language(station6.TEXTS, "en")}


def _open(page, server_url, lang: str, present: bool = False):
    open_station(page, f"{server_url}/conclusion?lang={lang}{'&present=1' if present else ''}")
    # The page's first render computes the live gradients (cached afterwards): wait for the quiz.
    page.get_by_role("button", name=CATALOG[lang]["conclusion.quiz_submit"]).wait_for(timeout=120_000)
    wait_idle(page)
    assert_no_exception(page)


def _answer(page, lang: str, choices: dict[str, int]) -> None:
    answer_quiz(page, CATALOG[lang], choices)
    wait_idle(page)
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_conclusion_page_quiz_and_score(page, server_url, lang):
    cat = CATALOG[lang]
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, server_url, lang)
    assert page.locator("h1").first.inner_text().startswith(cat["conclusion.title"].split(":")[0])
    # both live charts are drawn (Plotly renders an SVG per chart)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2", timeout=60_000)
    assert page.get_by_text(cat["conclusion.l2_title"]).count() >= 1
    assert page.get_by_role("link", name=cat["conclusion.video"]).get_attribute("href").startswith(
        "https://github.com/user-attachments/assets/80d1150b")
    text = page.locator("[data-testid='stMain']").inner_text()
    assert RAW_KEY.findall(text) == [] and "{" not in text  # no raw keys, no unfilled placeholders
    shot(page, f"s6-{lang}")
    scroll_shots(page, f"s6-{lang}-view", 8, pause=250)

    # submit with nothing answered → a clear message, no score
    page.get_by_role("button", name=cat["conclusion.quiz_submit"]).click()
    wait_idle(page)
    page.get_by_text(cat["conclusion.quiz_empty"]).wait_for(timeout=20_000)

    # everything right except question 5 → 7 / 8 with explanations
    choices = {q.key: q.correct for q in quiz.QUESTIONS}
    q5 = quiz.QUESTIONS[4]
    choices[q5.key] = (q5.correct + 1) % q5.options
    _answer(page, lang, choices)
    score = cat["conclusion.quiz_score"].format(correct=7, total=8)
    page.get_by_text(score).wait_for(timeout=20_000)
    assert page.get_by_text(cat["conclusion.quiz_right"], exact=True).count() == 7
    assert page.get_by_text(cat["conclusion.quiz_wrong"].format(answer=cat[q5.option_keys[q5.correct]])).count() == 1
    assert page.get_by_text(cat[q5.why_key][:60]).count() == 1
    page.get_by_text(score).scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"s6-{lang}-score.png"))

    # try again → clean slate
    page.get_by_role("button", name=cat["conclusion.quiz_reset"]).click()
    page.get_by_text(score).wait_for(state="detached", timeout=20_000)
    wait_idle(page)
    assert page.locator("[data-testid='stMain'] [data-testid='stRadio'] input:checked").count() == 0
    assert_no_exception(page)


def test_conclusion_presenter_mode(page, server_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, server_url, "pt", present=True)
    assert page.get_by_text(in_language(station6.TEXTS, "pt")["conclusion.takeaway"]).count() == 1
    # long explanations are folded: their text is not visible until the expander opens
    assert not page.get_by_text(in_language(station6.TEXTS, "pt")["conclusion.lesson2_more"][:50]).first.is_visible()
    shot(page, "s6-pt-present")
    scroll_shots(page, "s6-pt-present-view", 6, pause=250)
