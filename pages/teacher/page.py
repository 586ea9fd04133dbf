"""Teacher page (URL ``/teacher``): create a class, project its code and QR code, watch answers and races arrive live.

A teacher link ``/teacher?class=CODE&teacher=KEY`` opens the live view of an existing class; the
page moves the code and key into this session and removes them from the address bar at once,
so a projected browser never shows the key. The live part is an ``st.fragment`` re-run every
``REFRESH`` seconds that reads ``ClassStore.results``. Everything students sent is shown through
Plotly and ``st.dataframe`` (never as HTML or Markdown).

The file is not called ``teacher.py`` on purpose: right after a server start, before any session
has run ``app.py``'s ``st.navigation``, Streamlit maps ``/teacher`` to a ``pages/teacher.py``
by file name and runs it without the router (no language, no sidebar).
"""

from __future__ import annotations

import html
import io
import re
import textwrap
import time
from urllib.parse import urlsplit

import streamlit as st

from classroom.store import MAX_KEY, ClassNotFound, StoreUnavailable, class_hours
from pages.teacher import charts
from rnn_core.race import RACE_TASKS
from services import quiz
from ui.shell.i18n import current_language, t
from ui.shell.layout import header, presenting
from ui.shell.numbers import setting
from ui.shell.theme import style_figure
from ui.widgets.chart import PLOTLY_CONFIG
from ui.widgets.classroom import CODE_RE, clean_code, get_store

TEACHER = "_class_teacher"  # {"code": str, "key": str} once this session created or opened a class
REFRESH = 3  # seconds between live updates
KEY_RE = re.compile(rf"^[A-Za-z0-9_-]{{16,{MAX_KEY}}}$")


def _base_url() -> str:
    """The app's address as the browser sees it (without this page's path)."""
    url = ""
    try:
        url = st.context.url or ""
    except Exception:  # noqa: BLE001 - older servers, tests
        url = ""
    if url:
        parts = urlsplit(url)
        path = re.sub(r"/?teacher/?$", "", parts.path).rstrip("/")
        return f"{parts.scheme}://{parts.netloc}{path}"
    host = (st.context.headers or {}).get("Host") if hasattr(st.context, "headers") else None
    return f"http://{host}" if host and re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", host) else "http://localhost:8501"


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes (black on white, a wide quiet zone for a projector)."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=12, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    buffer = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def _open_teacher_link() -> None:
    """Consume ``?class=…&teacher=…``: check it, keep it in the session, drop it from the URL."""
    raw_key = st.query_params.get("teacher")
    if raw_key is None:
        return
    raw_code = st.query_params.get("class")
    st.query_params.pop("teacher", None)
    st.query_params.pop("class", None)
    code = clean_code(raw_code)
    if code is None or not KEY_RE.match(raw_key):
        st.warning(t("teacher.bad_teacher_link"), icon=":material/link_off:")
        return
    try:
        get_store().results(code, raw_key)
    except PermissionError:
        st.warning(t("teacher.wrong_key"), icon=":material/key_off:")
    except ClassNotFound:
        st.info(t("teacher.teacher_closed"), icon=":material/event_busy:")
    except StoreUnavailable as error:
        st.warning(t("teacher.unavailable_teacher", reason=str(error)), icon=":material/cloud_off:")
    except (ValueError, TypeError):
        st.warning(t("teacher.bad_teacher_link"), icon=":material/link_off:")
    else:
        st.session_state[TEACHER] = {"code": code, "key": raw_key}


def _create() -> None:
    title = st.session_state.get("_class_title", "")
    try:
        keys = get_store().create_class(title if isinstance(title, str) else "")
    except (ValueError, TypeError):
        st.session_state["_class_create_error"] = "teacher.bad_title"
    except StoreUnavailable:
        st.session_state["_class_create_error"] = "teacher.unavailable"
    else:
        st.session_state[TEACHER] = {"code": keys.code, "key": keys.teacher_key}


def create_form() -> None:
    st.subheader(t("teacher.create_heading"))
    st.markdown(t("teacher.create_intro", hours=f"{class_hours():g}"))
    with st.form("_class_create_form"):
        st.text_input(t("teacher.title_label"), key="_class_title", max_chars=64, help=t("teacher.title_help"))
        st.form_submit_button(t("teacher.create"), on_click=_create, type="primary", icon=":material/add_circle:")
    error = st.session_state.pop("_class_create_error", None)
    if error:
        st.warning(t(error), icon=":material/warning:")


def projector_header(code: str, key: str) -> None:
    """The code in large type, the join link and its QR code, and the (folded) teacher link."""
    assert CODE_RE.match(code)  # only the store's alphabet reaches the HTML below
    base = _base_url()
    join_url = f"{base}/?class={code}"
    size = "7rem" if presenting() else "5rem"
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.subheader(t("teacher.code_heading"))
        st.html(f"<div data-testid='rnnlab-class-code' style='font-size:{size};font-weight:800;letter-spacing:0.08em;white-space:nowrap;"
                f"font-family:monospace;line-height:1.1'>{html.escape(code)}</div>")
        st.markdown(t("teacher.join_at", url=base))
    with right:
        st.image(qr_png(join_url), caption=t("teacher.qr_caption"), width=440 if presenting() else 300)
    with st.expander(t("teacher.teacher_link"), icon=":material/key:", expanded=False):
        st.warning(t("teacher.teacher_link_warning"), icon=":material/visibility_off:")
        st.code(f"{base}/teacher?class={code}&teacher={key}", language=None)


