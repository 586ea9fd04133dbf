"""Teacher page (URL ``/teacher``): create or reopen a class, then lead it from a board made for a projector.

Teacher-paced mode: the teacher puts one question of the registry (``ui.shell.predictions``: every
station's predictions, then the quiz) on the projector (``ClassStore.set_focus``); every joined
student's banner follows. The board shows, above the fold at 1280×720 (presenter mode too), that
question, its live distribution (count per option; the right one marked only after **Reveal** and
only once someone answered) and "answered / joined"; **Reveal** shows the measured answer, **Next**
moves on. Before the first question the class code and its QR code fill the screen; afterwards they
move to a corner. Below: every question with its counts, students per station, the Lab races (each
task against its own baseline), and the class's settings (lock joining, close).

Which board this session shows, and how it survives a reload without the key in the URL, is
``pages.teacher.session``. The live part is one ``st.fragment`` re-run every ``REFRESH`` seconds that
reads ``ClassStore.results`` once and shows the cached views of what it read (``pages.teacher.view``).
Everything students sent is shown through Plotly and ``st.dataframe`` (never as HTML or Markdown).

The file is not called ``teacher.py`` on purpose: ``pages/<slug>/page.py`` is what the registry hands to
``st.navigation`` (``pages/0_teacher.py`` is only the fresh-server entry; see tests/ui/test_cold_deep_links.py).
"""

from __future__ import annotations

import html
import logging
import time

import streamlit as st

from classroom.store import MAX_KEY, ClassNotFound, StoreUnavailable, class_hours
from pages.teacher import session
from pages.teacher import view as board_view
from ui.shell.i18n import current_language, t
from ui.shell.layout import header, presenting
from ui.shell.numbers import measured
from ui.shell.predictions import question, questions
from ui.widgets.chart import figure
from ui.widgets.classroom import CODE_RE, focus_changed, get_store

LOG = logging.getLogger(__name__)
REFRESH = 2  # seconds between live updates: 60 predictions sent within 2 s show on the board within 3 s (bench.class_quiz predict)
PICK = "_class_focus_pick"
LOCK = "_class_lock"
BOARD_NOTE = "_class_board_note"  # a message from a board control, shown inside the board

# Fixed stylesheet (nothing typed reaches it): a compact board so that question, bars and counts fit
# above the fold at 1280×720, also in presenter mode.
_BOARD_CSS = """
<style>
  .stMainBlockContainer { padding-top: 4rem !important; }
  .st-key-rnnlab_board h1 { font-size: 1.9rem !important; padding: 0.1rem 0 0.2rem 0 !important; }
  .st-key-rnnlab_prompt p { font-size: 1.35rem !important; line-height: 1.35; font-weight: 600; }
  .st-key-rnnlab_corner [data-testid="stMetricValue"], .st-key-rnnlab_corner [data-testid="stMetricValue"] * {
    font-size: 2.2rem !important; }
  .st-key-rnnlab_corner [data-testid="stMetricLabel"] p, .st-key-rnnlab_corner [data-testid="stWidgetLabel"] p {
    font-size: 1rem !important; }
  .st-key-rnnlab_board [data-testid="stVerticalBlock"] { gap: 0.6rem; }
</style>
"""
_PRESENT_CSS = "<style>.st-key-rnnlab_prompt p { font-size: 1.5rem !important; }</style>"


def _code_html(code: str, size: str) -> str:
    if not CODE_RE.fullmatch(code):  # only the store's alphabet reaches the HTML below
        raise ValueError("not a class code")
    return (f"<div data-testid='rnnlab-class-code' style='font-size:{size};font-weight:800;letter-spacing:0.08em;"
            f"white-space:nowrap;font-family:monospace;line-height:1.1'>{html.escape(code)}</div>")


def _notes() -> None:
    kept = st.session_state.pop(session.NOTE, None)
    if kept:
        kind, key, fmt = kept
        icons = {"info": ":material/info:", "warning": ":material/warning:", "success": ":material/check_circle:"}
        getattr(st, kind)(t(key, **fmt), icon=icons.get(kind))


