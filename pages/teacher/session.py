"""The class this browser session teaches: opened from a teacher link or created here, closed here.

``st.session_state[TEACHER]`` is ``{"code": str, "key": str}`` once this session created or opened a
class. A teacher link ``/teacher?class=CODE&teacher=KEY`` is checked against the class store and
then removed from the address bar at once (:func:`open_teacher_link`), so a projected browser never
shows the key. Store failures become one of the page's plain messages, never a traceback.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import streamlit as st

from classroom.store import MAX_KEY, ClassNotFound, StoreUnavailable
from ui.shell.i18n import t
from ui.widgets.classroom import clean_code, get_store

TEACHER = "_class_teacher"  # {"code": str, "key": str} once this session created or opened a class
KEY_RE = re.compile(rf"^[A-Za-z0-9_-]{{16,{MAX_KEY}}}$")


def base_url() -> str:
    """The app's address as the browser sees it (without this page's path)."""
    url = ""
    try:
        url = st.context.url or ""
    except Exception:  # older servers, tests
        url = ""
    if url:
        parts = urlsplit(url)
        path = re.sub(r"/?teacher/?$", "", parts.path).rstrip("/")
        return f"{parts.scheme}://{parts.netloc}{path}"
    host = (st.context.headers or {}).get("Host") if hasattr(st.context, "headers") else None
    return f"http://{host}" if host and re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", host) else "http://localhost:8501"


def open_teacher_link() -> None:
    """Consume ``?class=…&teacher=…``: check it, keep it in the session, drop it from the URL."""
    raw_key = st.query_params.get("teacher")
    if raw_key is None:
        return
    raw_code = st.query_params.get("class")
    st.query_params.pop("teacher", None)
    st.query_params.pop("class", None)
    code = clean_code(raw_code)
    if code is None or not KEY_RE.match(raw_key):
        st.warning(t("teacher.bad_teacher_link"), icon=":material/link_off:")
        return
    try:
        get_store().results(code, raw_key)
    except PermissionError:
        st.warning(t("teacher.wrong_key"), icon=":material/key_off:")
    except ClassNotFound:
        st.info(t("teacher.teacher_closed"), icon=":material/event_busy:")
    except StoreUnavailable as error:
        st.warning(t("teacher.unavailable_teacher", reason=str(error)), icon=":material/cloud_off:")
    except (ValueError, TypeError):
        st.warning(t("teacher.bad_teacher_link"), icon=":material/link_off:")
    else:
        st.session_state[TEACHER] = {"code": code, "key": raw_key}


def create() -> None:
    """The create form's callback: a new class titled by ``_class_title`` (an error key on failure)."""
    title = st.session_state.get("_class_title", "")
    try:
        keys = get_store().create_class(title if isinstance(title, str) else "")
    except (ValueError, TypeError):
        st.session_state["_class_create_error"] = "teacher.bad_title"
    except StoreUnavailable:
        st.session_state["_class_create_error"] = "teacher.unavailable"
    else:
        st.session_state[TEACHER] = {"code": keys.code, "key": keys.teacher_key}


def forget() -> None:
    """This session no longer teaches a class (closed, expired or the key no longer valid)."""
    st.session_state.pop(TEACHER, None)
    st.session_state.pop("_class_confirm", None)


def teaching() -> dict[str, str] | None:
    """``{"code", "key"}`` of the class this session teaches, or None."""
    return st.session_state.get(TEACHER)
