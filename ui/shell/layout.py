"""Page furniture shared by every station: header, key takeaway, explanations, presenter mode.

Presenter mode (sidebar toggle or ``?present=1``) is for a projector: larger text and charts,
long explanations folded into expanders, and each page's key takeaway on top in large type.
"""

from __future__ import annotations

import streamlit as st

from ui.shell.i18n import t

_PRESENTER_CSS = """
<style>
  .stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer label { font-size: 1.3rem !important; }
  .stMainBlockContainer h1 { font-size: 3rem !important; }
  .stMainBlockContainer h2 { font-size: 2.3rem !important; }
  .stMainBlockContainer h3 { font-size: 1.9rem !important; }
  .rnnlab-takeaway p { font-size: 1.8rem !important; font-weight: 600; line-height: 1.35; }
  .stMainBlockContainer [data-testid="stMetricValue"], .stMainBlockContainer [data-testid="stMetricValue"] * {
    font-size: 3rem !important; line-height: 1.2; }
  /* Sliders: the value over the thumb is absolutely placed for the normal font size; with the larger
     text it was drawn over the track. Anchor it above the thumb and make room above the track. */
  .stMainBlockContainer [data-testid="stSliderThumbValue"] { top: auto !important; bottom: calc(100% + 4px) !important; }
  .stMainBlockContainer [data-testid="stSliderThumbValue"] p,
  .stMainBlockContainer [data-testid="stSliderTickBar"] p { font-size: 1.15rem !important; line-height: 1.25 !important;
    margin: 0 !important; }
  .stMainBlockContainer [data-testid="stSlider"] > [role="group"] { padding-top: 1.5rem; }
  .stMainBlockContainer [data-testid="stSelectbox"] [data-baseweb="select"] > div { font-size: 1.2rem !important; }
</style>
"""


def presenting() -> bool:
    """Whether presenter mode is on for this session."""
    return bool(st.session_state.get("present", False))


def apply_presenter_style() -> None:
    """Inject the presenter-mode CSS (a fixed stylesheet: nothing the user typed reaches it)."""
    if presenting():
        st.html(_PRESENTER_CSS)


def header(area: str) -> None:
    """Title, subtitle and (in presenter mode) the key takeaway of the station ``area``.

    Expects the catalog keys ``<area>.title``, ``<area>.subtitle`` and ``<area>.takeaway``.
    """
    st.title(t(f"{area}.title"))
    if presenting():  # the div's class is what the presenter stylesheet enlarges: no container needed
        st.markdown(f"<div class='rnnlab-takeaway'>\n\n{t(f'{area}.takeaway')}\n\n</div>", unsafe_allow_html=True)
    st.caption(t(f"{area}.subtitle"))


def explain(key: str, *, lead: str | None = None, label_key: str = "common.explain_more", **fmt: object) -> None:
    """Show a longer explanation: inline normally, folded into an expander in presenter mode.

    ``lead``: Markdown that comes right before it and always shows (a heading, a claim). Inline, the
    two are one element: every element costs the server about 0.13 ms per page view, in the script
    thread and again on the event loop that sends it (``bench.class_load`` on a page of 80 paragraphs
    against one of the same text in one element), and a class repeats every view 30 to 60 times.
    """
    explain_text(t(key, **fmt), lead=lead, label_key=label_key)


def explain_text(text: str, *, lead: str | None = None, label_key: str = "common.explain_more") -> None:
    """:func:`explain` for a text already translated (e.g. built by a cached view)."""
    if presenting():
        if lead:
            st.markdown(lead)
        with st.expander(t(label_key)):
            st.markdown(text)
    else:
        st.markdown(f"{lead}\n\n{text}" if lead else text)


def aside(label_key: str, *, key: str, icon: str | None = None):
    """A folded aside whose contents the server builds only while it is open.

    Use as ``box = aside(...)`` then ``with box: if box.open: ...``. A plain ``st.expander`` sends
    its contents with every page view even while folded; this one is a stateful expander
    (``on_change="rerun"``): opening it reruns the page for that student, and only then are its
    charts, equations and downloads built and sent. A class pays for an aside only for the students
    who open it (station 4 with three asides: 95 → 76 elements per view, and 26 → 22 ms of server
    CPU per view with 60 students at once, ``bench.class_load --pages gates``). ``key`` keeps it
    open across this student's reruns; AppTest opens it with ``at.session_state[key] = True``.
    """
    return st.expander(t(label_key), icon=icon, key=key, on_change="rerun")
