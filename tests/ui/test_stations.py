"""ui.shell.stations is the one registry: page files, catalogs, cards, warm-up, evidence, benchmarks and
next-station links derive from it (tests/ui/test_new_station.py adds a throwaway station to prove it)."""

from __future__ import annotations

import dataclasses

import pytest

from bench.scenarios import load_scenarios
from tests.apptest_helpers import PAGES, ROOT, open_page, visible_texts
from ui.shell.catalogs import AREAS, CATALOGS, owner
from ui.shell.evidence import Frozen, station_of
from ui.shell.stations import HOME, JOURNEY, PACKAGE, STATIONS, WARM_PAGES, next_station, station


def test_every_row_has_its_folder_page_and_texts_and_every_folder_a_row():
    assert len({s.slug for s in STATIONS}) == len({s.url_path for s in STATIONS}) == len(STATIONS)
    folders = {p.name for p in (ROOT / PACKAGE).iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == {s.slug for s in STATIONS}  # no folder the registry does not know
    for s in STATIONS:
        assert (ROOT / s.path).is_file(), s.path
        assert s.slug in AREAS
        texts = s.part("texts").TEXTS
        assert {owner(key) for key in texts} == {s.slug}, s.slug  # its title and card included
        assert s.title_key in texts and (s.card_key is None or s.card_key in texts), s.slug
        for lang in ("pt", "en"):
            assert CATALOGS[lang][s.title_key], (s.slug, lang)
            if s.card_key:
                assert CATALOGS[lang][s.card_key], (s.slug, lang)


def test_the_journey_and_its_next_links_follow_the_rows():
    assert JOURNEY == tuple(s for s in STATIONS if s.journey) and HOME == JOURNEY[0] == STATIONS[0]
    assert JOURNEY[-1].slug == "conclusion"  # the conclusion closes the journey
    assert WARM_PAGES == tuple(s.url_path for s in JOURNEY) and "teacher" not in WARM_PAGES
    assert PAGES == tuple(s.path for s in JOURNEY)
    walked = [HOME]
    while (following := next_station(walked[-1].slug)) is not None:
        walked.append(following)
    assert tuple(walked) == JOURNEY
    assert next_station("sequential") == station("series") and next_station("lab") == station("conclusion")
    assert next_station("teacher") is None
    assert station("teacher").card_key is None and not station("teacher").journey and HOME.card_key is None
    assert [s.card_key for s in JOURNEY[1:]] == [f"home.card_{s.slug}" for s in JOURNEY[1:]]
    with pytest.raises(KeyError):
        station("s9")


def test_evidence_types_and_scenarios_come_from_the_station_folders():
    for s in STATIONS:
        module = s.part("evidence")
        if module is not None:
            kind = module.EVIDENCE
            assert issubclass(kind, Frozen) and dataclasses.is_dataclass(kind)
            assert kind.__dataclass_params__.frozen and station_of(kind) == s.slug
    scenarios = load_scenarios()
    assert list(scenarios) == [s.slug for s in JOURNEY if s.part("bench") is not None]
    assert all(scenarios[slug].page == station(slug).path for slug in scenarios)
    with pytest.raises(TypeError):
        station_of(Frozen)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_a_station_ends_with_a_link_to_the_next_one(lang):
    at = open_page(station("sequential").path, lang=lang)
    expected = CATALOGS[lang]["common.next_station"].format(title=CATALOGS[lang][station("series").title_key])
    links = [link.label for link in at.get("page_link")]
    assert expected in links, links
    assert CATALOGS[lang]["sequential.next_intro"] in visible_texts(at)
