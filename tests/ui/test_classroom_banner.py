"""AppTest: the student side of class mode — the focus banner, following the teacher, landing on
the class's question, the closed-class notice, a locked class, a bad database URL, and who counts
as a (new) student.

Most tests run a small router (``ROUTER`` below) with the real registry's pages replaced by
one-line pages, so a page switch costs nothing; the real ``app.py`` is used where the real sidebar
is what is tested (bad URL, teacher link). The teacher's side is driven through the store.
"""

from __future__ import annotations

import textwrap

import pytest
from streamlit.testing.v1 import AppTest

from classroom.store import ClassStore
from pages.teacher import texts as catalog
from tests.apptest_helpers import APP, assert_clean
from ui.shell.catalogs import in_language
from ui.shell.predictions import question
from ui.shell.stations import STATIONS
from ui.widgets import classroom as classroom_ui

CAT = {lang: in_language(catalog.TEXTS, lang) for lang in ("pt", "en")}
FOCUS = "gradients.distance50"  # a station-3 prediction (ui.shell.predictions)

ROUTER = """
import streamlit as st
from ui.shell.stations import HOME, STATIONS
from ui.shell.state import enter_page
from ui.widgets.classroom import focus_banner, join_box

st.session_state.setdefault("lang", st.query_params.get("lang", "en"))
page = st.navigation([st.Page(s.path, title=s.slug, url_path=s.url_path, default=(s == HOME)) for s in STATIONS])
with st.sidebar:
    join_box(page.url_path)
enter_page(page.url_path)
focus_banner()
page.run()
"""


@pytest.fixture
def router(tmp_path, monkeypatch):
    """The router script, one-line pages (``PAGE <slug>``) and a fresh SQLite class store."""
    for s in STATIONS:
        folder = tmp_path / "pages" / s.slug  # no __init__.py: the real `pages` package stays the one imported
        folder.mkdir(parents=True)
        (folder / "page.py").write_text(f"import streamlit as st\nst.markdown('PAGE {s.slug}')\n")
    (tmp_path / "router.py").write_text(textwrap.dedent(ROUTER))
    monkeypatch.setenv("RNN_LAB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RNN_LAB_CLASS_DB", raising=False)
    classroom_ui.FOCUS_CACHE.clear()
    return tmp_path / "router.py"


@pytest.fixture
def store(router):
    s = ClassStore()
    yield s
    s.dispose()


def student(router, code: str | None = None, lang: str = "en", page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(router), default_timeout=120)
    at.query_params["lang"] = lang
    if code:
        at.query_params["class"] = code
    at.run()
    if page:
        at.switch_page(f"pages/{page}/page.py").run()
    assert_clean(at)
    return at


def shown(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "info", "warning", "success") for el in at.get(kind))


def on_page(at) -> str:
    return next(m.value for m in at.markdown if str(m.value).startswith("PAGE ")).removeprefix("PAGE ")


def poll(at) -> AppTest:
    """The next poll: the shared read is fresh again (FOCUS_TTL has passed), the page runs."""
    classroom_ui.FOCUS_CACHE.clear()
    return at.run()


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_banner_shows_the_focused_question_and_goes_there(router, store, lang):
    k = store.create_class()
    at = student(router, k.code, lang)
    assert on_page(at) == "home" and CAT[lang]["teacher.focus_banner"].split("**")[1] not in shown(at)
    store.set_focus(k.code, k.teacher_key, FOCUS)
    poll(at)
    prompt = question(FOCUS, lang).prompt
    assert CAT[lang]["teacher.focus_banner"].format(prompt=prompt) in shown(at)
    assert on_page(at) == "home"  # not following: the student stays where she is
    links = [link for link in at.get("page_link") if link.proto.label == CAT[lang]["teacher.focus_go"]]
    assert [link.proto.page for link in links] == ["gradients"]  # a link to the question's station
    at.switch_page("pages/gradients/page.py").run()  # the student follows the link
    assert_clean(at)
    assert on_page(at) == "gradients"
    assert not [link for link in at.get("page_link") if link.proto.label == CAT[lang]["teacher.focus_go"]]
    store.set_focus(k.code, k.teacher_key, FOCUS, revealed=True)
    poll(at)
    assert CAT[lang]["teacher.focus_revealed"].format(prompt=prompt) in shown(at)
    assert classroom_ui.class_focus  # the page's predictions read it (ui.widgets.prediction.revealed)
    assert at.session_state[classroom_ui.STATE]["seen"] == (FOCUS, True)


