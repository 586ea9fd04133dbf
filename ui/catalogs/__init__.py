"""Translation catalogs, one module per area of the app.

Each module defines two dicts, ``PT`` (Português do Brasil) and ``EN`` (English), with the
same keys, prefixed by the area (``common.``, ``home.``, ``s1.`` … ``s6.``, ``teacher.``). Values are
``str.format`` templates. ``CATALOGS`` merges every area; a key defined by two areas is an
error, and so is a key present in one language only (checked by ``tests/test_i18n.py``).
"""

from __future__ import annotations

from importlib import import_module

from ui.stations import CATALOG_AREAS

AREAS = CATALOG_AREAS  # common, then one module per page of ui.stations
LANGUAGES = ("pt", "en")


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for area in AREAS:
        module = import_module(f"ui.catalogs.{area}")
        for lang, table in (("pt", module.PT), ("en", module.EN)):
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise KeyError(f"catalog keys defined twice ({area}): {sorted(clash)}")
            merged[lang].update(table)
    return merged


CATALOGS: dict[str, dict[str, str]] = _merge()
