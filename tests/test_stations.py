"""ui.stations is the one registry: page files, catalogs, cards, warm-up and next-station links derive from it."""

from __future__ import annotations

from importlib import import_module

import pytest

from tests.apptest_helpers import ROOT, open_page, visible_texts
from ui.catalogs import AREAS, CATALOGS
from ui.stations import JOURNEY, STATIONS, WARM_PAGES, next_station, station


def test_every_row_has_its_page_catalog_and_keys_in_both_languages():
    assert len({s.area for s in STATIONS}) == len({s.url_path for s in STATIONS}) == len(STATIONS)
    for s in STATIONS:
        assert (ROOT / s.path).is_file(), s.path
        assert s.catalog in AREAS
        import_module(f"ui.catalogs.{s.catalog}")
        for lang in ("pt", "en"):
            assert CATALOGS[lang][s.title_key], (s.area, lang)
            if s.card_key:
                assert CATALOGS[lang][s.card_key], (s.area, lang)


def test_journey_order_and_next_links():
    assert [s.area for s in JOURNEY] == ["home", "s1", "s2", "s3", "s4", "s5", "s6"]
    assert WARM_PAGES == tuple(s.url_path for s in JOURNEY)
    assert next_station("s1") == station("s2") and next_station("s5") == station("s6")
    assert next_station("s6") is None and next_station("teacher") is None
    assert station("teacher").card_key is None and not station("teacher").journey
    with pytest.raises(KeyError):
        station("s9")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_station_ends_with_a_link_to_the_next_one(lang):
    at = open_page(station("s1").path, lang=lang)
    expected = CATALOGS[lang]["common.next_station"].format(title=CATALOGS[lang][station("s2").title_key])
    links = [link.label for link in at.get("page_link")]
    assert expected in links, links
    assert CATALOGS[lang]["s1.next_intro"] in visible_texts(at)
