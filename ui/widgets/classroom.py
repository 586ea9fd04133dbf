"""Class mode in the app: the sidebar's join box, the focus banner, and the calls pages make to send to a class.

Class mode is off until a class code is used: nothing here opens a database (or creates a
file) before a student joins or the teacher page creates a class. The store is one
:class:`classroom.store.ClassStore` per database URL for the whole server (``st.cache_resource``);
the URL comes from the ``RNN_LAB_CLASS_DB`` environment variable, else ``RNN_LAB_CLASS_DB`` in
``.streamlit/secrets.toml``, else a SQLite file under ``RNN_LAB_DATA_DIR`` (default ``.data/``).
The URL is checked once per server (:func:`get_store`): a malformed one, another backend or a
driver that is not installed makes class mode "unavailable" everywhere (a plain message; the
reason goes to the log), never a traceback.

Each browser gets an anonymous id (a random UUID in ``st.session_state``, kept in a 12-hour
cookie once it joins a class, so a reload is not a new student): no names, no accounts, so "one
vote per student" is one vote per browser cookie. Limits per session: 5 join attempts per minute;
writes from a token bucket (a burst of 24, refilled at 2 per second: a quiz's 8 answers changed
twice within a second all go through); 5 classes created per hour (:func:`may_create_class`, for
the teacher page). :func:`send_answer` and :func:`send_race` do nothing outside a class and never
raise into the page: trouble becomes a toast or a warning.

Teacher-paced mode (:func:`focus_banner`, called by the router on every page while the session is
in a class): the full run shows the class's focused question with a link to its station (the opt-in
"follow the teacher" switch sits in the sidebar's class box), read through :func:`class_focus` —
ONE store read per class per :data:`FOCUS_TTL` second for the whole server (a small lock-guarded
cache shared by every session, filled by whichever reader asks first; no session writes into it
otherwise). Then the page is handed to the server's push thread (``ui.widgets.class_push``): when
the teacher focuses another question, reveals it or closes the class, the server runs the page
again by itself (a revealed chart unfolds, a follower moves, a closed class is told), and while the
page stays open its station reaches the teacher's panel every 30 s (``ClassStore.visit_many``). An
idle page costs the server nothing per student. Only where this Streamlit cannot push
(``class_push.available()`` False, or no server session) does the page poll instead: an empty
fragment every :data:`POLL` seconds (~4 ms of server CPU each).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import threading
import time
import uuid
from typing import Any

import streamlit as st

from classroom.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ClassLocked,
    ClassNotFound,
    ClassStore,
    StoreUnavailable,
    default_url,
)
from ui.shell.i18n import current_language, t
from ui.widgets import class_push

LOG = logging.getLogger(__name__)
STATE = "_classroom"
URL_ENV = "RNN_LAB_CLASS_DB"
JOIN_LIMIT, JOIN_WINDOW = 5, 60.0  # join attempts per session per window (seconds)
WRITE_BURST, WRITE_RATE = 24.0, 2.0  # token bucket: capacity, tokens per second
CREATE_LIMIT, CREATE_WINDOW = 5, 3600.0  # classes a session may create per window (seconds)
TOAST_GAP = 3.0  # seconds between two "sent" toasts (a quiz sends up to 8 answers at once)
POLL = 2.0  # seconds between two focus polls of a student's page (the banner's fragment)
FOCUS_TTL = 1.0  # seconds a class's focus read is shared by every session of the server
VISIT_EVERY = 30.0  # seconds between two reports of a student's station
VISIT_GAP = 5.0  # seconds at least between two reports, even when the student changed station
CODE_RE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")  # use with fullmatch
COOKIE, COOKIE_AGE = "rnnlab_student", 12 * 3600  # the anonymous id, remembered by the browser in class mode
ID_RE = re.compile(r"[0-9a-f]{32}")  # use with fullmatch: "…\n" must not pass
TEACHER_PAGE = "teacher"  # a ?class= link on this page is the teacher's, never a student's join
FOLLOW_KEY = "_class_follow"
HOME_SLUG = "home"  # the station served at "/" (ui.shell.stations.HOME), whose URL path is ""


# --------------------------------------------------------------------------- the store


_URL_SEEN: list[tuple[float, str, str]] = []  # (monotonic, RNN_LAB_DATA_DIR, url): the last answer, for URL_TTL s
URL_TTL = 30.0


def store_url() -> str:
    """The class database URL: environment, then secrets, then the default SQLite file.

    Reading ``st.secrets`` without a secrets file costs ~0.14 ms (Streamlit looks for the files
    again each time) and the banner asks on every poll, so the answer is kept for URL_TTL seconds
    (the environment is read every time: tests and benchmarks change it).
    """
    env = os.environ.get(URL_ENV, "").strip()
    if env:
        return env
    now, env = time.monotonic(), os.environ.get("RNN_LAB_DATA_DIR", "")
    if _URL_SEEN and now - _URL_SEEN[0][0] < URL_TTL and _URL_SEEN[0][1] == env:
        return _URL_SEEN[0][2]
    try:
        url = str(st.secrets.get(URL_ENV, "") or "").strip()
    except Exception:  # no secrets file, or an unreadable one: use the default
        url = ""
    url = url or default_url()
    _URL_SEEN[:] = [(now, env, url)]
    return url


@st.cache_resource(show_spinner=False, max_entries=4)
def _store_for(url: str) -> tuple[ClassStore | None, str | None]:
    """The server's store for ``url``, or (None, why not): checked once per URL and server."""
    try:
        return ClassStore(url), None
    except (ValueError, TypeError, StoreUnavailable) as error:
        LOG.error("class mode unavailable: %s", error)  # the log, never the page: a URL may hold a password
        return None, f"{type(error).__name__}: {error}"
    except Exception as error:  # anything else a driver import may raise
        LOG.exception("class mode unavailable")
        return None, type(error).__name__


