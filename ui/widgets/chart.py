"""Shared widgets: charts with caption and CSV download, model answers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui.figures.parts import legend_under_title
from ui.figures.prepared import serialized, serialized_at, step_meta
from ui.shell.i18n import current_language, t
from ui.shell.layout import presenting
from ui.shell.theme import style_figure
from ui.widgets.figure_element import send

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"], "responsive": True}


@st.fragment
def step_through(fig: go.Figure, caption_key: str, *, data: pd.DataFrame | None = None, name: str = "chart",
                 key: str | None = None, label_key: str = "common.step_keyboard",
                 help_key: str = "common.step_keyboard_help", **caption_fmt: object) -> None:
    """An animated step-through (Plotly frames: play, pause and scrub run in the browser) plus the
    keyboard's way in: a slider that opens the figure at step t (arrow keys move one step).

    Plotly draws its buttons and frame slider in SVG, out of the keyboard's reach. Moving this
    slider reruns only this fragment and shows a copy built by :func:`ui.figures.frames.starting_at`
    (what the browser draws once the animation has played to step t), serialized once per step per
    server (``ui.figures.prepared.serialized_at``); ``fig`` (a ``go.Figure`` or a
    ``ui.figures.prepared.PreparedFigure``, shared by every session and already styled) is never
    modified. The slider's steps carry the animation slider's own names (read once per figure per server,
    :func:`ui.figures.prepared.step_meta`: station 3 counts the people the message reached, not
    frames); its value, in session state under ``key`` (default ``<name>-step``), is the 1-based step.
    """
    meta = step_meta(fig)  # once per figure per server
    n, opens_at, labels = meta.frames, meta.opens_at, meta.labels
    key = key or f"{name}-step"
    options = list(range(1, max(n, 2) + 1))
    current = st.session_state.get(key, opens_at)
    if current not in options:  # a shorter animation than the last run's (or junk in session state)
        st.session_state[key] = min(max(int(current), 1), n) if _whole(current) else opens_at
    step = st.select_slider(t(label_key), options, opens_at, key=key, help=t(help_key), disabled=n < 2,
                            format_func=lambda k: labels[k - 1] if k <= len(labels) else str(k))
    if step == opens_at:
        figure(fig, key=f"chart-{name}")
    else:
        send(serialized_at(fig, step - 1), key=f"chart-{name}", config=PLOTLY_CONFIG)
    _caption_and_download(caption_key, data, name, caption_fmt)


def _whole(value: object) -> bool:
    """A number that names a step (session state may hold anything a test or an old run put there)."""
    return isinstance(value, int | float) and value == value and abs(value) < 1e9


def figure(fig: go.Figure, *, key: str) -> None:
    """Show a finished figure, styled and shared (a cached view's: never modified), without a caption.

    Its JSON is made once per server (``ui.figures.prepared.serialized``) and sent from there
    (``ui.widgets.figure_element``): the browser gets exactly what ``st.plotly_chart(fig,
    width="stretch", theme=None, config=PLOTLY_CONFIG)`` would send, without the deep copy and the
    re-encoding on every view.
    """
    send(serialized(fig), key=key, config=PLOTLY_CONFIG)


def chart(fig: go.Figure, caption_key: str, *, data: pd.DataFrame | None = None, name: str = "chart",
          height: int | None = None, styled: bool = False, **caption_fmt: object) -> None:
    """Show ``fig`` with the app's style, a one-sentence caption and a CSV download of ``data``.

    ``name`` names the downloaded file (``<name>.csv``) and keys the widgets, so it must be
    unique on the page. ``styled=True``: the figure comes from a cached view that already
    applied ``ui.shell.theme.style_figure`` (with this session's language and presenter mode); it is
    shown as is and never modified, since every session shares it (:func:`figure`).
    """
    if styled:
        figure(fig, key=f"chart-{name}")
    else:
        legend_under_title(style_figure(fig, present=presenting(), height=height, lang=current_language()))
        st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=f"chart-{name}")
    _caption_and_download(caption_key, data, name, caption_fmt)


def _caption_and_download(caption_key: str, data: pd.DataFrame | None, name: str, caption_fmt: dict) -> None:
    """A chart's one-sentence caption and, with ``data``, its CSV download."""
    st.caption(t(caption_key, **caption_fmt))
    if data is not None:
        csv_download(data, name)


def csv_download(data: pd.DataFrame, name: str) -> None:
    """The download button of a chart's data as ``<name>.csv`` (key ``csv-<name>``); the CSV is
    built only when the button is clicked."""
    st.download_button(
        t("common.download_csv"),
        lambda: data.to_csv(index=False).encode("utf-8"),  # built only when clicked
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv-{name}",
        icon=":material/download:",
    )
