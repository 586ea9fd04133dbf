"""The app's pages, in the journey's order: the one registry everything else derives from.

Adding a station is one folder, ``pages/<slug>/``, and one row in :data:`STATIONS` (where it
stands on the journey). The slug names the URL (``/<slug>``), the folder and the catalog keys
(``<slug>.*``). The folder holds:

===============  ===========================================================================
``page.py``      the page Streamlit runs: read controls → one cached view → show (required)
``texts.py``     its strings, both languages side by side: ``TEXTS = {"<slug>.key": {"pt": …, "en": …}}``
                 (required), with its navigation title ``common.nav_<slug>`` and, on the journey,
                 its home card ``home.card_<slug>``: all of its strings are in its folder
``evidence.py``  its typed evidence (``EVIDENCE``, a frozen ``ui.shell.evidence.Frozen`` dataclass)
                 for the conclusion page (optional)
``bench.py``     its benchmark scenario (``SCENARIO``, a ``bench.scenarios.Scenario`` opening
                 ``page.py``) (optional)
``view.py`` …    whatever is only its own: cached views that also write its sentences (``view.py``),
                 figure builders (``charts.py``), this session's controls and state (``controls.py``,
                 ``session.py``, ``history.py``)
===============  ===========================================================================

What derives from this table: the router's navigation and its default page (``app.py``), the
home cards (``pages/home``), the "next station" link at the foot of each journey page
(``app.py``), the views the server warms at start (:data:`WARM_VIEWS`, ``services.warmup``),
the catalog areas (``ui.shell.catalogs``), the evidence types (``ui.shell.evidence``), the
benchmark scenarios (``bench.scenarios.load_scenarios``) and the tests' page list
(``tests/apptest_helpers.PAGES``). ``tests/ui/test_new_station.py`` proves it: a throwaway
station added as one folder and one row shows up in every one of them.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import NamedTuple

PACKAGE = "pages"
"""The package holding one sub-package per station."""


class Station(NamedTuple):
    slug: str  # URL path, folder name under pages/ and catalog prefix: "home", "gradients", "teacher" …
    icon: str  # Material icon
    journey: bool = True  # on the journey: warmed at start, linked as "next station", a card on home
    warm: tuple[str, ...] = ()  # query strings of further views warmed at start, beyond the default view

    @property
    def path(self) -> str:
        """The page file Streamlit runs, relative to ``app.py``."""
        return f"{PACKAGE}/{self.slug}/page.py"

    @property
    def url_path(self) -> str:
        """The page's URL path (share links stay ``/<slug>``)."""
        return self.slug

    @property
    def package(self) -> str:
        """The station's package, e.g. ``pages.gradients``."""
        return f"{PACKAGE}.{self.slug}"

    @property
    def title_key(self) -> str:
        """Catalog key of the page title (navigation, cards, next-station links)."""
        return f"common.nav_{self.slug}"

    @property
    def card_key(self) -> str | None:
        """Catalog key of the home card's sentence (None: no card)."""
        return f"home.card_{self.slug}" if self.journey and self != HOME else None

    def part(self, name: str) -> ModuleType | None:
        """The station's module ``name`` (``"texts"``, ``"evidence"``, ``"bench"`` …), None if it has none."""
        module = f"{self.package}.{name}"
        return import_module(module) if find_spec(module) is not None else None


STATIONS = (
    Station("home", ":material/home:"),
    Station("sequential", ":material/format_list_numbered:"),
    # Station 4 turns the shared timeline's moods on, so a class walking the journey comes back to
    # station 2 with moods=true: ~1.1 s of server CPU for the first student when not warmed (measured).
    Station("series", ":material/live_tv:", warm=("moods=true",)),
    Station("gradients", ":material/campaign:"),
    Station("gates", ":material/door_sliding:"),
    Station("lab", ":material/science:"),
    Station("conclusion", ":material/school:"),
    Station("teacher", ":material/groups:", journey=False),
)

JOURNEY = tuple(s for s in STATIONS if s.journey)
"""Home and the stations a student walks through, in order."""

HOME = JOURNEY[0]
"""The default page (served at ``/``): the journey map, one card per other journey station."""

WARM_PAGES = tuple(s.url_path for s in JOURNEY)
"""The pages warmed at server start (services.warmup)."""

WARM_VIEWS = tuple((s.url_path, "") for s in JOURNEY) + tuple((s.url_path, q) for s in JOURNEY for q in s.warm)
"""What the warm-up visits, in each language: (URL path, query string), every journey page's default
view first, then the further views the rows ask for."""


def station(slug: str) -> Station:
    """The station whose slug is ``slug`` (KeyError if none)."""
    for s in STATIONS:
        if s.slug == slug:
            return s
    raise KeyError(slug)


def next_station(slug: str) -> Station | None:
    """The journey station after ``slug`` (None after the last one, or off the journey)."""
    slugs = [s.slug for s in JOURNEY]
    if slug not in slugs or slugs.index(slug) + 1 == len(slugs):
        return None
    return JOURNEY[slugs.index(slug) + 1]