def get_store() -> ClassStore:
    """The server's store for the configured URL (created on first use, opened lazily).

    Raises :class:`StoreUnavailable` ("class mode unavailable") when the configured URL cannot
    be used at all (malformed, another backend, driver not installed); the details are in the log.
    """
    store, _why = _store_for(store_url())
    if store is None:
        raise StoreUnavailable("class mode unavailable on this server (see the server log)")
    return store


def available() -> bool:
    """Whether class mode can work on this server (the URL and its driver passed the check)."""
    return _store_for(store_url())[0] is not None


def clean_code(raw: object) -> str | None:
    """A typed or linked class code, upper-cased without spaces, or None if it cannot be one."""
    if not isinstance(raw, str) or len(raw) > 32:
        return None
    code = re.sub(r"[\s-]", "", raw).upper()
    return code if CODE_RE.fullmatch(code) else None


# --------------------------------------------------------------------------- the shared focus

_UNKNOWN, _CLOSED, _DOWN = "unknown", "closed", "down"  # what a shared read can say besides a focus


class _FocusCache:
    """One focus read per (store URL, class code) per FOCUS_TTL seconds for the whole server.

    A value is ``(question_id, revealed)`` (immutable), ``None`` (no focus), or one of
    ``_CLOSED`` / ``_DOWN``. The first session to find a stale entry reads the store; the others
    keep the stale value meanwhile (``_UNKNOWN`` if there is none yet) instead of queueing behind a
    slow database. Entries unused for a minute are dropped.
    """

    def __init__(self, ttl: float = FOCUS_TTL) -> None:
        self.ttl = ttl
        self.lock = threading.Lock()
        self.entries: dict[tuple[str, str], tuple[float, Any]] = {}
        self.fetching: set[tuple[str, str]] = set()
        self.reads = 0  # store reads made (tests and benchmarks count them)

    def get(self, store: ClassStore, url: str, code: str) -> Any:
        key = (url, code)
        now = time.monotonic()
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                return hit[1]
            if key in self.fetching:
                return hit[1] if hit is not None else _UNKNOWN
            self.fetching.add(key)
        value: Any = _DOWN
        try:
            focus = store.focus(code)
            value = None if focus is None else (str(focus["question_id"]), bool(focus["revealed"]))
        except (ClassNotFound, ValueError, TypeError):
            value = _CLOSED
        except StoreUnavailable as error:
            LOG.warning("class focus: %s", error)
        except Exception:  # never into a student's page
            LOG.exception("class focus read failed")
        finally:
            with self.lock:
                self.reads += 1
                self.fetching.discard(key)
                done = time.monotonic()
                self.entries[key] = (done, value)
                if len(self.entries) > 64:
                    for stale in [k for k, (at, _) in self.entries.items() if done - at > 60]:
                        del self.entries[stale]
        return value

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def drop(self, url: str, code: str) -> None:
        """Forget one class's read (its teacher just changed it in this process)."""
        with self.lock:
            self.entries.pop((url, code), None)


