"""Figures and tables of station 5 (the lab race): loss curves of RNN, LSTM and GRU trained side
by side with the task's memoryless baseline, accuracy curves for the classification tasks, and
the results table.

Pure builders: data in, ``go.Figure`` / ``DataFrame`` out; every text is passed in already
translated, so nothing here imports Streamlit (or torch).

Curves arrive as ``{cell: {"loss": [...], "accuracy": [...]}}`` with one value per training
step (step 1 is the first update). Losses are noisy batch losses; the charts draw them faintly
and, on top, the trailing 20-step mean

    s_t = (1/w) Σ_{k=t-w+1..t} L_k,   w = min(20, t)

which is the quantity the race uses for "final loss" and "solved" (``rnn_core.race``). A log
y axis cannot show 0, NaN or ∞ (a run that exploded): those points are left out (a gap), and
the step where a run exploded gets a dotted vertical line.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.shell import numbers
from ui.shell.numbers import fixed, measured, setting  # noqa: F401 - setting is used by the page
from ui.shell.theme import MODEL_COLORS, OKABE_ITO

CELLS = ("rnn", "lstm", "gru")
SMOOTH = 20
THRESHOLD_COLOR = OKABE_ITO["grey"]


# --------------------------------------------------------------------------- numbers


def num(value: float | None, lang: str = "en", digits: int = 3) -> str:
    """A measured number for a table or a hover: plain for 10⁻⁴ ≤ |x| < 10⁵, else ``m × 10ᵉ``."""
    return measured(value, lang, digits, plain=(-4, 4))




def seconds(value: float | None, lang: str = "en") -> str:
    """``7.2 s`` (``7,2 s`` in Portuguese)."""
    if value is None or not math.isfinite(float(value)):
        return "—"
    return f"{fixed(float(value), 1, lang)} s"


def percent(fraction: float | None, lang: str = "en") -> str:
    """A share as a student reads it: ``97%``, ``0.8%``, ``< 0.1%`` (Portuguese: ``97 %``, ``0,8 %``);
    ``—`` when unknown."""
    if fraction is None or not math.isfinite(float(fraction)):
        return "—"
    value = float(fraction)
    if 0 < value < 0.001:
        return "< " + numbers.percent(0.001, lang, 1)
    return numbers.percent(value, lang, 1 if value < 0.01 else 0)


def smooth(values: Sequence[float], window: int = SMOOTH) -> np.ndarray:
    """Trailing mean over ``min(window, t)`` values (NaN stays NaN from where it appears)."""
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return v
    csum = np.cumsum(v)
    out = csum.copy()
    out[window:] = csum[window:] - csum[:-window]
    return out / np.minimum(np.arange(1, v.size + 1), window)


def _positive(values: np.ndarray) -> np.ndarray:
    """Values a log axis can draw; 0, negatives, NaN and ∞ become NaN (a gap)."""
    v = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(v) & (v > 0), v, np.nan)


def log_range(arrays: Sequence[Sequence[float]], pad: float = 0.08) -> tuple[float, float]:
    """``[log10 min, log10 max]`` of the positive finite values (padded, at least one decade wide)."""
    values = np.concatenate([np.asarray(a, dtype=np.float64).ravel() for a in arrays] or [np.zeros(0)])
    values = values[np.isfinite(values) & (values > 0)]
    if not values.size:
        return -1.0, 1.0
    lo, hi = float(np.log10(values.min())) - pad, float(np.log10(values.max())) + pad
    if hi - lo < 1:
        mid = (hi + lo) / 2
        lo, hi = mid - 0.5, mid + 0.5
    return lo, hi


# --------------------------------------------------------------------------- data


def curves_frame(curves: Mapping[str, Mapping[str, Sequence[float]]], labels: Mapping[str, str]) -> pd.DataFrame:
    """Long table of the curves: ``model, label, step, loss, loss_mean20`` (+ ``accuracy,
    accuracy_mean20`` when the task is a classification)."""
    frames = []
    for cell in CELLS:
        if cell not in curves:
            continue
        loss = np.asarray(curves[cell].get("loss", []), dtype=np.float64)
        part = {"model": cell, "label": labels.get(cell, cell), "step": np.arange(1, loss.size + 1),
                "loss": loss, "loss_mean20": smooth(loss)}
        acc = curves[cell].get("accuracy") or []
        if len(acc):
            acc = np.asarray(acc, dtype=np.float64)[: loss.size]
            acc = np.concatenate([acc, np.full(loss.size - acc.size, np.nan)])
            part.update(accuracy=acc, accuracy_mean20=smooth(acc))
        frames.append(pd.DataFrame(part))
    if not frames:
        return pd.DataFrame(columns=["model", "label", "step", "loss", "loss_mean20"])
    return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------- figures


def _reference_line(fig: go.Figure, value: float, name: str, steps: int, *, color: str, dash: str,
                    hover: str, label: str | None = None) -> None:
    fig.add_trace(go.Scatter(x=[1, steps], y=[value, value], mode="lines", name=name,
                             line={"color": color, "dash": dash, "width": 1.8},
                             hovertemplate=f"{hover}<extra></extra>"))
    if label:
        fig.add_annotation(x=steps, y=math.log10(value) if fig.layout.yaxis.type == "log" else value,
                           xref="x", yref="y", text=f"<b>{label}</b>", showarrow=False, xanchor="right",
                           yanchor="bottom", font={"color": color}, bgcolor="rgba(255,255,255,0.75)")


def _solved_star(cell: str, name: str, step: int, y: float, texts: Mapping[str, str]) -> go.Scatter:
    """A star on ``cell``'s curve at the step where it solved the task (hover: ``texts["solved"]``)."""
    text = texts["solved"].format(model=name, step=step)
    return go.Scatter(x=[step], y=[y], mode="markers", legendgroup=cell, showlegend=False, name=text,
                      marker={"symbol": "star", "size": 15, "color": MODEL_COLORS[cell],
                              "line": {"color": "white", "width": 1}},
                      hovertemplate=f"{text}<extra></extra>")


