"""AppTest: the shell (navigation, languages, presenter mode, junk query parameters) and home."""

import pytest

from tests.apptest_helpers import PAGES, assert_clean, run_page


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_home_renders_in_both_languages(lang):
    at = run_page(lang=lang)
    assert_clean(at)
    expected = {"pt": "Desvendando as Redes Neurais Recorrentes", "en": "Unravelling Recurrent Neural Networks"}
    assert at.title[0].value.startswith(expected[lang])
    assert at.query_params["lang"] == lang


def test_language_follows_url_and_sticks_across_pages():
    at = run_page(lang="pt")
    at.switch_page("pages/conclusion/page.py").run()
    assert_clean(at)
    assert at.session_state["lang"] == "pt"
    assert at.query_params["lang"] == "pt"


def test_sidebar_language_selector_switches_language():
    at = run_page(lang="en")
    at.sidebar.radio[0].set_value("pt").run()
    assert_clean(at)
    assert at.title[0].value.startswith("Desvendando")
    assert at.query_params["lang"] == "pt"


@pytest.mark.parametrize("junk", ["xx", "", "<script>alert(1)</script>", "pt;DROP TABLE", "1e309", "en" * 500])
def test_junk_language_falls_back_with_notice(junk):
    at = run_page(lang=junk)
    assert_clean(at)
    assert at.session_state["lang"] in ("pt", "en")
    if junk not in ("pt", "en"):
        assert any("language" in i.value.lower() or "idioma" in i.value.lower() for i in at.info)


def test_presenter_mode_from_url_and_toggle():
    at = run_page(present=True)
    assert_clean(at)
    assert at.session_state["present"] is True
    assert at.query_params["present"] == "1"
    at.sidebar.toggle[0].set_value(False).run()
    assert at.session_state["present"] is False
    assert at.query_params.get("present") in (None, "0")


def test_junk_presenter_parameter_gets_a_notice():
    at = run_page(params={"present": "maybe"})
    assert_clean(at)
    assert at.session_state["present"] is False
    assert any("present" in i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_every_page_renders_in_both_languages_and_presenter_mode(page, lang):
    for present in (False, True):
        at = run_page(page, lang=lang, present=present, timeout=120)
        assert_clean(at)
        assert at.title, page


def test_home_links_every_station():
    at = run_page()
    links = at.get("page_link")
    assert len(links) == 1 + 6  # "start here" (station 1), then one card per station
