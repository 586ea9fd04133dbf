"""Home in Streamlit's AppTest: a "start here" link to station 1 comes before the overview paragraph,
in both languages and presenter mode."""

from __future__ import annotations

import pytest

from pages.home.texts import TEXTS
from tests.apptest_helpers import assert_clean, run_page
from ui.shell.stations import STATIONS


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_start_here_links_station_1_before_the_intro(lang, present):
    at = run_page(lang=lang, present=present)
    assert_clean(at)
    first = next(s for s in STATIONS if s.card_key)
    assert first.slug == "sequential"
    start = at.get("page_link")[0]
    assert start.proto.page.endswith("pages/sequential/page.py") or "sequential" in start.proto.page
    assert start.proto.label.startswith("Começar" if lang == "pt" else "Start")
    texts = [m.value for m in at.main.markdown]
    lead = TEXTS["home.start_lead"][lang]
    assert lead in texts and TEXTS["home.intro"][lang] in texts
    assert texts.index(lead) < texts.index(TEXTS["home.intro"][lang])  # "start here" comes first
