"""Real Chromium: station 6 (conclusion) in both languages — charts drawn, quiz answered and scored,
reset, presenter mode. Screenshots go to screenshots/ (s6-*.png) for a human to look at."""

import re

import pytest

from pages.conclusion import texts as station6
from services import quiz
from tests.apptest_helpers import RAW_KEY
from tests.browser.helpers import SCREENSHOTS, assert_no_exception, shot, wait_idle
from tests.browser.station_pages import PREDICTION_BOX, answer_quiz, open_station, scroll_shots
from ui.shell.catalogs import in_language
from ui.shell.i18n import t
from ui.shell.predictions import question, questions

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

    # the way down to the quiz sits right under the intro
    jump = page.get_by_role("link", name=re.compile(re.escape(cat["conclusion.quiz_jump"].format(n=8, anchor="quiz").split("](")[0].strip("*[")[:25])))
    assert jump.count() == 1 and jump.get_attribute("href").endswith("#quiz")

    # submit with nothing chosen → a clear message
    page.get_by_role("button", name=cat["conclusion.quiz_submit"]).click()
    wait_idle(page)
    page.get_by_text(cat["conclusion.quiz_choose"]).wait_for(timeout=20_000)

    # one question at a time: everything right except question 5 → 7 / 8
    choices = {q.key: q.correct for q in quiz.QUESTIONS}
    q5 = quiz.QUESTIONS[4]
    choices[q5.key] = (q5.correct + 1) % q5.options
    _answer(page, lang, choices)
    score = cat["conclusion.quiz_score"].format(correct=7, total=8)
    page.get_by_text(score).wait_for(timeout=20_000)
    picker = page.locator("div.st-key-_s6_quiz_nav button")
    assert [picker.nth(i).inner_text().strip() for i in range(8)] == [f"{n} {'✗' if n == 5 else '✓'}" for n in range(1, 9)]
    picker.nth(4).click()
    wait_idle(page)
    assert page.get_by_text(cat["conclusion.quiz_wrong"].format(answer=cat[q5.option_keys[q5.correct]])).count() == 1
    page.get_by_text(score).scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"s6-{lang}-score.png"))

    # try again → clean slate
    page.get_by_role("button", name=cat["conclusion.quiz_reset"]).click()
    page.get_by_text(score).wait_for(state="detached", timeout=20_000)
    wait_idle(page)
    assert page.locator("[data-testid='stMain'] [data-testid='stRadio'] input:checked").count() == 0
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_predict_on_a_station_then_station_6_counts_it(page, server_url, lang):
    """The main flow: a prediction folds station 3's chart; committing draws it with "you predicted X; the network
    measured Y"; station 6, reached in the same session, counts it."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_station(page, f"{server_url}/gradients?lang={lang}", predict=False)
    p = question("gradients.distance50", lang)
    box = page.locator(PREDICTION_BOX).first
    box.wait_for(timeout=60_000)
    assert page.get_by_text(t("common.predict_folded", lang)).count() >= 1
    charts = page.locator(".js-plotly-plot").count()
    box.scroll_into_view_if_needed()
    shot(page, f"s3-{lang}-predict-before")
    box.locator("label[data-testid='stRadioOption']").filter(has_text=p.options[p.correct]).first.click()
    wait_idle(page)
    box.locator("div[class*='_commit'] button").click()
    wait_idle(page)
    said = page.get_by_text(t("common.predict_right", lang, choice=p.options[p.correct], answer="", measured=p.measured)
                            .replace("**", "").split(";")[0])
    said.first.wait_for(timeout=30_000)
    page.wait_for_function("n => document.querySelectorAll('.js-plotly-plot .main-svg').length > n", arg=charts,
                           timeout=60_000)
    said.first.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    shot(page, f"s3-{lang}-predict-after")
    assert_no_exception(page)
    # to station 6 through the app's navigation (the same session)
    page.locator("[data-testid='stSidebarNav'] a[href$='/conclusion']").first.click()
    page.get_by_role("button", name=CATALOG[lang]["conclusion.quiz_submit"]).wait_for(timeout=120_000)
    wait_idle(page)
    total = len([q for q in questions(lang) if q.station != "conclusion"])
    counted = CATALOG[lang]["conclusion.pred_count"].format(right=1, n=1, total=total).replace("**", "")
    page.get_by_text(counted.split(":")[1].strip()[:20]).first.wait_for(timeout=30_000)
    shot(page, f"s6-{lang}-predictions")
    assert_no_exception(page)


def test_conclusion_presenter_mode(page, server_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, server_url, "pt", present=True)
    assert page.get_by_text(in_language(station6.TEXTS, "pt")["conclusion.takeaway"]).count() == 1
    # long explanations are folded: their text is not visible until the expander opens
    assert not page.get_by_text(in_language(station6.TEXTS, "pt")["conclusion.lesson2_more"][:50]).first.is_visible()
    shot(page, "s6-pt-present")
    scroll_shots(page, "s6-pt-present-view", 6, pause=250)