FOCUS_CACHE = _FocusCache()


def focus_changed(code: str) -> None:
    """The teacher changed ``code``'s focus (or reveal) from this server: its pages here learn it at the push
    thread's next look (``class_push.TICK``) instead of when the shared read expires (other servers of a
    school: within FOCUS_TTL)."""
    FOCUS_CACHE.drop(store_url(), code)


def _shared_focus(code: str) -> Any:
    try:
        store = get_store()
    except StoreUnavailable:
        return _DOWN
    return FOCUS_CACHE.get(store, store_url(), code)


def class_focus() -> dict[str, Any] | None:
    """The focus of this session's class, ``{"question_id": str, "revealed": bool}``, or None
    (no class, no focus, the class closed, the store down). One shared read per class per second
    for the whole server; a fresh dict each call (nobody can change another session's view)."""
    state = st.session_state.get(STATE)
    if not state or not state.get("code"):
        return None
    value = _shared_focus(state["code"])
    if isinstance(value, tuple):
        return {"question_id": value[0], "revealed": value[1]}
    return None


# --------------------------------------------------------------------------- session state


def _cookie_id() -> str | None:
    """The anonymous id this browser got when it last joined a class (cookie), if any."""
    try:
        raw = st.context.cookies.get(COOKIE)
    except Exception:  # no request context (tests, bare mode)
        return None
    return raw if isinstance(raw, str) and ID_RE.fullmatch(raw) else None


def _remember_id(student: str) -> None:
    """Keep the anonymous id in a cookie (12 h) so that a reload or the QR link opened again in the
    same browser is the same student: one vote per browser cookie even across sessions. Only set
    once the browser is in a class; the id is random hex (checked here), so nothing typed reaches
    the script."""
    if not ID_RE.fullmatch(student):
        LOG.error("refusing to write a malformed student id into a cookie")
        return
    st.html(f"<script>document.cookie = '{COOKIE}={student}; path=/; max-age={COOKIE_AGE}; SameSite=Lax';</script>",
            unsafe_allow_javascript=True)


def _state() -> dict[str, Any]:
    return st.session_state.setdefault(STATE, {
        "student": _cookie_id() or uuid.uuid4().hex, "cookie": False, "code": None, "url_tried": None, "joins": [],
        "tokens": WRITE_BURST, "refilled": time.monotonic(), "sent": {}, "races": set(), "toasted": 0.0,
        "message": None, "seen": None, "here": None, "visited": (None, None, -VISIT_EVERY), "follow": False,
        "land": False, "followed": None, "creates": [],
    })


def current_class() -> str | None:
    """The code of the class this session is in, or None (class mode off)."""
    state = st.session_state.get(STATE)
    return state["code"] if state else None


def _within_limit(times: list[float], limit: int, window: float) -> bool:
    """Sliding-window limiter over ``times`` (monotonic stamps, pruned in place)."""
    now = time.monotonic()
    times[:] = [when for when in times if now - when < window]
    if len(times) >= limit:
        return False
    times.append(now)
    return True


def _may_join(state: dict[str, Any]) -> bool:
    return _within_limit(state["joins"], JOIN_LIMIT, JOIN_WINDOW)


def may_create_class() -> bool:
    """Whether this session may create one more class now (at most CREATE_LIMIT per CREATE_WINDOW);
    counts the attempt. For the teacher page, before ``get_store().create_class``."""
    return _within_limit(_state()["creates"], CREATE_LIMIT, CREATE_WINDOW)