def test_class_focus_is_one_shared_read_per_class(router, store):
    k = store.create_class()
    store.set_focus(k.code, k.teacher_key, FOCUS)
    students = [student(router, k.code) for _ in range(3)]
    before = classroom_ui.FOCUS_CACHE.reads
    for at in students:
        at.run()
        assert_clean(at)
    assert classroom_ui.FOCUS_CACHE.reads - before <= 1  # three students, one read (within FOCUS_TTL)


def test_follow_the_teacher(router, store):
    k = store.create_class()
    store.set_focus(k.code, k.teacher_key, "conclusion.q1")
    at = student(router, k.code, page="sequential")  # joined before: landed on the quiz, then walked away
    assert on_page(at) == "sequential"
    at.toggle(key=classroom_ui.FOLLOW_KEY).set_value(True).run()  # turned on: taken to the question now
    assert_clean(at)
    assert on_page(at) == "conclusion"
    store.set_focus(k.code, k.teacher_key, FOCUS)  # the teacher moves on: a follower moves with her
    poll(at)
    assert on_page(at) == "gradients"
    assert at.toggle(key=classroom_ui.FOLLOW_KEY).value is True  # still following on the new page
    at.toggle(key=classroom_ui.FOLLOW_KEY).set_value(False).run()
    store.set_focus(k.code, k.teacher_key, "lab.adding50")
    poll(at)
    assert on_page(at) != "lab"  # no longer following


def test_a_late_joiner_lands_on_the_focused_question(router, store):
    k = store.create_class()
    assert classroom_ui.HOME_SLUG == STATIONS[0].slug
    store.set_focus(k.code, k.teacher_key, FOCUS)
    at = student(router, k.code)  # the QR code opens the home page
    assert_clean(at)
    assert on_page(at) == "gradients"
    at.switch_page("pages/home/page.py").run()
    poll(at)
    assert on_page(at) == "home"  # only once: afterwards the student may walk where she likes


def test_closed_class_is_told_at_the_next_poll(router, store):
    k = store.create_class()
    at = student(router, k.code, "pt")
    assert CAT["pt"]["teacher.in_class"].format(code=k.code) in shown(at)
    store.close_class(k.code, k.teacher_key)
    poll(at)
    assert_clean(at)
    assert CAT["pt"]["teacher.closed_now"].format(code=k.code) in shown(at)
    assert [toast.value for toast in at.toast] == [CAT["pt"]["teacher.closed_now"].format(code=k.code)]
    assert CAT["pt"]["teacher.in_class"].format(code=k.code) not in shown(at)
    assert at.session_state[classroom_ui.STATE]["code"] is None
    assert "class" not in at.query_params


def test_locked_class(router, store):
    k = store.create_class()
    inside = student(router, k.code)
    store.set_locked(k.code, k.teacher_key, True)
    late = student(router, k.code, "pt")
    assert CAT["pt"]["teacher.locked"] in shown(late)
    assert late.session_state[classroom_ui.STATE]["code"] is None
    poll(inside)
    assert CAT["en"]["teacher.in_class"].format(code=k.code) in shown(inside)  # already in: keeps working
    assert store.results(k.code, k.teacher_key)["joined"] == 1


