"""The teacher page's views: the QR code, the quiz bars and the races, computed once per server.

Each is a pure function of its parameters, cached (``st.cache_data`` for the QR code's bytes,
``st.cache_resource`` for figures and tables): the live part reruns every few seconds, and while
no new answer or race arrives it gets the same objects back instead of rebuilding them. Figures
come styled for the language and presenter mode; nothing that uses a view may modify it. What
students sent arrives through :func:`pages.teacher.charts.race_frame` (which drops anything that is
not a finite number or a known task) and is shown through Plotly and ``st.dataframe``, never as
HTML or Markdown; the option labels are escaped before Plotly sees them.
"""

from __future__ import annotations

import html
import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.teacher import charts
from rnn_core.race import RACE_TASKS
from services import quiz
from ui.shell.i18n import t
from ui.shell.numbers import setting
from ui.shell.theme import style_figure


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


def _wrap(text: str, width: int = 44) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or " "


def tally(answers: Mapping[str, Any], n: int) -> tuple[int, ...]:
    """How many students chose each option of question ``n`` (1-based), from ``ClassStore.results``'s
    ``answers`` (a missing or malformed tally counts as none)."""
    question = quiz.QUESTIONS[n - 1]
    counts = answers.get(question.key) or {}
    return tuple(int(counts.get(letter, 0)) for letter in "abcd"[: question.options])


@dataclass(frozen=True)
class QuestionPanel:
    """One quiz question for the teacher: its text (Markdown) and its bars (shared: read only)."""

    question: str
    fig: go.Figure


@st.cache_resource(max_entries=256, show_spinner=False)
def question_view(n: int, counts: tuple[int, ...], single: bool, lang: str, present: bool) -> QuestionPanel:
    """Question ``n`` with ``counts`` answers per option: large when it is the only one shown."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    question = quiz.QUESTIONS[n - 1]
    width = 60 if single else 34
    labels = [f"{letter}) " + _wrap(tr(key), width) for letter, key in zip("abcd", question.option_keys, strict=False)]
    fig = charts.answers_figure(counts, labels, question.correct, title=tr("teacher.answers_count", n=sum(counts)),
                                x_title=tr("teacher.count_axis"), correct_label=tr("teacher.correct_mark"))
    per_option = 110 if single else (85 if present else 70)
    style_figure(fig, present=present or single, height=120 + per_option * question.options, lang=lang)
    fig.update_layout(margin={"t": 60, "l": 20})
    return QuestionPanel(tr("teacher.question", n=n, text=tr(question.key)), fig)


@dataclass(frozen=True)
class RacesView:
    """The class's finished races: the chart, the table with its column names in the language, and
    the table's number formats (shared: read only)."""

    fig: go.Figure
    table: pd.DataFrame
    column_config: dict[str, Any]


@st.cache_resource(max_entries=64, show_spinner=False)
def races_view(races: Sequence[Mapping[str, Any]], lang: str, present: bool) -> RacesView | None:
    """The races students sent (``ClassStore.results``'s ``races``), or None when none is usable."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    df = charts.race_frame(races, tuple(RACE_TASKS))
    if df.empty:
        return None
    cell_names = {cell: tr(f"teacher.cell_{cell}") for cell in charts.CELLS}

    def label(task: str, length: int) -> str:
        return f"{tr(f'lab.taskname_{task}')}, T = {length}"

    fig = charts.races_figure(df, cell_names=cell_names, setting_label=label, title=tr("teacher.races_chart_title"),
                              x_title=tr("teacher.races_x"), y_title=tr("teacher.races_y"))
    style_figure(fig, present=present, lang=lang)
    shown = df.assign(task=[tr(f"lab.taskname_{task}") for task in df["task"]],
                      clip=[tr("teacher.no_clip") if c is None or c != c else setting(c, lang) for c in df["clip"]],
                      lr=[setting(v, lang) if v == v and v is not None else "" for v in df["lr"]])
    names = {"student": tr("teacher.col_student"), "task": tr("teacher.col_task"), "length": tr("teacher.col_length"),
             "steps": tr("teacher.col_steps"), "hidden": tr("teacher.col_hidden"), "lr": tr("teacher.col_lr"),
             "clip": tr("teacher.col_clip"), "seed": tr("teacher.col_seed"),
             **{f"loss_{c}": tr("teacher.col_loss", cell=cell_names[c]) for c in charts.CELLS}}
    column_config = {names[f"loss_{c}"]: st.column_config.NumberColumn(format="%.4g") for c in charts.CELLS}
    return RacesView(fig, shown.rename(columns=names), column_config)
