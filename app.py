"""RNN Memory Lab — entry point and router.

Run with ``streamlit run app.py``. This file sets up what every page shares (page config,
language, presenter mode, the sidebar, query-parameter notices) and hands over to
``st.navigation``. Every page, its title and icon, the default page, the "next station" link and
the warmed pages come from the one registry (``ui.shell.stations``); each station lives in its
own folder ``pages/<slug>/``.
"""

from __future__ import annotations

import json
import os
import time

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Streamlit 1.67 sets PagesManager.uses_pages_directory (a pages/ folder exists) when the server's
# first session starts, and while it is True every run goes through its old pages/*.py router
# (_mpa_v1) before this file. Say here, before anything slow is imported, that this app routes with
# st.navigation. Runs that started earlier find pages/0_<slug>.py, which only runs this file, so the
# old router knows every URL and sends no "Page not found" (tests/ui/test_cold_deep_links.py has the
# full story). Guarded: a private attribute.
if getattr(PagesManager, "uses_pages_directory", False):
    PagesManager.uses_pages_directory = False

from services.warmup import start_once as start_warmup
from ui.shell import batched_wakeups
from ui.shell.catalogs import CATALOGS, LANGUAGES
from ui.shell.i18n import LANGUAGE_NAMES, current_language, resolve_language, t
from ui.shell.layout import apply_presenter_style
from ui.shell.state import add_notice, enter_page, show_notices, shown_value
from ui.shell.stations import HOME, JOURNEY, STATIONS, WARM_VIEWS, next_station
from ui.widgets import classroom

_RUN_STARTED = time.perf_counter()
batched_wakeups.install()  # one event-loop wake-up per burst of messages, not per element (idempotent)
st.set_page_config(page_title="RNN Memory Lab", page_icon=":material/neurology:", layout="wide")


def _settle_presenter_mode() -> None:
    """``?present=1`` turns presenter mode on (``0`` off); anything else is junk."""
    raw = st.query_params.get("present")
    if raw is not None:
        if raw in ("1", "0", "true", "false"):
            st.session_state.present = raw in ("1", "true")
        else:
            add_notice(t("common.notice_bad_param", name="present", value=shown_value(raw), default=0))
    st.session_state.setdefault("present", False)


def _sync_language() -> None:
    st.session_state.lang = st.query_params["lang"] = st.session_state._lang_widget


def _sync_presenter() -> None:
    st.session_state.present = st.session_state._present_widget
    st.query_params["present"] = "1" if st.session_state.present else "0"


def _sidebar(page_path: str) -> None:
    with st.sidebar:
        st.session_state._lang_widget = current_language()
        st.radio(t("common.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="_lang_widget",
                 horizontal=True, on_change=_sync_language)
        st.session_state._present_widget = st.session_state.present
        st.toggle(t("common.present"), key="_present_widget", help=t("common.present_help"),
                  on_change=_sync_presenter)
        classroom.join_box(page_path)  # class mode: off until a class code is used (never joins on /teacher)
        st.caption(t("common.sidebar_about"))


for notice_key in resolve_language():
    add_notice(t(notice_key))
_settle_presenter_mode()

pages = {s.url_path: s for s in STATIONS}


def _nav_page(s) -> st.Page:
    return st.Page(s.path, title=t(s.title_key), icon=s.icon, url_path=s.url_path, default=(s == HOME))


# The journey first (no section title), then the pages for the teacher in their own section.
page = st.navigation({"": [_nav_page(s) for s in JOURNEY],
                      t("teacher.nav_section"): [_nav_page(s) for s in STATIONS if not s.journey]})
_sidebar(page.url_path)
apply_presenter_style()
notice_area = st.container()
enter_page(page.url_path)
st.query_params["lang"] = current_language()
if st.session_state.present:
    st.query_params["present"] = "1"
elif "present" in st.query_params:
    del st.query_params["present"]
here = pages.get(page.url_path) or (HOME if page.url_path == "" else None)  # the default page is served at ""
if here is not None and here.journey:
    classroom.focus_banner(page.url_path)  # in a class: the question the teacher put on the projector
page.run()
show_notices(notice_area)
following = next_station(here.slug) if here is not None else None
if following is not None and here != HOME:  # home lists every station as a card already
    st.divider()
    if f"{here.slug}.next_intro" in CATALOGS[current_language()]:
        st.markdown(t(f"{here.slug}.next_intro"))
    st.page_link(following.path, label=t("common.next_station", title=t(following.title_key)),
                 icon=":material/arrow_forward:")
# The first run after a server start warms every page's default view in the background (services.warmup).
start_warmup(WARM_VIEWS, port=st.get_option("server.port"), base_path=st.get_option("server.baseUrlPath"))

if os.environ.get("RNNLAB_TIMING_LOG"):
    # Benchmarks (bench/) set this to read each completed script run's server-side duration.
    with open(os.environ["RNNLAB_TIMING_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps({"page": page.url_path, "ms": (time.perf_counter() - _RUN_STARTED) * 1e3,
                              "t": time.time()}) + "\n")
