"""Figures of station 2 (watching a series): the timeline grid, belief after each episode,
accuracy versus distance.

Pure builders: data in, ``go.Figure`` out; every text is passed in already translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.shell.theme import HAPPY_COLOR, MODEL_COLORS, OKABE_ITO, SAD_COLOR

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


def _vline(x: float, line: dict) -> dict:
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}


def _hline(y: float, line: dict) -> dict:
    return {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y, "line": line}


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
    block sees. The tiles are one heatmap with a stepped colour scale and a fixed aspect ratio,
    so the grid scales with the figure (phone or projector) and a 200-episode series stays cheap.

    ``texts`` needs: ``season`` (axis), ``episode`` (axis), ``key_sad``, ``key_happy``,
    ``ordinary``, ``final``, ``window`` (legend names), ``sad``, ``happy`` (mood names).
    """
    n = len(kinds)
    seasons = (n + per_season - 1) // per_season
    groups = ("ordinary", "ordinary_sad", "ordinary_happy", "key_sad", "key_happy", "final")
    colors = (ORDINARY_COLOR, PALE["sad"], PALE["happy"], SAD_COLOR, HAPPY_COLOR, FINAL_COLOR)
    names = {**texts, "ordinary_sad": f"{texts['ordinary']} · {texts['sad']}",
             "ordinary_happy": f"{texts['ordinary']} · {texts['happy']}"}
    z: list[list[float | None]] = [[None] * per_season for _ in range(seasons)]
    glyph = [[""] * per_season for _ in range(seasons)]
    hover = [[""] * per_season for _ in range(seasons)]
    used: list[str] = []
    for i, (kind, mood) in enumerate(zip(kinds, moods, strict=True)):
        row, col = divmod(i, per_season)
        if kind == "key":
            group = f"key_{mood}"
            glyph[row][col] = "★"
        elif kind == "final":
            group = "final"
        else:
            group = f"ordinary_{mood}" if mood in ("sad", "happy") else "ordinary"
        z[row][col] = groups.index(group)
        hover[row][col] = f"{episode_code(i, per_season)}: {names[group]}"
        if group not in used:
            used.append(group)
    # stepped scale: value k in [k - 0.5, k + 0.5] gets colours[k]
    scale = []
    for k, color in enumerate(colors):
        scale += [[k / len(colors), color], [(k + 1) / len(colors), color]]
    traces: list[go.BaseTraceType] = [go.Heatmap(
        z=z, x=list(range(1, per_season + 1)), y=list(range(1, seasons + 1)), colorscale=scale,
        zmin=-0.5, zmax=len(colors) - 0.5, showscale=False, xgap=3, ygap=3, text=glyph,
        texttemplate="%{text}", textfont={"color": "#FFFFFF", "size": 16}, customdata=hover,
        hovertemplate="%{customdata}<extra></extra>", hoverongaps=False,
    )]
    legend_order = ("key_sad", "key_happy", "ordinary", "ordinary_sad", "ordinary_happy", "final")
    for group in sorted(used, key=legend_order.index):
        traces.append(go.Scatter(x=[None], y=[None], mode="markers", name=names[group],
                                 marker={"symbol": "square", "size": 14, "color": colors[groups.index(group)],
                                         "line": {"color": "#777777", "width": 1}}))
    traces.append(go.Scatter(x=[None], y=[None], mode="lines", name=texts["window"],
                             line={"color": MODEL_COLORS["ff"], "width": 3, "dash": "dash"}))
    # frame around the feedforward window, one rectangle per season row it touches
    rows: dict[int, list[int]] = {}
    for i in range(max(0, n - window), n):
        rows.setdefault(i // per_season + 1, []).append(i % per_season + 1)
    frames = [{"type": "rect", "x0": min(xs) - 0.5, "x1": max(xs) + 0.5, "y0": y - 0.5, "y1": y + 0.5,
               "line": {"color": MODEL_COLORS["ff"], "width": 3, "dash": "dash"}} for y, xs in rows.items()]
    return go.Figure(data=traces, layout={
        "title": _title(title), "shapes": frames,
        "xaxis": {"title": {"text": texts["episode"]}, "dtick": 1, "range": [0.4, per_season + 0.6],
                  "showgrid": False, "zeroline": False, "fixedrange": True, "constrain": "domain"},
        "yaxis": {"title": {"text": texts["season"]}, "dtick": 1, "range": [seasons + 0.6, 0.4],
                  "showgrid": False, "zeroline": False, "fixedrange": True, "scaleanchor": "x",
                  "constrain": "domain"},
        "plot_bgcolor": "#FFFFFF",
    })


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
    box = {"showarrow": False, "bgcolor": "rgba(255,255,255,0.8)"}
    shapes = [_vline(key_index, {"color": "#555555", "width": 2, "dash": "dot"}),
              _vline(last, {"color": FINAL_COLOR, "width": 2}),
              _hline(0.5, {"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1})]
    notes = [{**box, "x": key_index, "y": 1.0, "yref": "paper", "text": key_label, "xanchor": "left",
              "yanchor": "top", "xshift": 4},
             {**box, "x": last, "y": 1.0, "yref": "paper", "text": final_label, "xanchor": "right",
              "yanchor": "top", "xshift": -4},
             {**box, "x": 1.0, "xref": "paper", "y": 0.5, "text": chance_label, "xanchor": "right",
              "yanchor": "top", "xshift": -40}]
    step = max(1, int(np.ceil(len(tick_labels) / 12)))
    ticks = list(range(0, len(tick_labels), step))
    if last not in ticks:
        ticks.append(last)
    fig.update_layout(
        title=_title(title), shapes=shapes, annotations=notes,
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
    box = {"showarrow": False, "bgcolor": "rgba(255,255,255,0.8)"}
    shapes = [{"type": "rect", "xref": "x", "yref": "paper", "x0": trained[0] - 0.5, "x1": trained[1] + 0.5,
               "y0": 0, "y1": 1, "fillcolor": OKABE_ITO["sky_blue"], "opacity": 0.12, "line": {"width": 0},
               "layer": "below"},
              _hline(0.5, {"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1.5})]
    notes = [{**box, "x": 1.0, "xref": "paper", "y": 0.5, "text": chance_label, "xanchor": "right",
              "yanchor": "top", "yshift": -2}]
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
    # the labels of the vertical lines sit in the empty band below chance
    if window is not None:
        shapes.append(_vline(window - 0.5, {"dash": "dot", "color": MODEL_COLORS["ff"], "width": 2}))
        notes.append({**box, "x": window - 0.5, "y": 0.37, "text": window_label, "xanchor": "left", "xshift": 3})
    if current is not None:
        shapes.append(_vline(current, {"color": "#111111", "width": 1}))
        notes.append({**box, "x": current, "y": 0.29, "text": current_label, "xshift": 3 if current < 40 else -3,
                      "xanchor": "left" if current < 40 else "right"})
    fig.update_layout(
        title=_title(title), shapes=shapes, annotations=notes,
        xaxis={"title": {"text": x_label}, "rangemode": "tozero"},
        yaxis={"title": {"text": y_label}, "range": [0.22, 1.03], "tickformat": ".0%"},
    )
    return fig
