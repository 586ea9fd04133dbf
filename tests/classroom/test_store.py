"""classroom.store against a real SQLite file and a real, throwaway PostgreSQL server.

The PostgreSQL server is started once for this module: ``initdb`` + ``pg_ctl start`` in a temp
folder (as the ``postgres`` user when the tests run as root), listening only on a unix socket in
that folder, and stopped at the end. The PostgreSQL tests are skipped, with a message saying
so, only when the binaries are absent (``scripts/test.sh`` installs Debian's ``postgresql``).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from classroom import store as store_mod
from classroom.store import CODE_ALPHABET, ClassLocked, ClassNotFound, ClassStore, StoreUnavailable

# --------------------------------------------------------------------------- a throwaway PostgreSQL


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class PgServer:
    """``initdb`` + ``pg_ctl`` in a temp folder; ``url(db)`` for a database on its unix socket."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        self.root = Path(tempfile.mkdtemp(prefix="rnnlab-pg-"))
        self.data = self.root / "data"
        self.port = 54329
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.root, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self._counter = itertools.count()

    def _run(self, *args: str) -> None:
        proc = subprocess.run([*self.prefix, *args], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {proc.stdout[-1500:]} {proc.stderr[-1500:]}")

    def init(self) -> None:
        self._run(self.initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")

    def start(self) -> None:
        options = f"-k {self.root} -c listen_addresses='' -p {self.port} -F -c max_connections=200"
        self._run(self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={self.port}"

    def new_database(self) -> str:
        import psycopg

        name = f"class_test_{next(self._counter)}"
        with psycopg.connect(host=str(self.root), port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="module")
def pg_server():
    server = PgServer()
    if not (server.initdb and server.pg_ctl):
        shutil.rmtree(server.root, ignore_errors=True)
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's `postgresql` "
                    "package (scripts/test.sh does) to run the PostgreSQL half of these tests")
    server.init()
    server.start()
    yield server
    try:
        server.stop()
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """(kind, url, server or None): a fresh, empty database of each kind."""
    if request.param == "sqlite":
        return "sqlite", f"sqlite:///{tmp_path / 'data' / 'classes.sqlite3'}", None
    server = request.getfixturevalue("pg_server")
    return "postgresql", server.new_database(), server


@pytest.fixture
def store(backend):
    s = ClassStore(backend[1])
    yield s
    s.dispose()


# --------------------------------------------------------------------------- basics


def test_codes_and_keys(store):
    keys = [store.create_class() for _ in range(20)]
    for k in keys:
        assert len(k.code) == 6 and set(k.code) <= set(CODE_ALPHABET)
        assert len(k.teacher_key) >= 22  # token_urlsafe: ≥ 128 bits
    assert not set("0O1IL") & set(CODE_ALPHABET)
    assert len({k.code for k in keys}) == 20 and len({k.teacher_key for k in keys}) == 20
    # Only a hash of the key is stored.
    with store._tx() as conn:
        stored = conn.execute(store_mod.classes.select()).all()
    hashes = {row.key_hash for row in stored}
    assert not any(k.teacher_key in h for k in keys for h in hashes)


def test_answers_counted_one_vote_per_student(store):
    k = store.create_class("Turma 3B")
    store.join(k.code, "s1")
    store.join(k.code.lower(), "s1")  # idempotent, code case-insensitive
    store.submit_answer(k.code, "s1", "q1", "a")
    store.submit_answer(k.code, "s1", "q1", "c")  # changes her mind
    store.submit_answer(k.code, "s2", "q1", "c")  # not joined before: submitting registers
    store.submit_answer(k.code, "s2", "q2", "b")
    store.submit_race(k.code, "s3", {"task": "adding", "length": 50, "final_loss": {"rnn": 0.5, "lstm": 0.01}})
    res = store.results(k.code, k.teacher_key)
    assert res["students"] == 3
    assert res["answers"] == {"q1": {"c": 2}, "q2": {"b": 1}}
    assert res["title"] == "Turma 3B"
    assert [r["result"]["final_loss"]["lstm"] for r in res["races"]] == [0.01]
    assert res["races"][0]["student"] == 3  # numbered by join order, no id shown


def test_persists_across_a_new_store(backend):
    kind, url, server = backend
    first = ClassStore(url)
    k = first.create_class()
    first.submit_answer(k.code, "s1", "q1", "b")
    first.submit_race(k.code, "s1", {"loss": 0.25})
    first.dispose()
    if server is not None:  # a real server restart in between
        server.stop()
        server.start()
    second = ClassStore(url)
    res = second.results(k.code, k.teacher_key)
    assert res["students"] == 1 and res["answers"] == {"q1": {"b": 1}}
    assert res["races"][0]["result"] == {"loss": 0.25}
    second.dispose()


def test_fifty_threads_at_once(store):
    k = store.create_class()
    n = 50
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def student(i: int) -> None:
        try:
            barrier.wait()
            store.submit_answer(k.code, f"student-{i}", "q1", "abcd"[i % 4])
            store.submit_answer(k.code, f"student-{i}", "q2", "a")
            store.submit_answer(k.code, f"student-{i}", "q2", "b")  # the later answer replaces
            store.submit_answer(k.code, "one-student", "q3", "abcd"[i % 4])  # 50 votes by one student
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors[:3]
    res = store.results(k.code, k.teacher_key)
    assert res["students"] == n + 1
    assert res["answers"]["q1"] == {c: n // 4 + (1 if i < n % 4 else 0) for i, c in enumerate("abcd")}
    assert res["answers"]["q2"] == {"b": n}
    assert sum(res["answers"]["q3"].values()) == 1


def test_classes_are_isolated(store):
    a, b = store.create_class("A"), store.create_class("B")
    store.submit_answer(a.code, "s1", "q1", "a")
    store.submit_answer(b.code, "s1", "q1", "b")  # the same anonymous id in two classes
    store.submit_answer(b.code, "s2", "q1", "b")
    store.submit_race(a.code, "s1", {"x": 1})
    ra, rb = store.results(a.code, a.teacher_key), store.results(b.code, b.teacher_key)
    assert (ra["students"], ra["answers"], len(ra["races"])) == (1, {"q1": {"a": 1}}, 1)
    assert (rb["students"], rb["answers"], len(rb["races"])) == (2, {"q1": {"b": 2}}, 0)
    store.close_class(a.code, a.teacher_key)
    assert store.results(b.code, b.teacher_key)["students"] == 2


def test_wrong_teacher_key_refused(store):
    a, b = store.create_class(), store.create_class()
    for bad in ("", "x", b.teacher_key, a.teacher_key + "x", a.teacher_key[:-1]):
        with pytest.raises((PermissionError, ValueError)):
            store.results(a.code, bad)
        with pytest.raises((PermissionError, ValueError)):
            store.close_class(a.code, bad)
    with pytest.raises(PermissionError):
        store.results(a.code, b.teacher_key)
    assert store.results(a.code, a.teacher_key)["students"] == 0  # still open


def test_closed_and_unknown_classes(store):
    k = store.create_class()
    store.submit_answer(k.code, "s1", "q1", "a")
    store.close_class(k.code, k.teacher_key)
    for call in (lambda: store.join(k.code, "s2"), lambda: store.submit_answer(k.code, "s1", "q1", "b"),
                 lambda: store.submit_race(k.code, "s1", {}), lambda: store.results(k.code, k.teacher_key),
                 lambda: store.join("ZZZZZZ", "s1"), lambda: store.join("abc", "s1")):
        with pytest.raises(ClassNotFound):
            call()


def test_expiry(backend, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setenv("RNN_LAB_CLASS_HOURS", "2")
    s = ClassStore(backend[1], clock=lambda: now[0])
    assert s.hours == 2.0
    k = s.create_class()
    s.submit_answer(k.code, "s1", "q1", "a")
    now[0] += 2 * 3600 - 1
    assert s.results(k.code, k.teacher_key)["students"] == 1
    now[0] += 2
    for call in (lambda: s.join(k.code, "s2"), lambda: s.submit_answer(k.code, "s1", "q1", "b"),
                 lambda: s.results(k.code, k.teacher_key)):
        with pytest.raises(ClassNotFound):
            call()
    assert s.purge_expired() == 1
    with s._tx() as conn:
        assert conn.execute(store_mod.answers.select()).all() == []
    s.dispose()


@pytest.mark.parametrize("raw", ["0", "-3", "nan", "inf", "lots", ""])
def test_junk_hours_fall_back_to_twelve(raw, monkeypatch):
    monkeypatch.setenv("RNN_LAB_CLASS_HOURS", raw)
    assert ClassStore("sqlite://").hours == 12.0


# --------------------------------------------------------------------------- junk everywhere

INJECTION = "'); DROP TABLE rnnlab_answers; --"
STORED_LITERALLY = [INJECTION, "Robert\"; DELETE FROM rnnlab_classes;", "%s %(x)s {0} \\x00", "ç ã é — 日本語 😀",
                    "<script>alert(1)</script>", "a" * 64]
JUNK_TEXT = [("x" * 65, ValueError), ("x" * 100_000, ValueError), ("a\x00b", ValueError), ("\x00", ValueError),
             ("line\nbreak", ValueError), ("\ud800", ValueError), ("", ValueError), ("   ", ValueError),
             (None, TypeError), (5, TypeError), (1.5, TypeError), (b"bytes", TypeError), (["a"], TypeError),
             ({"a": 1}, TypeError), (True, TypeError), (object(), TypeError)]


@pytest.mark.parametrize("text", STORED_LITERALLY)
def test_strange_text_is_stored_literally(store, text):
    k = store.create_class()
    store.submit_answer(k.code, text, text, text)
    store.submit_race(k.code, text, {text: text})
    res = store.results(k.code, k.teacher_key)
    assert res["answers"] == {text: {text: 1}}
    assert res["races"][0]["result"] == {text: text}
    other = store.create_class(title=text[:64])
    assert store.results(other.code, other.teacher_key)["title"] == text[:64].strip()


@pytest.mark.parametrize(("value", "error"), JUNK_TEXT, ids=[repr(v)[:20] for v, _ in JUNK_TEXT])
@pytest.mark.parametrize("field", ["student_id", "question_id", "choice"])
def test_junk_fields_rejected_naming_the_field(store, field, value, error):
    k = store.create_class()
    args = {"student_id": "s1", "question_id": "q1", "choice": "a", field: value}
    with pytest.raises(error) as caught:
        store.submit_answer(k.code, args["student_id"], args["question_id"], args["choice"])
    assert field in str(caught.value)
    if field == "student_id":
        with pytest.raises(error, match=field):
            store.join(k.code, value)
        with pytest.raises(error, match=field):
            store.submit_race(k.code, value, {})
    assert store.results(k.code, k.teacher_key)["answers"] == {}


@pytest.mark.parametrize(("value", "error"), JUNK_TEXT, ids=[repr(v)[:20] for v, _ in JUNK_TEXT])
def test_junk_codes_keys_and_titles(store, value, error):
    k = store.create_class()
    with pytest.raises((error, ClassNotFound)) as caught:
        store.join(value, "s1")
    if not isinstance(caught.value, ClassNotFound):
        assert "code" in str(caught.value)
    with pytest.raises((error, PermissionError)) as caught:
        store.results(k.code, value)
    if not isinstance(caught.value, PermissionError):
        assert "teacher_key" in str(caught.value)
    if value not in ("", "   "):  # an empty title is allowed
        with pytest.raises(error, match="title"):
            store.create_class(value)


@pytest.mark.parametrize("code", [INJECTION[:64], "' OR '1'='1", "%", "_", "*", "ABCDE%", "abcdef ", " ABCDEF"])
def test_injection_codes_find_nothing(store, code):
    store.create_class()
    with pytest.raises(ClassNotFound):
        store.join(code, "s1")


class Weird:
    pass


JUNK_RESULTS = [
    ("not a dict", TypeError), ([1, 2], TypeError), (None, TypeError), (42, TypeError),
    ({"x": "y" * 10_000}, ValueError), ({f"k{i}": i for i in range(1000)}, ValueError),
    ({"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}, ValueError), ({1: "int key"}, TypeError),
    ({"s": {1, 2}}, TypeError), ({"o": Weird()}, TypeError), ({"b": b"bytes"}, TypeError),
    ({"big": 10**30}, ValueError), ({"bad": "\ud800"}, ValueError),
]


@pytest.mark.parametrize(("result", "error"), JUNK_RESULTS, ids=[repr(r)[:24] for r, _ in JUNK_RESULTS])
def test_junk_race_results(store, result, error):
    k = store.create_class()
    with pytest.raises(error, match="result"):
        store.submit_race(k.code, "s1", result)
    assert store.results(k.code, k.teacher_key)["races"] == []


def test_race_results_sanitised_and_bounded(store):
    k = store.create_class()
    store.submit_race(k.code, "s1", {"nan": float("nan"), "inf": float("-inf"), "nul": "a\x00b", "t": (1, 2)})
    assert store.results(k.code, k.teacher_key)["races"][0]["result"] == {"nan": None, "inf": None,
                                                                         "nul": "a\x00b", "t": [1, 2]}
    for i in range(store_mod.MAX_RACES_PER_STUDENT + 5):
        store.submit_race(k.code, "s2", {"i": i})
    mine = [r["result"]["i"] for r in store.results(k.code, k.teacher_key)["races"] if r["student"] == 2]
    assert mine == list(range(5, store_mod.MAX_RACES_PER_STUDENT + 5))


# --------------------------------------------------------------------------- a database that is down


def test_postgres_down_is_store_unavailable(pg_server):
    s = ClassStore(pg_server.new_database())
    k = s.create_class()
    pg_server.stop()
    try:
        for call in (lambda: s.join(k.code, "s1"), lambda: s.submit_answer(k.code, "s1", "q1", "a"),
                     lambda: s.results(k.code, k.teacher_key), lambda: s.create_class(),
                     lambda: ClassStore(pg_server.url()).join("ABCDEF", "s1")):
            with pytest.raises(StoreUnavailable, match="unavailable"):
                call()
    finally:
        pg_server.start()
    s.submit_answer(k.code, "s1", "q1", "a")  # back without a new store
    assert s.results(k.code, k.teacher_key)["answers"] == {"q1": {"a": 1}}
    s.dispose()


def test_unwritable_sqlite_is_store_unavailable(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    for url in (f"sqlite:///{blocker}/sub/classes.sqlite3", "sqlite:////proc/no/such/classes.sqlite3",
                f"sqlite:///{garbage}"):
        s = ClassStore(url)
        with pytest.raises(StoreUnavailable):
            s.create_class()
        with pytest.raises(StoreUnavailable):
            s.join("ABCDEF", "s1")


def test_default_url_creates_nothing_until_used(tmp_path, monkeypatch):
    folder = tmp_path / "lab-data"
    monkeypatch.setenv("RNN_LAB_DATA_DIR", str(folder))
    s = ClassStore()
    assert str(folder) in store_mod.default_url()
    assert not folder.exists()
    k = s.create_class()
    assert (folder / "classroom.sqlite3").exists()
    s.submit_answer(k.code, "s1", "q1", "a")
    with s._tx() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.dispose()


def test_bad_urls():
    with pytest.raises(ValueError):
        ClassStore("not a url at all ://")
    with pytest.raises(TypeError):
        ClassStore(42)
    assert ClassStore("postgresql://u@h/db").url.drivername == "postgresql+psycopg"


def test_missing_driver_and_other_backends():
    with pytest.raises(StoreUnavailable, match="driver is not installed"):
        ClassStore("postgresql+psycopg2://u@h/db")  # psycopg2 is not a dependency (psycopg 3 is)
    for url in ("mysql+pymysql://u@h/db", "nosuchdb://u@h/db", "oracle://u@h/db"):
        with pytest.raises(ValueError):
            ClassStore(url)


# --------------------------------------------------------------------------- teacher-paced mode


def test_focus_and_reveal(store):
    k = store.create_class()
    assert store.focus(k.code) is None
    store.set_focus(k.code, k.teacher_key, "gradients.gain50")
    assert store.focus(k.code.lower()) == {"question_id": "gradients.gain50", "revealed": False}
    store.set_focus(k.code, k.teacher_key, "gradients.gain50", revealed=True)
    assert store.focus(k.code) == {"question_id": "gradients.gain50", "revealed": True}
    store.set_focus(k.code, k.teacher_key, "conclusion.q1")  # next question: not revealed
    assert store.focus(k.code) == {"question_id": "conclusion.q1", "revealed": False}
    res = store.results(k.code, k.teacher_key)
    assert res["focus"] == {"question_id": "conclusion.q1", "revealed": False} and res["locked"] is False
    store.set_focus(k.code, k.teacher_key, None, revealed=True)  # no question: nothing to reveal
    assert store.focus(k.code) is None
    other = store.create_class()
    with pytest.raises(PermissionError):
        store.set_focus(k.code, other.teacher_key, "q1")
    with pytest.raises(ValueError):
        store.set_focus(k.code, "", "q1")
    for question, revealed, error in (("x" * 65, False, ValueError), ("a\nb", False, ValueError),
                                      (5, False, TypeError), ("q1", "yes", TypeError), ("q1", 1, TypeError)):
        with pytest.raises(error):
            store.set_focus(k.code, k.teacher_key, question, revealed)
    assert store.focus(k.code) is None
    store.close_class(k.code, k.teacher_key)
    for call in (lambda: store.focus(k.code), lambda: store.set_focus(k.code, k.teacher_key, "q1"),
                 lambda: store.focus("ZZZZZZ")):
        with pytest.raises(ClassNotFound):
            call()


def test_lock_joining(store):
    k = store.create_class()
    store.join(k.code, "inside")
    store.submit_answer(k.code, "answered", "q1", "a")  # submitting joins too
    store.set_locked(k.code, k.teacher_key, True)
    assert store.results(k.code, k.teacher_key)["locked"] is True
    for call in (lambda: store.join(k.code, "late"), lambda: store.submit_answer(k.code, "late", "q1", "b"),
                 lambda: store.submit_race(k.code, "late", {"x": 1}), lambda: store.visit(k.code, "late", "lab")):
        with pytest.raises(ClassLocked) as caught:
            call()
        assert isinstance(caught.value, PermissionError)
    store.join(k.code, "inside")  # already in the class: a reload joins again
    store.submit_answer(k.code, "inside", "q1", "b")
    store.submit_answer(k.code, "answered", "q1", "c")
    store.visit(k.code, "inside", "lab")
    res = store.results(k.code, k.teacher_key)
    assert (res["joined"], res["students"], res["answers"]) == (2, 2, {"q1": {"b": 1, "c": 1}})
    with pytest.raises(TypeError):
        store.set_locked(k.code, k.teacher_key, "no")
    with pytest.raises(PermissionError):
        store.set_locked(k.code, "wrong-key-wrong-key", False)
    store.set_locked(k.code, k.teacher_key, False)
    store.join(k.code, "late")
    assert store.results(k.code, k.teacher_key)["joined"] == 3


def test_focus_and_lock_are_independent(store):
    k = store.create_class()
    store.set_locked(k.code, k.teacher_key, True)
    store.set_focus(k.code, k.teacher_key, "q1", revealed=True)
    res = store.results(k.code, k.teacher_key)
    assert res["locked"] is True and res["focus"] == {"question_id": "q1", "revealed": True}
    store.set_locked(k.code, k.teacher_key, False)
    assert store.focus(k.code) == {"question_id": "q1", "revealed": True}


def test_board_tokens(store):
    a, b = store.create_class(), store.create_class()
    token = store.open_board(a.code, a.teacher_key)
    assert len(token) >= 32 and token != a.teacher_key
    assert store.results(a.code, token)["students"] == 0
    store.set_focus(a.code, token, "q1")
    store.set_locked(a.code, token, True)
    second = store.open_board(a.code, token)  # a token opens another board
    assert store.results(a.code, second)["focus"]["question_id"] == "q1"
    with pytest.raises(PermissionError):
        store.results(b.code, token)  # one class's token is not another's key
    with pytest.raises(PermissionError):
        store.results(a.code, token[:-1] + ("A" if token[-1] != "A" else "B"))
    with store._tx() as conn:
        stored = conn.execute(store_mod.boards.select()).all()
    assert stored and not any(token in row.token_hash for row in stored)  # only a hash is stored
    store.close_class(a.code, token)
    with pytest.raises(ClassNotFound):
        store.results(a.code, token)
    with store._tx() as conn:
        assert conn.execute(store_mod.boards.select().where(store_mod.boards.c.code == a.code)).all() == []


def test_board_tokens_capped(store, monkeypatch):
    monkeypatch.setattr(store_mod, "MAX_BOARDS_PER_CLASS", 3)
    now = [1_000_000.0]
    store.clock = lambda: now[0]
    k = store.create_class()
    tokens = []
    for _ in range(5):
        now[0] += 1
        tokens.append(store.open_board(k.code, k.teacher_key))
    for old in tokens[:2]:
        with pytest.raises(PermissionError):
            store.results(k.code, old)
    for kept in tokens[2:]:
        store.results(k.code, kept)


def test_stations_panel(backend):
    now = [1_000_000.0]
    s = ClassStore(backend[1], clock=lambda: now[0])
    k = s.create_class()
    for i, station in enumerate(["lab", "lab", "gradients", "sequential"]):
        s.visit(k.code, f"s{i}", station)
    s.visit(k.code, "s3", "lab")  # moved on: only the last page counts
    assert s.results(k.code, k.teacher_key)["stations"] == {"lab": 3, "gradients": 1}
    now[0] += store_mod.VISIT_WINDOW - 1
    s.visit(k.code, "s0", "gates")
    now[0] += 2  # the others were last seen more than VISIT_WINDOW ago
    res = s.results(k.code, k.teacher_key)
    assert res["stations"] == {"gates": 1} and res["joined"] == 4
    for bad, error in ((None, TypeError), ("", ValueError), ("x" * 65, ValueError)):
        with pytest.raises(error, match="station"):
            s.visit(k.code, "s0", bad)
    s.dispose()


def test_visit_many_is_the_open_pages_heartbeat(backend):
    """One transaction for a class's open pages (ui.widgets.class_push): known students are noted on
    their station (the last one listed wins), strangers are skipped, a closed class says so."""
    now = [1_000_000.0]
    s = ClassStore(backend[1], clock=lambda: now[0])
    k = s.create_class()
    for i in range(3):
        s.visit(k.code, f"s{i}", "home")
    now[0] += store_mod.VISIT_WINDOW - 1
    assert s.visit_many(k.code, [("s0", "lab"), ("s1", "gates"), ("s1", "lab"), ("stranger", "lab")]) == 2
    assert s.visit_many(k.code, []) == 0
    now[0] += 2  # s2 (no heartbeat) drops off the panel; s0 and s1 stay, on their new stations
    res = s.results(k.code, k.teacher_key)
    assert res["stations"] == {"lab": 2} and res["joined"] == 3
    with pytest.raises(ValueError, match="station"):
        s.visit_many(k.code, [("s0", "")])
    s.close_class(k.code, k.teacher_key)
    with pytest.raises(ClassNotFound):
        s.visit_many(k.code, [("s0", "lab")])
    s.dispose()


def test_answered_counts(store):
    k = store.create_class()
    for i in range(5):
        store.join(k.code, f"s{i}")
    store.submit_answer(k.code, "s0", "q1", "a")
    store.submit_answer(k.code, "s1", "q1", "b")
    store.submit_answer(k.code, "s1", "q1", "a")
    store.submit_answer(k.code, "s2", "q2", "c")
    res = store.results(k.code, k.teacher_key)
    assert res["answered"] == {"q1": 2, "q2": 1} and res["joined"] == 5


def test_races_capped_per_class(store, monkeypatch):
    monkeypatch.setattr(store_mod, "MAX_RACES_PER_CLASS", 7)
    k = store.create_class()
    for i in range(12):
        store.submit_race(k.code, f"s{i % 4}", {"i": i})
    assert [r["result"]["i"] for r in store.results(k.code, k.teacher_key)["races"]] == list(range(5, 12))


def test_expired_classes_purged_on_join_and_results(backend):
    now = [1_000_000.0]
    s = ClassStore(backend[1], clock=lambda: now[0], hours=1)
    old = s.create_class()
    s.submit_answer(old.code, "s1", "q1", "a")
    s.visit(old.code, "s1", "lab")
    s.set_focus(old.code, old.teacher_key, "q1")
    now[0] += 1800
    fresh = s.create_class()
    now[0] += 1801  # `old` has expired, `fresh` has not
    for call in (lambda: s.join(fresh.code, "s2"), lambda: s.results(fresh.code, fresh.teacher_key)):
        s._purged_at = -float("inf")  # the once-a-minute throttle has elapsed
        call()
        with s._tx() as conn:
            for table in store_mod.CLASS_TABLES:
                assert conn.execute(table.select().where(table.c.code == old.code)).all() == []
    s.submit_answer(fresh.code, "s2", "q1", "b")
    s._purged_at = -float("inf")
    s.results(fresh.code, fresh.teacher_key)  # purging never touches an open class
    assert s.results(fresh.code, fresh.teacher_key)["answers"] == {"q1": {"b": 1}}
    s.dispose()


# --------------------------------------------------------------------------- SQLite: upgrade and deletion


def test_upgrades_a_database_made_by_the_first_version(tmp_path):
    """A SQLite file with only the first version's four tables (and rows in them) gains the new
    tables on first use and keeps every row."""
    path = tmp_path / "old.sqlite3"
    import sqlite3

    first = [store_mod.classes, store_mod.students, store_mod.answers, store_mod.races]
    engine = store_mod.sa.create_engine(f"sqlite:///{path}")
    store_mod.metadata.create_all(engine, tables=first)
    key = "k" * 32
    with engine.begin() as conn:
        conn.execute(store_mod.classes.insert().values(code="ABCDEF", title="old", key_hash=store_mod._hash_key(key),
                                                       created=1.0, expires=4e9, closed=False))
        conn.execute(store_mod.students.insert().values(code="ABCDEF", student_id="s1", joined=2.0))
        conn.execute(store_mod.answers.insert().values(code="ABCDEF", student_id="s1", question_id="q1",
                                                       choice="b", at=3.0))
        conn.execute(store_mod.races.insert().values(code="ABCDEF", student_id="s1", result='{"x": 1}', at=4.0))
    engine.dispose()
    with sqlite3.connect(path) as raw:
        assert {r[0] for r in raw.execute("select name from sqlite_master where type='table'")} == \
            {t.name for t in first}
    s = ClassStore(f"sqlite:///{path}")
    assert s.focus("ABCDEF") is None
    res = s.results("ABCDEF", key)
    assert (res["title"], res["joined"], res["answers"], res["races"][0]["result"]) == ("old", 1, {"q1": {"b": 1}},
                                                                                       {"x": 1})
    assert (res["locked"], res["focus"], res["stations"]) == (False, None, {})
    s.set_focus("ABCDEF", key, "q1", revealed=True)
    s.visit("ABCDEF", "s1", "lab")
    assert s.results("ABCDEF", key)["stations"] == {"lab": 1}
    s.dispose()


def test_sqlite_deleted_answers_leave_no_trace(tmp_path):
    """secure_delete zeroes freed pages and the WAL is checkpointed and truncated on close."""
    path = tmp_path / "classes.sqlite3"
    s = ClassStore(f"sqlite:///{path}")
    with s._tx() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    k = s.create_class()
    marker = "MARKER-" + "x" * 40
    for i in range(30):
        s.submit_answer(k.code, f"student-{i}", f"q{i}", marker)
    s.close_class(k.code, k.teacher_key)
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert marker.encode() not in path.read_bytes()
    s.dispose()


def test_sqlite_purged_answers_leave_no_trace(tmp_path):
    """Issue 16: an expired class purged on a join leaves its answers neither in the database file
    nor in its WAL (secure_delete zeroes the freed pages, the purge checkpoints and truncates)."""
    path = tmp_path / "classes.sqlite3"
    now = [1_000_000.0]
    s = ClassStore(f"sqlite:///{path}", clock=lambda: now[0], hours=1)
    old = s.create_class()
    marker = "PURGED-" + "x" * 40
    for i in range(30):
        s.submit_answer(old.code, f"student-{i}", f"q{i}", marker)
    now[0] += 1800
    fresh = s.create_class()  # purges nothing yet: `old` is still open
    now[0] += 1801  # `old` has expired, `fresh` has not
    s._purged_at = -float("inf")  # the once-a-minute throttle has elapsed
    s.join(fresh.code, "s1")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or marker.encode() not in wal.read_bytes()
    assert marker.encode() not in path.read_bytes()
    s.dispose()

def test_sqlite_reads_never_wait_for_a_writer(tmp_path):
    """focus() and results() take no write lock: a student's poll is not queued behind a writer."""
    import sqlite3
    import time

    path = tmp_path / "classes.sqlite3"
    s = ClassStore(f"sqlite:///{path}")
    k = s.create_class()
    s.set_focus(k.code, k.teacher_key, "q1")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        started = time.perf_counter()
        assert s.focus(k.code) == {"question_id": "q1", "revealed": False}
        assert s.results(k.code, k.teacher_key)["joined"] == 0
        assert time.perf_counter() - started < 2.0  # the busy timeout is 15 s
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    s.dispose()