# --------------------------------------------------------------------------- no board yet


def create_form() -> None:
    st.subheader(t("teacher.create_heading"))
    st.markdown(t("teacher.create_intro", hours=f"{class_hours():g}"))
    with st.form("_class_create_form"):
        st.text_input(t("teacher.title_label"), key="_class_title", max_chars=64, help=t("teacher.title_help"))
        st.form_submit_button(t("teacher.create"), on_click=session.create, type="primary", icon=":material/add_circle:")


def reopen_form() -> None:
    with st.expander(t("teacher.reopen_heading"), icon=":material/key:",
                     expanded=bool(st.session_state.get(session.PREFILL))):
        st.caption(t("teacher.reopen_intro"))
        with st.form("_class_reopen_form", border=False):
            st.text_input(t("teacher.code_label"), key=session.PREFILL, max_chars=12, placeholder="ABC234")
            st.text_input(t("teacher.key_label"), key="_class_reopen_key", type="password", max_chars=MAX_KEY)
            st.form_submit_button(t("teacher.reopen"), on_click=session.reopen, icon=":material/login:")


def pending_confirm() -> None:
    """An old teacher link for another class while a board is open: replace it only if confirmed."""
    pending = st.session_state.get(session.PENDING)
    current = session.board()
    if not pending or current is None:
        return
    st.warning(t("teacher.replace_board", new=pending["code"], old=current["code"]), icon=":material/swap_horiz:")
    left, right = st.columns(2)
    left.button(t("teacher.replace_yes", new=pending["code"]), key="_class_pending_yes", on_click=session.accept_pending)
    right.button(t("teacher.replace_no", old=current["code"]), key="_class_pending_no", type="primary",
                 on_click=session.reject_pending)


# --------------------------------------------------------------------------- board controls (callbacks)


def _store_call(action, *args) -> bool:
    try:
        action(*args)
    except (ClassNotFound, PermissionError):
        st.session_state[BOARD_NOTE] = "teacher.board_gone"
        return False
    except (ValueError, TypeError) as error:
        LOG.warning("teacher board control: %s", error)
        return False
    except StoreUnavailable as error:
        LOG.warning("teacher board control: %s", error)
        st.session_state[BOARD_NOTE] = "teacher.unavailable"
        return False
    return True


def _focus(code: str, token: str, question_id: str | None, revealed: bool = False) -> None:
    if _store_call(get_store().set_focus, code, token, question_id or None, revealed):
        focus_changed(code)  # the students' pages on this server hear of it within half a second


def _picked(code: str, token: str) -> None:
    _focus(code, token, st.session_state.get(PICK) or None)


def _locked(code: str, token: str) -> None:
    _store_call(get_store().set_locked, code, token, bool(st.session_state.get(LOCK)))


def controls(code: str, token: str, focus: dict | None, ids: list[str], lang: str) -> None:
    """Question picker, previous / reveal / next."""
    current = focus["question_id"] if focus and focus["question_id"] in ids else ""
    revealed = bool(focus and focus["revealed"])
    st.session_state[PICK] = current  # the store says which question is on (another device may have moved it)
    labels = {p.id: board_view.question_label(p, lang, 100 if presenting() else 80) for p in questions(lang)}
    pick, back, reveal, forward = st.columns([4, 1, 2.6, 2.4], vertical_alignment="bottom")
    labels[""] = t("teacher.no_question")
    pick.selectbox(t("teacher.pick_question"), ["", *ids], key=PICK, on_change=_picked, args=(code, token),
                   format_func=labels.__getitem__)
    at = ids.index(current) if current else -1
    back.button("", key="_class_prev", icon=":material/arrow_back:", help=t("teacher.previous"),
                disabled=at <= 0, on_click=_focus, args=(code, token, ids[at - 1] if at > 0 else None))
    reveal.button(t("teacher.reveal"), key="_class_reveal", type="primary", icon=":material/visibility:",
                  disabled=not current or revealed, on_click=_focus, args=(code, token, current, True),
                  width="stretch")
    following = ids[at + 1] if at + 1 < len(ids) else None
    forward.button(t("teacher.next"), key="_class_next", icon=":material/arrow_forward:", disabled=following is None,
                   on_click=_focus, args=(code, token, following), width="stretch")


