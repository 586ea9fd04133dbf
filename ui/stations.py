"""The journey's pages, in the seed's order: one table for the router and the home page."""

from __future__ import annotations

from typing import NamedTuple


class Station(NamedTuple):
    path: str  # the page file, relative to app.py
    title_key: str  # catalog key of the page title (navigation and cards)
    card_key: str | None  # catalog key of the home card's sentence (None: no card)
    icon: str  # Material icon
    url_path: str  # the page's URL, e.g. /gradients


STATIONS = (
    Station("pages/home.py", "common.nav_home", None, ":material/home:", "home"),
    Station("pages/s1_sequential.py", "common.nav_s1", "home.card_s1", ":material/format_list_numbered:", "sequential"),
    Station("pages/s2_series.py", "common.nav_s2", "home.card_s2", ":material/live_tv:", "series"),
    Station("pages/s3_gradients.py", "common.nav_s3", "home.card_s3", ":material/campaign:", "gradients"),
    Station("pages/s4_gates.py", "common.nav_s4", "home.card_s4", ":material/door_sliding:", "gates"),
    Station("pages/s5_lab.py", "common.nav_s5", "home.card_s5", ":material/science:", "lab"),
    Station("pages/s6_conclusion.py", "common.nav_s6", "home.card_s6", ":material/school:", "conclusion"),
    Station("pages/teacher.py", "class.nav", None, ":material/cast_for_education:", "teacher"),
)

WARM_PAGES = tuple(s.url_path for s in STATIONS if s.url_path == "home" or s.card_key is not None)
"""The pages of the journey (home and the stations with a card), warmed at server start (ui.warmup)."""
