"""Real Chromium, teacher-paced class mode, in Portuguese and in English: a teacher and three students.

The teacher creates a class and moves to the first question (Next); Alice joined through the QR link
and goes there with the banner's button, Bob turned "follow the teacher" on and is taken there; both
commit a prediction and the board counts them live (answered / joined); Carol joins late and lands on
the focused question; Reveal marks the right option on the board and unfolds the answer on Carol's
screen (she did not commit); Next moves the class on; F5 on /teacher keeps the board (board token
cookie, no key in the URL); the board is shot at 1280×720, normal and presenter mode; closing the
class tells the students at their next poll. The server gets its own data folder."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import pytest

from bench.server import free_port, start_server
from classroom.store import ClassStore
from pages.sequential import texts as station1
from pages.teacher import texts as classroom
from tests.browser.clipping import CLIPPED_JS
from tests.browser.helpers import SCREENSHOTS, assert_no_exception
from tests.browser.station_pages import settle
from ui.shell import common_texts
from ui.shell.catalogs import in_language
from ui.shell.predictions import questions

pytestmark = pytest.mark.browser

CAT = {lang: {**in_language(classroom.TEXTS, lang), **in_language(common_texts.TEXTS, lang)} for lang in ("pt", "en")}
SHOTS = SCREENSHOTS / "h4"

BARS_JS = """heads => {
  for (const e of document.querySelectorAll('.js-plotly-plot')) {
    const title = e.layout && e.layout.title && (e.layout.title.text || e.layout.title);
    if (typeof title === 'string' && heads.some(h => title.startsWith(h)) && e.data && e.data[0])
      return {x: Array.from(e.data[0].x), y: Array.from(e.data[0].y).map(String)};
  }
  return null;
}"""


@pytest.fixture(scope="module")
def class_folder():
    """The server's data folder (its classes' SQLite file)."""
    folder = tempfile.mkdtemp(prefix="rnnlab-class-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def class_server(class_folder):
    port = free_port()
    proc = start_server(port, env={"RNN_LAB_DATA_DIR": class_folder, "RNN_LAB_WARMUP": "0"},
                        log_path=Path(class_folder) / "server.log")  # a file (read by _press), not an unread pipe
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


def _settle(page, timeout: float = 180_000) -> None:
    settle(page, timeout)
    assert_no_exception(page)


def _until(check, timeout: float = 45, label: str = ""):
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {label}: last {value!r}")


def _store_focus(folder: str, code: str) -> tuple | None:
    """The class's focus as the store holds it: (question_id, revealed), or None."""
    store = ClassStore(f"sqlite:///{folder}/classroom.sqlite3")
    try:
        focus = store.focus(code)
    finally:
        store.dispose()
    return (focus["question_id"], focus["revealed"]) if focus else None


def _press(page, name: str, check, label: str, folder: str, code: str) -> None:
    """Press the board control ``name`` and wait until ``check()`` holds.

    A teacher whose click did not take clicks again; so does this test, once, when after 15 s neither the
    board nor the store moved (the click was lost: seen once on CI, never in 90 clicks at random
    moments of the board's 2 s tick here), with a warning in pytest's summary that says what the server
    logged, so that a rare race in the browser or in Streamlit is seen, not hidden. A board that does not
    follow a store that moved, or a control that never works, fails."""
    before = _store_focus(folder, code)
    page.get_by_role("button", name=name).click()
    _settle(page)
    try:
        _until(check, timeout=15, label=label)
        return
    except AssertionError:
        pass
    after = _store_focus(folder, code)
    log = (Path(folder) / "server.log").read_text(errors="replace")[-1500:]
    page.screenshot(path=str(SHOTS / f"retried-{re.sub(r'[^a-z]+', '-', label)}.png"))
    seen = f"store focus {before} -> {after} 15 s after the click; server log tail:\n{log}"
    if after != before:  # the click took and the board did not follow: nothing a second click would fix
        raise AssertionError(f"the board did not show {label}: {seen}")
    warnings.warn(f"{name!r} pressed again after 15 s without {label}: {seen}", stacklevel=2)
    page.get_by_role("button", name=name).click()
    _settle(page)
    try:
        _until(check, label=label)
    except AssertionError as error:
        raise AssertionError(f"{error}; {seen}") from None