def _may_write(state: dict[str, Any]) -> bool:
    now = time.monotonic()
    state["tokens"] = min(WRITE_BURST, state["tokens"] + (now - state["refilled"]) * WRITE_RATE)
    state["refilled"] = now
    if state["tokens"] < 1.0:
        return False
    state["tokens"] -= 1.0
    return True


def _join(raw: object, *, from_link: bool) -> None:
    """Try to join the class ``raw``; the outcome is a message key in the state."""
    state = _state()
    code = clean_code(raw)
    if code is None:
        state["message"] = ("warning", "teacher.bad_link_code" if from_link else "teacher.bad_code", {})
        return
    if not _may_join(state):
        state["message"] = ("warning", "teacher.too_many_joins", {})
        return
    try:
        get_store().join(code, state["student"])
    except ClassLocked:
        state["message"] = ("warning", "teacher.locked", {})
        return
    except ClassNotFound:
        state["message"] = ("warning", "teacher.not_found", {})
        return
    except StoreUnavailable as error:
        LOG.warning("class join: %s", error)
        state["message"] = ("warning", "teacher.unavailable" if available() else "teacher.mode_unavailable", {})
        return
    except (ValueError, TypeError) as error:  # a malformed id (never from this module) — no traceback
        LOG.warning("class join refused: %s", error)
        state["message"] = ("warning", "teacher.send_failed", {})
        return
    state.update(code=code, message=("success", "teacher.joined", {"code": code}), seen=None, land=True,
                 visited=(None, None, -VISIT_EVERY))


def _join_typed() -> None:
    _join(st.session_state.get("_class_code_input", ""), from_link=False)
    if current_class():
        st.query_params["class"] = current_class()


def _leave() -> None:
    state = _state()
    state.update(code=None, message=("info", "teacher.left", {}), seen=None)
    st.query_params.pop("class", None)
    _unwatch()


def _on_teacher_page(page: str | None) -> bool:
    """Whether this run shows the teacher page: ``page`` when the router knows it, else the
    browser's address (``st.context.url``, the path without the query)."""
    if page is not None:
        return page == TEACHER_PAGE
    try:
        url = st.context.url or ""
    except Exception:  # no request context (tests, bare mode)
        url = ""
    return bool(re.search(rf"/{TEACHER_PAGE}/?$", url))


def _join_from_link(page: str | None = None) -> None:
    """``?class=CODE`` joins once per distinct link value. Never on the teacher page: a
    ``/teacher?class=CODE`` link (with or without its key) is the teacher's, and the teacher page
    says what it needs; it must not make that browser a student."""
    raw = st.query_params.get("class")
    if raw is None or "teacher" in st.query_params or _on_teacher_page(page):
        return
    state = _state()
    code = clean_code(raw)
    if raw == state["url_tried"] or (code is not None and code == state["code"]):
        return
    state["url_tried"] = raw
    _join(raw, from_link=True)


def join_box(page: str | None = None) -> None:
    """The sidebar's class box: join with a code (or a ``?class=`` link), or see the class and leave.

    Call inside ``with st.sidebar``. ``page``: the URL path of the page this run shows, when the
    router already knows it (a ``?class=`` link on the teacher page joins no one).
    """
    _join_from_link(page)
    state = st.session_state.get(STATE)
    code = state["code"] if state else None
    message = state["message"] if state else None
    if state is not None:
        state["message"] = None  # shown once
    if code:
        if not _on_teacher_page(page):
            st.query_params["class"] = code
        if not state["cookie"]:
            state["cookie"] = True
            if _cookie_id() != state["student"]:
                _remember_id(state["student"])
        st.success(t("teacher.in_class", code=code), icon=":material/groups:")
        st.button(t("teacher.leave"), key="_class_leave", on_click=_leave, icon=":material/logout:")
        follow_toggle()
    elif not available():
        with st.expander(t("teacher.join_title"), icon=":material/groups:", expanded=message is not None):
            st.info(t("teacher.mode_unavailable"), icon=":material/cloud_off:")
        message = None if message and message[1] == "teacher.mode_unavailable" else message
    else:
        with st.expander(t("teacher.join_title"), icon=":material/groups:", expanded=message is not None):
            with st.form("_class_join_form", border=False, enter_to_submit=True):
                st.text_input(t("teacher.code_label"), key="_class_code_input", max_chars=12,
                              help=t("teacher.code_help"), placeholder="ABC234")
                st.form_submit_button(t("teacher.join"), on_click=_join_typed, icon=":material/login:")
    if message is not None and not (code and message[0] == "success"):
        kind, key, fmt = message
        getattr(st, kind)(t(key, **fmt))
        if key == "teacher.closed_now":  # the sidebar may be folded (phones) or scrolled: say it on the page too
            st.toast(t(key, **fmt), icon=":material/event_busy:")


