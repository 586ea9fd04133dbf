"""Language handling and string lookup.

The language is resolved once per script run by :func:`resolve_language`, in this order:
``?lang=`` in the URL (a shared link opens in the sender's language), then the choice made
earlier in this session, then the browser's locale (``st.context.locale``: anything starting
with "pt" is Portuguese, everything else English). Pages call :func:`t` for every string the
user sees.
"""

from __future__ import annotations

import streamlit as st

from ui.shell.catalogs import CATALOGS, LANGUAGES

DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"pt": "Português (Brasil)", "en": "English"}


def language_from_locale(locale: str | None) -> str:
    """Map a browser locale such as ``pt-BR`` or ``en-US`` to one of :data:`LANGUAGES`."""
    return "pt" if (locale or "").strip().lower().startswith("pt") else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of this script run (``"pt"`` or ``"en"``)."""
    lang = st.session_state.get("lang")
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """Translate ``key`` into the current language, formatting ``{placeholders}`` with ``fmt``.

    A missing key raises ``KeyError``: tests render every page in both languages, so a
    missing translation fails there instead of showing a raw key to a student.
    """
    text = CATALOGS[lang or current_language()][key]
    return text.format(**fmt) if fmt else text


def resolve_language() -> list[str]:
    """Settle ``st.session_state.lang`` for this run and return notices about rejected input."""
    notices: list[str] = []
    raw = st.query_params.get("lang")
    if raw is not None:
        if raw in LANGUAGES:
            st.session_state.lang = raw
        else:
            notices.append("common.notice_bad_lang")
    if st.session_state.get("lang") not in LANGUAGES:
        st.session_state.lang = language_from_locale(st.context.locale)
    return notices
