"""ui.shell.stations is the one registry: page files, catalogs, cards, warm-up and next-station links derive from it."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import ROOT, open_page, visible_texts
from ui.shell.catalogs import AREAS, CATALOGS
from ui.shell.stations import JOURNEY, STATIONS, WARM_PAGES, next_station, station


def test_every_row_has_its_page_catalog_and_keys_in_both_languages():
    assert len({s.slug for s in STATIONS}) == len({s.url_path for s in STATIONS}) == len(STATIONS)
    for s in STATIONS:
        assert (ROOT / s.path).is_file(), s.path
        assert s.slug in AREAS
        assert {key.split(".")[0] for key in s.part("texts").TEXTS} <= {s.slug, "common", "home"}
        for lang in ("pt", "en"):
            assert CATALOGS[lang][s.title_key], (s.slug, lang)
            if s.card_key:
                assert CATALOGS[lang][s.card_key], (s.slug, lang)


def test_journey_order_and_next_links():
    assert [s.slug for s in JOURNEY] == ["home", "sequential", "series", "gradients", "gates", "lab", "conclusion"]
    assert WARM_PAGES == tuple(s.url_path for s in JOURNEY)
    assert next_station("sequential") == station("series") and next_station("lab") == station("conclusion")
    assert next_station("conclusion") is None and next_station("teacher") is None
    assert station("teacher").card_key is None and not station("teacher").journey
    with pytest.raises(KeyError):
        station("s9")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_station_ends_with_a_link_to_the_next_one(lang):
    at = open_page(station("sequential").path, lang=lang)
    expected = CATALOGS[lang]["common.next_station"].format(title=CATALOGS[lang][station("series").title_key])
    links = [link.label for link in at.get("page_link")]
    assert expected in links, links
    assert CATALOGS[lang]["sequential.next_intro"] in visible_texts(at)
