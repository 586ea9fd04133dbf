"""Page controls bound to the URL's query parameters, with a notice for rejected values.

A teacher can share a link that reproduces the exact view: sliders, toggles and number inputs
use Streamlit's ``bind="query-params"``; single-choice widgets (select, radio) are kept in the
URL by option value (:func:`_choice`), so links do not depend on the language. Streamlit
silently drops a value it cannot use (junk, out of range, unknown option); these wrappers
notice that and tell the student that the default was used instead. Every wrapper takes a
translation key for its label.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.shell.i18n import t

_NOTICES = "_param_notices"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def shown_value(raw: str) -> str:
    """A rejected URL value as plain text for a notice: cut to 40 characters, Markdown escaped
    (a link like ``?seed=[log in](https://…)`` must not become a clickable link in the app)."""
    return _MARKDOWN.sub(r"\\\1", raw[:40])


_PAGE = "_current_page"
_OWNERS = "_param_owners"


def enter_page(page: str) -> None:
    """Called by the router before a page runs: choices made on other pages leave the URL.

    Streamlit clears its own bound parameters on a page switch, but not the ones
    :func:`_choice` writes, so a ``?hidden=8`` chosen on station 3 would otherwise follow the
    student to station 5 (which also has a "hidden" control).
    """
    st.session_state[_PAGE] = page
    owners = st.session_state.setdefault(_OWNERS, {})
    for key, owner in list(owners.items()):
        if owner != page:
            st.query_params.pop(key, None)
            del owners[key]


def _page_scope() -> str:
    """The page being run (set by :func:`enter_page`), so remembered choices stay on their page."""
    return st.session_state.get(_PAGE, "")


def _matches(raw: str, value: Any) -> bool:
    """Whether the raw URL text denotes ``value`` (so dropping it was not a rejection)."""
    if isinstance(value, bool):
        return raw.strip().lower() in (("true", "1", "yes", "on") if value else ("false", "0", "no", "off"))
    if isinstance(value, int | float):
        try:
            number = float(raw)
        except ValueError:
            return False
        return math.isfinite(number) and math.isclose(number, float(value), rel_tol=1e-9, abs_tol=1e-12)
    return raw == str(value)


def _bound(widget: Callable[..., Any], key: str, *args: Any, **kwargs: Any) -> Any:
    raw = st.query_params.get(key)
    try:
        value = widget(*args, key=key, bind="query-params", **kwargs)
    except (OverflowError, ValueError, TypeError):
        # Streamlit 1.67 itself raises on some URL values (e.g. ``?n=1e309`` for an int
        # number_input: int(inf)). Show the control unbound, at its default, and say why.
        value = widget(*args, key=f"{key}__unbound", **kwargs)
        add_notice(t("common.notice_bad_param", name=key, value=shown_value(raw or ""), default=value))
        return value
    if raw is not None and key not in st.query_params and not _matches(raw, value):
        add_notice(t("common.notice_bad_param", name=key, value=shown_value(raw), default=value))
    return value


def add_notice(text: str) -> None:
    """Queue a short notice shown at the top of the page (see :func:`show_notices`)."""
    st.session_state.setdefault(_NOTICES, []).append(text)


def show_notices(container: Any) -> None:
    """Show queued notices in ``container`` (a placeholder near the top of the page) once."""
    for text in st.session_state.pop(_NOTICES, []):
        container.info(text, icon=":material/link_off:")


def slider(label_key: str, key: str, min_value: float, max_value: float, value: float, step: float | None = None,
           **kwargs: Any) -> Any:
    """A slider bound to ``?key=``; ints give an int slider, floats a float slider."""
    return _bound(st.slider, key, t(label_key), min_value, max_value, value, step, **kwargs)


def _choice(widget: Callable[..., Any], label_key: str, key: str, options: Sequence[Any], default: Any,
            format_func: Callable[[Any], str], **kwargs: Any) -> Any:
    """A single-choice widget kept in ``?key=`` by its *option value*, not its label.

    Streamlit's own binding writes the displayed (translated) label into the URL, so a link
    would depend on the language and switching language would reset the choice. Here the URL
    holds ``str(option)`` (e.g. ``?mood=sad``) in every language. Which value wins: the widget's
    own state while it lives (the student just clicked), else a valid URL value (a shared link),
    else the last choice on this page in this session, else the default.
    """
    options = list(options)
    page = _page_scope()
    keep = f"_keep_{page}_{key}"
    rendered_on = st.session_state.setdefault("_rendered_on", {})
    if key not in st.session_state or rendered_on.get(key) != page:
        # No live widget state, or it belongs to a control of the same key on another page.
        chosen = st.session_state.get(keep, default)
        raw = st.query_params.get(key)
        if raw is not None:
            matches = [o for o in options if raw == str(o) or (not isinstance(o, str) and _matches(raw, o))]
            if matches:
                chosen = matches[0]
            else:
                add_notice(t("common.notice_bad_param", name=key, value=shown_value(raw), default=format_func(default)))
        st.session_state[key] = chosen if chosen in options else default
    value = widget(t(label_key), options, format_func=format_func, key=key, **kwargs)
    rendered_on[key] = page
    st.session_state[keep] = value
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = str(value)
        st.session_state.setdefault(_OWNERS, {})[key] = _page_scope()
    return value


def select(label_key: str, key: str, options: Sequence[Any], default: Any,
           format_func: Callable[[Any], str] = str, **kwargs: Any) -> Any:
    """A selectbox kept in ``?key=`` (by option value, see :func:`_choice`)."""
    return _choice(st.selectbox, label_key, key, options, default, format_func, **kwargs)


def radio(label_key: str, key: str, options: Sequence[Any], default: Any,
          format_func: Callable[[Any], str] = str, **kwargs: Any) -> Any:
    """A horizontal radio kept in ``?key=`` (by option value, see :func:`_choice`)."""
    kwargs.setdefault("horizontal", True)
    return _choice(st.radio, label_key, key, options, default, format_func, **kwargs)


def toggle(label_key: str, key: str, value: bool = False, **kwargs: Any) -> bool:
    """A toggle bound to ``?key=``."""
    return _bound(st.toggle, key, t(label_key), value, **kwargs)


def number(label_key: str, key: str, min_value: int, max_value: int, value: int, step: int = 1,
           **kwargs: Any) -> int:
    """An integer number input bound to ``?key=``."""
    return _bound(st.number_input, key, t(label_key), min_value, max_value, value, step, **kwargs)
