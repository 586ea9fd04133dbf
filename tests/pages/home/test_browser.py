"""Real Chromium: home's "start here" link to station 1 is the first thing under the title, above the fold of
a 1280×800 laptop, in both languages."""

from __future__ import annotations

import pytest

from pages.home.texts import TEXTS
from tests.browser.helpers import assert_no_exception, wait_idle

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_start_here_is_above_the_fold_and_above_the_intro(page, server_url, lang):
    page.set_viewport_size(LAPTOP)
    page.goto(f"{server_url}/?lang={lang}")
    wait_idle(page, timeout=120_000)
    assert_no_exception(page)
    main = page.get_by_test_id("stMain")
    link = main.get_by_role("link", name=TEXTS["home.start"][lang].split("{")[0].strip()).first
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], box
    intro = main.get_by_text(TEXTS["home.intro"][lang][:40]).first.bounding_box()
    assert box["y"] < intro["y"]  # "start here" comes before the dense paragraph
    link.click()
    page.wait_for_url("**/sequential**", timeout=60_000)
