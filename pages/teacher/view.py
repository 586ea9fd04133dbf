"""The board's views, computed once per server: the QR code, the focused question's bars, the list of
every question with its counts, students per station, and the races.

Each is a pure function of small hashable parameters (counts as tuples), cached (``st.cache_data``
for the QR code's bytes, ``st.cache_resource`` for figures and tables): the live fragment reruns
every few seconds, and while no answer arrives it gets the very same objects back instead of
rebuilding them. Figures come styled for the language and presenter mode; nothing that uses a view
may modify it. Question texts come from the registry (``ui.shell.predictions``); what students sent
arrives only as counts and through :func:`pages.teacher.charts.race_frame` (which drops anything
that is not a finite number or a known task), and is shown through Plotly and ``st.dataframe``,
never as HTML or Markdown; option labels are escaped before Plotly sees them.
"""

from __future__ import annotations

import html
import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.teacher import charts
from rnn_core.race import RACE_TASKS
from ui.shell.i18n import t
from ui.shell.numbers import setting, share
from ui.shell.predictions import LETTERS, Prediction, question, questions
from ui.shell.stations import JOURNEY
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


def plain(text: str) -> str:
    """A catalog text without Markdown emphasis (for chart labels and table cells)."""
    return re.sub(r"\*\*|__", "", text)


def _wrap(text: str, width: int) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(plain(text), width)) or " "


def counts_of(answers: Mapping[str, Any], prediction: Prediction) -> tuple[int, ...]:
    """How many students chose each option of ``prediction``, from ``ClassStore.results``'s
    ``answers`` (a missing or malformed tally counts as none; unknown letters are not counted)."""
    tally = answers.get(prediction.id)
    tally = tally if isinstance(tally, Mapping) else {}
    out = []
    for letter in LETTERS[: len(prediction.options)]:
        value = tally.get(letter, 0)
        out.append(int(value) if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0)
    return tuple(out)


def station_number(slug: str) -> int | None:
    """A journey station's number (1 … 6), None for home or a page off the journey."""
    slugs = [s.slug for s in JOURNEY]
    return slugs.index(slug) if slug in slugs and slug != JOURNEY[0].slug else None


def question_label(prediction: Prediction, lang: str, width: int = 90) -> str:
    """"Station 3 · ‹prompt, shortened›" for the question picker."""
    n = station_number(prediction.station)
    prompt = textwrap.shorten(plain(prediction.prompt), width, placeholder=" …")
    return t("teacher.pick_label", lang, n=n if n is not None else "—", prompt=prompt)


@dataclass(frozen=True)
class FocusView:
    """The focused question on the board (shared: read only): its prompt (Markdown from the catalog),
    the bars of the answers, the right option and the measured answer (both only once revealed)."""

    prompt: str
    fig: go.Figure
    answered: int
    right: str | None
    measured: str | None


@st.cache_resource(max_entries=256, show_spinner=False)
def focus_view(question_id: str, counts: tuple[int, ...], revealed: bool, lang: str, present: bool) -> FocusView | None:
    """The board's main panel for ``question_id`` with ``counts`` answers per option (None for an
    unknown question). The right option is marked only when ``revealed`` AND someone answered."""
    prediction = question(question_id, lang)
    if prediction is None:
        return None
    answered = sum(counts)
    mark = revealed and answered > 0
    width = 70 if present else 60
    labels = [f"{letter}) " + _wrap(option, width) for letter, option in zip(LETTERS, prediction.options, strict=False)]
    fig = charts.answers_figure(counts, labels, prediction.correct, mark=mark,
                                title=t("teacher.answers_count", lang, n=answered),
                                x_title=t("teacher.count_axis", lang), correct_label=t("teacher.correct_mark", lang))
    lines = sum(label.count("<br>") + 1 for label in labels)
    per_line = 30 if present else 24
    style_figure(fig, present=present, height=90 + max(len(labels) * 2, lines) * per_line, lang=lang)
    fig.update_layout(margin={"t": 44, "l": 10, "r": 30, "b": 48}, title={"y": 0.99})
    right = f"{LETTERS[prediction.correct]}) {plain(prediction.options[prediction.correct])}" if revealed else None
    return FocusView(prediction.prompt, fig, answered, right, prediction.measured if revealed else None)