def loss_figure(
    curves: Mapping[str, Mapping[str, Sequence[float]]],
    *,
    labels: Mapping[str, str],
    texts: Mapping[str, str],
    baseline: float,
    baseline_label: str,
    total_steps: int,
    lang: str = "en",
    threshold: float | None = None,
    solved: Mapping[str, int | None] | None = None,
    exploded: Mapping[str, int | None] | None = None,
    raw: bool = True,
    log_y: bool = True,
) -> go.Figure:
    """Loss by training step for each cell (faint batch loss + bold 20-step mean), the memoryless
    baseline as a dashed black line labelled ``baseline_label`` (e.g. "1/6"), the "solved"
    threshold (adding problem: MSE 0.01) and a star where each cell solved the task.

    The x axis is fixed to ``[1, total_steps]`` so that the live chart fills from the left
    instead of rescaling at every update. ``texts``: ``title``, ``x_title``, ``y_title``,
    ``baseline_name``, ``threshold_name``, ``solved`` (``{model}``, ``{step}``), ``exploded``
    (``{model}``, ``{step}``), ``hover`` (``{model}``, ``{step}``, ``{loss}``).
    """
    solved, exploded = solved or {}, exploded or {}
    fig = go.Figure()
    fig.update_layout(title={"text": texts["title"]},
                      xaxis={"title": {"text": texts["x_title"]}, "range": [0, max(2, total_steps) + 1]},
                      yaxis={"title": {"text": texts["y_title"]}, "type": "log" if log_y else "linear",
                             "exponentformat": "power"},
                      hovermode="closest")
    for cell in CELLS:
        if cell not in curves:
            continue
        loss = np.asarray(curves[cell].get("loss", []), dtype=np.float64)
        steps = np.arange(1, loss.size + 1)
        color, name = MODEL_COLORS[cell], labels.get(cell, cell)
        if raw and loss.size:
            fig.add_trace(go.Scatter(x=steps, y=_positive(loss) if log_y else loss, mode="lines",
                                     line={"color": color, "width": 1}, opacity=0.25, legendgroup=cell,
                                     showlegend=False, hoverinfo="skip", name=f"{name} (batch)"))
        mean = smooth(loss)
        hover = texts["hover"].format(model=name, step="%{x}", loss="%{y:.3g}")
        fig.add_trace(go.Scatter(x=steps, y=_positive(mean) if log_y else mean, mode="lines", name=name,
                                 legendgroup=cell, line={"color": color, "width": 2.6},
                                 hovertemplate=f"{hover}<extra></extra>"))
        step = solved.get(cell)
        if step and 1 <= step <= loss.size and np.isfinite(mean[step - 1]):
            fig.add_trace(_solved_star(cell, name, step, mean[step - 1], texts))
        step = exploded.get(cell)
        if step:
            fig.add_shape(type="line", x0=step, x1=step, y0=0, y1=1, xref="x", yref="paper",
                          line={"color": color, "dash": "dot", "width": 1.5})
            fig.add_annotation(x=step, y=0.98, xref="x", yref="paper", showarrow=False, xanchor="right",
                               yanchor="top", xshift=-4, font={"color": color}, bgcolor="rgba(255,255,255,0.8)",
                               text=texts["exploded"].format(model=name, step=step))
    if log_y:
        shown = [np.asarray(curves[c].get("loss", []), dtype=np.float64) for c in CELLS if c in curves]
        if not raw:
            shown = [smooth(v) for v in shown]
        lo, hi = log_range([*shown, [baseline] + ([threshold] if threshold is not None else [])])
        fig.update_yaxes(range=[lo, hi], dtick=1 if hi - lo >= 1.5 else None)
    span = max(2, total_steps)
    _reference_line(fig, baseline, texts["baseline_name"], span, color=MODEL_COLORS["baseline"], dash="dash",
                    hover=f"{texts['baseline_name']}: {num(baseline, lang)}", label=baseline_label)
    if threshold is not None:
        _reference_line(fig, threshold, texts["threshold_name"], span, color=THRESHOLD_COLOR, dash="dot",
                        hover=f"{texts['threshold_name']}")
    return fig


