"""AppTest: the teacher's board — create, focus → counts → reveal → next, lock joining, the board kept
across a reload without the key in the URL (board token cookie), reopen form, old and forged teacher
links, store trouble, the cap on classes per session, close — and its views (races against each
task's baseline, shared cached figures)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from classroom.store import ClassLocked, ClassStore, StoreUnavailable, default_url
from pages.teacher import session as board_session
from pages.teacher import texts as catalog
from pages.teacher import view as board_view
from tests.apptest_helpers import APP, assert_clean, decode, figures, open_page, run_page
from ui.shell.catalogs import in_language
from ui.shell.predictions import question, questions

CAT = {"pt": in_language(catalog.TEXTS, "pt"), "en": in_language(catalog.TEXTS, "en")}
RAW_CLASS_KEY = re.compile(r"\bteacher\.[a-z][a-z0-9_]*\b")
TEACHER = "pages/teacher/page.py"
PICK = "_class_focus_pick"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh data folder per test (so a fresh SQLite class database and store)."""
    folder = tmp_path / "lab-data"
    monkeypatch.setenv("RNN_LAB_DATA_DIR", str(folder))
    monkeypatch.delenv("RNN_LAB_CLASS_DB", raising=False)
    return folder


@pytest.fixture
def store(data_dir):
    s = ClassStore(default_url())
    yield s
    s.dispose()


def texts(at) -> str:
    out = []
    for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title", "metric", "text"):
        for el in at.get(kind):
            out.append(str(getattr(el, "value", "")))
            out.append(str(getattr(el, "label", "")))
    return "\n".join(out)


def clean(at) -> None:
    assert_clean(at)
    assert RAW_CLASS_KEY.findall(texts(at)) == []


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def board(at) -> dict | None:
    return at.session_state[board_session.BOARD] if board_session.BOARD in at.session_state else None


def create_class(lang: str = "en", present: bool = False, title: str = "Turma 3B") -> tuple:
    """A teacher session that created a class: (AppTest, code, board token, teacher key)."""
    at = run_page(TEACHER, lang=lang, present=present, timeout=180)
    clean(at)
    at.text_input(key="_class_title").input(title)
    button(at, CAT[lang]["teacher.create"]).click().run()
    clean(at)
    opened = board(at)
    return at, opened["code"], opened["token"], at.session_state[board_session.KEY_ONCE]


def bars(at) -> dict | None:
    """The focused question's bar chart (its counts, labels, colours), or None: the figure titled
    "Answers: n" / "Respostas: n"."""
    heads = tuple(CAT[lang]["teacher.answers_count"].split("{")[0] for lang in CAT)
    for fig in figures(at):
        title = fig.get("layout", {}).get("title", {})
        if isinstance(title, dict) and str(title.get("text", "")).startswith(heads):
            data = fig["data"][0]
            colors = decode(data["marker"]["color"])
            return {"x": [int(v) for v in decode(data["x"])], "y": [str(v) for v in decode(data["y"])],
                    "colors": colors if isinstance(colors, list) else [colors]}
    return None


