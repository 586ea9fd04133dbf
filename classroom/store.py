"""A class's shared state in a real database (SQLite by default, PostgreSQL for several replicas).

Tables (created on first use)::

    classes   code PK · title · key_hash (sha256 of the teacher key) · created · expires · closed
    students  (code, student_id) PK · joined
    answers   (code, student_id, question_id) PK · choice · at       -- one vote per student per question
    races     id PK · code · student_id · result (JSON text) · at    -- newest MAX_RACES_PER_STUDENT kept
                                                                      -- (and MAX_RACES_PER_CLASS per class)
    live      code PK · question_id (focus, or NULL) · revealed · locked · at   -- teacher-paced mode
    visits    (code, student_id) PK · station · at                  -- where each student last was
    boards    token_hash PK · code · created                        -- board tokens (sha256), expire with the class

Tables added after the first release (``live``, ``visits``, ``boards``) are new tables, never new
columns: ``create_all`` adds them to a database made by an older version without touching its rows.

Every public method validates its arguments first: a non-string raises ``TypeError`` and an
oversized / NUL-carrying / empty string raises ``ValueError``, both naming the field. Text is
bound as SQL parameters (never formatted into SQL), so injection strings are stored literally.
Database trouble (down, locked for too long, disk full, unwritable file) surfaces as
:class:`StoreUnavailable`, and so does a URL naming a database driver that is not installed (checked
when the store is made); a malformed URL or a backend other than SQLite/PostgreSQL is a ``ValueError``.

Teacher methods (``results``, ``close_class``, ``set_focus``, ``set_locked``, ``open_board``) take the
teacher key or a board token from :meth:`ClassStore.open_board` (192 bits, only its sha256 stored,
deleted with the class), so a board can be reopened without the key in the address bar.

Deleted rows do not linger: SQLite runs with ``PRAGMA secure_delete = ON`` (freed pages are
zeroed) and the WAL is checkpointed (``TRUNCATE``) after a class is closed or expired classes are
purged. Expired classes are purged on create, join and results (at most once a minute per store).

Concurrency: SQLite runs in WAL mode with a busy timeout and takes the write lock at the start
of each transaction (``BEGIN IMMEDIATE``), so concurrent writers queue instead of failing with
"database is locked"; answers are upserts (``INSERT … ON CONFLICT DO UPDATE``) on both SQLite and
PostgreSQL, so 50 students answering at the same instant leave exactly one row each.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, make_url

# Six characters from 31 symbols without look-alikes (no 0/O, 1/I/L): 31**6 ≈ 8.9e8 codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_BYTES = 24  # secrets.token_urlsafe(24): 192 random bits
MAX_TEXT = 64  # codes, student ids, question ids, choices, titles
MAX_KEY = 128  # a teacher key as typed into a URL (real ones are 32 characters)
MAX_RESULT_BYTES = 8192  # one race result as JSON
MAX_RESULT_DEPTH = 4
MAX_RACES_PER_STUDENT = 50
MAX_RACES_PER_CLASS = 600  # newest kept per class (60 students × 10 races)
MAX_BOARDS_PER_CLASS = 20  # board tokens kept per class (newest)
VISIT_WINDOW = 120.0  # seconds: a student counts on a station if seen there this recently
PURGE_EVERY = 60.0  # seconds between two purges of expired classes triggered by join/results
DEFAULT_HOURS = 12.0
BUSY_TIMEOUT_MS = 15_000

metadata = sa.MetaData()
classes = sa.Table(
    "rnnlab_classes", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("title", sa.String(MAX_TEXT), nullable=False, default=""),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("expires", sa.Float, nullable=False),
    sa.Column("closed", sa.Boolean, nullable=False, default=False),
)
students = sa.Table(
    "rnnlab_students", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("student_id", sa.String(MAX_TEXT), primary_key=True),
    sa.Column("joined", sa.Float, nullable=False),
)
answers = sa.Table(
    "rnnlab_answers", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("student_id", sa.String(MAX_TEXT), primary_key=True),
    sa.Column("question_id", sa.String(MAX_TEXT), primary_key=True),
    sa.Column("choice", sa.String(MAX_TEXT), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)
races = sa.Table(
    "rnnlab_races", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False, index=True),
    sa.Column("student_id", sa.String(MAX_TEXT), nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)
live = sa.Table(
    "rnnlab_live", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("question_id", sa.String(MAX_TEXT), nullable=True),
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("locked", sa.Boolean, nullable=False, default=False),
    sa.Column("at", sa.Float, nullable=False),
)
visits = sa.Table(
    "rnnlab_visits", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("student_id", sa.String(MAX_TEXT), primary_key=True),
    sa.Column("station", sa.String(MAX_TEXT), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)
boards = sa.Table(
    "rnnlab_boards", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False, index=True),
    sa.Column("created", sa.Float, nullable=False),
)
CLASS_TABLES = (answers, races, students, live, visits, boards)  # every table keyed by a class code


class ClassNotFound(LookupError):
    """The class code is unknown, closed or expired."""


class StoreUnavailable(RuntimeError):
    """The class database cannot be reached or written (down, locked, full, unwritable, driver missing)."""


class ClassLocked(PermissionError):
    """The teacher locked joining: a student who is not in the class yet cannot join it."""


class ClassKeys(NamedTuple):
    code: str  # what students type (6 characters)
    teacher_key: str  # the teacher's secret; only its sha256 is stored


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """``RNN_LAB_DATA_DIR`` or ``<repo>/.data`` (created on first use, not here)."""
    raw = os.environ.get("RNN_LAB_DATA_DIR", "").strip()
    return Path(raw).expanduser() if raw else repo_root() / ".data"


def default_url() -> str:
    """The SQLite file used when no URL is configured."""
    return f"sqlite:///{data_dir() / 'classroom.sqlite3'}"


def class_hours() -> float:
    """Hours a class lives: ``RNN_LAB_CLASS_HOURS`` (a positive number) or 12."""
    try:
        hours = float(os.environ.get("RNN_LAB_CLASS_HOURS", DEFAULT_HOURS))
    except ValueError:
        return DEFAULT_HOURS
    return hours if math.isfinite(hours) and hours > 0 else DEFAULT_HOURS


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _text(field: str, value: object, *, limit: int = MAX_TEXT, empty: bool = False) -> str:
    """``value`` as a stored string, or TypeError/ValueError naming ``field``."""
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a string, not {type(value).__name__}")
    if len(value) > limit:
        raise ValueError(f"{field} is longer than {limit} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(f"{field} contains control characters (e.g. NUL)")
    if not empty and not value.strip():
        raise ValueError(f"{field} is empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field} is not valid Unicode text (lone surrogate)") from None
    return value


def normalise_code(code: object) -> str:
    """A typed class code, upper-cased and stripped (TypeError/ValueError for junk)."""
    return _text("code", code).strip().upper()


def _plain(field: str, value: Any, depth: int = 0) -> Any:
    """A JSON-safe copy of ``value``: str keys; str/int/float/bool/None/list/dict values;
    non-finite floats become None."""
    if depth > MAX_RESULT_DEPTH:
        raise ValueError(f"{field} is nested too deeply")
    if value is None or isinstance(value, bool | str):
        if isinstance(value, str):
            _utf8(field, value)
        return value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise ValueError(f"{field} holds an integer too large to store")
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"{field} has a non-string key of type {type(k).__name__}")
            _utf8(field, k)
            out[k] = _plain(field, v, depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_plain(field, v, depth + 1) for v in value]
    raise TypeError(f"{field} holds a value of type {type(value).__name__}, which is not JSON data")


def _utf8(field: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field} holds text that is not valid Unicode (lone surrogate)") from None


def _result_json(result: object) -> str:
    if not isinstance(result, dict):
        raise TypeError(f"result must be a dict, not {type(result).__name__}")
    if len(result) > 256:
        raise ValueError("result has too many keys")
    text = json.dumps(_plain("result", result), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    if len(text) > MAX_RESULT_BYTES:
        raise ValueError(f"result is larger than {MAX_RESULT_BYTES} bytes as JSON")
    return text


def _unavailable(error: BaseException) -> StoreUnavailable:
    orig = getattr(error, "orig", None) or error
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return StoreUnavailable(f"the class database is unavailable ({type(orig).__name__}: {reason[:200]})")


# Anything the database or its driver raises, except a unique-key clash (handled where it can
# happen): down, locked too long, disk full, not a database file, pool exhausted.
_DB_ERRORS = (sa_exc.DBAPIError, sa_exc.TimeoutError, sa_exc.DisconnectionError)


class ClassStore:
    """Classes, students, answers and races in the database at ``url`` (a SQLite or PostgreSQL
    SQLAlchemy URL; ``postgresql://`` is read as ``postgresql+psycopg://``). Thread-safe: one
    instance serves a whole Streamlit server. Nothing touches the database until the first call,
    but the URL and its driver are checked here: ``ValueError`` for a malformed URL or another
    backend, :class:`StoreUnavailable` for a driver that is not installed."""

    def __init__(self, url: str | None = None, *, hours: float | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        url = url or default_url()
        if not isinstance(url, str):
            raise TypeError(f"url must be a string, not {type(url).__name__}")
        try:
            parsed = make_url(url)
        except (sa_exc.ArgumentError, ValueError) as error:
            raise ValueError("url is not a database URL") from error
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(f"the class store supports SQLite and PostgreSQL URLs, not {parsed.get_backend_name()!r}")
        try:
            parsed.get_dialect().import_dbapi()
        except sa_exc.NoSuchModuleError as error:
            raise ValueError(f"url names an unknown database driver ({parsed.drivername})") from error
        except ImportError as error:
            raise StoreUnavailable(f"the class database driver is not installed ({parsed.drivername}: "
                                   f"{error.name or error})") from None
        self.url = parsed
        self.hours = float(hours) if hours is not None else class_hours()
        self.clock = clock
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._purged_at = -math.inf  # time.monotonic() of the last purge

    # ------------------------------------------------------------------ connection

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def _make_engine(self) -> Engine:
        if self.is_sqlite:
            database = self.url.database
            if database and database != ":memory:" and not database.startswith("file:"):
                try:
                    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise StoreUnavailable(f"the class database folder cannot be created ({error.strerror})") from None
            engine = sa.create_engine(self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                              "check_same_thread": False},
                                      pool_size=8, max_overflow=16, pool_timeout=30)

            @sa.event.listens_for(engine, "connect")
            def _on_connect(dbapi_connection, _record):  # pragma: no cover - driver callback
                dbapi_connection.isolation_level = None  # let the "begin" hook issue BEGIN
                cursor = dbapi_connection.cursor()
                cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
                cursor.execute("PRAGMA secure_delete = ON")  # deleted answers are zeroed, not left in free pages
                cursor.close()

            @sa.event.listens_for(engine, "begin")
            def _on_begin(conn):  # pragma: no cover - driver callback
                # Writers take the write lock up front (they queue instead of failing); readers
                # (focus, results) take none, so they never wait behind a writer in WAL mode.
                conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("rnnlab_read") else "BEGIN IMMEDIATE")

            return engine
        return sa.create_engine(self.url, pool_pre_ping=True, pool_size=8, max_overflow=16, pool_timeout=30)

    def _ready(self) -> Engine:
        with self._lock:
            if self._engine is None:
                engine = self._make_engine()
                try:
                    metadata.create_all(engine)
                except sa_exc.IntegrityError:
                    pass  # another process created the tables at the same instant
                except sa_exc.ProgrammingError as error:
                    if "already exists" not in str(error):  # PostgreSQL: the same race, another error
                        engine.dispose()
                        raise _unavailable(error) from None
                except _DB_ERRORS as error:
                    engine.dispose()
                    raise _unavailable(error) from None
                self._engine = engine
            return self._engine

    @contextmanager
    def _tx(self, *, read: bool = False) -> Iterator[Connection]:
        engine = self._ready()
        try:
            with engine.connect() as conn:
                if read:
                    conn.execution_options(rnnlab_read=True)
                with conn.begin():
                    yield conn
        except sa_exc.IntegrityError:
            raise
        except _DB_ERRORS as error:
            raise _unavailable(error) from None

    def _checkpoint(self) -> None:
        """SQLite: copy the WAL into the database file and truncate it, so deleted rows do not
        stay readable in ``-wal`` (with ``secure_delete`` they are zeroed in the file itself).
        Best effort: a busy reader only delays it to the next close or purge."""
        if not self.is_sqlite or self._engine is None:
            return
        try:
            raw = self._engine.raw_connection()
            try:
                cursor = raw.cursor()
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.close()
            finally:
                raw.close()
        except Exception:  # pragma: no cover - a checkpoint never fails the caller
            pass

    def dispose(self) -> None:
        """Close pooled connections (a later call reconnects)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def _insert(self, table: sa.Table):
        return (sqlite_dialect.insert if self.is_sqlite else pg_dialect.insert)(table)

    # ------------------------------------------------------------------ helpers

    def _open_class(self, conn: Connection, code: str) -> sa.Row:
        """The open class's row with its live state (``question_id``, ``revealed``, ``locked``;
        None/None/None when the teacher never set them), or ClassNotFound."""
        query = (sa.select(classes, live.c.question_id, live.c.revealed, live.c.locked)
                 .select_from(classes.outerjoin(live, live.c.code == classes.c.code))
                 .where(classes.c.code == code))
        row = conn.execute(query).first()
        if row is None or row.closed or row.expires <= self.clock():
            raise ClassNotFound(f"no open class with code {code!r}")
        return row

    def _register(self, conn: Connection, row: sa.Row, student_id: str) -> None:
        """Make ``student_id`` a student of the class (idempotent); ClassLocked for a new one
        when the teacher locked joining."""
        if row.locked:
            known = conn.execute(sa.select(students.c.student_id).where(
                students.c.code == row.code, students.c.student_id == student_id)).first()
            if known is None:
                raise ClassLocked("this class is locked: no new students can join")
            return
        stmt = self._insert(students).values(code=row.code, student_id=student_id, joined=self.clock())
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["code", "student_id"]))

    def _check_key(self, conn: Connection, row: sa.Row, teacher_key: object) -> None:
        """The teacher key, or one of the class's board tokens (PermissionError otherwise)."""
        key = _text("teacher_key", teacher_key, limit=MAX_KEY)
        digest = _hash_key(key)
        if hmac.compare_digest(row.key_hash, digest):
            return
        token = conn.execute(sa.select(boards.c.code).where(boards.c.token_hash == digest)).first()
        if token is None or token.code != row.code:
            raise PermissionError("wrong teacher key for this class")

    def _set_live(self, conn: Connection, code: str, **values: Any) -> None:
        stmt = self._insert(live).values(code=code, at=self.clock(), **{"question_id": None, "revealed": False,
                                                                          "locked": False, **values})
        conn.execute(stmt.on_conflict_do_update(index_elements=["code"],
                                                set_={**{k: getattr(stmt.excluded, k) for k in values},
                                                      "at": stmt.excluded.at}))

    def _maybe_purge(self) -> None:
        """Purge expired classes at most once every PURGE_EVERY seconds (join, results)."""
        now = time.monotonic()
        if now - self._purged_at < PURGE_EVERY:
            return
        self._purged_at = now
        self.purge_expired()

    # ------------------------------------------------------------------ API

    def create_class(self, title: str = "") -> ClassKeys:
        """A new class with a fresh code and teacher key (expired classes are purged first)."""
        title = _text("title", title, empty=True).strip()
        key = secrets.token_urlsafe(KEY_BYTES)
        now = self.clock()
        self._purged_at = time.monotonic()
        self.purge_expired()
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self._tx() as conn:
                    if conn.execute(sa.select(classes.c.code).where(classes.c.code == code)).first():
                        continue
                    conn.execute(classes.insert().values(code=code, title=title, key_hash=_hash_key(key),
                                                         created=now, expires=now + self.hours * 3600,
                                                         closed=False))
            except sa_exc.IntegrityError:
                continue  # the same code drawn by another server at the same instant
            return ClassKeys(code, key)
        raise StoreUnavailable("could not draw an unused class code")  # pragma: no cover

    def join(self, code: str, student_id: str) -> None:
        """Register ``student_id`` in the class (idempotent). ClassLocked for a student who is not
        in the class yet when the teacher locked joining; one already in it may join again."""
        code = normalise_code(code)
        student_id = _text("student_id", student_id)
        self._maybe_purge()
        with self._tx() as conn:
            self._register(conn, self._open_class(conn, code), student_id)

    def submit_answer(self, code: str, student_id: str, question_id: str, choice: str) -> None:
        """Record (or replace) this student's answer to ``question_id`` (a quiz question or a
        prediction: both are answers). ClassLocked for a new student in a locked class."""
        code = normalise_code(code)
        student_id = _text("student_id", student_id)
        question_id = _text("question_id", question_id)
        choice = _text("choice", choice)
        with self._tx() as conn:
            self._register(conn, self._open_class(conn, code), student_id)
            stmt = self._insert(answers).values(code=code, student_id=student_id, question_id=question_id,
                                                choice=choice, at=self.clock())
            conn.execute(stmt.on_conflict_do_update(index_elements=["code", "student_id", "question_id"],
                                                    set_={"choice": stmt.excluded.choice, "at": stmt.excluded.at}))

    def submit_race(self, code: str, student_id: str, result: dict) -> None:
        """Store one finished race (a JSON-able dict of at most MAX_RESULT_BYTES); a student keeps
        the newest MAX_RACES_PER_STUDENT, a class the newest MAX_RACES_PER_CLASS."""
        code = normalise_code(code)
        student_id = _text("student_id", student_id)
        text = _result_json(result)
        with self._tx() as conn:
            self._register(conn, self._open_class(conn, code), student_id)
            conn.execute(races.insert().values(code=code, student_id=student_id, result=text, at=self.clock()))
            keep = (sa.select(races.c.id).where(races.c.code == code, races.c.student_id == student_id)
                    .order_by(races.c.id.desc()).limit(MAX_RACES_PER_STUDENT))
            conn.execute(races.delete().where(races.c.code == code, races.c.student_id == student_id,
                                              races.c.id.not_in(keep.scalar_subquery())))
            keep_class = (sa.select(races.c.id).where(races.c.code == code)
                          .order_by(races.c.id.desc()).limit(MAX_RACES_PER_CLASS))
            conn.execute(races.delete().where(races.c.code == code, races.c.id.not_in(keep_class.scalar_subquery())))

    def visit(self, code: str, student_id: str, station: str) -> None:
        """Note that ``student_id`` is on ``station`` now (a page slug; the teacher's station panel
        counts students seen in the last VISIT_WINDOW seconds). Registers the student like
        ``submit_answer`` (ClassLocked for a new student in a locked class)."""
        code = normalise_code(code)
        student_id = _text("student_id", student_id)
        station = _text("station", station)
        with self._tx() as conn:
            self._register(conn, self._open_class(conn, code), student_id)
            stmt = self._insert(visits).values(code=code, student_id=student_id, station=station, at=self.clock())
            conn.execute(stmt.on_conflict_do_update(index_elements=["code", "student_id"],
                                                    set_={"station": stmt.excluded.station, "at": stmt.excluded.at}))

    def visit_many(self, code: str, pages: Iterable[tuple[str, str]]) -> int:
        """:meth:`visit` for many students of one class in one transaction (the server's heartbeat for
        the pages open in a class, ``ui.widgets.class_push``). Students who are not in the class yet are
        skipped (a student joins through her own page); for a student listed twice the last station
        counts. Returns how many students were noted."""
        code = normalise_code(code)
        latest = {_text("student_id", student): _text("station", station) for student, station in pages}
        if not latest:
            return 0
        with self._tx() as conn:
            self._open_class(conn, code)
            known = {row.student_id for row in conn.execute(sa.select(students.c.student_id).where(
                students.c.code == code, students.c.student_id.in_(list(latest))))}
            now = self.clock()
            rows = [{"code": code, "student_id": s, "station": latest[s], "at": now} for s in latest if s in known]
            if rows:
                stmt = self._insert(visits).values(rows)
                conn.execute(stmt.on_conflict_do_update(index_elements=["code", "student_id"],
                                                        set_={"station": stmt.excluded.station, "at": stmt.excluded.at}))
        return len(rows)

    def focus(self, code: str) -> dict[str, Any] | None:
        """The question the teacher put the class on: ``{"question_id": str, "revealed": bool}``, or
        None when there is none. ClassNotFound when the class is unknown, closed or expired (so a
        student's poll learns that the class ended). One read, no write lock."""
        code = normalise_code(code)
        with self._tx(read=True) as conn:
            row = self._open_class(conn, code)
        return _focus_of(row)

    def set_focus(self, code: str, teacher_key: str, question_id: str | None, revealed: bool = False) -> None:
        """Put the class on ``question_id`` (None: no question), its answer revealed or not."""
        code = normalise_code(code)
        if question_id is not None:
            question_id = _text("question_id", question_id)
        if not isinstance(revealed, bool):
            raise TypeError(f"revealed must be a bool, not {type(revealed).__name__}")
        with self._tx() as conn:
            self._check_key(conn, self._open_class(conn, code), teacher_key)
            self._set_live(conn, code, question_id=question_id, revealed=revealed and question_id is not None)

    def set_locked(self, code: str, teacher_key: str, locked: bool) -> None:
        """Lock (or unlock) joining: while locked, only students already in the class can send."""
        code = normalise_code(code)
        if not isinstance(locked, bool):
            raise TypeError(f"locked must be a bool, not {type(locked).__name__}")
        with self._tx() as conn:
            self._check_key(conn, self._open_class(conn, code), teacher_key)
            self._set_live(conn, code, locked=locked)

    def open_board(self, code: str, teacher_key: str) -> str:
        """A new board token for this class (192 random bits; only its sha256 is stored). It works
        wherever the teacher key does, until the class is closed or expires; a class keeps its
        newest MAX_BOARDS_PER_CLASS tokens."""
        code = normalise_code(code)
        token = secrets.token_urlsafe(KEY_BYTES)
        with self._tx() as conn:
            self._check_key(conn, self._open_class(conn, code), teacher_key)
            conn.execute(boards.insert().values(token_hash=_hash_key(token), code=code, created=self.clock()))
            keep = (sa.select(boards.c.token_hash).where(boards.c.code == code)
                    .order_by(boards.c.created.desc(), boards.c.token_hash).limit(MAX_BOARDS_PER_CLASS))
            conn.execute(boards.delete().where(boards.c.code == code,
                                               boards.c.token_hash.not_in(keep.scalar_subquery())))
        return token

    def results(self, code: str, teacher_key: str) -> dict[str, Any]:
        """What the teacher's projector shows::

            {"title": str, "expires": epoch seconds, "students": int, "joined": int (the same number),
             "answers": {question_id: {choice: count}}, "answered": {question_id: students who answered},
             "races": [{"student": int (1, 2, … by join order), "result": dict, "at": epoch seconds}],
             "focus": focus() of the class, "locked": bool,
             "stations": {station: students whose last reported page is it, seen in the last VISIT_WINDOW s}}

        Accepts the teacher key or a board token.
        """
        code = normalise_code(code)
        self._maybe_purge()
        with self._tx(read=True) as conn:
            row = self._open_class(conn, code)
            self._check_key(conn, row, teacher_key)
            joined = conn.execute(sa.select(students.c.student_id).where(students.c.code == code)
                                  .order_by(students.c.joined, students.c.student_id)).scalars().all()
            counts = conn.execute(
                sa.select(answers.c.question_id, answers.c.choice, sa.func.count())
                .where(answers.c.code == code).group_by(answers.c.question_id, answers.c.choice)).all()
            race_rows = conn.execute(sa.select(races.c.student_id, races.c.result, races.c.at)
                                     .where(races.c.code == code).order_by(races.c.id)).all()
            station_rows = conn.execute(
                sa.select(visits.c.station, sa.func.count())
                .where(visits.c.code == code, visits.c.at >= self.clock() - VISIT_WINDOW)
                .group_by(visits.c.station)).all()
        number = {sid: n for n, sid in enumerate(joined, start=1)}
        tally: dict[str, dict[str, int]] = {}
        for question_id, choice, count in counts:
            tally.setdefault(question_id, {})[choice] = int(count)
        race_list = [{"student": number.get(sid, 0), "result": json.loads(result), "at": at}
                     for sid, result, at in race_rows]
        return {"title": row.title, "expires": row.expires, "students": len(joined), "joined": len(joined),
                "answers": tally, "answered": {q: sum(c.values()) for q, c in tally.items()},
                "races": race_list, "focus": _focus_of(row), "locked": bool(row.locked),
                "stations": {station: int(n) for station, n in station_rows}}

    def close_class(self, code: str, teacher_key: str) -> None:
        """Close the class and delete its students, answers, races, visits, focus and board tokens."""
        code = normalise_code(code)
        with self._tx() as conn:
            row = self._open_class(conn, code)
            self._check_key(conn, row, teacher_key)
            conn.execute(classes.update().where(classes.c.code == code).values(closed=True))
            for table in CLASS_TABLES:
                conn.execute(table.delete().where(table.c.code == code))
        self._checkpoint()

    def purge_expired(self) -> int:
        """Delete the rows of expired classes (the class row stays, closed, so its code is not
        reused within the same day); returns how many classes were purged."""
        now = self.clock()
        with self._tx() as conn:
            stale = sa.select(classes.c.code).where(classes.c.expires <= now, classes.c.closed.is_(False))
            codes = conn.execute(stale).scalars().all()
            if codes:
                for table in CLASS_TABLES:
                    conn.execute(table.delete().where(table.c.code.in_(codes)))
                conn.execute(classes.update().where(classes.c.code.in_(codes)).values(closed=True))
            old = conn.execute(classes.delete().where(classes.c.expires <= now - 24 * 3600)).rowcount
        if codes or old:
            self._checkpoint()
        return len(codes)


def _focus_of(row: sa.Row) -> dict[str, Any] | None:
    if not row.question_id:
        return None
    return {"question_id": row.question_id, "revealed": bool(row.revealed)}
