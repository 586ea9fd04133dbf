"""AppTest: class mode end to end — a teacher creates a class, students join (link or code) and
answer the quiz / finish a race, the teacher page counts them; junk links; class mode off."""

from __future__ import annotations

import html
import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from pages.teacher import texts as catalog
from services import jobs, quiz
from tests.apptest_helpers import (
    APP,
    answer_quiz_question,
    assert_clean,
    decode,
    figures,
    open_page,
    run_page,
)
from ui.shell.catalogs import in_language

CAT = {"pt": in_language(catalog.TEXTS, "pt"), "en": in_language(catalog.TEXTS, "en")}
RAW_CLASS_KEY = re.compile(r"\bteacher\.[a-z][a-z0-9_]*\b")
TEACHER = "pages/teacher/page.py"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh data folder per test (so a fresh SQLite class database and store)."""
    folder = tmp_path / "lab-data"
    monkeypatch.setenv("RNN_LAB_DATA_DIR", str(folder))
    monkeypatch.delenv("RNN_LAB_CLASS_DB", raising=False)
    return folder


def texts(at) -> str:
    out = []
    for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title", "metric"):
        for el in at.get(kind):
            out.append(str(getattr(el, "value", "")))
            out.append(str(getattr(el, "label", "")))
    return "\n".join(out)


def clean(at) -> None:
    assert_clean(at)
    assert RAW_CLASS_KEY.findall(texts(at)) == []


def first_run(params: dict[str, str], lang: str = "en") -> AppTest:
    """One run of the app with these URL parameters (messages shown once are still on screen).

    (Streamlit 1.67's AppTest re-executes app.py's sidebar on a later run only after a
    ``switch_page``, so tests that use the sidebar go through :func:`run_page`.)"""
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def create_class(lang: str = "en", present: bool = False, title: str = "Turma 3B") -> tuple:
    at = run_page(TEACHER, lang=lang, present=present, timeout=180)
    clean(at)
    at.text_input(key="_class_title").input(title)
    button(at, CAT[lang]["teacher.create"]).click().run()
    clean(at)
    keys = at.session_state["_class_teacher"]
    return at, keys["code"], keys["key"]


def answer_quiz(at, answers: dict[str, int], lang: str = "en"):
    for question in quiz.QUESTIONS:  # station 6 asks one question at a time (tests.apptest_helpers)
        if question.key in answers:
            answer_quiz_question(at, question.key, answers[question.key])
            clean(at)
    return at


def tally(at, lang: str = "en") -> dict[str, dict[str, int]]:
    """Counts per question and option read back from the teacher page's bar charts."""
    from ui.shell.catalogs import CATALOGS

    found: dict[str, dict[str, int]] = {}
    for fig in figures(at):
        bars = fig["data"][0] if fig.get("data") else {}
        if bars.get("type") != "bar" or bars.get("orientation") != "h":
            continue
        labels = [str(y).replace("<br>", " ") for y in decode(bars["y"])]
        counts = decode(bars["x"])
        for question in quiz.QUESTIONS:
            first = html.escape(CATALOGS[lang][question.option_keys[0]])
            if labels[0].startswith(f"a) {first[:20]}"):
                found[question.key] = {letter: int(n) for letter, n in zip("abcd", counts, strict=False) if n}
    return {k: v for k, v in found.items() if v}


def test_teacher_two_students_counts_match(data_dir):
    teacher, code, key = create_class("en")
    assert re.fullmatch(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}", code)
    assert len(key) >= 22
    assert code in texts(teacher) or any(code in str(h.proto) for h in teacher.get("html"))
    assert "teacher" not in teacher.query_params  # the key never sits in the projected address bar
    assert [el.value for el in teacher.text] == ["Turma 3B"]

    # Student A joins through the QR link (?class=CODE) and answers on station 6.
    a = open_page("pages/conclusion/page.py", lang="en", **{"class": code.lower()})
    clean(a)
    assert CAT["en"]["teacher.in_class"].format(code=code) in texts(a)
    answer_quiz(a, {"conclusion.q1": 2, "conclusion.q2": 0})
    # Student B types the code in the sidebar box, in Portuguese, and changes an answer.
    b = run_page("pages/conclusion/page.py", lang="pt", timeout=180)
    b.sidebar.text_input(key="_class_code_input").input(f" {code[:3]}-{code[3:].lower()} ")
    button(b, CAT["pt"]["teacher.join"]).click().run()
    clean(b)
    assert CAT["pt"]["teacher.in_class"].format(code=code) in texts(b)
    answer_quiz(b, {"conclusion.q1": 2, "conclusion.q2": 1}, lang="pt")
    answer_quiz(b, {"conclusion.q2": 3}, lang="pt")  # one vote per student: the new answer replaces the old

    teacher.run()
    clean(teacher)
    assert [m.value for m in teacher.metric] == ["2"]
    assert tally(teacher) == {"conclusion.q1": {"c": 2}, "conclusion.q2": {"a": 1, "d": 1}}
    # The correct option is the one marked (q1's right answer is c).
    q1 = next(f for f in figures(teacher) if f["data"][0].get("orientation") == "h")
    labels = [str(y) for y in decode(q1["data"][0]["y"])]
    assert [i for i, y in enumerate(labels) if CAT["en"]["teacher.correct_mark"] in y] == [quiz.QUESTIONS[0].correct]

    # A second teacher session opens the teacher link: same counts; the link leaves the URL.
    other = run_page(TEACHER, lang="pt", params={"class": code, "teacher": key}, timeout=180)
    clean(other)
    assert "teacher" not in other.query_params and "class" not in other.query_params
    assert tally(other, "pt") == {"conclusion.q1": {"c": 2}, "conclusion.q2": {"a": 1, "d": 1}}
    assert not other.session_state["_classroom"]["code"] if "_classroom" in other.session_state else True


