"""Real Chromium, class mode: a teacher creates a class, two students (separate browser contexts)
join — one through the QR link, one by typing the code — and answer the quiz; the teacher's
page counts them live. In Portuguese and in English. The server gets its own data folder."""

from __future__ import annotations

import re
import shutil
import tempfile
import time

import pytest

from bench.server import free_port, start_server
from pages.conclusion import texts as station6
from pages.teacher import texts as classroom
from services import quiz
from tests.browser.helpers import assert_no_exception, shot
from tests.browser.station_pages import answer_quiz, settle
from ui.shell.catalogs import in_language

pytestmark = pytest.mark.browser

CAT = {"pt": {**in_language(classroom.TEXTS, "pt"), **in_language(station6.TEXTS, "pt")}, "en": {**in_language(classroom.TEXTS, "en"), **in_language(station6.TEXTS, "en")}}


@pytest.fixture(scope="module")
def class_server():
    folder = tempfile.mkdtemp(prefix="rnnlab-class-")
    port = free_port()
    proc = start_server(port, env={"RNN_LAB_DATA_DIR": folder, "RNN_LAB_WARMUP": "0"})
    yield f"http://127.0.0.1:{port}", folder
    proc.terminate()
    proc.wait(timeout=20)
    shutil.rmtree(folder, ignore_errors=True)


def _settle(page, timeout: float = 120_000) -> None:
    """Wait for the page (closing Streamlit's transient "Page not found" dialog); no traceback."""
    settle(page, timeout)
    assert_no_exception(page)


def _answer(page, lang: str, choices: dict[str, int]) -> None:
    cat = CAT[lang]
    page.get_by_role("button", name=cat["conclusion.quiz_submit"]).wait_for(timeout=120_000)
    _settle(page)
    answer_quiz(page, cat, choices)
    _settle(page)


def _tally(page) -> dict[int, list[int]]:
    """Counts per question read from the teacher page's Plotly bar charts (question n → counts)."""
    charts = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
        .filter(e => e.data && e.data[0] && e.data[0].orientation === 'h')
        .map(e => ({x: Array.from(e.data[0].x), y: Array.from(e.data[0].y)}))""")
    out = {}
    for chart in charts:
        for n, question in enumerate(quiz.QUESTIONS, start=1):
            first = str(chart["y"][0]).replace("<br>", " ")
            for lang in CAT:
                if first.startswith("a) " + CAT[lang][question.option_keys[0]][:20]):
                    out[n] = [int(v) for v in chart["x"]]
    return out


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_teacher_and_two_students(browser, class_server, lang):
    url, _ = class_server
    cat = CAT[lang]
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}, locale="pt-BR" if lang == "pt" else "en-US")
                for _ in range(3)]
    try:
        teacher, alice, bob = (c.new_page() for c in contexts)
        teacher.goto(f"{url}/teacher?lang={lang}")
        _settle(teacher)
        teacher.locator("[data-testid='stMain'] input[type='text']").first.fill("Turma 3B")
        teacher.get_by_role("button", name=cat["teacher.create"]).click()
        teacher.locator("[data-testid='rnnlab-class-code']").wait_for(timeout=30_000)
        _settle(teacher)
        code = teacher.locator("[data-testid='rnnlab-class-code']").inner_text().strip()
        assert re.fullmatch(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}", code), code
        assert "teacher=" not in teacher.url
        assert teacher.locator("[data-testid='stMain'] [data-testid='stImage'] img").count() == 1  # the QR code

        # Alice follows the QR link straight to the quiz page.
        alice.goto(f"{url}/conclusion?lang={lang}&class={code}")
        _settle(alice)
        sidebar = alice.locator("[data-testid='stSidebar']")
        assert code in sidebar.inner_text()
        _answer(alice, lang, {"conclusion.q1": 2, "conclusion.q2": 0})
        # A reload is a new Streamlit session but the same student (the anonymous id's cookie).
        alice.reload()
        _settle(alice)
        _answer(alice, lang, {"conclusion.q1": 2, "conclusion.q2": 0})

        # Bob types the code (lower case) in the sidebar, then answers and changes his mind.
        bob.goto(f"{url}/conclusion?lang={lang}")
        _settle(bob)
        bob.locator("[data-testid='stSidebar']").get_by_text(cat["teacher.join_title"]).click()
        bob.locator("[data-testid='stSidebar'] input[type='text']").fill(code.lower())
        bob.locator("[data-testid='stSidebar']").get_by_role("button", name=cat["teacher.join"]).click()
        _settle(bob)
        assert code in bob.locator("[data-testid='stSidebar']").inner_text()
        _answer(bob, lang, {"conclusion.q1": 2, "conclusion.q2": 1})
        _answer(bob, lang, {"conclusion.q2": 3})

        # The teacher's page refreshes by itself (st.fragment(run_every=3)): wait for the counts.
        deadline = time.monotonic() + 30
        tally = {}
        while time.monotonic() < deadline:
            tally = _tally(teacher)
            if tally.get(1) == [0, 0, 2, 0] and tally.get(2) == [1, 0, 0, 1]:
                break
            teacher.wait_for_timeout(500)
        assert tally.get(1) == [0, 0, 2, 0] and tally.get(2) == [1, 0, 0, 1], tally
        assert teacher.locator("[data-testid='stMetricValue']").first.inner_text().strip() == "2"  # not 3
        assert_no_exception(teacher)
        shot(teacher, f"classroom-teacher-{lang}")

        # A wrong code typed by a student gets a plain message, not a traceback.
        bob.locator("[data-testid='stSidebar']").get_by_role("button", name=cat["teacher.leave"]).click()
        _settle(bob)
        assert cat["teacher.left"] in bob.locator("[data-testid='stSidebar']").inner_text()
        box = bob.locator("[data-testid='stSidebar'] input[type='text']")
        if not box.is_visible():  # the box opens by itself to show the message
            bob.locator("[data-testid='stSidebar']").get_by_text(cat["teacher.join_title"]).click()
        box.fill("<b>x</b>")
        bob.locator("[data-testid='stSidebar']").get_by_role("button", name=cat["teacher.join"]).click()
        _settle(bob)
        assert cat["teacher.bad_code"] in bob.locator("[data-testid='stSidebar']").inner_text()
    finally:
        for c in contexts:
            c.close()