def test_new_students_are_counted_once(router, store):
    k = store.create_class()
    a = student(router, k.code)
    assert store.results(k.code, k.teacher_key)["joined"] == 1
    a.run()
    poll(a)
    a.switch_page("pages/lab/page.py").run()
    assert store.results(k.code, k.teacher_key)["joined"] == 1  # reruns and page changes are the same student
    # The teacher page with ?class=CODE (no key) is the teacher's link: it joins no one.
    t = AppTest.from_file(str(router), default_timeout=120)
    t.run()
    t.query_params["class"] = k.code
    t.switch_page("pages/teacher/page.py").run()
    assert on_page(t) == "teacher"
    assert_clean(t)
    assert classroom_ui.STATE not in t.session_state or t.session_state[classroom_ui.STATE]["code"] is None
    student(router, k.code.lower())
    assert store.results(k.code, k.teacher_key)["joined"] == 2


def test_visits_feed_the_stations_panel(router, store, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(classroom_ui.time, "monotonic", lambda: now[0])
    k = store.create_class()
    a, b = student(router, k.code), student(router, k.code)  # both reported on home
    assert store.results(k.code, k.teacher_key)["stations"] == {"home": 2}
    now[0] += classroom_ui.VISIT_GAP
    a.switch_page("pages/gates/page.py").run()
    b.switch_page("pages/lab/page.py").run()
    assert store.results(k.code, k.teacher_key)["stations"] == {"gates": 1, "lab": 1}
    a.switch_page("pages/lab/page.py").run()
    assert store.results(k.code, k.teacher_key)["stations"] == {"gates": 1, "lab": 1}  # not within VISIT_GAP
    now[0] += classroom_ui.VISIT_GAP
    a.run()  # a new station is reported VISIT_GAP s after the last report
    b.run()  # the same station: not again within VISIT_EVERY
    assert store.results(k.code, k.teacher_key)["stations"] == {"lab": 2}


@pytest.mark.parametrize("url", ["not a url ://", "mysql+mysqldb://u:secret@h/db", "postgresql+psycopg2://u:secret@h/db",
                                 "nosuchdb://u@h/db"])
def test_a_bad_database_url_says_class_mode_is_unavailable(tmp_path, monkeypatch, url):
    monkeypatch.setenv("RNN_LAB_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RNN_LAB_CLASS_DB", url)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = "pt"
    at.query_params["class"] = "ABCDEF"
    at.run()
    assert_clean(at)
    assert not at.exception
    assert CAT["pt"]["teacher.mode_unavailable"] in shown(at)
    assert "secret" not in shown(at)  # the URL (and its password) stays in the log
    assert not list(tmp_path.iterdir())


def test_cookie_ids_must_match_exactly(monkeypatch):
    good = "0123456789abcdef" * 2
    for raw, expected in ((good, good), (good + "\n", None), (good.upper(), None), (good[:-1], None), (None, None)):
        monkeypatch.setattr(classroom_ui.st, "context", type("C", (), {"cookies": {classroom_ui.COOKIE: raw}})())
        assert classroom_ui._cookie_id() == expected
    assert classroom_ui.clean_code("ABCDEF\n") == "ABCDEF"  # whitespace is stripped, then fullmatch
    assert classroom_ui.clean_code("ABCDEFG") is None and classroom_ui.clean_code("ABCDE") is None


def test_write_burst_takes_a_resubmitted_quiz(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(classroom_ui.time, "monotonic", lambda: now[0])
    state = {"tokens": classroom_ui.WRITE_BURST, "refilled": now[0]}
    assert all(classroom_ui._may_write(state) for _ in range(3 * 8))  # 8 answers, changed twice, within a second
    assert not classroom_ui._may_write(state)
    now[0] += 1.0
    assert [classroom_ui._may_write(state) for _ in range(3)] == [True, True, False]  # then 2 per second


def test_class_creation_cap(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(classroom_ui.time, "monotonic", lambda: now[0])
    at = AppTest.from_string("from ui.widgets import classroom as c\nimport streamlit as st\n"
                             "st.session_state['ok'] = [c.may_create_class() for _ in range(7)]\n")
    at.run()
    assert at.session_state["ok"] == [True] * classroom_ui.CREATE_LIMIT + [False] * (7 - classroom_ui.CREATE_LIMIT)