# --------------------------------------------------------------------------- board panels


def focus_panel(res: dict, focus: dict | None, lang: str, present: bool) -> None:
    """The focused question, its bars and (after Reveal) the measured answer."""
    if focus is None:
        st.info(t("teacher.no_focus"), icon=":material/touch_app:")
        return
    prediction = question(focus["question_id"], lang)
    if prediction is None:
        st.info(t("teacher.no_focus"), icon=":material/touch_app:")
        return
    counts = board_view.counts_of(res["answers"], prediction)
    panel = board_view.focus_view(prediction.id, counts, bool(focus["revealed"]), lang, present)
    with st.container(key="rnnlab_prompt"):
        st.markdown(panel.prompt)
    figure(panel.fig, key="class-focus")
    if panel.measured is not None:
        st.success(t("teacher.revealed", right=panel.right, measured=panel.measured), icon=":material/visibility:")


def corner(code: str, token: str, base: str, *, answered: int | None, joined: int, locked: bool, code_size: str | None,
           qr_width: int) -> None:
    """The class code (``code_size`` None: shown elsewhere), the QR code of the join link, answered /
    joined (or joined alone before the first question), lock joining."""
    if code_size is not None:
        st.html(_code_html(code, code_size))
    st.image(board_view.qr_png(f"{base}/?class={code}"), caption=t("teacher.qr_caption"), width=qr_width)
    if answered is None:
        st.metric(t("teacher.students"), joined)
    else:
        st.metric(t("teacher.answered_joined"), f"{answered} / {joined}")
    st.session_state[LOCK] = locked
    st.toggle(t("teacher.lock"), key=LOCK, help=t("teacher.lock_help"), on_change=_locked, args=(code, token))


