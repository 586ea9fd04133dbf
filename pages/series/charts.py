"""Figures of station 2 (watching a series): belief after each episode, accuracy versus distance
(the timeline grid, shared with station 4, is ``ui.figures.timeline``).

Pure builders: data in, ``go.Figure`` out; every text is passed in already translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.figures.parts import hline, top_title, vline
from ui.figures.timeline import FINAL_COLOR
from ui.shell.theme import MODEL_COLORS, OKABE_ITO

MODEL_ORDER = ("ff", "rnn", "stable_rnn", "lstm", "gru")
# Lines drawn later are thinner, so models that agree (all at 100 %) stay visible as a striped band.
LINE_WIDTH = {"ff": 2.0, "rnn": 8.0, "stable_rnn": 6.5, "lstm": 5.0, "gru": 3.0}
BELIEF_WIDTH = {"ff": 2.0, "rnn": 5.0, "stable_rnn": 4.0, "lstm": 3.5, "gru": 2.5}


def _model_lines(df: pd.DataFrame, x: str, y: str, names: Mapping[str, str], widths: Mapping[str, float],
                 hovertemplate: str, customdata=None) -> list[go.Scatter]:
    """One line per model of ``df`` (columns ``model``, ``x``, ``y``), known models in :data:`MODEL_ORDER`
    first: the feedforward block dashed with markers, the recurrent models solid, each in its colour and
    ``widths`` (so models that agree stay visible). ``customdata(part)`` gives a model's hover data."""
    models = [m for m in MODEL_ORDER if m in set(df["model"])] + [m for m in df["model"].unique() if m not in MODEL_ORDER]
    traces = []
    for model in models:
        part = df[df["model"] == model].sort_values(x)
        traces.append(go.Scatter(
            x=part[x], y=part[y], mode="lines+markers" if model == "ff" else "lines", name=names.get(model, model),
            line={"color": MODEL_COLORS.get(model, "#333333"), "width": widths.get(model, 3.0),
                  "dash": "dash" if model == "ff" else "solid"},
            marker={"size": 5}, hovertemplate=hovertemplate,
            **({"customdata": customdata(part)} if customdata else {}),
        ))
    return traces


def belief_figure(df: pd.DataFrame, names: Mapping[str, str], *, key_index: int, tick_labels: Sequence[str],
                  title: str, x_label: str, y_label: str, key_label: str, final_label: str,
                  chance_label: str, y: str = "p_happy") -> go.Figure:
    """A probability after each episode, one line per model: column ``y`` of ``df`` (``p_happy``, or
    station 2's ``p_right``: the probability of the right answer, 1 − p_happy when the truth is sad).

    ``df``: columns ``step`` (0-based episode index), ``model`` and ``p_happy`` (the model's
    answer if the series ended after that episode, i.e. ``softmax(readout(h_t))[happy]``).
    The key event and the final scene are marked with vertical lines; 50 % is chance.
    """
    fig = go.Figure(data=_model_lines(df, "step", y, names, BELIEF_WIDTH,
                                      "%{customdata}: %{y:.1%}<extra>%{fullData.name}</extra>",
                                      lambda part: [tick_labels[int(s)] for s in part["step"]]))
    last = len(tick_labels) - 1
    box = {"showarrow": False, "bgcolor": "rgba(255,255,255,0.8)"}
    shapes = [vline(key_index, {"color": "#555555", "width": 2, "dash": "dot"}),
              vline(last, {"color": FINAL_COLOR, "width": 2}),
              hline(0.5, {"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1})]
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
        title=top_title(title), shapes=shapes, annotations=notes,
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
              hline(0.5, {"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1.5})]
    notes = [{**box, "x": 1.0, "xref": "paper", "y": 0.5, "text": chance_label, "xanchor": "right",
              "yanchor": "top", "yshift": -2}]
    # legend entry for the shaded band
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=trained_label,
                             marker={"symbol": "square", "size": 14, "color": OKABE_ITO["sky_blue"], "opacity": 0.35}))
    fig.add_traces(_model_lines(df, "distance", "accuracy", names, LINE_WIDTH,
                                "d = %{x}: %{y:.1%}<extra>%{fullData.name}</extra>"))
    # the labels of the vertical lines sit in the empty band below chance
    if window is not None:
        shapes.append(vline(window - 0.5, {"dash": "dot", "color": MODEL_COLORS["ff"], "width": 2}))
        notes.append({**box, "x": window - 0.5, "y": 0.37, "text": window_label, "xanchor": "left", "xshift": 3})
    if current is not None:
        shapes.append(vline(current, {"color": "#111111", "width": 1}))
        notes.append({**box, "x": current, "y": 0.29, "text": current_label, "xshift": 3 if current < 40 else -3,
                      "xanchor": "left" if current < 40 else "right"})
    fig.update_layout(
        title=top_title(title), shapes=shapes, annotations=notes,
        xaxis={"title": {"text": x_label}, "rangemode": "tozero"},
        yaxis={"title": {"text": y_label}, "range": [0.22, 1.03], "tickformat": ".0%"},
    )
    return fig