def _race(at, timeout: float = 240):
    """Start a race and rerun (as the page's live fragment would) until its evidence is recorded."""
    at.button(key="_s5_start").click().run()
    deadline = time.monotonic() + timeout
    while "lab" not in (at.session_state["_evidence"] if "_evidence" in at.session_state else {}):
        assert time.monotonic() < deadline, "the race did not finish in time"
        time.sleep(0.2)
        at.run()
        clean(at)
    return at.session_state["_evidence"]["lab"]


def test_a_finished_race_reaches_the_teacher(data_dir, monkeypatch):
    monkeypatch.setattr(jobs, "JOBS", jobs.JobBoard(slots=2))
    teacher, code, key = create_class("pt", present=True)
    s = open_page("pages/lab/page.py", lang="en", steps=50, length=5, **{"class": code})
    evidence = _race(s)
    s.run()  # a rerun does not send the same race twice
    clean(s)
    teacher.run()
    clean(teacher)
    table = teacher.dataframe[0].value
    assert len(table) == 1
    assert table[CAT["pt"]["teacher.col_length"]].tolist() == [5]
    assert table[CAT["pt"]["teacher.col_steps"]].tolist() == [50]
    for cell in ("rnn", "lstm", "gru"):
        column = CAT["pt"]["teacher.col_loss"].format(cell=CAT["pt"][f"teacher.cell_{cell}"])
        assert table[column].tolist() == [pytest.approx(evidence.results[cell].final_loss)]
    chart = next(f for f in figures(teacher) if f["layout"]["title"]["text"] == CAT["pt"]["teacher.races_chart_title"])
    assert {tr["name"] for tr in chart["data"]} == {CAT["pt"][f"teacher.cell_{c}"] for c in ("rnn", "lstm", "gru")}


def test_close_class(data_dir):
    teacher, code, key = create_class("en")
    s = open_page("pages/home/page.py", lang="en", **{"class": code})
    clean(s)
    button(teacher, CAT["en"]["teacher.close"]).click().run()
    button(teacher, CAT["en"]["teacher.close_confirm"]).click().run()
    clean(teacher)
    assert "_class_teacher" not in teacher.session_state
    assert CAT["en"]["teacher.closed_done"] in texts(teacher)
    # A student who tries to join now gets a plain message.
    late = first_run({"class": code})
    clean(late)
    assert CAT["en"]["teacher.not_found"] in texts(late)


JUNK_CODES = ["<script>alert(1)</script>", "x" * 5000, "'; DROP TABLE rnnlab_classes; --", "ZZZZZZ", "ab\u0000cd",
              "0O1IL0", "", "%00", "😀" * 6]


@pytest.mark.parametrize("junk", JUNK_CODES, ids=[f"junk{i}" for i in range(len(JUNK_CODES))])
def test_junk_class_codes_in_the_url(data_dir, junk):
    at = first_run({"class": junk}, lang="pt")
    clean(at)
    assert CAT["pt"]["teacher.bad_link_code"] in texts(at) or CAT["pt"]["teacher.not_found"] in texts(at)
    assert "<script>" not in texts(at)
    assert at.session_state["_classroom"]["code"] is None


@pytest.mark.parametrize(("code", "key"), [("ABCDEF", "x"), ("<b>hi</b>", "k" * 30), ("ABCDEF", "k" * 5000),
                                           ("", ""), ("ABCDEF", "<script>alert(1)</script>"),
                                           ("ABC\u0000EF", "a\u0000" * 20)])
def test_junk_teacher_links(data_dir, code, key):
    at = run_page(TEACHER, lang="en", params={"class": code, "teacher": key}, timeout=180)
    clean(at)
    msgs = texts(at)
    assert CAT["en"]["teacher.bad_teacher_link"] in msgs or CAT["en"]["teacher.teacher_closed"] in msgs
    assert "_class_teacher" not in at.session_state
    assert "teacher" not in at.query_params


def test_wrong_teacher_key(data_dir):
    _, code, key = create_class("en")
    at = run_page(TEACHER, lang="en", params={"class": code, "teacher": key[:-2] + "zz"}, timeout=180)
    clean(at)
    assert CAT["en"]["teacher.wrong_key"] in texts(at)
    assert "_class_teacher" not in at.session_state


