"""Class mode in the app: the sidebar's join box and the two calls pages make to send to a class.

Class mode is off until a class code is used: nothing here opens a database (or creates a
file) before a student joins or the teacher page creates a class. The store is one
:class:`classroom.store.ClassStore` per database URL for the whole server (``st.cache_resource``);
the URL comes from the ``RNN_LAB_CLASS_DB`` environment variable, else ``RNN_LAB_CLASS_DB`` in
``.streamlit/secrets.toml``, else a SQLite file under ``RNN_LAB_DATA_DIR`` (default ``.data/``).

Each browser gets an anonymous id (a random UUID in ``st.session_state``, kept in a 12-hour
cookie once it joins a class, so a reload is not a new student): no names, no accounts. Limits per session: 5 join attempts per minute; writes from a token bucket (a burst
of 10, refilled at 2 per second). :func:`send_quiz_answer` and :func:`send_race` do nothing
outside a class and never raise into the page: trouble becomes a toast or a warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import uuid
from typing import Any

import streamlit as st

from classroom.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ClassNotFound,
    ClassStore,
    StoreUnavailable,
    default_url,
)
from services import quiz
from ui.shell.i18n import t

LOG = logging.getLogger(__name__)
STATE = "_classroom"
URL_ENV = "RNN_LAB_CLASS_DB"
JOIN_LIMIT, JOIN_WINDOW = 5, 60.0  # join attempts per session per window (seconds)
WRITE_BURST, WRITE_RATE = 10.0, 2.0  # token bucket: capacity, tokens per second
TOAST_GAP = 3.0  # seconds between two "sent" toasts (a quiz sends up to 8 answers at once)
CODE_RE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
COOKIE, COOKIE_AGE = "rnnlab_student", 12 * 3600  # the anonymous id, remembered by the browser in class mode
ID_RE = re.compile(r"^[0-9a-f]{32}$")


# --------------------------------------------------------------------------- the store


def store_url() -> str:
    """The class database URL: environment, then secrets, then the default SQLite file."""
    url = os.environ.get(URL_ENV, "").strip()
    if url:
        return url
    try:
        url = str(st.secrets.get(URL_ENV, "") or "").strip()
    except Exception:  # no secrets file, or an unreadable one: use the default
        url = ""
    return url or default_url()


@st.cache_resource(show_spinner=False, max_entries=4)
def _store_for(url: str) -> ClassStore:
    return ClassStore(url)


def get_store() -> ClassStore:
    """The server's store for the configured URL (created on first use, opened lazily)."""
    return _store_for(store_url())


def clean_code(raw: object) -> str | None:
    """A typed or linked class code, upper-cased without spaces, or None if it cannot be one."""
    if not isinstance(raw, str) or len(raw) > 32:
        return None
    code = re.sub(r"[\s-]", "", raw).upper()
    return code if CODE_RE.match(code) else None


# --------------------------------------------------------------------------- session state


def _cookie_id() -> str | None:
    """The anonymous id this browser got when it last joined a class (cookie), if any."""
    try:
        raw = st.context.cookies.get(COOKIE)
    except Exception:  # no request context (tests, bare mode)
        return None
    return raw if isinstance(raw, str) and ID_RE.match(raw) else None


def _remember_id(student: str) -> None:
    """Keep the anonymous id in a cookie (12 h) so that a reload or the QR link opened again in the
    same browser is the same student: one vote per student even across sessions. Only set once
    the browser is in a class; the id is random hex, so nothing typed reaches the script."""
    assert ID_RE.match(student)
    st.html(f"<script>document.cookie = '{COOKIE}={student}; path=/; max-age={COOKIE_AGE}; SameSite=Lax';</script>",
            unsafe_allow_javascript=True)


def _state() -> dict[str, Any]:
    return st.session_state.setdefault(STATE, {
        "student": _cookie_id() or uuid.uuid4().hex, "cookie": False, "code": None, "url_tried": None, "joins": [], "tokens": WRITE_BURST,
        "refilled": time.monotonic(), "sent": {}, "races": set(), "toasted": 0.0, "message": None,
    })


def current_class() -> str | None:
    """The code of the class this session is in, or None (class mode off)."""
    state = st.session_state.get(STATE)
    return state["code"] if state else None


def _may_join(state: dict[str, Any]) -> bool:
    now = time.monotonic()
    state["joins"] = [when for when in state["joins"] if now - when < JOIN_WINDOW]
    if len(state["joins"]) >= JOIN_LIMIT:
        return False
    state["joins"].append(now)
    return True


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
    except ClassNotFound:
        state["message"] = ("warning", "teacher.not_found", {})
        return
    except StoreUnavailable as error:
        LOG.warning("class join: %s", error)
        state["message"] = ("warning", "teacher.unavailable", {})
        return
    state.update(code=code, message=("success", "teacher.joined", {"code": code}))


def _join_typed() -> None:
    _join(st.session_state.get("_class_code_input", ""), from_link=False)
    if current_class():
        st.query_params["class"] = current_class()


def _leave() -> None:
    state = _state()
    state.update(code=None, message=("info", "teacher.left", {}))
    st.query_params.pop("class", None)


def _join_from_link() -> None:
    """``?class=CODE`` joins once per distinct link value (a teacher link is the teacher page's)."""
    raw = st.query_params.get("class")
    if raw is None or "teacher" in st.query_params:
        return
    state = _state()
    code = clean_code(raw)
    if raw == state["url_tried"] or (code is not None and code == state["code"]):
        return
    state["url_tried"] = raw
    _join(raw, from_link=True)


def join_box() -> None:
    """The sidebar's class box: join with a code (or a ``?class=`` link), or see the class and leave.

    Call inside ``with st.sidebar``.
    """
    _join_from_link()
    state = st.session_state.get(STATE)
    code = state["code"] if state else None
    message = state["message"] if state else None
    if state is not None:
        state["message"] = None  # shown once
    if code:
        st.query_params["class"] = code
        if not state["cookie"]:
            state["cookie"] = True
            if _cookie_id() != state["student"]:
                _remember_id(state["student"])
        st.success(t("teacher.in_class", code=code), icon=":material/groups:")
        st.button(t("teacher.leave"), key="_class_leave", on_click=_leave, icon=":material/logout:")
    else:
        with st.expander(t("teacher.join_title"), icon=":material/groups:", expanded=message is not None):
            with st.form("_class_join_form", border=False, enter_to_submit=True):
                st.text_input(t("teacher.code_label"), key="_class_code_input", max_chars=12,
                              help=t("teacher.code_help"), placeholder="ABC234")
                st.form_submit_button(t("teacher.join"), on_click=_join_typed, icon=":material/login:")
    if message is not None and not (code and message[0] == "success"):
        kind, key, fmt = message
        getattr(st, kind)(t(key, **fmt))


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
    except ClassNotFound:
        state["code"] = None
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


def send_quiz_answer(question_id: str, choice: str | int | None) -> None:
    """Send this student's answer to a station-6 question to the class (no-op outside a class).

    ``question_id`` is a :data:`services.quiz.QUESTIONS` key (``"conclusion.q1"``); ``choice`` the option's
    letter (``"a"`` …) or its index. ``None`` (unanswered), unknown questions and out-of-range
    choices are ignored. An answer already sent is not sent again; a changed one replaces it.
    """
    try:
        state = st.session_state.get(STATE)
        if not state or not state["code"] or choice is None:
            return
        question = next((q for q in quiz.QUESTIONS if q.key == question_id), None)
        if question is None:
            return
        letters = "abcd"[: question.options]
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
        LOG.exception("send_quiz_answer failed")


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