def teacher_first(params: dict[str, str], lang: str = "en") -> AppTest:
    """A session that opens ``/teacher?…`` (``run_page`` would give home the parameters first: AppTest
    starts on the main page, so this one opens home without them, then the teacher page with them)."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(TEACHER).run()
    return at


def student_ids(n: int, start: int = 0) -> list[str]:
    return [f"{i:032x}" for i in range(start, start + n)]


# --------------------------------------------------------------------------- create and the board


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_create_shows_the_setup_board_without_the_key_in_the_url(data_dir, lang, present):
    title = "<b>3B</b> **[x](https://e.x)**"
    at, code, token, key = create_class(lang, present, title=title)
    assert re.fullmatch(r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}", code)
    assert any(code in str(h.proto) for h in at.get("html"))  # the code in large type
    assert len(at.get("imgs")) + len(at.get("image")) >= 1  # the QR code
    assert "teacher" not in at.query_params and "class" not in at.query_params
    assert token != key and len(key) >= 22 and len(token) == 32
    assert [el.value for el in at.text] == [title]  # shown as typed: st.text, not Markdown or HTML
    assert [m.value for m in at.metric] == ["0"]
    assert bars(at) is None  # no question on the projector yet: no bars, no ✓
    assert CAT[lang]["teacher.start_hint"] in texts(at)
    # The key is in this session's folded box until hidden, and nowhere else.
    assert any(key in str(c.value) for c in at.code)
    button(at, CAT[lang]["teacher.key_once_hide"]).click().run()
    clean(at)
    assert not any(key in str(c.value) for c in at.code)
    assert board_session.KEY_ONCE not in at.session_state


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_focus_counts_reveal_next(store, lang):
    at, code, token, _ = create_class(lang)
    ids = [p.id for p in questions(lang)]
    first = "gradients.distance50" if "gradients.distance50" in ids else ids[0]
    at.selectbox(key=PICK).set_value(first).run()
    clean(at)
    assert store.focus(code) == {"question_id": first, "revealed": False}
    prediction = question(first, lang)
    # Before anyone answered: the options as bars of zero, nothing marked.
    shown = bars(at)
    assert shown["x"] == [0] * len(prediction.options)
    assert not any("✓" in y for y in shown["y"]) and len(set(shown["colors"])) == 1
    # Students answer (through the store, as ui.widgets.classroom.send_answer does).
    students = student_ids(5)
    for sid in students:
        store.join(code, sid)
    letters = ["a", "b", prediction.letter, prediction.letter]
    for sid, letter in zip(students, letters, strict=False):
        store.submit_answer(code, sid, first, letter)
    at.run()
    clean(at)
    expected = [letters.count(letter) for letter in "abcd"[: len(prediction.options)]]
    shown = bars(at)
    assert shown["x"] == expected
    assert not any("✓" in y for y in shown["y"]) and len(set(shown["colors"])) == 1  # not revealed yet
    assert [m.value for m in at.metric] == ["4 / 5"]  # answered / joined
    assert prediction.measured not in texts(at)
    # Reveal: the right option marked on the projector, the measured answer shown.
    button(at, CAT[lang]["teacher.reveal"]).click().run()
    clean(at)
    assert store.focus(code) == {"question_id": first, "revealed": True}
    shown = bars(at)
    assert [i for i, y in enumerate(shown["y"]) if "✓" in y] == [prediction.correct]
    assert prediction.measured in texts(at)
    assert button(at, CAT[lang]["teacher.reveal"]).disabled
    # Next: the following question, not revealed.
    button(at, CAT[lang]["teacher.next"]).click().run()
    clean(at)
    following = ids[ids.index(first) + 1]
    assert store.focus(code) == {"question_id": following, "revealed": False}
    assert at.selectbox(key=PICK).value == following
    assert bars(at)["x"] == [0] * len(question(following, lang).options)
    # Focus moved on another device: the board follows at its next refresh.
    store.set_focus(code, token, ids[-1])
    at.run()
    assert at.selectbox(key=PICK).value == ids[-1]
    assert button(at, CAT[lang]["teacher.next"]).disabled


def test_no_check_mark_when_revealed_before_anyone_answered(store):
    at, code, token, _ = create_class("en")
    qid = questions("en")[0].id
    store.set_focus(code, token, qid, revealed=True)
    at.run()
    clean(at)
    shown = bars(at)
    assert not any("✓" in y for y in shown["y"]) and sum(shown["x"]) == 0
    assert question(qid, "en").measured in texts(at)  # the measured answer is still revealed


def test_lock_joining(store):
    at, code, token, _ = create_class("en")
    store.join(code, student_ids(1)[0])
    at.toggle(key="_class_lock").set_value(True).run()
    clean(at)
    assert store.results(code, token)["locked"] is True
    with pytest.raises(ClassLocked):
        store.join(code, student_ids(1, 7)[0])
    store.join(code, student_ids(1)[0])  # already in: still welcome
    at.toggle(key="_class_lock").set_value(False).run()
    assert store.results(code, token)["locked"] is False
    store.join(code, student_ids(1, 7)[0])


def test_stations_panel_counts_students_per_station(store):
    at, code, token, _ = create_class("en")
    for i, sid in enumerate(student_ids(5)):
        store.join(code, sid)
        store.visit(code, sid, "gradients" if i < 3 else "lab")
    at.run()
    clean(at)
    chart = next(f for f in figures(at) if f["layout"]["title"]["text"] == CAT["en"]["teacher.stations_title"])
    counts = dict(zip(decode(chart["data"][0]["y"]), decode(chart["data"][0]["x"]), strict=True))
    assert counts["3 · Vanishing & exploding"] == 3 and counts["5 · Lab"] == 2 and sum(counts.values()) == 5


def test_question_list_has_every_question_with_counts(store):
    at, code, token, _ = create_class("pt")
    qid = "conclusion.q2"
    store.set_focus(code, token, qid)
    for sid in student_ids(3):
        store.submit_answer(code, sid, qid, "b")
    at.run()
    clean(at)
    table = at.dataframe[0].value
    assert len(table) == len(questions("pt"))
    row = table[table[CAT["pt"]["teacher.col_on"]] == "▶"]
    assert row[CAT["pt"]["teacher.col_answered"]].tolist() == [3]
    assert "b: 3" in row[CAT["pt"]["teacher.col_options"]].tolist()[0]


# --------------------------------------------------------------------------- keeping and reopening the board


def test_restore_from_the_cookie_text(store):
    keys = store.create_class("A")
    token = store.open_board(keys.code, keys.teacher_key)
    assert board_session.restore(f"{keys.code}.{token}", store) == ("ok", {"code": keys.code, "token": token})
    for junk in (None, "", "x" * 5000, f"{keys.code}.{token}\n", f"{keys.code}:{token}", f"{keys.code}.{keys.teacher_key}x",
                 "<script>.x", 42):
        assert board_session.restore(junk, store)[0] == "none", junk
    assert board_session.restore(f"{keys.code}.{'A' * 32}", store) == ("gone", None)  # forged token
    assert board_session.restore(f"ZZZZZZ.{token}", store) == ("gone", None)  # unknown class

    class Down:
        def results(self, *args):
            raise StoreUnavailable("database is locked")

    assert board_session.restore(f"{keys.code}.{token}", Down()) == ("down", None)
    store.close_class(keys.code, token)
    assert board_session.restore(f"{keys.code}.{token}", store) == ("gone", None)


def test_a_reload_restores_the_board_from_the_cookie(store, monkeypatch):
    at, code, token, key = create_class("en")
    assert board_session.cookie_value(code, token) == f"{code}.{token}"
    # The page wrote the cookie with a script (checked value, path /, lifetime of the class).
    scripts = [str(h.proto) for h in at.get("html") if board_session.COOKIE in str(h.proto)]
    assert scripts and f"{board_session.COOKIE}={code}.{token}" in scripts[0] and key not in scripts[0]
    # A fresh session (F5) whose browser sends that cookie gets the same board, no key anywhere.
    monkeypatch.setattr(board_session, "read_cookie", lambda: f"{code}.{token}")
    again = run_page(TEACHER, lang="en", timeout=180)
    clean(again)
    assert board(again) == {"code": code, "token": token}
    assert any(code in str(h.proto) for h in again.get("html"))
    assert not any(key in str(c.value) for c in again.code)
    # A cookie of a class that ended: no board, a plain note, the cookie cleared.
    store.close_class(code, token)
    stale = run_page(TEACHER, lang="en", timeout=180)
    clean(stale)
    assert board(stale) is None
    assert CAT["en"]["teacher.board_gone"] in texts(stale)
    assert any("max-age=0" in str(h.proto) for h in stale.get("html"))


def test_reopen_form_and_one_message_for_unknown_code_and_wrong_key(store):
    keys = store.create_class("A")
    at = run_page(TEACHER, lang="pt", timeout=180)
    at.text_input(key=board_session.PREFILL).input(keys.code.lower())
    at.text_input(key="_class_reopen_key").input(keys.teacher_key[:-2] + "zz")
    button(at, CAT["pt"]["teacher.reopen"]).click().run()
    clean(at)
    wrong_key = [w.value for w in at.warning]
    assert board(at) is None
    at.text_input(key=board_session.PREFILL).input("ZZZZZZ")
    at.text_input(key="_class_reopen_key").input(keys.teacher_key)
    button(at, CAT["pt"]["teacher.reopen"]).click().run()
    clean(at)
    unknown = [w.value for w in at.warning]
    assert wrong_key == unknown == [CAT["pt"]["teacher.reopen_failed"]]
    at.text_input(key=board_session.PREFILL).input(keys.code)
    at.text_input(key="_class_reopen_key").input(keys.teacher_key)
    button(at, CAT["pt"]["teacher.reopen"]).click().run()
    clean(at)
    assert board(at)["code"] == keys.code and board(at)["token"] != keys.teacher_key
    assert at.session_state["_class_reopen_key"] == ""  # the key does not stay in the widget


def test_an_old_teacher_link_is_consumed_and_explained(store):
    keys = store.create_class("A")
    at = run_page(TEACHER, lang="en", params={"class": keys.code, "teacher": keys.teacher_key}, timeout=180)
    clean(at)
    assert "teacher" not in at.query_params and "class" not in at.query_params
    assert board(at)["code"] == keys.code
    assert CAT["en"]["teacher.old_link_used"] in texts(at)
    assert "_classroom" not in at.session_state or not at.session_state["_classroom"]["code"]


@pytest.mark.parametrize(("code", "key"), [("ABCDEF", "x"), ("<b>hi</b>", "k" * 30), ("ABCDEF", "k" * 5000),
                                           ("", ""), ("ABCDEF", "<script>alert(1)</script>"),
                                           ("ABC\u0000EF", "a\u0000" * 20), ("ABCDEF", "k" * 30)])
def test_junk_teacher_links(data_dir, code, key):
    at = run_page(TEACHER, lang="en", params={"class": code, "teacher": key}, timeout=180)
    clean(at)
    assert CAT["en"]["teacher.old_link_failed"] in texts(at)
    assert board(at) is None
    assert "teacher" not in at.query_params and "class" not in at.query_params


def test_an_old_teacher_link_says_the_same_for_a_wrong_key_and_an_unknown_code(store):
    """Issue 16: the teacher link must not tell which class codes exist."""
    keys = store.create_class("A")
    wrong = keys.teacher_key[:-2] + ("zz" if not keys.teacher_key.endswith("zz") else "yy")
    unknown = next(c for c in ("ZZZZZZ", "YYYYYY") if c != keys.code)
    shown = []
    for code, key in ((keys.code, wrong), (unknown, keys.teacher_key)):
        at = run_page(TEACHER, lang="en", params={"class": code, "teacher": key}, timeout=180)
        clean(at)
        assert board(at) is None
        shown.append([w.value for w in at.warning])
    assert shown[0] == shown[1] == [CAT["en"]["teacher.old_link_failed"]]
    assert store.results(keys.code, keys.teacher_key)["joined"] == 0

def test_a_forged_teacher_link_never_silently_replaces_the_open_board(store):
    at, code, token, _ = create_class("en")
    forged = store.create_class("a student's class")  # a student made it and sent its link
    at.query_params["class"] = forged.code
    at.query_params["teacher"] = forged.teacher_key
    at.run()
    clean(at)
    assert board(at)["code"] == code  # still the teacher's own class
    assert CAT["en"]["teacher.replace_board"].format(new=forged.code, old=code) in texts(at)
    assert "teacher" not in at.query_params
    button(at, CAT["en"]["teacher.replace_no"].format(old=code)).click().run()
    clean(at)
    assert board(at)["code"] == code and board_session.PENDING not in at.session_state
    # Asked again and confirmed: only then the other board.
    at.query_params["class"] = forged.code
    at.query_params["teacher"] = forged.teacher_key
    at.run()
    button(at, CAT["en"]["teacher.replace_yes"].format(new=forged.code)).click().run()
    clean(at)
    assert board(at)["code"] == forged.code


def test_a_forged_link_in_a_new_tab_asks_before_replacing_the_board_kept_in_the_cookie(store, monkeypatch):
    at, code, token, _ = create_class("en")
    forged = store.create_class("a student's class")
    monkeypatch.setattr(board_session, "read_cookie", lambda: f"{code}.{token}")
    tab = run_page(TEACHER, lang="en", params={"class": forged.code, "teacher": forged.teacher_key}, timeout=180)
    clean(tab)
    assert board(tab)["code"] == code
    assert CAT["en"]["teacher.replace_board"].format(new=forged.code, old=code) in texts(tab)
    assert not any(f"{board_session.COOKIE}={forged.code}" in str(h.proto) for h in tab.get("html"))


def test_a_class_link_without_its_key_on_the_teacher_page_joins_no_one(store):
    keys = store.create_class("A")
    at = teacher_first({"class": keys.code})
    clean(at)
    assert at.title[0].value == CAT["en"]["teacher.title"]
    assert CAT["en"]["teacher.link_needs_key"].format(code=keys.code) in texts(at)
    assert board(at) is None
    assert "_classroom" not in at.session_state or not at.session_state["_classroom"]["code"]
    assert store.results(keys.code, keys.teacher_key)["joined"] == 0
    assert at.text_input(key=board_session.PREFILL).value == keys.code  # the reopen form is ready for the key


# --------------------------------------------------------------------------- trouble, limits, close


@pytest.mark.parametrize("url", ["sqlite:////proc/no-such-folder/classes.sqlite3", "mysql+nosuchdriver://u:secret@h/db",
                                 "not a url", "postgresql+psycopg2://u:secret@h/db"])  # psycopg2: not installed
def test_store_trouble_gives_one_plain_message(data_dir, monkeypatch, url):
    monkeypatch.setenv("RNN_LAB_CLASS_DB", url)
    at = run_page(TEACHER, lang="en", timeout=180)
    at.text_input(key="_class_title").input("A")
    button(at, CAT["en"]["teacher.create"]).click().run()
    clean(at)
    shown = texts(at)
    assert CAT["en"]["teacher.unavailable"] in shown
    for leak in ("secret", "sqlite", "proc", "Error", "mysql", "psycopg"):
        assert leak not in shown, leak
    assert board(at) is None


def test_a_session_creates_a_bounded_number_of_classes(data_dir):
    from ui.widgets.classroom import CREATE_LIMIT

    at = run_page(TEACHER, lang="en", timeout=180)
    for _ in range(CREATE_LIMIT):
        button(at, CAT["en"]["teacher.create"]).click().run()
        assert board(at) is not None
        button(at, CAT["en"]["teacher.leave_board"]).click().run()
        assert board(at) is None
    button(at, CAT["en"]["teacher.create"]).click().run()
    clean(at)
    assert board(at) is None
    assert CAT["en"]["teacher.too_many_classes"] in texts(at)


def test_close_class(store):
    at, code, token, _ = create_class("en")
    s = open_page("pages/home/page.py", lang="en", **{"class": code})
    clean(s)
    button(at, CAT["en"]["teacher.close"]).click().run()
    button(at, CAT["en"]["teacher.close_confirm"]).click().run()
    clean(at)
    assert board(at) is None
    assert CAT["en"]["teacher.closed_done"] in texts(at)
    assert any("max-age=0" in str(h.proto) for h in at.get("html"))  # the board cookie goes too
    late = AppTest.from_file(APP, default_timeout=180)
    late.query_params["lang"] = "en"
    late.query_params["class"] = code
    late.run()
    clean(late)
    assert CAT["en"]["teacher.not_found"] in texts(late)


# --------------------------------------------------------------------------- views


def test_races_are_measured_against_each_task_baseline():
    races = [
        {"student": 1, "result": {"task": "adding", "length": 50, "steps": 600, "lr": 0.01, "clip": None,
                                  "results": {"rnn": {"final_loss": 0.16}, "lstm": {"final_loss": 0.0008},
                                              "gru": {"final_loss": 0.0005}}}},
        {"student": 2, "result": {"task": "latch", "length": 20, "steps": 300, "clip": 1.0,
                                  "results": {"rnn": {"final_loss": 0.69}, "lstm": {"final_loss": 0.002},
                                              "gru": {"final_loss": float("nan")}}}},
        {"student": 3, "result": {"task": "<script>", "length": 5, "results": {}}},  # unknown task: dropped
        {"student": 4, "result": {"task": "adding", "length": "x"}},  # junk length: dropped
    ]
    shown = board_view.races_view(races, "pt", False)
    assert shown is board_view.races_view(races, "pt", False)
    fig = shown.fig.to_plotly_json()
    ys = {tr["name"]: decode(tr["y"]) for tr in fig["data"]}
    assert ys["LSTM"] == pytest.approx([0.0008 / (1 / 6), 0.002 / board_view.BASELINES["latch"]], rel=1e-3)
    assert ys["RNN simples"] == pytest.approx([0.16 * 6, 0.69 / board_view.BASELINES["latch"]], rel=1e-3)
    assert len(ys["GRU"]) == 1  # NaN left out
    ticks = fig["layout"]["yaxis"]["ticktext"]
    assert not any("μ" in str(text) or "m" == str(text)[-1:] for text in ticks)
    assert 1.0 in fig["layout"]["yaxis"]["tickvals"]
    assert any(shape["y0"] == 1.0 for shape in fig["layout"]["shapes"])  # the baseline drawn
    assert len(shown.table) == 2 and shown.table.shape[1] == 6  # fits the page: no cut-off columns


def test_the_focus_view_is_shared_and_never_modified(data_dir):
    qid = questions("en")[0].id
    n = len(question(qid, "en").options)
    counts = (1,) + (0,) * (n - 1)
    panel = board_view.focus_view(qid, counts, False, "en", False)
    before = panel.fig.to_json()
    assert board_view.focus_view(qid, counts, False, "en", False) is panel
    at, code, token, _ = create_class("en")
    ClassStore(default_url()).set_focus(code, token, qid)
    at.run()
    clean(at)
    assert panel.fig.to_json() == before
    assert board_view.focus_view("no.such.question", counts, False, "en", False) is None