def below(code: str, token: str, res: dict, focus: dict | None, lang: str, present: bool, started: bool) -> None:
    """One click away: every question with counts, students per station, races, the class itself."""
    tabs = st.tabs([t("teacher.tab_questions"), t("teacher.tab_stations"), t("teacher.tab_races"), t("teacher.tab_class")])
    with tabs[0]:
        tallies = tuple(sorted((p.id, board_view.counts_of(res["answers"], p)) for p in questions(lang)
                               if p.id in res["answers"]))
        table = board_view.questions_table(tallies, focus["question_id"] if focus else None, lang)
        widths = {"teacher.col_on": "small", "teacher.col_station": "small", "teacher.col_question": "large",
                  "teacher.col_answered": "small", "teacher.col_options": "medium"}
        st.dataframe(table, hide_index=True, width="stretch", height=min(600, 38 + 35 * len(table)),
                     column_config={t(key): st.column_config.Column(width=w) for key, w in widths.items()})
        st.caption(t("teacher.questions_caption"))
    with tabs[1]:
        where = tuple(sorted((str(k), int(v)) for k, v in (res.get("stations") or {}).items()))
        figure(board_view.stations_view(where, lang, present), key="class-stations")
        st.caption(t("teacher.stations_caption"))
    with tabs[2]:
        races = board_view.races_view(res["races"], lang, present)
        if races is None:
            st.info(t("teacher.races_none"), icon=":material/sports_score:")
        else:
            figure(races.fig, key="class-races")
            st.caption(t("teacher.races_caption", adding=measured(board_view.BASELINES["adding"], lang),
                         ce=measured(board_view.BASELINES["latch"], lang)))
            st.dataframe(races.table, hide_index=True, width="stretch", height=min(420, 38 + 35 * len(races.table)),
                         column_config=races.column_config)
    with tabs[3]:
        if res.get("title"):
            st.text(res["title"])  # typed by the teacher: plain text, never Markdown or HTML
        remaining = max(0, int(res["expires"] - time.time()))
        st.caption(t("teacher.expires", hours=remaining // 3600, minutes=remaining % 3600 // 60) + " "
                   + t("teacher.refresh_note", seconds=REFRESH))
        if started:
            key_once()
        st.button(t("teacher.leave_board"), key="_class_leave_board", icon=":material/logout:",
                  help=t("teacher.leave_board_help"), on_click=_leave_board)
        if not st.session_state.get("_class_confirm"):
            st.button(t("teacher.close"), key="_class_close", icon=":material/lock:", help=t("teacher.close_help"),
                      on_click=st.session_state.__setitem__, args=("_class_confirm", True))
        elif st.button(t("teacher.close_confirm"), key="_class_close_yes", type="primary", icon=":material/delete:"):
            if _store_call(get_store().close_class, code, token) or st.session_state.get(BOARD_NOTE) == "teacher.board_gone":
                st.session_state.pop(BOARD_NOTE, None)
                session.forget()
                session.note("success", "teacher.closed_done")
                st.rerun(scope="app")


def _leave_board() -> None:
    session.forget()
    session.note("info", "teacher.left_board")


def key_once() -> None:
    """The teacher key of a class created in this session: folded, shown until hidden, never again."""
    key = st.session_state.get(session.KEY_ONCE)
    if not key:
        return
    with st.expander(t("teacher.key_once_title"), icon=":material/key:", expanded=False):
        st.warning(t("teacher.key_once_warning"), icon=":material/visibility_off:")
        st.code(key, language=None)
        st.button(t("teacher.key_once_hide"), key="_class_key_hide",
                  on_click=lambda: st.session_state.pop(session.KEY_ONCE, None))


@st.fragment(run_every=REFRESH)
def live(code: str, token: str) -> None:
    """The board: reads the class once per run (every REFRESH seconds) and shows it."""
    try:
        res = get_store().results(code, token)
    except (ClassNotFound, PermissionError, ValueError, TypeError):
        session.forget()
        session.note("info", "teacher.board_gone")
        st.rerun(scope="app")
    except StoreUnavailable as error:
        LOG.warning("teacher board: %s", error)
        st.warning(t("teacher.unavailable"), icon=":material/cloud_off:")
        return
    lang, present = current_language(), presenting()
    ids = [p.id for p in questions(lang)]
    focus = res.get("focus")
    started = focus is not None
    base = session.base_url()
    joined = int(res.get("joined", res.get("students", 0)))
    with st.container(key="rnnlab_board"):
        if started:
            main, side = st.columns([3.2, 1], gap="medium")
        else:
            main, side = st.columns([3, 2], gap="large")
        with main:
            st.title(t("teacher.title"))
            if st.session_state.get(BOARD_NOTE):
                st.warning(t(st.session_state.pop(BOARD_NOTE)), icon=":material/warning:")
            if started:
                controls(code, token, focus, ids, lang)
                focus_panel(res, focus, lang, present)
            else:  # before the first question: the code large, the controls under it
                st.markdown(t("teacher.code_heading"))
                st.html(_code_html(code, "6rem" if present else "5rem"))
                st.markdown(t("teacher.join_at", url=base))
                st.info(t("teacher.start_hint"), icon=":material/touch_app:")
                controls(code, token, focus, ids, lang)
                key_once()
        with side, st.container(key="rnnlab_corner"):
            if started:
                prediction = question(focus["question_id"], lang)
                answered = sum(board_view.counts_of(res["answers"], prediction)) if prediction else 0
                corner(code, token, base, answered=answered, joined=joined, locked=bool(res.get("locked")),
                       code_size="2.4rem", qr_width=170 if present else 150)
            else:
                corner(code, token, base, answered=None, joined=joined, locked=bool(res.get("locked")),
                       code_size=None, qr_width=330 if present else 300)
        st.divider()
        below(code, token, res, focus, lang, present, started)


# --------------------------------------------------------------------------- the page

session.restore_from_cookie()  # first: a link opened in a new tab must see the board this browser has open
session.consume_link()
current = session.board()
if current is None:
    header("teacher")
    _notes()
    create_form()
    reopen_form()
else:
    st.html(_BOARD_CSS + (_PRESENT_CSS if presenting() else ""))
    _notes()
    pending_confirm()
    live(current["code"], current["token"])
session.write_cookie()
