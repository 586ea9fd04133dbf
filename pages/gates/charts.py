"""Figures and numbers of station 4 (gates: LSTM & GRU).

Pure functions: arrays in, ``go.Figure`` / ``pd.DataFrame`` / plain numbers out; every word is
passed in already translated (a ``texts`` mapping), nothing here imports Streamlit.

The analysis behind them (memory unit, d′, unit facts) lives in ``rnn_core.memory_units``;
numbers are written by ``ui.shell.numbers``.

* Builders: gate heatmaps (units × episodes), the memory unit's gates and state as lines, the
  latch training curve, accuracy by forget-gate bias, ‖∂L/∂c_t‖ by distance (log y), and the
  measured cost of LSTM and GRU.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pages.gates.diagrams import GATE_COLORS
from ui.figures.parts import typed_array
from ui.shell import numbers
from ui.shell.theme import DIVERGING, HAPPY_COLOR, MODEL_COLORS, OKABE_ITO, SAD_COLOR, SEQUENTIAL

KEY_COLOR = OKABE_ITO["black"]
FINAL_COLOR = OKABE_ITO["vermillion"]
CHANCE_COLOR = OKABE_ITO["grey"]
# The episode strip: one tile per episode, coloured by what it is (key event in its mood's colour).
STRIP_GROUPS = ("ordinary", "ordinary_sad", "ordinary_happy", "key_sad", "key_happy", "final")
STRIP_COLORS = ("#D9D9D9", "#A9CCE3", "#F5D48A", SAD_COLOR, HAPPY_COLOR, "#000000")


# --------------------------------------------------------------------------- heatmaps


@dataclass(frozen=True)
class Panel:
    """One heatmap row of :func:`heatmaps_figure`: ``values`` ``[H, T]``.

    ``signed=False``: a gate, drawn on the shared [0, 1] scale. ``signed=True``: its own
    diverging scale, symmetric around 0 up to ``max |values|``, or up to ``limit`` if that is
    smaller (colours saturate beyond it; the hover still shows the exact value).
    """

    name: str
    values: np.ndarray
    signed: bool = False
    limit: float | None = None


def heatmaps_frame(panels: Sequence[Panel]) -> pd.DataFrame:
    """Long format: panel, unit, episode (1-based), value."""
    frames = []
    for p in panels:
        v = np.asarray(p.values, dtype=np.float64)
        units, steps = np.meshgrid(np.arange(v.shape[0]), np.arange(1, v.shape[1] + 1), indexing="ij")
        frames.append(pd.DataFrame({"panel": p.name, "unit": units.ravel(), "episode": steps.ravel(),
                                    "value": v.ravel()}))
    return pd.concat(frames, ignore_index=True)


def _marks(fig: go.Figure, key: int, final: int, texts: Mapping[str, str], *, legend: bool = False) -> None:
    """Dashed vertical lines at the key event and the final scene (episodes are 1-based on the axis),
    named by a label above the plot, or (``legend=True``, when the figure has a legend up there) by
    two legend entries."""
    for x, color, label in ((key + 1, KEY_COLOR, texts["key"]), (final + 1, FINAL_COLOR, texts["final"])):
        fig.add_vline(x=x, line={"color": color, "width": 1.5, "dash": "dash"}, row="all", col=1)
        if legend:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=label, hoverinfo="skip",
                                     line={"color": color, "width": 1.5, "dash": "dash"}))
        else:
            fig.add_annotation(x=x, y=1.0, xref="x", yref="paper", yanchor="bottom", text=label, showarrow=False,
                               font={"size": 12, "color": color}, bgcolor="rgba(255,255,255,0.8)")


@dataclass(frozen=True)
class Strip:
    """The episodes of the timeline for the strip above the charts.

    ``kinds``: rnn_core episode kinds (``key``, ``ordinary1..3``, ``final``); ``moods``: ``sad``,
    ``happy`` or None; ``codes``: ``S1E2``-style names; ``names``: group → translated label
    (:data:`STRIP_GROUPS`) plus ``label``, the row's name.
    """

    kinds: Sequence[str]
    moods: Sequence[str | None]
    codes: Sequence[str]
    names: Mapping[str, str]


def strip_groups(kinds: Sequence[str], moods: Sequence[str | None]) -> list[str]:
    """The :data:`STRIP_GROUPS` entry of every episode."""
    out = []
    for kind, mood in zip(kinds, moods, strict=True):
        if kind == "final":
            out.append("final")
        elif kind == "key":
            out.append(f"key_{mood}")
        else:
            out.append(f"ordinary_{mood}" if mood in ("sad", "happy") else "ordinary")
    return out


def _add_strip(fig: go.Figure, strip: Strip, row: int) -> None:
    """A 1 × T row of tiles in discrete colours (no colour bar; the hover names each tile)."""
    groups = strip_groups(strip.kinds, strip.moods)
    n = len(STRIP_GROUPS)
    scale = []
    for i, color in enumerate(STRIP_COLORS):
        scale += [[i / n, color], [(i + 1) / n, color]]
    z = [[STRIP_GROUPS.index(g) + 0.5 for g in groups]]
    hover = [[f"{code} · {strip.names[g]}" for code, g in zip(strip.codes, groups, strict=True)]]
    fig.add_trace(go.Heatmap(z=z, x=np.arange(1, len(groups) + 1), y=[0], zmin=0, zmax=n, colorscale=scale,
                             showscale=False, text=hover, hoverinfo="text", xgap=1, name=""), row=row, col=1)
    fig.update_yaxes(tickvals=[0], ticktext=[strip.names.get("label", "")], showgrid=False, zeroline=False,
                     fixedrange=True, row=row, col=1)


def heatmaps_figure(panels: Sequence[Panel], *, key: int, memory_unit: int, texts: Mapping[str, str],
                    strip: Strip | None = None) -> go.Figure:
    """Stacked heatmaps (units × episodes), one per panel, sharing the episode axis.

    Gates use the sequential scale on [0, 1] (white = closed, blue = open); signed panels
    (candidate, cell or hidden state) a diverging scale symmetric around 0. The memory unit is
    framed in every panel; the key event and the final scene are dashed lines.
    ``texts``: title, x_title, y_title, gate_colorbar, signed_colorbar, key, final, memory, hover.
    """
    first = 2 if strip is not None else 1  # row of the first panel
    n = len(panels) + first - 1
    heights = ([0.25] if strip is not None else []) + [1.0] * len(panels)
    fig = make_subplots(rows=n, cols=1, shared_xaxes=True, vertical_spacing=0.045 if n > 3 else 0.08,
                        row_heights=heights,
                        subplot_titles=([""] if strip is not None else []) + [p.name for p in panels])
    if strip is not None:
        _add_strip(fig, strip, 1)
    steps = np.arange(1, np.asarray(panels[0].values).shape[1] + 1)
    axes: list[str] = []  # coloraxis of each panel: the gates share one, every signed panel has its own
    for p in panels:
        axes.append(f"coloraxis{len([a for a in axes if a != 'coloraxis']) + 2}" if p.signed else "coloraxis")
    for row, (p, axis) in enumerate(zip(panels, axes, strict=True), start=first):
        v = np.asarray(p.values, dtype=np.float64)
        fig.add_trace(go.Heatmap(  # float32 z: half the bytes, and the hover prints 3 decimals
            z=typed_array(v, "f4"), x=steps, y=np.arange(v.shape[0]), coloraxis=axis, name=p.name,
            hovertemplate=f"{p.name}<br>{texts['hover']}<extra></extra>",
        ), row=row, col=1)
        fig.update_yaxes(title={"text": texts["y_title"], "font": {"size": 11}}, row=row, col=1,
                         autorange="reversed", showgrid=False, zeroline=False)
        fig.add_hrect(y0=memory_unit - 0.5, y1=memory_unit + 0.5, row=row, col=1,
                      line={"color": OKABE_ITO["black"], "width": 1.5}, fillcolor="rgba(0,0,0,0)")
    final = len(steps) - 1
    _marks(fig, key, final, texts)
    fig.add_annotation(x=1.0, xref="paper", xanchor="left", y=memory_unit, yref=f"y{'' if first == 1 else first}",
                       text=texts["memory"], showarrow=False, font={"size": 11})

    def bar_place(rows: list[int]) -> dict:
        domains = [fig.layout[f"yaxis{'' if r == 0 else r + 1}"].domain for r in rows]
        lo, hi = min(d[0] for d in domains), max(d[1] for d in domains)
        return {"y": (lo + hi) / 2, "len": (hi - lo), "yanchor": "middle", "x": 1.09, "thickness": 14}

    gate_rows = [i + first - 1 for i, a in enumerate(axes) if a == "coloraxis"]
    layout: dict = {"coloraxis": {"colorscale": SEQUENTIAL, "cmin": 0.0, "cmax": 1.0,
                                  "colorbar": {"title": {"text": texts["gate_colorbar"], "side": "right"},
                                               **(bar_place(gate_rows) if gate_rows else {})}}}
    for i, (p, axis) in enumerate(zip(panels, axes, strict=True)):
        if not p.signed:
            continue
        top = float(np.nanmax(np.abs(p.values))) if np.size(p.values) else 1.0
        top = max(top, 1e-6)
        title = texts["signed_colorbar"]
        if p.limit is not None and top > p.limit:
            top, title = float(p.limit), texts["clipped_colorbar"].format(limit=f"{p.limit:g}")
        layout[axis] = {"colorscale": DIVERGING, "cmin": -top, "cmax": top,
                        "colorbar": {"title": {"text": title, "side": "right"}, **bar_place([i + first - 1])}}
    fig.update_layout(title={"text": texts["title"]}, showlegend=False, **layout)
    fig.update_xaxes(range=[0.5, len(steps) + 0.5])  # annotations would otherwise widen the autorange
    fig.update_xaxes(title={"text": texts["x_title"]}, row=n, col=1)
    return fig


# --------------------------------------------------------------------------- the memory unit


def unit_frame(lines: Mapping[str, Sequence[float]], state: Mapping[str, Sequence[float]], codes: Sequence[str]) -> pd.DataFrame:
    """One row per episode: episode number and code, every gate line and the state lines."""
    return pd.DataFrame({"episode": np.arange(1, len(codes) + 1), "code": list(codes),
                         **{k: np.asarray(v, dtype=np.float64) for k, v in {**lines, **state}.items()}})


def unit_figure(lines: Sequence[tuple[str, Sequence[float], str]], states: Sequence[tuple[str, Sequence[float], str, str]],
                *, key: int, codes: Sequence[str], texts: Mapping[str, str], strip: Strip | None = None) -> go.Figure:
    """The memory unit along the timeline: gates (top, [0, 1]) and state (bottom, signed).

    ``lines`` = (legend name, values, colour) for gates; ``states`` = (name, values, colour, dash);
    ``strip``: the episodes as a row of tiles on top. ``texts``: title, x_title, gate_y, state_y,
    key, final.
    """
    top = 2 if strip is not None else 1
    fig = make_subplots(rows=top + 1, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=([0.07] if strip is not None else []) + [0.52, 0.41])
    if strip is not None:
        _add_strip(fig, strip, 1)
    steps = np.arange(1, len(codes) + 1)
    for name, values, color in lines:
        fig.add_trace(go.Scatter(x=steps, y=np.asarray(values, dtype=np.float64), name=name, mode="lines+markers",
                                 line={"color": color, "width": 2.5}, marker={"size": 5}, customdata=list(codes),
                                 hovertemplate=f"{name}<br>%{{customdata}}: %{{y:.3f}}<extra></extra>"), row=top, col=1)
    for name, values, color, dash in states:
        fig.add_trace(go.Scatter(x=steps, y=np.asarray(values, dtype=np.float64), name=name, mode="lines+markers",
                                 line={"color": color, "width": 3, "dash": dash}, marker={"size": 5},
                                 customdata=list(codes),
                                 hovertemplate=f"{name}<br>%{{customdata}}: %{{y:.3f}}<extra></extra>"), row=top + 1, col=1)
    fig.add_hline(y=0, line={"color": "#999999", "width": 1}, row=top + 1, col=1)
    _marks(fig, key, len(codes) - 1, texts, legend=True)
    fig.update_xaxes(range=[0.5, len(codes) + 0.5])
    fig.update_yaxes(title={"text": texts["gate_y"]}, range=[-0.03, 1.03], row=top, col=1)
    fig.update_yaxes(title={"text": texts["state_y"]}, row=top + 1, col=1)
    fig.update_xaxes(title={"text": texts["x_title"]}, row=top + 1, col=1)
    fig.update_layout(title={"text": texts["title"]}, hovermode="x unified")
    return fig


# --------------------------------------------------------------------------- forget-gate bias: the latch


def smooth(values: Sequence[float], window: int = 20) -> np.ndarray:
    """Trailing mean over ``window`` steps (shorter at the start), like ``rnn_core.training.smoothed``."""
    v = np.asarray(values, dtype=np.float64)
    if not v.size:
        return v
    c = np.cumsum(v)
    out = c.copy()
    out[window:] = c[window:] - c[:-window]
    return out / np.minimum(np.arange(1, v.size + 1), window)


def latch_frame(accuracies: Sequence[float], losses: Sequence[float]) -> pd.DataFrame:
    return pd.DataFrame({"step": np.arange(1, len(losses) + 1), "loss": np.asarray(losses, dtype=np.float64),
                         "batch_accuracy": np.asarray(accuracies, dtype=np.float64),
                         "accuracy_trailing20": smooth(accuracies)})


def latch_figure(accuracies: Sequence[float], *, solved_at: int | None, texts: Mapping[str, str],
                 color: str = MODEL_COLORS["lstm"]) -> go.Figure:
    """Training-batch accuracy per step (faint) and its trailing-20 mean, with chance (1/2).

    ``texts``: title, x_title, y_title, batch, trailing, chance, solved (with ``{step}``).
    """
    acc = np.asarray(accuracies, dtype=np.float64)
    steps = np.arange(1, acc.size + 1)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=steps, y=acc, name=texts["batch"], mode="lines",
                             line={"color": color, "width": 1}, opacity=0.35))
    fig.add_trace(go.Scatter(x=steps, y=smooth(acc), name=texts["trailing"], mode="lines",
                             line={"color": color, "width": 3}))
    fig.add_hline(y=0.5, line={"color": CHANCE_COLOR, "dash": "dot", "width": 2},
                  annotation={"text": texts["chance"], "font": {"color": "#555555"}},
                  annotation_position="bottom right")
    if solved_at is not None:
        fig.add_vline(x=solved_at, line={"color": OKABE_ITO["bluish_green"], "dash": "dash", "width": 2},
                      annotation={"text": texts["solved"].format(step=solved_at)}, annotation_position="top left")
    fig.update_layout(title={"text": texts["title"]}, xaxis={"title": {"text": texts["x_title"]}},
                      yaxis={"title": {"text": texts["y_title"]}, "range": [0.3, 1.05], "tickformat": ".0%"})
    return fig


def tried_frame(tried: Mapping[float, Mapping[str, float | int | None]]) -> pd.DataFrame:
    rows = [{"forget_bias": float(b), **dict(v)} for b, v in sorted(tried.items())]
    return pd.DataFrame(rows)


def tried_figure(tried: Mapping[float, Mapping[str, float | int | None]], current: float, *,
                 texts: Mapping[str, str]) -> go.Figure:
    """Final accuracy of every forget-gate bias tried in this session (the current one ringed).

    ``tried``: b_f → {"accuracy": …, "solved_at": …}. ``texts``: title, x_title, y_title, chance, hover.
    """
    biases = np.array(sorted(tried), dtype=np.float64)
    acc = np.array([float(tried[b]["accuracy"]) for b in sorted(tried)], dtype=np.float64)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=biases, y=acc, mode="lines+markers", name=texts["y_title"],
                             line={"color": MODEL_COLORS["lstm"], "width": 2}, marker={"size": 10},
                             hovertemplate=texts["hover"] + "<extra></extra>"))
    if float(current) in tried:
        fig.add_trace(go.Scatter(x=[float(current)], y=[float(tried[float(current)]["accuracy"])], mode="markers",
                                 name=texts["current"], hoverinfo="skip",
                                 marker={"size": 20, "color": "rgba(0,0,0,0)",
                                         "line": {"color": OKABE_ITO["black"], "width": 2}}))
    fig.add_hline(y=0.5, line={"color": CHANCE_COLOR, "dash": "dot", "width": 2},
                  annotation={"text": texts["chance"], "font": {"color": "#555555"}},
                  annotation_position="bottom right")
    fig.update_layout(title={"text": texts["title"]},
                      xaxis={"title": {"text": texts["x_title"]}, "range": [-0.15, 3.15], "dtick": 0.5},
                      yaxis={"title": {"text": texts["y_title"]}, "range": [0.3, 1.05], "tickformat": ".0%"},
                      showlegend=False)
    return fig


def cell_grad_frame(distance: Sequence[int], curves: Mapping[float, Sequence[float]]) -> pd.DataFrame:
    df = pd.DataFrame({"distance": np.asarray(distance, dtype=int),
                       **{f"b_f={b:g}": np.asarray(v, dtype=np.float64) for b, v in curves.items()}})
    return df.sort_values("distance").reset_index(drop=True)


def bias_text(b: float, lang: str = "en") -> str:
    """``0.25`` / ``0,25`` (Portuguese), no trailing zeros (:func:`ui.shell.numbers.setting`)."""
    return numbers.setting(b, lang)


def cell_grad_figure(distance: Sequence[int], curves: Mapping[float, Sequence[float]], current: float, *,
                     texts: Mapping[str, str], lang: str = "en") -> go.Figure:
    """‖∂L/∂c_t‖ by distance on a log axis, one line per forget-gate bias, the current one bold.

    Values that underflowed to 0 are left out of the line (a log axis cannot show them).
    ``texts``: title, x_title, y_title, name (with ``{b}``).
    """
    d = np.asarray(distance, dtype=np.float64)
    order = np.argsort(d)
    fig = go.Figure()
    shades = [OKABE_ITO["grey"], OKABE_ITO["sky_blue"], OKABE_ITO["reddish_purple"], OKABE_ITO["orange"]]
    for index, (b, values) in enumerate(sorted(curves.items())):
        y = np.asarray(values, dtype=np.float64)[order]
        y = np.where(np.isfinite(y) & (y > 0), y, np.nan)
        bold = float(b) == float(current)
        fig.add_trace(go.Scatter(
            x=d[order], y=y, mode="lines", name=texts["name"].format(b=bias_text(b, lang)),
            line={"color": MODEL_COLORS["lstm"] if bold else shades[index % len(shades)],
                  "width": 4 if bold else 2, "dash": "solid" if bold else "dot"},
            hovertemplate=texts["name"].format(b=bias_text(b, lang)) + "<br>%{x}: %{y:.3g}<extra></extra>",
        ))
    fig.update_layout(title={"text": texts["title"]}, xaxis={"title": {"text": texts["x_title"]}},
                      yaxis={"title": {"text": texts["y_title"]}, "type": "log", "exponentformat": "power"})
    return fig


# --------------------------------------------------------------------------- cost


def cost_frame(us: Mapping[str, Mapping[str, float]], params: Mapping[str, int]) -> pd.DataFrame:
    """One row per (cell, mode): microseconds per step; plus the parameter count of the cell."""
    return pd.DataFrame([{"cell": kind, "mode": mode, "us_per_step": float(v), "params": int(params[kind])}
                         for kind, modes in us.items() for mode, v in modes.items()])


def cost_figure(us: Mapping[str, Mapping[str, float]], *, mode_names: Mapping[str, str],
                cell_names: Mapping[str, str], texts: Mapping[str, str], lang: str = "en") -> go.Figure:
    """Grouped bars: microseconds per time step for each way of running each cell (log y).

    ``us``: cell → mode → µs per step; ``texts``: title, x_title, y_title.
    """
    fig = go.Figure()
    modes = list(mode_names)
    for kind, values in us.items():
        y = [float(values[m]) for m in modes]
        labels = [numbers.bar_label(v, lang) for v in y]
        fig.add_trace(go.Bar(x=[mode_names[m] for m in modes], y=y, name=cell_names[kind], text=labels,
                             textposition="outside", marker={"color": MODEL_COLORS.get(kind, OKABE_ITO["grey"])},
                             textfont={"size": 12},
                             hovertemplate=f"{cell_names[kind]}<br>%{{x}}: %{{text}} µs<extra></extra>"))
    top = max(float(v) for values in us.values() for v in values.values())
    low = min(float(v) for values in us.values() for v in values.values())
    fig.update_layout(title={"text": texts["title"]}, barmode="group",
                      xaxis={"title": {"text": texts["x_title"]}},
                      yaxis={"title": {"text": texts["y_title"]}, "type": "log", "exponentformat": "power", "dtick": 1,
                             "range": [np.log10(low) - 0.5, np.log10(top) + 0.6]})
    return fig


__all__ = [
    "GATE_COLORS", "Panel", "Strip", "STRIP_GROUPS", "strip_groups", "heatmaps_frame", "heatmaps_figure", "unit_frame", "unit_figure", "smooth", "latch_frame",
    "latch_figure", "tried_frame", "tried_figure", "cell_grad_frame", "cell_grad_figure", "cost_frame",
    "cost_figure", "bias_text", "two_ways_frame", "two_ways_figure",
]


# --------------------------------------------------------------------------- two ways to remember


def two_ways_frame(reports: Mapping[str, Mapping[str, float]], measures: Sequence[str]) -> pd.DataFrame:
    """One row per (model, measure): the measured value."""
    return pd.DataFrame([{"model": model, "measure": m, "value": float(values[m])}
                         for model, values in reports.items() for m in measures])


def two_ways_figure(reports: Mapping[str, Mapping[str, float]], *, measures: Mapping[str, str],
                    models: Mapping[str, str], texts: Mapping[str, str], lang: str = "en") -> go.Figure:
    """Grouped bars on [0, 1]: for each measure (gate means, share rewritten, accuracies under
    interventions), one bar per model. ``reports``: model → measure → value; ``measures``: key →
    axis label; ``models``: key → legend name; ``texts``: title, y_title, chance."""
    fig = go.Figure()
    colors = [MODEL_COLORS["lstm"], OKABE_ITO["bluish_green"], OKABE_ITO["grey"]]
    for index, (model, name) in enumerate(models.items()):
        y = [float(reports[model][m]) for m in measures]
        fig.add_trace(go.Bar(x=list(measures.values()), y=y, name=name, marker={"color": colors[index % 3]},
                             text=[numbers.fixed(v, 2, lang) for v in y], textposition="outside",
                             hovertemplate=f"{name}<br>%{{x}}: %{{text}}<extra></extra>"))
    fig.add_hline(y=0.5, line={"color": CHANCE_COLOR, "dash": "dot", "width": 2})
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=texts["chance"], hoverinfo="skip",
                             line={"color": CHANCE_COLOR, "dash": "dot", "width": 2}))  # the chance line, in the legend
    fig.update_layout(title={"text": texts["title"]}, barmode="group",
                      yaxis={"title": {"text": texts["y_title"]}, "range": [0, 1.12]})
    return fig
