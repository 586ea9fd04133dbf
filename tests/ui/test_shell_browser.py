"""Real Chromium: home, navigation to every station, language switch, shared links."""

import pytest

from tests.browser.helpers import assert_no_exception, shot, wait_idle
from ui.shell.stations import JOURNEY

pytestmark = pytest.mark.browser

STATIONS = tuple(s.url_path for s in JOURNEY[1:])  # the journey after home, from the one registry


def test_home_then_every_station_through_the_menu(page, server_url):
    page.goto(f"{server_url}/?lang=en")
    wait_idle(page)
    assert_no_exception(page)
    assert "Unravelling Recurrent Neural Networks" in page.locator("h1").first.inner_text()
    shot(page, "home-en")
    for url in STATIONS:
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{url}']").first.click()
        page.wait_for_url(f"**/{url}**")
        wait_idle(page)
        assert_no_exception(page)
        assert page.locator("h1").count() >= 1, url
        assert "lang=en" in page.url, page.url


def test_language_switch_in_sidebar(page, server_url):
    page.goto(f"{server_url}/?lang=en")
    wait_idle(page)
    page.locator("[data-testid='stSidebar'] label:has-text('Português (Brasil)')").click()
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('h1')?.innerText.startsWith('Desvendando')")
    assert "lang=pt" in page.url
    assert_no_exception(page)
    shot(page, "home-pt")


def test_shared_link_opens_same_view(page, server_url):
    page.goto(f"{server_url}/conclusion?lang=pt&present=1")
    wait_idle(page)
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith("Conclusão")
    toggle = page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox'] input, [data-testid='stSidebar'] input[role='switch']").first
    assert toggle.is_checked()


def test_junk_query_parameters_show_a_notice_not_a_traceback(page, server_url):
    page.goto(f"{server_url}/?lang=%3Cscript%3E&present=NaN")
    wait_idle(page)
    assert_no_exception(page)
    assert page.get_by_text("not valid").count() + page.get_by_text("does not exist").count() >= 1


def test_chart_data_downloads_as_csv(page, server_url, tmp_path):
    page.goto(f"{server_url}/?lang=en")
    wait_idle(page)
    page.goto(f"{server_url}/gradients?lang=en&nonlinearity=linear&gain=0.9")
    wait_idle(page, timeout=120_000)
    button = page.locator("[data-testid='stDownloadButton'] button").first
    with page.expect_download(timeout=60_000) as info:
        button.click()
    path = tmp_path / "chart.csv"
    info.value.save_as(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 5 and "," in lines[0]