def accuracy_figure(
    curves: Mapping[str, Mapping[str, Sequence[float]]],
    *,
    labels: Mapping[str, str],
    texts: Mapping[str, str],
    total_steps: int,
    chance: float = 0.5,
    threshold: float = 0.99,
    solved: Mapping[str, int | None] | None = None,
) -> go.Figure:
    """Training-batch accuracy (20-step mean) by step, with chance level and the "solved" line.

    ``texts``: ``title``, ``x_title``, ``y_title``, ``chance_name``, ``threshold_name``,
    ``solved`` (``{model}``, ``{step}``), ``hover`` (``{model}``, ``{step}``, ``{acc}``).
    """
    solved = solved or {}
    fig = go.Figure()
    fig.update_layout(title={"text": texts["title"]},
                      xaxis={"title": {"text": texts["x_title"]}, "range": [0, max(2, total_steps) + 1]},
                      yaxis={"title": {"text": texts["y_title"]}, "range": [0, 1.04], "tickformat": ".0%"},
                      hovermode="closest")
    for cell in CELLS:
        acc = np.asarray((curves.get(cell) or {}).get("accuracy") or [], dtype=np.float64)
        if not acc.size:
            continue
        color, name = MODEL_COLORS[cell], labels.get(cell, cell)
        mean = smooth(acc)
        hover = texts["hover"].format(model=name, step="%{x}", acc="%{y:.1%}")
        fig.add_trace(go.Scatter(x=np.arange(1, acc.size + 1), y=mean, mode="lines", name=name, legendgroup=cell,
                                 line={"color": color, "width": 2.6}, hovertemplate=f"{hover}<extra></extra>"))
        step = solved.get(cell)
        if step and 1 <= step <= acc.size:
            fig.add_trace(_solved_star(cell, name, step, mean[step - 1], texts))
    span = max(2, total_steps)
    _reference_line(fig, chance, texts["chance_name"], span, color=MODEL_COLORS["baseline"], dash="dash",
                    hover=texts["chance_name"])
    _reference_line(fig, threshold, texts["threshold_name"], span, color=THRESHOLD_COLOR, dash="dot",
                    hover=texts["threshold_name"])
    return fig


# --------------------------------------------------------------------------- table


def results_table(results: Sequence[Mapping], *, labels: Mapping[str, str], texts: Mapping[str, str],
                  lang: str = "en", total_steps: int, stopped: bool = False, classification: bool = False,
                  baseline: float | None = None) -> pd.DataFrame:
    """The results table as a student reads it (strings, one row per cell).

    ``results`` rows: ``cell, final_loss, solved_at_step, seconds, params, steps, exploded_at``
    (+ ``final_accuracy`` for classification tasks). ``texts``: column names ``col_model``,
    ``col_final_loss``, ``col_vs_baseline``, ``col_accuracy``, ``col_solved``, ``col_steps``,
    ``col_seconds``, ``col_params``; values ``never``, ``not_yet``, ``stopped`` (``{done}``,
    ``{total}``), ``finished`` (``{done}``), ``exploded`` (``{step}``).
    """
    rows = []
    for r in results:
        loss = r.get("final_loss")
        exploded = r.get("exploded_at")
        loss_text = texts["exploded"].format(step=exploded) if exploded else num(loss, lang)
        if r.get("solved_at_step"):
            solved_text = str(int(r["solved_at_step"]))
        else:
            solved_text = texts["not_yet"] if stopped and not exploded else texts["never"]
        done = int(r.get("steps", 0))
        steps_text = (texts["stopped"] if stopped else texts["finished"]).format(done=done, total=total_steps)
        row = {texts["col_model"]: labels.get(r["cell"], r["cell"]), texts["col_final_loss"]: loss_text}
        if baseline:
            ratio = None if loss is None or exploded or not math.isfinite(float(loss)) else float(loss) / baseline
            row[texts["col_vs_baseline"]] = percent(ratio, lang)
        if classification:
            acc = r.get("final_accuracy")
            finite = acc is not None and math.isfinite(float(acc))
            row[texts["col_accuracy"]] = numbers.percent(float(acc), lang, 1) if finite else "—"
        row.update({texts["col_solved"]: solved_text, texts["col_steps"]: steps_text,
                    texts["col_seconds"]: seconds(r.get("seconds"), lang),
                    texts["col_params"]: numbers.integer(int(r.get("params", 0)), lang)})
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- what the page shows


@dataclass(frozen=True)
class LiveView:
    """A running race at one published step: the styled loss chart and the progress bar."""

    figure: go.Figure
    fraction: float
    text: str


@dataclass(frozen=True)
class ResultsView:
    """A finished or stopped race as the page shows it (figures styled, texts translated).

    Cached for the whole server: never change one (or its figures or tables) in place."""

    heading_caption: str
    status_text: str
    stopped: bool
    loss_figure: go.Figure
    curves: pd.DataFrame
    accuracy_figure: go.Figure | None
    table: pd.DataFrame
    json_text: str
    evidence: Any = None  # ui.shell.evidence.Station5
    verdict: str = ""  # one computed sentence: who solved it, at which step (rnn_core.race.race_verdict)
    verdict_rule: str = ""  # what "solved" and "at the baseline" mean, with the numbers
