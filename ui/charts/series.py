"""Figures of station 2 (watching a series): the timeline grid, belief after each episode,
accuracy versus distance.

Pure builders: data in, ``go.Figure`` out; every text is passed in already translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.theme import HAPPY_COLOR, MODEL_COLORS, OKABE_ITO, SAD_COLOR

ORDINARY_COLOR = "#EEEEEE"
FINAL_COLOR = OKABE_ITO["black"]
# Pale versions of the mood colours for ordinary episodes that carry a mood (realistic series).
PALE = {"sad": "#B3D4EA", "happy": "#F6D9A0"}
MODEL_ORDER = ("ff", "rnn", "stable_rnn", "lstm", "gru")
# Lines drawn later are thinner, so models that agree (all at 100 %) stay visible as a striped band.
LINE_WIDTH = {"ff": 2.0, "rnn": 8.0, "stable_rnn": 6.5, "lstm": 5.0, "gru": 3.0}
BELIEF_WIDTH = {"ff": 2.0, "rnn": 5.0, "stable_rnn": 4.0, "lstm": 3.5, "gru": 2.5}


def _title(text: str) -> dict:
    """Title pinned to the top of the figure, so a legend that wraps onto two lines (phone
    width, long model names) grows into the free space below it instead of over it."""
    return {"text": text, "yref": "container", "y": 0.985, "yanchor": "top"}


def episode_code(index: int, per_season: int) -> str:
    """``S1E3``-style name of the episode at flat position ``index`` (0-based)."""
    return f"S{index // per_season + 1}E{index % per_season + 1}"


def timeline_figure(kinds: Sequence[str], moods: Sequence[str | None], per_season: int, window: int, *,
                    title: str, texts: Mapping[str, str]) -> go.Figure:
    """The series as a grid: one row per season, one tile per episode.

    ``kinds`` are rnn_core episode kinds (``key``, ``ordinary1..3``, ``final``), ``moods`` their
    moods (``sad``/``happy``/None). The key event is drawn in its mood's colour with a star,
    ordinary episodes grey (or pale sad/happy when they carry a mood), the final scene black; a
    dashed frame surrounds the last ``window`` episodes, all that a feedforward model on a fixed
    block sees. Tiles are shapes in data coordinates with a fixed aspect ratio, so the grid
    scales with the figure (phone or projector).

    ``texts`` needs: ``season`` (axis), ``episode`` (axis), ``key_sad``, ``key_happy``,
    ``ordinary``, ``final``, ``window`` (legend names), ``sad``, ``happy`` (mood names).
    """
    n = len(kinds)
    seasons = (n + per_season - 1) // per_season
    fig = go.Figure()
    hover_x, hover_y, hover_text, star_x, star_y = [], [], [], [], []
    used: dict[str, str] = {}
    for i, (kind, mood) in enumerate(zip(kinds, moods, strict=True)):
        x, y = i % per_season + 1, i // per_season + 1
        code = episode_code(i, per_season)
        if kind == "key":
            group = "key_sad" if mood == "sad" else "key_happy"
            color = SAD_COLOR if mood == "sad" else HAPPY_COLOR
            star_x.append(x)
            star_y.append(y)
            label = texts[group]
        elif kind == "final":
            group, color, label = "final", FINAL_COLOR, texts["final"]
        else:
            group = f"ordinary_{mood}" if mood in ("sad", "happy") else "ordinary"
            color = PALE.get(mood or "", ORDINARY_COLOR)
            label = texts["ordinary"] + (f" · {texts[mood]}" if mood in ("sad", "happy") else "")
        used.setdefault(group, color)
        fig.add_shape(type="rect", x0=x - 0.42, x1=x + 0.42, y0=y - 0.4, y1=y + 0.4, fillcolor=color,
                      line={"color": "#777777", "width": 1}, layer="below")
        hover_x.append(x)
        hover_y.append(y)
        hover_text.append(f"{code}: {label}")
    # invisible markers carry the hover text; a star marks the key event
    fig.add_trace(go.Scatter(x=hover_x, y=hover_y, mode="markers", marker={"size": 18, "opacity": 0},
                             hovertext=hover_text, hoverinfo="text", showlegend=False))
    fig.add_trace(go.Scatter(x=star_x, y=star_y, mode="markers", hoverinfo="skip", showlegend=False,
                             marker={"symbol": "star", "size": 14, "color": "#FFFFFF",
                                     "line": {"color": "#333333", "width": 1}}))
    # frame around the feedforward window, one rectangle per season row it touches
    start = max(0, n - window)
    rows: dict[int, list[int]] = {}
    for i in range(start, n):
        rows.setdefault(i // per_season + 1, []).append(i % per_season + 1)
    for y, xs in rows.items():
        fig.add_shape(type="rect", x0=min(xs) - 0.5, x1=max(xs) + 0.5, y0=y - 0.5, y1=y + 0.5,
                      line={"color": MODEL_COLORS["ff"], "width": 3, "dash": "dash"})
    legend_names = {**texts, "ordinary_sad": f"{texts['ordinary']} · {texts['sad']}",
                    "ordinary_happy": f"{texts['ordinary']} · {texts['happy']}"}
    for group in ("key_sad", "key_happy", "ordinary", "ordinary_sad", "ordinary_happy", "final"):
        if group in used:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=legend_names[group],
                                     marker={"symbol": "square", "size": 14, "color": used[group],
                                             "line": {"color": "#777777", "width": 1}}))
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=texts["window"],
                             line={"color": MODEL_COLORS["ff"], "width": 3, "dash": "dash"}))
    fig.update_layout(
        title=_title(title), legend={"font": {"size": 12}},
        xaxis={"title": {"text": texts["episode"]}, "dtick": 1, "range": [0.4, per_season + 0.6],
               "showgrid": False, "zeroline": False, "fixedrange": True, "constrain": "domain"},
        yaxis={"title": {"text": texts["season"]}, "dtick": 1, "range": [seasons + 0.6, 0.4],
               "showgrid": False, "zeroline": False, "fixedrange": True, "scaleanchor": "x",
               "constrain": "domain"},
    )
    return fig


def belief_figure(df: pd.DataFrame, names: Mapping[str, str], *, key_index: int, tick_labels: Sequence[str],
                  title: str, x_label: str, y_label: str, key_label: str, final_label: str,
                  chance_label: str) -> go.Figure:
    """P(happy tears) after each episode, one line per model.

    ``df``: columns ``step`` (0-based episode index), ``model`` and ``p_happy`` (the model's
    answer if the series ended after that episode, i.e. ``softmax(readout(h_t))[happy]``).
    The key event and the final scene are marked with vertical lines; 50 % is chance.
    """
    fig = go.Figure()
    models = [m for m in MODEL_ORDER if m in set(df["model"])] + [m for m in df["model"].unique() if m not in MODEL_ORDER]
    for model in models:
        part = df[df["model"] == model].sort_values("step")
        fig.add_trace(go.Scatter(
            x=part["step"], y=part["p_happy"], mode="lines+markers" if model == "ff" else "lines",
            name=names.get(model, model),
            line={"color": MODEL_COLORS.get(model, "#333333"), "width": BELIEF_WIDTH.get(model, 3.0),
                  "dash": "dash" if model == "ff" else "solid"},
            marker={"size": 5},
            customdata=[tick_labels[int(s)] for s in part["step"]],
            hovertemplate="%{customdata}: %{y:.1%}<extra>%{fullData.name}</extra>",
        ))
    last = len(tick_labels) - 1
    fig.add_vline(x=key_index, line={"color": "#555555", "width": 2, "dash": "dot"})
    fig.add_annotation(x=key_index, y=1.0, yref="paper", text=key_label, showarrow=False, xanchor="left",
                       yanchor="top", xshift=4, bgcolor="rgba(255,255,255,0.8)")
    fig.add_vline(x=last, line={"color": FINAL_COLOR, "width": 2})
    fig.add_annotation(x=last, y=1.0, yref="paper", text=final_label, showarrow=False, xanchor="right",
                       yanchor="top", xshift=-4, bgcolor="rgba(255,255,255,0.8)")
    fig.add_hline(y=0.5, line={"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1})
    fig.add_annotation(x=1.0, xref="paper", y=0.5, text=chance_label, showarrow=False, xanchor="right",
                       yanchor="top", xshift=-40, bgcolor="rgba(255,255,255,0.8)", font={"size": 12})
    step = max(1, int(np.ceil(len(tick_labels) / 12)))
    ticks = list(range(0, len(tick_labels), step))
    if last not in ticks:
        ticks.append(last)
    fig.update_layout(
        title=_title(title), legend={"font": {"size": 12}},
        xaxis={"title": {"text": x_label}, "tickmode": "array", "tickvals": ticks,
               "ticktext": [tick_labels[i] for i in ticks], "range": [-0.5, last + 0.5]},
        yaxis={"title": {"text": y_label}, "range": [-0.03, 1.03], "tickformat": ".0%"},
        hovermode="x unified",
    )
    return fig


def accuracy_distance_figure(df: pd.DataFrame, names: Mapping[str, str], *, trained: tuple[int, int],
                             window: int | None, current: int | None, title: str, x_label: str, y_label: str,
                             trained_label: str, chance_label: str, window_label: str,
                             current_label: str) -> go.Figure:
    """Accuracy of each model against the distance d from the key event to the final scene.

    ``df``: columns ``distance``, ``model``, ``accuracy`` (fraction in [0, 1]). The trained range
    of d is shaded, chance (50 %) is a dotted line, ``window`` (the feedforward block size k) a
    dashed line: with d < k the key event is still inside the block. ``current`` marks the d of
    the user's own timeline.
    """
    fig = go.Figure()
    fig.add_vrect(x0=trained[0] - 0.5, x1=trained[1] + 0.5, fillcolor=OKABE_ITO["sky_blue"], opacity=0.12,
                  line_width=0, layer="below")
    # legend entry for the shaded band
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=trained_label,
                             marker={"symbol": "square", "size": 14, "color": OKABE_ITO["sky_blue"], "opacity": 0.35}))
    models = [m for m in MODEL_ORDER if m in set(df["model"])] + [m for m in df["model"].unique() if m not in MODEL_ORDER]
    for model in models:
        part = df[df["model"] == model].sort_values("distance")
        fig.add_trace(go.Scatter(
            x=part["distance"], y=part["accuracy"], mode="lines+markers" if model == "ff" else "lines",
            name=names.get(model, model),
            line={"color": MODEL_COLORS.get(model, "#333333"), "width": LINE_WIDTH.get(model, 3.0),
                  "dash": "dash" if model == "ff" else "solid"},
            marker={"size": 5},
            hovertemplate="d = %{x}: %{y:.1%}<extra>%{fullData.name}</extra>",
        ))
    fig.add_hline(y=0.5, line={"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1.5})
    fig.add_annotation(x=1.0, xref="paper", y=0.5, text=chance_label, showarrow=False, xanchor="right",
                       yanchor="top", yshift=-2, bgcolor="rgba(255,255,255,0.8)", font={"size": 12})
    # the labels of the vertical lines sit in the empty band below chance
    if window is not None:
        fig.add_vline(x=window - 0.5, line={"dash": "dot", "color": MODEL_COLORS["ff"], "width": 2})
        fig.add_annotation(x=window - 0.5, y=0.37, text=window_label, showarrow=False, xanchor="left", xshift=3,
                           bgcolor="rgba(255,255,255,0.8)", font={"size": 12})
    if current is not None:
        fig.add_vline(x=current, line={"color": "#111111", "width": 1})
        fig.add_annotation(x=current, y=0.29, text=current_label, showarrow=False, xshift=3 if current < 40 else -3,
                           xanchor="left" if current < 40 else "right", bgcolor="rgba(255,255,255,0.8)",
                           font={"size": 12})
    fig.update_layout(
        title=_title(title), legend={"font": {"size": 12}},
        xaxis={"title": {"text": x_label}, "rangemode": "tozero"},
        yaxis={"title": {"text": y_label}, "range": [0.22, 1.03], "tickformat": ".0%"},
    )
    return fig
