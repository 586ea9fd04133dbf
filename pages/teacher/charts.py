"""Figures and tables of the teacher's board: answers to the focused question, students per station,
and the students' Lab races measured against each task's own baseline.

Pure builders: data in, ``go.Figure`` / ``DataFrame`` out; texts arrive translated. Race results
come from students' sessions through the class database, so :func:`race_frame` trusts nothing:
numbers must be finite numbers, the task one of the known tasks, anything else is dropped; the
baseline a race is compared with is the server's own (``rnn_core.race.RACE_TASKS``), never the one
a student sent.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
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


def race_frame(races: Sequence[Mapping[str, Any]], baselines: Mapping[str, float]) -> pd.DataFrame:
    """One row per finished race: student number, settings, each cell's final loss and that loss
    divided by the task's memoryless baseline (``ratio_<cell>``: 1 = no better than a network that
    remembers nothing; below 1 = learned something).

    ``races`` is ``ClassStore.results(...)["races"]``; ``baselines`` maps each known task to its
    baseline loss. A race whose task is not in ``baselines`` or whose length is not a number is left
    out. ``clip`` None means "no clipping".
    """
    rows = []
    for race in races:
        result = race.get("result") if isinstance(race, Mapping) else None
        if not isinstance(result, Mapping) or result.get("task") not in baselines:
            continue
        length = _number(result.get("length"))
        if length is None:
            continue
        student = _number(race.get("student"))
        row: dict[str, Any] = {"student": int(student or 0), "task": result["task"], "length": int(length)}
        for name in ("steps", "hidden", "lr", "clip", "seed"):
            row[name] = _number(result.get(name))
        cells = result.get("results") if isinstance(result.get("results"), Mapping) else {}
        baseline = float(baselines[result["task"]])
        for cell in CELLS:
            info = cells.get(cell) if isinstance(cells.get(cell), Mapping) else {}
            loss = _number(info.get("final_loss"))
            row[f"loss_{cell}"] = loss
            row[f"ratio_{cell}"] = loss / baseline if loss is not None and loss >= 0 and baseline > 0 else None
        rows.append(row)
    columns = ["student", *SETTINGS, *(f"loss_{c}" for c in CELLS), *(f"ratio_{c}" for c in CELLS)]
    return pd.DataFrame(rows, columns=columns)


def answers_figure(counts: Sequence[int], labels: Sequence[str], correct: int, *, mark: bool, title: str,
                   x_title: str, correct_label: str) -> go.Figure:
    """Horizontal bars: how many students chose each option (labelled with the count).

    ``mark``: the right option is green and labelled ``correct_label``; before that (not revealed,
    or nobody answered yet) every bar has the same colour and nothing tells which one is right."""
    if mark:
        colors = [OKABE_ITO["bluish_green"] if i == correct else OKABE_ITO["grey"] for i in range(len(labels))]
        names = [f"{label}  <b>{correct_label}</b>" if i == correct else label for i, label in enumerate(labels)]
    else:
        colors, names = [OKABE_ITO["blue"]] * len(labels), list(labels)
    fig = go.Figure(go.Bar(x=list(counts), y=names, orientation="h", marker_color=colors, text=list(counts),
                           textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=x_title, showlegend=False, bargap=0.3)
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = max(counts, default=0)
    fig.update_xaxes(range=[0, max(1, top) * 1.15], dtick=max(1, math.ceil(max(top, 1) / 6)), rangemode="tozero")
    return fig


def stations_figure(names: Sequence[str], counts: Sequence[int], *, title: str, x_title: str) -> go.Figure:
    """Horizontal bars: how many joined students are on each station now (journey order, top down)."""
    fig = go.Figure(go.Bar(x=list(counts), y=list(names), orientation="h", marker_color=OKABE_ITO["sky_blue"],
                           text=list(counts), textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=x_title, showlegend=False, bargap=0.3)
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = max(counts, default=0)
    fig.update_xaxes(range=[0, max(1, top) * 1.15], dtick=max(1, math.ceil(max(top, 1) / 6)))
    return fig


def decade_ticks(values: Sequence[float], label: Callable[[float], str]) -> tuple[list[float], list[str]]:
    """Tick positions at whole powers of ten covering ``values`` (and 1, the baseline) and their labels
    (plain text from ``label``: no SI prefixes such as "100μ" on a ratio axis)."""
    finite = [v for v in values if v is not None and v > 0 and math.isfinite(v)] + [1.0]
    lo, hi = math.floor(math.log10(min(finite)) + 0.05), math.ceil(math.log10(max(finite)) - 0.05)  # 1.02 → 10⁰
    step = max(1, math.ceil((hi - lo) / 8))
    ticks = [10.0 ** e for e in range(lo, hi + 1, step)]
    if 1.0 not in ticks:
        ticks = sorted([*ticks, 1.0])
    return ticks, [label(v) for v in ticks]


def races_figure(df: pd.DataFrame, *, cell_names: Mapping[str, str], setting_label: Callable[[str, int], str],
                 title: str, x_title: str, y_title: str, baseline_name: str,
                 tick_label: Callable[[float], str]) -> go.Figure:
    """Each cell's final loss ÷ its task's baseline, per group of settings (task, T): one dot per
    student's race, grouped by cell, on a log axis with the baseline (ratio 1) drawn as a dashed line.
    Tasks with different losses (MSE, cross-entropy) share the axis because each is divided by its own
    memoryless baseline."""
    fig = go.Figure()
    groups = df.assign(group=[setting_label(task, length) for task, length in zip(df["task"], df["length"],
                                                                                   strict=True)])
    order = sorted(set(zip(df["task"], df["length"], strict=True)))
    categories = [setting_label(task, length) for task, length in order]
    shown: list[float] = []
    for cell in CELLS:
        column = groups[groups[f"ratio_{cell}"].notna() & (groups[f"ratio_{cell}"] > 0)]
        shown.extend(float(v) for v in column[f"ratio_{cell}"])
        fig.add_trace(go.Box(x=column["group"], y=column[f"ratio_{cell}"], name=cell_names[cell],
                             marker_color=MODEL_COLORS[cell], boxpoints="all", jitter=0.4, pointpos=0,
                             line={"width": 1}, fillcolor="rgba(0,0,0,0)", marker={"size": 10},
                             customdata=column["student"],
                             hovertemplate="%{x}<br>" + cell_names[cell] + ": %{y:.3g}<br>#%{customdata}<extra></extra>"))
    fig.add_hline(y=1.0, line={"color": MODEL_COLORS["baseline"], "dash": "dash", "width": 2},
                  annotation_text=baseline_name, annotation_position="top left")
    ticks, texts = decade_ticks(shown, tick_label)
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title, boxmode="group")
    fig.update_yaxes(type="log", tickvals=ticks, ticktext=texts,
                     range=[math.log10(min(ticks)) - 0.2, math.log10(max(ticks)) + 0.2])
    fig.update_xaxes(categoryorder="array", categoryarray=categories)
    return fig