# --------------------------------------------------------------------------- the focus banner


def _station_of(question_id: str) -> tuple[Any, Any]:
    """(Prediction, Station) of a focused question in this session's language, or (None, None):
    the registry (``ui.shell.predictions``) is imported here, so a missing or broken registry
    means no banner, never a broken page."""
    try:
        from ui.shell.predictions import question
        from ui.shell.stations import station

        prediction = question(question_id, current_language())
        return (prediction, station(prediction.station)) if prediction is not None else (None, None)
    except Exception:  # registry missing, unknown station: no banner
        LOG.exception("class banner: no question %r", question_id)
        return None, None


def _report_visit(state: dict[str, Any], code: str) -> None:
    """Tell the class where this student is: at the first poll VISIT_GAP s after a station change
    (a student clicking through pages is one write per VISIT_GAP s at most), else every VISIT_EVERY s."""
    here = state.get("here")
    last_code, last_here, last_at = state["visited"]
    now = time.monotonic()
    if not here or (last_code == code and now - last_at < (VISIT_EVERY if last_here == here else VISIT_GAP)):
        return
    state["visited"] = (code, here, now)
    try:
        get_store().visit(code, state["student"], here)
    except (ClassNotFound, ClassLocked):
        pass  # the next poll says so
    except Exception as error:  # the station panel is best effort: never into the page
        LOG.warning("class visit: %s", error)


def _follow_changed() -> None:
    state = _state()
    state["follow"] = state["land"] = bool(st.session_state.get(FOLLOW_KEY))  # turned on: go there now


def _go(path: str) -> None:
    st.switch_page(path)


def _closed(state: dict[str, Any], code: str) -> None:
    """The class ended: leave it and run the whole page again (the sidebar says so now)."""
    state.update(code=None, seen=None, message=("warning", "teacher.closed_now", {"code": code}))
    st.query_params.pop("class", None)
    _unwatch()
    st.rerun(scope="app")


def _move_if_due(state: dict[str, Any], focus: tuple[str, bool] | None) -> None:
    """Take the student to the class's question: once after joining (or turning "follow" on), and
    each time the teacher focuses another question while "follow the teacher" is on."""
    move = state["land"] or (state["follow"] and focus is not None and focus[0] != state["followed"])
    state["land"] = False  # the class's focus is known now: a join lands only on the question focused then
    if focus is None:
        return
    state["followed"] = focus[0]
    where = _station_of(focus[0])[1]
    if move and where is not None and where.slug != state["here"]:
        _go(where.path)


@st.fragment(run_every=POLL)
def _poll() -> None:
    """Every POLL seconds: has the class's focus (or its reveal) changed, or has the class ended?

    Draws nothing: an empty fragment is the cheapest poll Streamlit has (measured with 60 idle
    students: ~2.6–3.2 ms of server CPU per poll when empty, ~4.4–4.9 ms when it redrew a two-element
    banner, so 60 students polling every 2 s stay under 10 % of one core only when empty). The
    banner is drawn by the full run; a change reruns the whole page, which also unfolds a revealed
    chart and moves a follower. Also reports the student's station now and then.
    """
    state = st.session_state.get(STATE)
    if not state or not state["code"]:
        return
    code = state["code"]
    value = _shared_focus(code)
    if value == _CLOSED:
        _closed(state, code)
    _report_visit(state, code)
    if value not in (_UNKNOWN, _DOWN) and value != state["seen"]:
        st.rerun(scope="app")


