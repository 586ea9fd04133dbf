"""The board this browser session shows: created here, reopened with code + key, restored from a cookie.

``st.session_state[BOARD]`` is ``{"code": str, "token": str}``: the class code and a *board token*
(``ClassStore.open_board``: 192 random bits, stored hashed, valid wherever the teacher key is, until
the class ends). The teacher key itself never stays in the session and never travels in the URL:

* **create** (:func:`create`): a new class; its key is shown ONCE, folded, to be copied
  (``st.session_state[KEY_ONCE]`` until the teacher hides it), and the board gets a token;
* **reopen** (:func:`reopen`): the form's code + key → a token. Unknown code and wrong key get the
  same message (``teacher.reopen_failed``): the form must not tell which codes exist;
* **reload**: the token is kept in a cookie (:data:`COOKIE`, ``CODE.token``, max-age = the class's
  remaining life, written by a script like ``ui.widgets.classroom``'s student id) and a fresh session
  restores the board from it (:func:`restore`, a plain function of the cookie's text and the store,
  tested without a browser);
* **old links** ``/teacher?class=CODE&teacher=KEY`` (:func:`consume_link`): removed from the address
  bar at once and explained; a valid one opens its board, but never silently over another open
  board: the teacher confirms first (:data:`PENDING`). ``/teacher?class=CODE`` without a key opens
  nothing and joins no one (``teacher.link_needs_key``).

Store trouble becomes a plain message (``teacher.unavailable``); the reason goes to the log only.
"""

from __future__ import annotations

import logging
import math
import re
import time
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from classroom.store import MAX_KEY, ClassNotFound, StoreUnavailable
from ui.widgets.classroom import clean_code, get_store, may_create_class

LOG = logging.getLogger(__name__)
BOARD = "_class_board"  # {"code", "token"}: the board this session shows
KEY_ONCE = "_class_key_once"  # the teacher key of a class created here, until the teacher hides it
PENDING = "_class_pending"  # {"code", "token"}: an old teacher link waiting for "replace the open board?"
NOTE = "_class_note"  # (kind, catalog key, format values): one message for the next run
COOKIE_JOB = "_class_cookie_job"  # the cookie script to write on this run ("set" value / "clear")
COOKIE_TRIED = "_class_cookie_tried"  # this session already looked at the cookie (its value never changes)
PREFILL = "_class_reopen_code"  # the reopen form's code field
COOKIE = "rnnlab_board"
KEY_RE = re.compile(rf"[A-Za-z0-9_-]{{16,{MAX_KEY}}}")  # use with fullmatch
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{32}")  # secrets.token_urlsafe(24)
COOKIE_RE = re.compile(r"([A-Z0-9]{6})\.([A-Za-z0-9_-]{32})")


def base_url() -> str:
    """The app's address as the browser sees it (without this page's path)."""
    try:
        url = st.context.url or ""
    except Exception:  # no request context (tests)
        url = ""
    if url:
        parts = urlsplit(url)
        path = re.sub(r"/?teacher/?$", "", parts.path).rstrip("/")
        return f"{parts.scheme}://{parts.netloc}{path}"
    try:
        host = (st.context.headers or {}).get("Host")
    except Exception:
        host = None
    return f"http://{host}" if host and re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", host) else "http://localhost:8501"


def note(kind: str, key: str, **fmt: Any) -> None:
    st.session_state[NOTE] = (kind, key, fmt)


def board() -> dict[str, str] | None:
    """``{"code", "token"}`` of the board this session shows, or None."""
    return st.session_state.get(BOARD)


# --------------------------------------------------------------------------- the cookie


def cookie_value(code: str, token: str) -> str | None:
    """The cookie's text for a board (None if either part is not what the store makes)."""
    value = f"{code}.{token}"
    return value if COOKIE_RE.fullmatch(value) else None


def parse_cookie(raw: object) -> tuple[str, str] | None:
    """(code, token) from the cookie's text, None for anything else (junk, forged, too long)."""
    if not isinstance(raw, str) or len(raw) > 64:
        return None
    match = COOKIE_RE.fullmatch(raw)
    return (match.group(1), match.group(2)) if match and clean_code(match.group(1)) else None


def restore(raw: object, store) -> tuple[str, dict[str, str] | None]:
    """What a board cookie's text gives on a fresh session, checked against ``store``:
    ``("none", None)`` no usable cookie, ``("ok", board)``, ``("gone", None)`` the class ended or the
    token is not (or no longer) valid, ``("down", None)`` the store cannot be read now."""
    parsed = parse_cookie(raw)
    if parsed is None:
        return "none", None
    code, token = parsed
    try:
        store.results(code, token)
    except (ClassNotFound, PermissionError, ValueError, TypeError):
        return "gone", None
    except StoreUnavailable as error:
        LOG.warning("teacher board restore: %s", error)
        return "down", None
    return "ok", {"code": code, "token": token}


def _remember(code: str, token: str, expires: float | None = None) -> None:
    """Ask this run to write the board cookie (lives as long as the class, at most 12 h)."""
    age = 12 * 3600 if expires is None else max(60, min(12 * 3600, math.floor(expires - time.time())))
    value = cookie_value(code, token)
    if value is not None:
        st.session_state[COOKIE_JOB] = (value, age)


