"""Figures and tables of the teacher page: a class's quiz answers and its students' Lab races.

Pure builders: data in, ``go.Figure`` / ``DataFrame`` out; texts arrive translated. Race results
come from students' sessions through the class database, so :func:`race_frame` trusts nothing:
numbers must be finite numbers, the task one of the known tasks, anything else is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ui.shell.theme import MODEL_COLORS, OKABE_ITO

CELLS = ("rnn", "lstm", "gru")
SETTINGS = ("task", "length", "steps", "hidden", "lr", "clip", "seed")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def race_frame(races: Sequence[Mapping[str, Any]], tasks: Sequence[str]) -> pd.DataFrame:
    """One row per finished race: student number, settings and each cell's final loss.

    ``races`` is ``ClassStore.results(...)["races"]``; a race whose task is not in ``tasks`` or
    whose length is not a number is left out. ``clip`` None means "no clipping".
    """
    rows = []
    for race in races:
        result = race.get("result") if isinstance(race, Mapping) else None
        if not isinstance(result, Mapping) or result.get("task") not in tasks:
            continue
        length = _number(result.get("length"))
        if length is None:
            continue
        cells = result.get("results") if isinstance(result.get("results"), Mapping) else {}
        row: dict[str, Any] = {"student": int(race.get("student") or 0), "task": result["task"], "length": int(length)}
        for name in ("steps", "hidden", "lr", "clip", "seed"):
            row[name] = _number(result.get(name))
        for cell in CELLS:
            info = cells.get(cell) if isinstance(cells.get(cell), Mapping) else {}
            row[f"loss_{cell}"] = _number(info.get("final_loss"))
        rows.append(row)
    columns = ["student", *SETTINGS, *(f"loss_{c}" for c in CELLS)]
    return pd.DataFrame(rows, columns=columns)


def answers_figure(counts: Sequence[int], labels: Sequence[str], correct: int, *, title: str, x_title: str,
                   correct_label: str) -> go.Figure:
    """Horizontal bars: how many students chose each option; the right option green and marked."""
    colors = [OKABE_ITO["bluish_green"] if i == correct else OKABE_ITO["grey"] for i in range(len(labels))]
    names = [f"{label}  {correct_label}" if i == correct else label for i, label in enumerate(labels)]
    fig = go.Figure(go.Bar(x=list(counts), y=names, orientation="h", marker_color=colors, text=list(counts),
                           textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=x_title, showlegend=False, bargap=0.25)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(rangemode="tozero", dtick=max(1, math.ceil(max(counts, default=1) / 8)))
    return fig


def races_figure(df: pd.DataFrame, *, cell_names: Mapping[str, str], setting_label, title: str, x_title: str,
                 y_title: str) -> go.Figure:
    """Final loss per cell for each group of settings (task, T): one dot per student's race,
    grouped side by side by cell, on a log axis (non-positive or missing losses are left out)."""
    fig = go.Figure()
    groups = df.assign(group=[setting_label(task, length) for task, length in zip(df["task"], df["length"],
                                                                                   strict=True)])
    order = sorted(set(zip(df["task"], df["length"], strict=True)))
    categories = [setting_label(task, length) for task, length in order]
    for cell in CELLS:
        column = groups[groups[f"loss_{cell}"].notna() & (groups[f"loss_{cell}"] > 0)]
        fig.add_trace(go.Box(x=column["group"], y=column[f"loss_{cell}"], name=cell_names[cell],
                             marker_color=MODEL_COLORS[cell], boxpoints="all", jitter=0.4, pointpos=0,
                             line={"width": 1}, fillcolor="rgba(0,0,0,0)", marker={"size": 10},
                             customdata=column["student"],
                             hovertemplate="%{x}<br>" + cell_names[cell] + ": %{y:.3g}<br>#%{customdata}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title, boxmode="group")
    fig.update_yaxes(type="log")
    fig.update_xaxes(categoryorder="array", categoryarray=categories)
    return fig