def _draw(state: dict[str, Any], focus: tuple[str, bool] | None) -> None:
    prediction, where = _station_of(focus[0]) if focus else (None, None)
    if prediction is None:
        return
    # The question as one info box, and a link to its station when the student is elsewhere.
    st.info(t("teacher.focus_revealed" if focus[1] else "teacher.focus_banner", prompt=prediction.prompt),
            icon=":material/campaign:")
    if where is not None and where.slug != state["here"]:
        st.page_link(where.path, label=t("teacher.focus_go"), icon=":material/arrow_forward:")


def follow_toggle() -> None:
    """The opt-in "follow the teacher" switch (the sidebar's class box draws it while in a class)."""
    state = _state()
    st.session_state[FOLLOW_KEY] = state["follow"]
    st.toggle(t("teacher.follow"), key=FOLLOW_KEY, help=t("teacher.follow_help"), on_change=_follow_changed)


def focus_banner(page: str | None = None) -> None:
    """The class's focused question on every page while this session is in a class (no-op outside one).

    ``page``: the URL path (station slug) of the page this run shows; by default the one the router
    entered (``ui.shell.state.enter_page``). Shows the question's prompt and a link to its station;
    moves the student there once after joining (or turning "follow the teacher" on, in the sidebar)
    and at each new focus while following. The server runs the page again when the focus or its
    reveal changes, or the class closes (``ui.widgets.class_push``; an empty fragment polling every
    POLL seconds where it cannot). Call after ``enter_page`` and before the page runs (the banner
    sits on top).
    """
    state = st.session_state.get(STATE)
    if not state or not state["code"]:
        return
    try:
        here = page if page is not None else st.session_state.get("_current_page")
        state["here"] = here or HOME_SLUG  # the default page's URL path is ""
        code = state["code"]
        value = _shared_focus(code)
        if value == _CLOSED:
            _closed(state, code)
        if value not in (_UNKNOWN, _DOWN):
            state["seen"] = value  # what this run shows; the server (or the poll) reruns the page when it changes
            _move_if_due(state, value)
            _draw(state, value)
        if not _pushed(state, code, value):
            _poll()
    except Exception as error:  # never a traceback from class mode (Streamlit's reruns are not Exceptions)
        LOG.exception("focus banner failed: %s", error)


def _session_id() -> str | None:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
    except Exception:
        return None
    return ctx.session_id if ctx is not None else None


def _unwatch() -> None:
    """This page left its class: the push thread stops watching it."""
    session_id = _session_id()
    if session_id is not None:
        class_push.forget(session_id)


def _visit_many(store: ClassStore, code: str, visits: list[tuple[str, str]]) -> None:
    """The push thread's heartbeat: the class's open pages count on their stations (best effort)."""
    try:
        store.visit_many(code, visits)
    except (ClassNotFound, ClassLocked, StoreUnavailable) as error:
        LOG.info("class heartbeat: %s", error)


def _pushed(state: dict[str, Any], code: str, shown: Any) -> bool:
    """Hand this page to the server's push thread (``ui.widgets.class_push``): it runs the page again when
    the class's focus differs from ``shown``, and keeps the student on the station panel while the page is
    open. False when this Streamlit cannot push (or this run has no server session): poll instead."""
    session_id = _session_id()
    if session_id is None or not class_push.available():
        return False
    try:
        store = get_store()
    except StoreUnavailable:
        return False
    url = store_url()
    _report_visit(state, code)  # a station change now (VISIT_GAP apart at most); the heartbeat keeps it fresh
    class_push.watch((url, code), session_id, shown, functools.partial(FOCUS_CACHE.get, store, url, code),
                     skip=(_UNKNOWN, _DOWN), visit=(state["student"], state["here"]),
                     report=functools.partial(_visit_many, store, code))
    return True


# --------------------------------------------------------------------------- sending


def _toast(key: str, code: str) -> None:
    state = _state()
    now = time.monotonic()
    if now - state["toasted"] >= TOAST_GAP:
        state["toasted"] = now
        st.toast(t(key, code=code), icon=":material/cloud_done:")