def write_cookie() -> None:
    """Run the cookie script this run asked for (:func:`_remember`, :func:`forget`), once. The value
    is checked against :data:`COOKIE_RE` (store alphabets only) before it reaches the script."""
    job = st.session_state.pop(COOKIE_JOB, None)
    if job is None:
        return
    value, age = job
    if value and not COOKIE_RE.fullmatch(value):
        return
    st.html(f"<script>document.cookie = '{COOKIE}={value}; path=/; max-age={int(age)}; SameSite=Strict';</script>",
            unsafe_allow_javascript=True)


def read_cookie() -> str | None:
    """The board cookie as this session's browser sent it when the session started (None if none)."""
    try:
        raw = st.context.cookies.get(COOKIE)
    except Exception:  # no request context (tests, bare mode)
        return None
    return raw if isinstance(raw, str) else None


def restore_from_cookie() -> None:
    """A fresh session with no board: look once at the cookie and restore the board it names."""
    if board() is not None or st.session_state.get(COOKIE_TRIED):
        return
    st.session_state[COOKIE_TRIED] = True
    raw = read_cookie()
    if raw is None:
        return
    try:
        store = get_store()
    except StoreUnavailable:
        note("warning", "teacher.unavailable")
        return
    outcome, found = restore(raw, store)
    if outcome == "ok":
        st.session_state[BOARD] = found
    elif outcome == "gone":
        st.session_state[COOKIE_JOB] = ("", 0)
        note("info", "teacher.board_gone")
    elif outcome == "down":
        note("warning", "teacher.unavailable")


# --------------------------------------------------------------------------- opening a board


def _open(code: str, key: str) -> dict[str, str] | str:
    """A board for (code, key): the board, or the catalog key of what went wrong."""
    try:
        store = get_store()
        token = store.open_board(code, key)
        expires = store.results(code, token).get("expires")
    except (ClassNotFound, PermissionError, ValueError, TypeError):
        return "teacher.reopen_failed"  # one message: unknown code and wrong key look the same
    except StoreUnavailable as error:
        LOG.warning("teacher board: %s", error)
        return "teacher.unavailable"
    _remember(code, token, expires)
    return {"code": code, "token": token}


def create() -> None:
    """The create form's callback: a new class titled by ``_class_title`` (a note on failure)."""
    title = st.session_state.get("_class_title", "")
    if not may_create_class():
        note("warning", "teacher.too_many_classes")
        return
    try:
        store = get_store()
        keys = store.create_class(title if isinstance(title, str) else "")
    except (ValueError, TypeError):
        note("warning", "teacher.bad_title")
        return
    except StoreUnavailable as error:
        LOG.warning("teacher create: %s", error)
        note("warning", "teacher.unavailable")
        return
    opened = _open(keys.code, keys.teacher_key)
    if isinstance(opened, str):
        note("warning", opened)
        return
    st.session_state[BOARD] = opened
    st.session_state[KEY_ONCE] = keys.teacher_key


def reopen() -> None:
    """The reopen form's callback: code + key typed by the teacher."""
    code = clean_code(st.session_state.get(PREFILL, ""))
    key = st.session_state.get("_class_reopen_key", "")
    st.session_state["_class_reopen_key"] = ""  # the key never stays in a widget
    key = key.strip() if isinstance(key, str) else ""
    if code is None or not KEY_RE.fullmatch(key):
        note("warning", "teacher.reopen_failed")
        return
    opened = _open(code, key)
    if isinstance(opened, str):
        note("warning", opened)
        return
    st.session_state[BOARD] = opened
    note("success", "teacher.reopened", code=code)


def consume_link() -> None:
    """Take ``?class=`` / ``?teacher=`` out of the address bar and act on them (see the module doc)."""
    raw_key = st.query_params.get("teacher")
    raw_code = st.query_params.get("class")
    if raw_key is None and raw_code is None:
        return
    st.query_params.pop("teacher", None)
    st.query_params.pop("class", None)
    code = clean_code(raw_code)
    if raw_key is None:  # a student's class link opened on the teacher page: it needs the key
        if code is not None:
            st.session_state[PREFILL] = code
            note("info", "teacher.link_needs_key", code=code)
        else:
            note("warning", "teacher.reopen_failed")
        return
    if code is None or not isinstance(raw_key, str) or not KEY_RE.fullmatch(raw_key):
        note("warning", "teacher.old_link_failed")
        return
    current = board()
    if current is not None and current["code"] == code:
        note("info", "teacher.old_link_used")
        return
    opened = _open(code, raw_key)
    if isinstance(opened, str):
        note("warning", "teacher.old_link_failed" if opened == "teacher.reopen_failed" else opened)
        return
    if current is not None:  # never silently replace the open board: ask first
        st.session_state.pop(COOKIE_JOB, None)
        st.session_state[PENDING] = opened
        return
    st.session_state[BOARD] = opened
    note("info", "teacher.old_link_used")


def accept_pending() -> None:
    pending = st.session_state.pop(PENDING, None)
    if pending:
        st.session_state[BOARD] = pending
        st.session_state.pop(KEY_ONCE, None)
        _remember(pending["code"], pending["token"])
        note("info", "teacher.old_link_used")


def reject_pending() -> None:
    st.session_state.pop(PENDING, None)


def forget() -> None:
    """This session shows no board any more (closed, expired, left); the cookie goes too."""
    for name in (BOARD, KEY_ONCE, PENDING, "_class_confirm"):
        st.session_state.pop(name, None)
    st.session_state[COOKIE_JOB] = ("", 0)
