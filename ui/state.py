"""Page controls bound to the URL's query parameters, with a notice for rejected values.

Streamlit's ``bind="query-params"`` keeps a widget and ``?key=value`` in sync, so a teacher
can share a link that reproduces the exact view. Streamlit silently drops a value it cannot
use (junk, out of range, unknown option); these wrappers notice that and tell the student
that the default was used instead. Every wrapper takes a translation key for its label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.i18n import t

_NOTICES = "_param_notices"


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
        add_notice(t("common.notice_bad_param", name=key, value=(raw or "")[:40], default=value))
        return value
    if raw is not None and key not in st.query_params and not _matches(raw, value):
        add_notice(t("common.notice_bad_param", name=key, value=raw[:40], default=value))
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


def select(label_key: str, key: str, options: Sequence[Any], default: Any,
           format_func: Callable[[Any], str] = str, **kwargs: Any) -> Any:
    """A selectbox bound to ``?key=``."""
    return _bound(st.selectbox, key, t(label_key), options, index=list(options).index(default),
                  format_func=format_func, **kwargs)


def radio(label_key: str, key: str, options: Sequence[Any], default: Any,
          format_func: Callable[[Any], str] = str, **kwargs: Any) -> Any:
    """A horizontal radio bound to ``?key=``."""
    kwargs.setdefault("horizontal", True)
    return _bound(st.radio, key, t(label_key), options, index=list(options).index(default),
                  format_func=format_func, **kwargs)


def toggle(label_key: str, key: str, value: bool = False, **kwargs: Any) -> bool:
    """A toggle bound to ``?key=``."""
    return _bound(st.toggle, key, t(label_key), value, **kwargs)


def number(label_key: str, key: str, min_value: int, max_value: int, value: int, step: int = 1,
           **kwargs: Any) -> int:
    """An integer number input bound to ``?key=``."""
    return _bound(st.number_input, key, t(label_key), min_value, max_value, value, step, **kwargs)