def _bars(page, lang: str):
    heads = [CAT[lang]["teacher.answers_count"].split("{")[0]]
    return page.evaluate(BARS_JS, heads)


def _on_station1(page, lang: str) -> bool:
    """Whether the page shows station 1 (its title; a move by switch_page may leave the address as it was)."""
    heads = page.locator("[data-testid='stMain'] h1")
    return heads.count() > 0 and station1.TEXTS["sequential.title"][lang] in heads.all_inner_texts()


def _above_the_fold(page, lang: str) -> None:
    """The question, its bars and answered / joined all end within the 720 px window (no scrolling)."""
    heads = [CAT[lang]["teacher.answers_count"].split("{")[0]]
    bottoms = page.evaluate("""heads => {
      const out = {};
      for (const e of document.querySelectorAll('.js-plotly-plot')) {
        const title = e.layout && e.layout.title && (e.layout.title.text || e.layout.title);
        if (typeof title === 'string' && heads.some(h => title.startsWith(h))) out.bars = e.getBoundingClientRect().bottom;
      }
      const prompt = document.querySelector('.st-key-rnnlab_prompt');
      const metric = document.querySelector('.st-key-rnnlab_corner [data-testid="stMetricValue"]');
      out.prompt = prompt && prompt.getBoundingClientRect().bottom;
      out.metric = metric && metric.getBoundingClientRect().bottom;
      return out;
    }""", heads)
    assert set(bottoms) == {"bars", "prompt", "metric"} and all(v and v <= 720 for v in bottoms.values()), bottoms


