"""The TV series as a seasons × episodes grid (stations 2 and 4 show it under the timeline editor).

A pure builder: episode kinds and moods in, ``go.Figure`` out; every text is passed in already
translated. ``ui.widgets.timeline`` styles it for a language and presenter mode.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from ui.figures.parts import top_title
from ui.shell.theme import HAPPY_COLOR, MODEL_COLORS, OKABE_ITO, SAD_COLOR

ORDINARY_COLOR = "#EEEEEE"
FINAL_COLOR = OKABE_ITO["black"]
# Pale versions of the mood colours for ordinary episodes that carry a mood (realistic series).
PALE = {"sad": "#B3D4EA", "happy": "#F6D9A0"}


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
        "title": top_title(title), "shapes": frames,
        "xaxis": {"title": {"text": texts["episode"]}, "dtick": 1, "range": [0.4, per_season + 0.6],
                  "showgrid": False, "zeroline": False, "fixedrange": True, "constrain": "domain"},
        "yaxis": {"title": {"text": texts["season"]}, "dtick": 1, "range": [seasons + 0.6, 0.4],
                  "showgrid": False, "zeroline": False, "fixedrange": True, "scaleanchor": "x",
                  "constrain": "domain"},
        "plot_bgcolor": "#FFFFFF",
    })
