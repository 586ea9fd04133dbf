"""Small layout pieces shared by the stations' figures (pure: dicts in, dicts or the same figure out)."""

from __future__ import annotations

import math

import plotly.graph_objects as go


def top_title(text: str) -> dict:
    """Title pinned to the top of the figure, so a legend that wraps onto two lines (phone
    width, long model names) grows into the free space below it instead of over it."""
    return {"text": text, "yref": "container", "y": 0.985, "yanchor": "top"}


def vline(x: float, line: dict) -> dict:
    """A vertical line shape at data ``x``, across the whole plot height."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}


def hline(y: float, line: dict) -> dict:
    """A horizontal line shape at data ``y``, across the whole plot width."""
    return {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y, "line": line}


def legend_room(fig: go.Figure, present: bool) -> go.Figure:
    """In presenter mode the legend's large type wraps to several rows above the plot: give the
    figure the top margin (and height) those rows need, so the legend does not run into the title.
    Call it after ``ui.shell.theme.style_figure``, on a figure this session built (it updates it).

    Rows: ``⌈entries / 3⌉`` (three entries fit a row at presenter size); each extra row adds 34 px."""
    if not present:
        return fig
    entries = sum(1 for tr in fig.data if tr.showlegend is not False and tr.name)
    entries += sum(1 for sh in fig.layout.shapes if sh.showlegend)
    rows = max(1, math.ceil(entries / 3))
    if rows > 1:
        fig.update_layout(margin={"t": 110 + 34 * (rows - 1)}, height=(fig.layout.height or 580) + 34 * (rows - 1))
    return fig
