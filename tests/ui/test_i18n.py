"""The translation catalogs are complete and consistent in both languages."""

import re
import string

import pytest

from ui.shell.catalogs import AREAS, CATALOGS, LANGUAGES, area_texts, merge, owner
from ui.shell.i18n import language_from_locale
from ui.shell.stations import STATIONS


def test_both_languages_have_exactly_the_same_keys():
    pt, en = set(CATALOGS["pt"]), set(CATALOGS["en"])
    assert pt - en == set(), f"missing in English: {sorted(pt - en)}"
    assert en - pt == set(), f"missing in Portuguese: {sorted(en - pt)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_empty_strings(lang):
    empty = [k for k, v in CATALOGS[lang].items() if not v.strip()]
    assert empty == []


def test_placeholders_agree_between_languages():
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, pt_text in CATALOGS["pt"].items():
        assert fields(pt_text) == fields(CATALOGS["en"][key]), key


def test_every_key_is_defined_by_the_area_that_owns_it():
    prefixes = {"common", *(s.slug for s in STATIONS)}
    assert {key.split(".")[0] for key in CATALOGS["en"]} <= prefixes
    assert AREAS == ("common", *(s.slug for s in STATIONS))
    for area, table in area_texts().items():
        assert {owner(key) for key in table} == {area}, area
    # a station's title and card are its own, whatever their prefix says
    assert owner("common.nav_series") == owner("home.card_series") == owner("series.title") == "series"
    assert owner("common.present") == "common" and owner("home.title") == "home"


def test_merge_rejects_a_key_twice_or_in_one_language():
    assert merge({"a": {"a.x": {"pt": "um", "en": "one"}}}) == {"pt": {"a.x": "um"}, "en": {"a.x": "one"}}
    with pytest.raises(KeyError, match="twice"):
        merge({"a": {"a.x": {"pt": "um", "en": "one"}}, "b": {"a.x": {"pt": "dois", "en": "two"}}})
    with pytest.raises(KeyError, match="has no"):
        merge({"a": {"a.x": {"pt": "um"}}})


def test_consistent_terms_in_portuguese():
    """Gate names carry the English term in parentheses wherever the Portuguese name is used."""
    for key, text in CATALOGS["pt"].items():
        for pt_term, en_term in (("porta de esquecimento", "forget gate"), ("porta de entrada", "input gate"),
                                 ("porta de saída", "output gate")):
            if re.search(pt_term, text, re.IGNORECASE) and en_term not in text.lower():
                # The first mention on a page carries the English term; later ones may not.
                assert any(en_term in other.lower() for k, other in CATALOGS["pt"].items()
                           if k.split(".")[0] == key.split(".")[0]), (key, pt_term)


@pytest.mark.parametrize(("locale", "lang"), [("pt-BR", "pt"), ("pt", "pt"), ("PT-pt", "pt"), ("en-US", "en"),
                                              ("fr-FR", "en"), (None, "en"), ("", "en")])
def test_language_follows_browser_locale(locale, lang):
    assert language_from_locale(locale) == lang
