"""Teacher page (URL ``/teacher``): create a class, project its code and QR code, watch answers and races arrive live.

A teacher link ``/teacher?class=CODE&teacher=KEY`` opens the live view of an existing class; the
page moves the code and key into this session and removes them from the address bar at once,
so a projected browser never shows the key (``pages.teacher.session``: the class this session
teaches, created, opened or closed). The live part is an ``st.fragment`` re-run every
``REFRESH`` seconds that reads ``ClassStore.results`` and shows the cached views of what it read
(``pages.teacher.view``: the quiz bars per question and the races, rebuilt only when an answer or
a race arrives). Everything students sent is shown through Plotly and ``st.dataframe`` (never as
HTML or Markdown).

The file is not called ``teacher.py`` on purpose: right after a server start, before any session
has run ``app.py``'s ``st.navigation``, Streamlit maps ``/teacher`` to a ``pages/teacher.py``
by file name and runs it without the router (no language, no sidebar).
"""

from __future__ import annotations

import html
import time

import streamlit as st

from classroom.store import ClassNotFound, StoreUnavailable, class_hours
from pages.teacher import session
from pages.teacher import view as teacher_view
from services import quiz
from ui.shell.i18n import current_language, t
from ui.shell.layout import header, presenting
from ui.widgets.chart import figure
from ui.widgets.classroom import CODE_RE, get_store

REFRESH = 3  # seconds between live updates


def create_form() -> None:
    st.subheader(t("teacher.create_heading"))
    st.markdown(t("teacher.create_intro", hours=f"{class_hours():g}"))
    with st.form("_class_create_form"):
        st.text_input(t("teacher.title_label"), key="_class_title", max_chars=64, help=t("teacher.title_help"))
        st.form_submit_button(t("teacher.create"), on_click=session.create, type="primary", icon=":material/add_circle:")
    error = st.session_state.pop("_class_create_error", None)
    if error:
        st.warning(t(error), icon=":material/warning:")


def projector_header(code: str, key: str) -> None:
    """The code in large type, the join link and its QR code, and the (folded) teacher link."""
    assert CODE_RE.match(code)  # only the store's alphabet reaches the HTML below
    base = session.base_url()
    size = "7rem" if presenting() else "5rem"
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.subheader(t("teacher.code_heading"))
        st.html(f"<div data-testid='rnnlab-class-code' style='font-size:{size};font-weight:800;letter-spacing:0.08em;white-space:nowrap;"
                f"font-family:monospace;line-height:1.1'>{html.escape(code)}</div>")
        st.markdown(t("teacher.join_at", url=base))
    with right:
        st.image(teacher_view.qr_png(f"{base}/?class={code}"), caption=t("teacher.qr_caption"),
                 width=440 if presenting() else 300)
    with st.expander(t("teacher.teacher_link"), icon=":material/key:", expanded=False):
        st.warning(t("teacher.teacher_link_warning"), icon=":material/visibility_off:")
        st.code(f"{base}/teacher?class={code}&teacher={key}", language=None)


def quiz_results(answers: dict) -> None:
    """Bars per question (all of them, or the one the teacher picked to show large)."""
    st.subheader(t("teacher.quiz_heading"))
    if not any(isinstance(v, dict) and v for v in answers.values()):
        st.info(t("teacher.quiz_none"), icon=":material/quiz:")
    present = presenting()
    numbers = list(range(1, len(quiz.QUESTIONS) + 1))
    picked = st.segmented_control(t("teacher.pick_question"), ["all", *numbers], default="all", key="_class_q_pick",
                                  format_func=lambda o: t("teacher.all_questions") if o == "all" else str(o))
    shown = numbers if picked in (None, "all") else [picked]
    columns = st.columns(1 if present or len(shown) == 1 else 2)
    for slot, n in enumerate(shown):
        panel = teacher_view.question_view(n, teacher_view.tally(answers, n), len(shown) == 1, current_language(),
                                           present)
        with columns[slot % len(columns)]:
            st.markdown(panel.question)
            figure(panel.fig, key=f"class-q{n}")


def race_results(races: list) -> None:
    st.subheader(t("teacher.races_heading"))
    races_view = teacher_view.races_view(races, current_language(), presenting())
    if races_view is None:
        st.info(t("teacher.races_none"), icon=":material/sports_score:")
        return
    figure(races_view.fig, key="class-races")
    st.caption(t("teacher.races_caption"))
    st.dataframe(races_view.table, hide_index=True, width="stretch", column_config=races_view.column_config)


@st.fragment(run_every=REFRESH)
def live(code: str, key: str) -> None:
    """The part of the page that refreshes itself: counts, quiz bars, races, close button."""
    try:
        res = get_store().results(code, key)
    except (ClassNotFound, PermissionError):
        session.forget()
        st.session_state["_class_gone_note"] = True
        st.rerun(scope="app")
    except StoreUnavailable as error:
        st.warning(t("teacher.unavailable_teacher", reason=str(error)), icon=":material/cloud_off:")
        return
    left, right = st.columns(2)
    if res.get("title"):
        left.text(res["title"])  # typed by the teacher: plain text, never Markdown or HTML
    left.metric(t("teacher.students"), res["students"])
    remaining = max(0, int(res["expires"] - time.time()))
    right.caption(t("teacher.expires", hours=remaining // 3600, minutes=remaining % 3600 // 60))
    right.caption(t("teacher.refresh_note", seconds=REFRESH))
    quiz_results(res["answers"])
    race_results(res["races"])
    st.divider()
    if not st.session_state.get("_class_confirm"):
        st.button(t("teacher.close"), key="_class_close", icon=":material/lock:", help=t("teacher.close_help"),
                  on_click=st.session_state.__setitem__, args=("_class_confirm", True))
    elif st.button(t("teacher.close_confirm"), key="_class_close_yes", type="primary", icon=":material/delete:"):
        try:
            get_store().close_class(code, key)
        except (ClassNotFound, PermissionError):
            pass
        except StoreUnavailable as error:
            st.warning(t("teacher.unavailable_teacher", reason=str(error)), icon=":material/cloud_off:")
            return
        session.forget()
        st.session_state["_class_closed_note"] = True
        st.rerun(scope="app")


# --------------------------------------------------------------------------- the page

header("teacher")
session.open_teacher_link()
if st.session_state.pop("_class_closed_note", False):
    st.success(t("teacher.closed_done"), icon=":material/lock:")
if st.session_state.pop("_class_gone_note", False):
    st.info(t("teacher.teacher_closed"), icon=":material/event_busy:")
teacher = session.teaching()
if teacher is None:
    create_form()
else:
    projector_header(teacher["code"], teacher["key"])
    live(teacher["code"], teacher["key"])
