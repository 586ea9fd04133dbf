"""The app's pages, in the seed's order: the one registry everything else derives from.

The router (``app.py``), the home page's cards, the "next station" link under every station,
the server warm-up (``ui.warmup``), the translation catalogs' areas (``ui.catalogs.AREAS``),
the benchmarks (``bench/``) and the tests read this table; adding a station is one row here,
one page file and one catalog module (``ui/catalogs/<catalog>.py`` with keys ``<area>.*``,
``common.nav_<area>`` and, for a journey station, ``home.card_<area>``).
"""

from __future__ import annotations

from typing import NamedTuple


class Station(NamedTuple):
    area: str  # catalog prefix and evidence key: "home", "s1" … "s6", "teacher"
    path: str  # the page file, relative to app.py
    icon: str  # Material icon
    url_path: str  # the page's URL, e.g. /gradients
    catalog: str  # the catalog module ui/catalogs/<catalog>.py
    journey: bool = True  # on the journey: warmed at start, linked as "next station", a card if not home

    @property
    def title_key(self) -> str:
        """Catalog key of the page title (navigation, cards, next-station links)."""
        return f"common.nav_{self.area}"

    @property
    def card_key(self) -> str | None:
        """Catalog key of the home card's sentence (None: no card)."""
        return f"home.card_{self.area}" if self.journey and self.area != "home" else None


STATIONS = (
    Station("home", "pages/home.py", ":material/home:", "home", "home"),
    Station("s1", "pages/s1_sequential.py", ":material/format_list_numbered:", "sequential", "station1"),
    Station("s2", "pages/s2_series.py", ":material/live_tv:", "series", "station2"),
    Station("s3", "pages/s3_gradients.py", ":material/campaign:", "gradients", "station3"),
    Station("s4", "pages/s4_gates.py", ":material/door_sliding:", "gates", "station4"),
    Station("s5", "pages/s5_lab.py", ":material/science:", "lab", "station5"),
    Station("s6", "pages/s6_conclusion.py", ":material/school:", "conclusion", "station6"),
    Station("teacher", "pages/class_teacher.py", ":material/groups:", "teacher", "classroom", journey=False),
)

JOURNEY = tuple(s for s in STATIONS if s.journey)
"""Home and the stations a student walks through, in order."""

WARM_PAGES = tuple(s.url_path for s in JOURNEY)
"""The pages warmed at server start (ui.warmup)."""

CATALOG_AREAS = tuple(dict.fromkeys(("common", *(s.catalog for s in STATIONS))))
"""Catalog modules, ``common`` first, then one per page (a module may serve several pages)."""


def station(area: str) -> Station:
    """The station whose area is ``area`` (KeyError if none)."""
    for s in STATIONS:
        if s.area == area:
            return s
    raise KeyError(area)


def next_station(area: str) -> Station | None:
    """The journey station after ``area`` (None after the last one, or off the journey)."""
    areas = [s.area for s in JOURNEY]
    if area not in areas or areas.index(area) + 1 == len(areas):
        return None
    return JOURNEY[areas.index(area) + 1]