def _banner_shows(page, lead: str, prompt: str) -> bool:
    """Whether one small element of the page says "the class is on this question: <prompt>"."""
    return page.evaluate("""([lead, prompt]) => Array.from(document.querySelectorAll('[data-testid="stMain"] div'))
      .some(e => { const t = e.innerText || ''; return t.includes(lead) && t.includes(prompt)
                   && t.length < lead.length + prompt.length + 300; })""", [lead, prompt])


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _commit(page, question_id: str, option: int) -> None:
    """Choose ``option`` in the prediction box of ``question_id`` and commit it."""
    key = "_pred_" + question_id.replace(".", "_")
    box = page.locator(f".st-key-{key}_box")
    box.wait_for(timeout=120_000)
    box.locator("[role='radiogroup'] label").nth(option).click()
    page.wait_for_timeout(300)
    box.locator(f".st-key-{key}_commit button").click()
    _settle(page)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_teacher_paced_class(browser, class_server, class_folder, lang):
    url, cat = class_server, CAT[lang]
    first, second = questions(lang)[0], questions(lang)[1]
    assert first.station == second.station == "sequential"
    locale = "pt-BR" if lang == "pt" else "en-US"
    contexts = [browser.new_context(viewport={"width": 1280, "height": 720}, locale=locale) for _ in range(4)]
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        teacher, alice, bob, carol = (c.new_page() for c in contexts)
        teacher.goto(f"{url}/teacher?lang={lang}")
        _settle(teacher)
        # The teacher's pages have their own section in the navigation.
        assert cat["teacher.nav_section"] in teacher.locator("[data-testid='stSidebarNav']").inner_text()
        teacher.locator("[data-testid='stMain'] input[type='text']").first.fill("Turma 3B")
        teacher.get_by_role("button", name=cat["teacher.create"]).click()
        teacher.locator("[data-testid='rnnlab-class-code']").wait_for(timeout=60_000)
        _settle(teacher)
        code = teacher.locator("[data-testid='rnnlab-class-code']").first.inner_text().strip()
        assert re.fullmatch(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}", code), code
        assert "teacher=" not in teacher.url and "class=" not in teacher.url
        teacher.screenshot(path=str(SHOTS / f"board-setup-{lang}.png"))

        # Alice and Bob join through the QR link; Bob turns "follow the teacher" on.
        for student in (alice, bob):
            student.goto(f"{url}/?lang={lang}&class={code}")
            _settle(student)
            assert code in student.locator("[data-testid='stSidebar']").inner_text()
        _until(lambda: teacher.locator("[data-testid='stMetricValue']").first.inner_text().strip() == "2", label="2 joined")

        # The teacher puts the first question on the projector.
        _press(teacher, cat["teacher.next"], lambda: first.prompt[:40] in _main_text(teacher), "the question on the board",
               class_folder, code)
        shown = _until(lambda: _bars(teacher, lang), label="bars")
        assert shown["x"] == [0] * len(first.options) and not any("✓" in y for y in shown["y"])

        # Both students see the banner; Alice goes there with its button, Bob follows the teacher.
        lead = cat["teacher.focus_banner"].split("{")[0].replace("*", "").strip()  # "The class is on this question:"
        for student in (alice, bob):
            _until(lambda s=student: _banner_shows(s, lead, first.prompt[:30]), label="the banner")
        bob.locator(".st-key-_class_follow label").first.click()
        _until(lambda: _on_station1(bob, lang), label="Bob taken to station 1")
        alice.get_by_role("link", name=cat["teacher.focus_go"]).first.click()  # the banner's link to the station
        _until(lambda: _on_station1(alice, lang), label="Alice at station 1")
        _settle(alice)
        _settle(bob)
        wrong = next(i for i in range(len(first.options)) if i != first.correct)
        _commit(alice, first.id, first.correct)
        _commit(bob, first.id, wrong)
        expected = [0] * len(first.options)
        expected[first.correct] += 1
        expected[wrong] += 1
        shown = _until(lambda: (b := _bars(teacher, lang)) and [int(v) for v in b["x"]] == expected and b,
                       label="live counts")
        assert not any("✓" in y for y in shown["y"])  # not revealed yet
        assert _until(lambda: "2 / 2" in _main_text(teacher), label="answered / joined")
        _above_the_fold(teacher, lang)
        teacher.screenshot(path=str(SHOTS / f"board-{lang}.png"))

        # Carol joins late: she lands on the focused question, not committed.
        carol.goto(f"{url}/?lang={lang}&class={code}")
        _until(lambda: _on_station1(carol, lang), label="late joiner lands on the question")
        _settle(carol)
        carol.locator(f".st-key-_pred_{first.id.replace('.', '_')}_box").wait_for(timeout=60_000)

        # Reveal: the right option marked on the board, the measured answer shown there and unfolded on
        # Carol's screen at her next poll.
        _press(teacher, cat["teacher.reveal"], lambda: (b := _bars(teacher, lang)) and any("✓" in y for y in b["y"]),
               "the right option marked", class_folder, code)
        shown = _bars(teacher, lang)
        assert [i for i, y in enumerate(shown["y"]) if "✓" in y] == [first.correct]
        assert first.measured[:30] in _main_text(teacher)
        _until(lambda: first.measured[:30] in _main_text(carol), label="revealed on Carol's page")
        teacher.screenshot(path=str(SHOTS / f"board-revealed-{lang}.png"))

        # Next question: the board and the banners move on.
        _press(teacher, cat["teacher.next"], lambda: second.prompt[:40] in _main_text(teacher), "next question on the board",
               class_folder, code)
        _until(lambda: _banner_shows(bob, lead, second.prompt[:30]), label="Bob's banner on the next question")

        # F5 on the board: the same class (board token cookie), the key nowhere in the URL.
        teacher.reload()
        _settle(teacher)
        assert teacher.locator("[data-testid='rnnlab-class-code']").first.inner_text().strip() == code
        assert "teacher=" not in teacher.url
        _until(lambda: second.prompt[:40] in _main_text(teacher), label="board after reload")

        # Presenter mode on the projector.
        teacher.goto(f"{url}/teacher?lang={lang}&present=1")
        _settle(teacher)
        _until(lambda: second.prompt[:40] in _main_text(teacher), label="board in presenter mode")
        _above_the_fold(teacher, lang)
        teacher.screenshot(path=str(SHOTS / f"board-present-{lang}.png"))

        # Close the class: students are told at their next poll.
        teacher.get_by_role("tab", name=cat["teacher.tab_class"]).click()
        teacher.get_by_role("button", name=cat["teacher.close"]).click()
        teacher.get_by_role("button", name=cat["teacher.close_confirm"]).click()
        _settle(teacher)
        assert cat["teacher.closed_done"] in _main_text(teacher)
        notice = cat["teacher.closed_now"].format(code=code)
        for student in (alice, bob, carol):
            _until(lambda s=student: notice in s.locator("[data-testid='stAppViewContainer']").inner_text(),
                   timeout=30, label="closed-class notice")
            assert_no_exception(student)
    finally:
        for c in contexts:
            c.close()