def _wrap(text: str, width: int = 44) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or " "


def quiz_results(answers: dict) -> None:
    """Bars per question (all of them, or the one the teacher picked to show large)."""
    st.subheader(t("teacher.quiz_heading"))
    if not any(isinstance(v, dict) and v for v in answers.values()):
        st.info(t("teacher.quiz_none"), icon=":material/quiz:")
    present = presenting()
    lang = current_language()
    numbers = list(range(1, len(quiz.QUESTIONS) + 1))
    picked = st.segmented_control(t("teacher.pick_question"), ["all", *numbers], default="all", key="_class_q_pick",
                                  format_func=lambda o: t("teacher.all_questions") if o == "all" else str(o))
    shown = numbers if picked in (None, "all") else [picked]
    single = len(shown) == 1
    columns = st.columns(1 if present or single else 2)
    for slot, n in enumerate(shown):
        question = quiz.QUESTIONS[n - 1]
        tally = answers.get(question.key) or {}
        counts = [int(tally.get(letter, 0)) for letter in "abcd"[: question.options]]
        width = 60 if single else 34
        labels = [f"{letter}) " + _wrap(t(key), width) for letter, key in zip("abcd", question.option_keys, strict=False)]
        with columns[slot % len(columns)]:
            st.markdown(t("teacher.question", n=n, text=t(question.key)))
            fig = charts.answers_figure(counts, labels, question.correct,
                                        title=t("teacher.answers_count", n=sum(counts)),
                                        x_title=t("teacher.count_axis"), correct_label=t("teacher.correct_mark"))
            per_option = 110 if single else (85 if present else 70)
            style_figure(fig, present=present or single, height=120 + per_option * question.options, lang=lang)
            fig.update_layout(margin={"t": 60, "l": 20})
            st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=f"class-q{n}")


def race_results(races: list) -> None:
    st.subheader(t("teacher.races_heading"))
    df = charts.race_frame(races, tuple(RACE_TASKS))
    if df.empty:
        st.info(t("teacher.races_none"), icon=":material/sports_score:")
        return
    lang = current_language()
    cell_names = {cell: t(f"teacher.cell_{cell}") for cell in charts.CELLS}

    def label(task: str, length: int) -> str:
        return f"{t(f'lab.taskname_{task}')}, T = {length}"

    fig = charts.races_figure(df, cell_names=cell_names, setting_label=label, title=t("teacher.races_chart_title"),
                              x_title=t("teacher.races_x"), y_title=t("teacher.races_y"))
    style_figure(fig, present=presenting(), lang=lang)
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key="class-races")
    st.caption(t("teacher.races_caption"))
    shown = df.assign(task=[t(f"lab.taskname_{task}") for task in df["task"]],
                      clip=[t("teacher.no_clip") if c is None or c != c else setting(c, lang) for c in df["clip"]],
                      lr=[setting(v, lang) if v == v and v is not None else "" for v in df["lr"]])
    names = {"student": t("teacher.col_student"), "task": t("teacher.col_task"), "length": t("teacher.col_length"),
             "steps": t("teacher.col_steps"), "hidden": t("teacher.col_hidden"), "lr": t("teacher.col_lr"),
             "clip": t("teacher.col_clip"), "seed": t("teacher.col_seed"),
             **{f"loss_{c}": t("teacher.col_loss", cell=cell_names[c]) for c in charts.CELLS}}
    st.dataframe(shown.rename(columns=names), hide_index=True, width="stretch",
                 column_config={names[f"loss_{c}"]: st.column_config.NumberColumn(format="%.4g")
                                for c in charts.CELLS})


def _forget() -> None:
    st.session_state.pop(TEACHER, None)
    st.session_state.pop("_class_confirm", None)


@st.fragment(run_every=REFRESH)
def live(code: str, key: str) -> None:
    """The part of the page that refreshes itself: counts, quiz bars, races, close button."""
    try:
        res = get_store().results(code, key)
    except (ClassNotFound, PermissionError):
        _forget()
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
        _forget()
        st.session_state["_class_closed_note"] = True
        st.rerun(scope="app")


# --------------------------------------------------------------------------- the page

header("teacher")
_open_teacher_link()
if st.session_state.pop("_class_closed_note", False):
    st.success(t("teacher.closed_done"), icon=":material/lock:")
if st.session_state.pop("_class_gone_note", False):
    st.info(t("teacher.teacher_closed"), icon=":material/event_busy:")
teacher = st.session_state.get(TEACHER)
if teacher is None:
    create_form()
else:
    projector_header(teacher["code"], teacher["key"])
    live(teacher["code"], teacher["key"])