def test_join_rate_limit(monkeypatch):
    from ui.widgets import classroom as classroom_ui

    now = [1000.0]
    monkeypatch.setattr(classroom_ui.time, "monotonic", lambda: now[0])
    state = {"joins": []}
    assert [classroom_ui._may_join(state) for _ in range(6)] == [True] * 5 + [False]
    now[0] += classroom_ui.JOIN_WINDOW + 0.1
    assert classroom_ui._may_join(state)


def test_write_rate_limit(monkeypatch):
    from ui.widgets import classroom as classroom_ui

    now = [1000.0]
    monkeypatch.setattr(classroom_ui.time, "monotonic", lambda: now[0])
    state = {"tokens": classroom_ui.WRITE_BURST, "refilled": now[0]}
    burst = int(classroom_ui.WRITE_BURST)
    allowed = [classroom_ui._may_write(state) for _ in range(burst + 5)]
    assert allowed == [True] * burst + [False] * 5  # a burst (a whole quiz, changed twice), then refused
    now[0] += 1.0
    assert [classroom_ui._may_write(state) for _ in range(3)] == [True, True, False]  # 2 per second


def test_class_mode_off_creates_no_database(data_dir, monkeypatch):
    monkeypatch.setattr(jobs, "JOBS", jobs.JobBoard(slots=2))
    at = run_page("pages/conclusion/page.py", lang="en", timeout=180)
    answer_quiz(at, {"conclusion.q1": 1})
    at = run_page(TEACHER, lang="pt", timeout=180)
    clean(at)
    s = open_page("pages/lab/page.py", lang="en", steps=50, length=5)
    _race(s)
    assert not data_dir.exists()


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_teacher_page_renders_clean(data_dir, lang, present):
    title = "<b>3B</b> **[x](https://e.x)**"
    at, code, _ = create_class(lang, present, title=title)
    assert [el.value for el in at.text] == [title]  # shown as typed: st.text, not Markdown or HTML
    assert CAT[lang]["teacher.quiz_none"] in texts(at) and CAT[lang]["teacher.races_none"] in texts(at)
    assert len(at.get("imgs")) + len(at.get("image")) >= 1  # the QR code


def test_database_down_gives_plain_messages(data_dir, monkeypatch):
    monkeypatch.setenv("RNN_LAB_CLASS_DB", "sqlite:////proc/no-such-folder/classes.sqlite3")
    at = run_page(TEACHER, lang="en", timeout=180)
    at.text_input(key="_class_title").input("A")
    button(at, CAT["en"]["teacher.create"]).click().run()
    clean(at)
    assert CAT["en"]["teacher.unavailable"] in texts(at)
    assert "_class_teacher" not in at.session_state
    student = first_run({"class": "ABCDEF"})
    clean(student)
    assert CAT["en"]["teacher.unavailable"] in texts(student)


def test_one_question_shown_large(data_dir):
    teacher, code, _ = create_class("en")
    a = open_page("pages/conclusion/page.py", lang="en", **{"class": code})
    answer_quiz(a, {"conclusion.q4": 1})
    teacher.run()
    assert len(tally_figures := [f for f in figures(teacher) if f["data"][0].get("orientation") == "h"]) == 8
    teacher.segmented_control(key="_class_q_pick").set_value(4).run()
    clean(teacher)
    bars = [f for f in figures(teacher) if f["data"][0].get("orientation") == "h"]
    assert len(bars) == 1 and len(tally_figures) == 8
    assert tally(teacher) == {"conclusion.q4": {"b": 1}}


def test_the_cached_views_are_shared_and_never_modified(data_dir):
    """The live part reruns every few seconds: while no answer arrives it gets the very same cached
    figure back, and showing it (in two sessions) changes nothing in it."""
    from pages.teacher import view as teacher_view

    teacher, code, key = create_class("en")
    a = open_page("pages/conclusion/page.py", lang="en", **{"class": code})
    answer_quiz(a, {"conclusion.q4": 1})
    counts = teacher_view.tally({"conclusion.q4": {"b": 1}}, 4)
    assert counts == (0, 1, 0, 0)[: quiz.QUESTIONS[3].options]
    panel = teacher_view.question_view(4, counts, False, "en", False)
    before = panel.fig.to_json()
    teacher.run()
    other = run_page(TEACHER, lang="en", params={"class": code, "teacher": key}, timeout=180)
    clean(teacher)
    clean(other)
    assert teacher_view.question_view(4, counts, False, "en", False) is panel
    assert panel.fig.to_json() == before
    assert tally(teacher) == tally(other) == {"conclusion.q4": {"b": 1}}
    race = {"student": 1, "result": {"task": "adding", "length": 10, "results": {"rnn": {"final_loss": 0.1}}}}
    shown = teacher_view.races_view([race], "en", False)
    assert teacher_view.races_view([race], "en", False) is shown and len(shown.table) == 1
    assert teacher_view.races_view([{"student": 1, "result": {"task": "bogus", "length": 10}}], "en", False) is None
