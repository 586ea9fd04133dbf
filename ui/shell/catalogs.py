"""Translation catalogs: one ``texts.py`` per station, plus the shell's ``common_texts.py``.

Each module defines ``TEXTS = {"<slug>.key": {"pt": …, "en": …}}``: a key's Portuguese
(Brasil) and English side by side, so a translator or reviewer reads both at once. Values are
``str.format`` templates. The stations come from the one registry (``ui.shell.stations``), and
every key has one owner (:func:`owner`): a station owns its ``<slug>.*`` keys, its navigation
title ``common.nav_<slug>`` and its home card ``home.card_<slug>``, so a station's strings are
all in its folder; the shell (``common``) owns the other ``common.*`` keys. :data:`CATALOGS`
merges every area into one table per language. A key defined by an area that does not own it,
by two areas, or in one language only is an error (checked here and by
``tests/ui/test_i18n.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ui.shell import common_texts
from ui.shell.stations import STATIONS

LANGUAGES = ("pt", "en")


def owner(key: str) -> str:
    """The area that owns catalog key ``key``: a station's slug, or ``common`` for the shell.

    ``common.nav_<slug>`` and ``home.card_<slug>`` belong to the station ``<slug>`` (its title
    and its card live with it); any other ``<area>.…`` key belongs to ``<area>``.
    """
    for s in STATIONS:
        if key in (s.title_key, s.card_key):
            return s.slug
    return key.split(".", 1)[0]


def area_texts() -> dict[str, Mapping[str, Mapping[str, str]]]:
    """Every catalog area (``common`` first, then each station's slug) → its ``TEXTS`` table.

    Raises ``ModuleNotFoundError`` for a station without ``texts.py`` and ``KeyError`` for a key
    its area does not own.
    """
    areas: dict[str, Mapping[str, Mapping[str, str]]] = {"common": common_texts.TEXTS}
    for s in STATIONS:
        module = s.part("texts")
        if module is None:
            raise ModuleNotFoundError(f"station {s.slug!r} has no {s.package}.texts")
        areas[s.slug] = module.TEXTS
    for area, table in areas.items():
        strays = sorted(key for key in table if owner(key) != area)
        if strays:
            raise KeyError(f"catalog area {area!r} defines keys it does not own: {strays}")
    return areas


def merge(areas: Mapping[str, Mapping[str, Mapping[str, str]]]) -> dict[str, dict[str, str]]:
    """One ``{key: text}`` table per language from the areas' side-by-side tables.

    Raises ``KeyError`` for a key defined by two areas or missing a language.
    """
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for area, table in areas.items():
        for key, texts in table.items():
            missing = [lang for lang in LANGUAGES if lang not in texts]
            if missing:
                raise KeyError(f"catalog key {key!r} ({area}) has no {missing}")
            for lang in LANGUAGES:
                if key in merged[lang]:
                    raise KeyError(f"catalog key {key!r} defined twice ({area})")
                merged[lang][key] = texts[lang]
    return merged


_AREA_TEXTS = area_texts()  # read and checked once, at import

AREAS: tuple[str, ...] = tuple(_AREA_TEXTS)
"""The catalog areas: ``common``, then one per station of the registry."""

CATALOGS: dict[str, dict[str, str]] = merge(_AREA_TEXTS)


def in_language(texts: Mapping[str, Mapping[str, str]], lang: str) -> dict[str, str]:
    """One language of a side-by-side ``TEXTS`` table: ``{key: text}``."""
    return {key: pair[lang] for key, pair in texts.items()}