def _send(write, sent_key: str) -> bool:
    """Run ``write(store, code, student)`` for this session's class; True when it was stored."""
    state = st.session_state.get(STATE)
    if not state or not state["code"]:
        return False
    code = state["code"]
    if not _may_write(state):
        st.toast(t("teacher.too_fast"), icon=":material/hourglass_top:")
        return False
    try:
        write(get_store(), code, state["student"])
    except ClassLocked:
        st.toast(t("teacher.locked"), icon=":material/lock:")
        return False
    except ClassNotFound:
        state.update(code=None, seen=None)
        st.query_params.pop("class", None)
        st.warning(t("teacher.closed_now", code=code), icon=":material/groups:")
        return False
    except StoreUnavailable as error:
        LOG.warning("class write: %s", error)
        st.toast(t("teacher.unavailable"), icon=":material/cloud_off:")
        return False
    except Exception:  # never a traceback in the page (Streamlit's reruns are BaseException)
        LOG.exception("class write failed")
        st.toast(t("teacher.send_failed"), icon=":material/cloud_off:")
        return False
    _toast(sent_key, code)
    return True


def _option_count(question_id: str) -> int | None:
    """How many options the registered question ``question_id`` has (None: not a registered
    question). The registry (``ui.shell.predictions``, predictions and the quiz) is asked first;
    without it, the quiz's own list (``services.quiz``)."""
    try:
        from ui.shell.predictions import question

        prediction = question(question_id, current_language())
        if prediction is not None:
            return len(prediction.options)
    except Exception:  # registry missing or broken: the quiz still reaches the class
        LOG.debug("prediction registry unavailable", exc_info=True)
    from services import quiz

    found = next((q for q in quiz.QUESTIONS if q.key == question_id), None)
    return found.options if found is not None else None


def send_answer(question_id: str, choice: str | int | None) -> None:
    """Send this student's answer to a registered question (a station's prediction or a station-6
    quiz question) to the class; a no-op outside a class.

    ``question_id`` is a registry id (``"gradients.gain50"``, ``"conclusion.q1"``); ``choice`` the
    option's letter (``"a"`` …) or its index. ``None`` (unanswered), unknown questions and
    out-of-range choices are ignored. An answer already sent is not sent again; a changed one
    replaces it (one vote per browser cookie per question).
    """
    try:
        state = st.session_state.get(STATE)
        if not state or not state["code"] or choice is None or not isinstance(question_id, str):
            return
        options = _option_count(question_id)
        if not options:
            return
        letters = "abcd"[:options]
        if isinstance(choice, int) and not isinstance(choice, bool):
            letter = letters[choice] if 0 <= choice < len(letters) else None
        else:
            letter = choice if isinstance(choice, str) and len(choice) == 1 and choice in letters else None
        if letter is None:
            return
        key = f"{state['code']}|{question_id}"
        if state["sent"].get(key) == letter:
            return
        if _send(lambda store, code, student: store.submit_answer(code, student, question_id, letter),
                 "teacher.answer_sent"):
            state["sent"][key] = letter
    except Exception:  # never raise into the page
        LOG.exception("send_answer failed")


send_quiz_answer = send_answer  # the conclusion page's quiz form calls it by its first name


def send_race(result: dict) -> None:
    """Send a finished Lab race (``pages.lab.evidence.from_race(state)``) to the class, once.

    No-op outside a class, for a race that did not finish (``status`` other than ``"done"``)
    or for one already sent by this session.
    """
    try:
        state = st.session_state.get(STATE)
        if not state or not state["code"] or not isinstance(result, dict) or result.get("status") != "done":
            return
        digest = hashlib.sha256(json.dumps(result, sort_keys=True, default=str).encode()).hexdigest()
        key = f"{state['code']}|{digest}"
        if key in state["races"]:
            return
        if _send(lambda store, code, student: store.submit_race(code, student, result), "teacher.race_sent"):
            state["races"].add(key)
    except Exception:  # never raise into the page
        LOG.exception("send_race failed")