@st.cache_resource(max_entries=64, show_spinner=False)
def questions_table(tallies: tuple[tuple[str, tuple[int, ...]], ...], focused: str | None, lang: str) -> pd.DataFrame:
    """Every focusable question with its counts: station, question, answers, count per option
    (``tallies``: (question id, counts) for the questions that have answers)."""
    known = dict(tallies)
    rows = []
    for p in questions(lang):
        counts = known.get(p.id, (0,) * len(p.options))
        n = station_number(p.station)
        rows.append({
            t("teacher.col_on", lang): "▶" if p.id == focused else "",
            t("teacher.col_station", lang): n if n is not None else 0,
            t("teacher.col_question", lang): textwrap.shorten(plain(p.prompt), 110, placeholder=" …"),
            t("teacher.col_answered", lang): sum(counts),
            t("teacher.col_options", lang): " · ".join(f"{letter}: {c}" for letter, c in zip(LETTERS, counts, strict=False)),
        })
    return pd.DataFrame(rows)


@st.cache_resource(max_entries=64, show_spinner=False)
def stations_view(where: tuple[tuple[str, int], ...], lang: str, present: bool) -> go.Figure:
    """Joined students on each station (``where``: (slug, count) seen in the last two minutes)."""
    counts = dict(where)
    names, values = [], []
    for s in JOURNEY:
        names.append(t(s.title_key, lang))
        values.append(int(counts.get(s.slug, 0)))
    fig = charts.stations_figure(names, values, title=t("teacher.stations_title", lang),
                                 x_title=t("teacher.count_axis", lang))
    style_figure(fig, present=present, height=120 + (34 if present else 28) * len(names), lang=lang)
    fig.update_layout(margin={"t": 50, "l": 10, "r": 30, "b": 48})
    return fig


@dataclass(frozen=True)
class RacesView:
    """The class's finished races: the chart, the table with its column names in the language, and
    the table's number formats (shared: read only)."""

    fig: go.Figure
    table: pd.DataFrame
    column_config: dict[str, Any]


BASELINES = {name: spec.baseline_loss for name, spec in RACE_TASKS.items()}


@st.cache_resource(max_entries=64, show_spinner=False)
def races_view(races: Sequence[Mapping[str, Any]], lang: str, present: bool) -> RacesView | None:
    """The races students sent (``ClassStore.results``'s ``races``), or None when none is usable."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    df = charts.race_frame(races, BASELINES)
    if df.empty:
        return None
    cell_names = {cell: tr(f"teacher.cell_{cell}") for cell in charts.CELLS}

    def label(task: str, length: int) -> str:
        return f"{tr(f'lab.taskname_{task}')}, T = {length}"

    fig = charts.races_figure(df, cell_names=cell_names, setting_label=label, title=tr("teacher.races_chart_title"),
                              x_title=tr("teacher.races_x"), y_title=tr("teacher.races_y"),
                              baseline_name=tr("teacher.races_baseline"), tick_label=lambda v: share(v, lang))
    style_figure(fig, present=present, lang=lang)

    def given(value: Any) -> bool:
        return value is not None and value == value  # neither None nor NaN

    def settings(row) -> str:
        def value(name: str) -> str:
            return setting(row[name], lang) if given(row[name]) else "—"

        clip = tr("teacher.clip_at", clip=value("clip")) if given(row["clip"]) else tr("teacher.no_clip")
        return tr("teacher.settings_short", steps=value("steps"), hidden=value("hidden"), lr=value("lr"), clip=clip)

    ratio_names = {c: tr("teacher.col_ratio", cell=cell_names[c]) for c in charts.CELLS}
    table = pd.DataFrame({
        tr("teacher.col_student"): df["student"],
        tr("teacher.races_x"): [label(task, length) for task, length in zip(df["task"], df["length"], strict=True)],
        **{ratio_names[c]: [share(v, lang) if given(v) else "—" for v in df[f"ratio_{c}"]] for c in charts.CELLS},
        tr("teacher.col_settings"): [settings(row) for _, row in df.iterrows()],
    })
    # Widths that fit the board's column at 1280 px (sidebar open): nothing cut off on the right.
    config = {tr("teacher.col_student"): st.column_config.NumberColumn(width=60),
              tr("teacher.races_x"): st.column_config.TextColumn(width=190),
              **{name: st.column_config.TextColumn(width=100, help=tr("teacher.col_ratio_help"))
                 for name in ratio_names.values()},
              tr("teacher.col_settings"): st.column_config.TextColumn(width=260)}
    return RacesView(fig, table, config)
