"""Browser steps shared by the station tests (``tests/pages/<slug>/test_browser.py``): open a page,
wait for its charts to be drawn, shoot it screenful by screenful or whole, check a phone's width,
answer the quiz."""

from __future__ import annotations

import re

from services import quiz
from tests.browser.helpers import assert_no_exception, shot, wait_idle


def settle(page, timeout: float = 120_000) -> None:
    """Wait for the run. A fresh server answers the very first deep link with Streamlit's "Page not
    found" dialog (st.navigation's pages are not registered yet) and still runs the right page behind
    it: close the dialog, it is not ours."""
    wait_idle(page, timeout=timeout)
    dialog = page.locator("[role='dialog']")
    if dialog.count() and dialog.first.is_visible():
        page.keyboard.press("Escape")
        dialog.first.wait_for(state="hidden", timeout=10_000)


PREDICTION_BOX = "div[class*='st-key-_pred_'][class*='_box']"  # ui.widgets.prediction's uncommitted question
# one option of an st.radio (Streamlit 1.67 draws it as label[data-testid=stRadioOption]; older ones as baseweb's)
RADIO_OPTION = "label[data-testid='stRadioOption'], label[data-baseweb='radio']"


def commit_predictions(page, timeout: float = 120_000) -> int:
    """Commit every prediction on the page (its first option), so the charts they fold are drawn; returns
    how many were committed."""
    done = 0
    while done < 8 and page.locator(PREDICTION_BOX).count():
        box = page.locator(PREDICTION_BOX).first
        box.locator(RADIO_OPTION).first.click()
        settle(page, timeout)
        box.locator("div[class*='_commit'] button").click()
        settle(page, timeout)
        done += 1
    return done


def open_station(page, url: str, timeout: float = 120_000, *, predict: bool = True) -> None:
    """Go to ``url`` and wait for the run (:func:`settle`); commit its predictions unless ``predict`` is False
    (ui.widgets.prediction folds their charts until then)."""
    page.goto(url)
    settle(page, timeout)
    if predict:
        commit_predictions(page, timeout)


def open_on_a_laptop(page, server_url: str, path: str, lang: str) -> object:
    """Open ``/<path>?lang=…`` at 1280×800 as a first-timer does (home first, then the station) and return the
    main area's locator, for checks of what sits above the fold."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server_url}/?lang={lang}")
    wait_idle(page, timeout=120_000)
    page.goto(f"{server_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
    wait_idle(page, timeout=180_000)
    return page.get_by_test_id("stMain")


def charts_drawn(page, at_least: int) -> None:
    """Wait until at least ``at_least`` Plotly charts are on the page, every one really drawn (an SVG)."""
    page.wait_for_function(
        "n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];"
        " return plots.length >= n && plots.every(p => p.querySelector('.main-svg')); }",
        arg=at_least, timeout=60_000)
    assert page.locator(".js-plotly-plot").count() >= at_least


def scroll_shots(page, name: str, steps: int = 4, *, wheel: int = 650, pause: int = 400) -> None:
    """Streamlit scrolls inside its main container: wheel over it (``wheel`` px a step, ``pause`` ms
    to redraw) and shoot each screenful."""
    page.mouse.move(800, 400)
    for i in range(steps):
        shot(page, f"{name}-{i}")
        page.mouse.wheel(0, wheel)
        page.wait_for_timeout(pause)


def whole_page_shots(browser, url: str, name: str, charts: int) -> None:
    """A tall viewport shows the whole page at once, for a human (or a model) to look at: ``url`` (with
    ``{lang}``) in Portuguese and in English, each shot once ``charts`` charts are drawn, no traceback."""
    for lang in ("pt", "en"):
        context = browser.new_context(viewport={"width": 1280, "height": 3600}, locale="en-US")
        page = context.new_page()
        open_station(page, url.format(lang=lang))
        charts_drawn(page, charts)
        assert_no_exception(page)
        shot(page, f"{name}-{lang}-full")
        context.close()


def fits_a_phone(browser, url: str, name: str, charts: int) -> None:
    """``url`` on a 390 px wide phone: no traceback, ``charts`` charts drawn, nothing wider than the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="pt-BR", is_mobile=True)
    page = context.new_page()
    open_station(page, url)
    assert_no_exception(page)
    charts_drawn(page, charts)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name}: the page is {overflow}px wider than the phone"
    shot(page, f"{name}-phone")
    context.close()


def answer_quiz(page, catalog, choices: dict[str, int]) -> None:
    """On the conclusion page: for each quiz question in ``choices`` (question key → 0-based option), show it
    with the quiz's question picker, pick the option by its label in ``catalog`` (one language's texts) and
    submit it (the quiz is answered one question at a time)."""
    main = page.locator("[data-testid='stMain']")
    for n, question in enumerate(quiz.QUESTIONS, start=1):
        if question.key not in choices:
            continue
        picker = main.locator("div.st-key-_s6_quiz_nav button")
        picker.filter(has_text=re.compile(rf"^{n}\b")).first.click()
        settle(page)
        change = main.locator("div.st-key-_s6_quiz_change button")
        if change.count():  # answered before: answer again (only the latest answer counts)
            change.click()
            settle(page)
        option = catalog[question.option_keys[choices[question.key]]]
        group = main.locator("[data-testid='stRadio']").filter(has_text=catalog[question.key][:40])
        group.wait_for(timeout=60_000)
        group.locator("label").filter(has_text=option).first.click()
        main.get_by_role("button", name=catalog["conclusion.quiz_submit"]).click()
        settle(page)