# Races students sent, one per task, with final losses far below the baseline (0.0008 once drew a "100μ" tick)
# and one NaN (a diverged cell, left out of the chart).
RACES = [
    {"task": "adding", "length": 50, "steps": 600, "hidden": 32, "lr": 0.02, "clip": 1.0,
     "results": {"rnn": {"final_loss": 0.16}, "lstm": {"final_loss": 0.0008}, "gru": {"final_loss": 0.0005}}},
    {"task": "latch", "length": 20, "steps": 300, "hidden": 32, "lr": 0.01, "clip": None,
     "results": {"rnn": {"final_loss": 0.69}, "lstm": {"final_loss": 0.002}, "gru": {"final_loss": float("nan")}}},
    {"task": "series", "length": 30, "steps": 1200, "hidden": 64, "lr": 0.005, "clip": 5.0,
     "results": {"rnn": {"final_loss": 0.7}, "lstm": {"final_loss": 0.04}, "gru": {"final_loss": 0.01}}},
]


TICKS_JS = "() => [...document.querySelectorAll('.st-key-class-races .ytick text')].map(e => e.textContent)"
WIDE_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller')]
  .map(s => s.scrollWidth - s.clientWidth)"""  # how far each table scrolls sideways


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_races_tab_fits_the_projector(browser, class_server, class_folder, lang):
    """Issue 18 §4: on the board (1280x720, normal and presenter mode) the races chart's texts are neither cut off
    nor run into each other (the stations' clipping check), its ticks have no SI prefixes, and the races table
    needs no horizontal scrolling."""
    url, cat = class_server, CAT[lang]
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    try:
        teacher = context.new_page()
        teacher.goto(f"{url}/teacher?lang={lang}")
        _settle(teacher)
        teacher.get_by_role("button", name=cat["teacher.create"]).click()
        teacher.locator("[data-testid='rnnlab-class-code']").wait_for(timeout=60_000)
        code = teacher.locator("[data-testid='rnnlab-class-code']").first.inner_text().strip()
        store = ClassStore(f"sqlite:///{class_folder}/classroom.sqlite3")
        try:
            for n, race in enumerate(RACES, start=1):
                store.submit_race(code, f"student-{n}", race)
        finally:
            store.dispose()
        for present in ("", "&present=1"):
            teacher.goto(f"{url}/teacher?lang={lang}{present}")
            _settle(teacher)
            teacher.get_by_role("tab", name=cat["teacher.tab_races"]).click()
            _settle(teacher)
            # drawn: the chart's tick labels and the table's scroller (the board reruns every 2 s: wait, then look)
            ticks = _until(lambda: teacher.evaluate(TICKS_JS), timeout=60, label="the races chart")
            wide = _until(lambda: teacher.evaluate(WIDE_JS), timeout=60, label="the races table")
            teacher.wait_for_timeout(800)
            problems = teacher.evaluate(CLIPPED_JS)["problems"]
            assert not problems, problems
            assert not any("μ" in tick or tick.endswith("m") for tick in ticks), ticks
            assert max(wide) <= 1, f"the races table scrolls sideways by {wide} px"
            teacher.locator(".st-key-class-races").scroll_into_view_if_needed()
            teacher.screenshot(path=str(SHOTS / f"board-races-{lang}{'-present' if present else ''}.png"))
    finally:
        context.close()
