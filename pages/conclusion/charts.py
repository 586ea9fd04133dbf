"""Station 6 (conclusion): tables from the recorded evidence and the manifest, and the figure
builders. Pure: no Streamlit.

* **Tables.** Each station records one typed value (``ui.shell.evidence``); the page turns it into
  plain tuples (hashable, so a view of them can be cached for the whole server) and the
  functions here turn those into tidy ``pandas`` tables. The pretrained models' metrics come
  from the weights manifest, read by ``rnn_core.manifest`` (shared with the Lab).
* **Figure builders** take a table plus already-translated labels and return a ``go.Figure``
  with a title, axis titles with units and a legend. Colours come from ``ui.shell.theme.MODEL_COLORS``.
* :class:`Panel` is one piece of evidence as the page shows it (badges, figure, caption, CSV).

Model ids are those of ``MODEL_COLORS``: ``ff``, ``rnn``, ``stable_rnn``, ``lstm``, ``gru``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from rnn_core.manifest import MODELS, bin_distance, finite_fraction
from ui.shell.numbers import measured, percent
from ui.shell.theme import MODEL_COLORS


@dataclass(frozen=True)
class Panel:
    """One piece of evidence on the page: where it comes from (``badges``: ``("own", station)``,
    ``("live", None)`` or ``("pretrained", None)``), a styled figure, its caption, the CSV data
    behind it (``name`` names the file and keys the widgets) and notes shown under the caption.

    Panels are cached for the whole server: never change one (or its figure) in place."""

    badges: tuple[tuple[str, int | None], ...]
    figure: go.Figure
    caption: str
    data: pd.DataFrame | None
    name: str
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- numbers


def sci(value: float | None, lang: str = "en", digits: int = 2) -> str:
    """``6.2 × 10⁻¹⁸`` / ``6,2 × 10⁻¹⁸``; a missing or NaN value as ``—``."""
    return measured(value, lang, digits, nan="—")


# --------------------------------------------------------------------------- evidence → tables


def accuracy_table(scores: Iterable[tuple[str, float | None]], labels: Mapping[str, str], *,
                   source: str) -> pd.DataFrame:
    """Tidy ``model, label, accuracy, source`` rows from ``(model, accuracy in [0, 1])`` pairs, in
    the order of :data:`MODELS` (unknown models and values outside [0, 1] left out)."""
    found = {m: finite_fraction(v) for m, v in scores if m in MODELS}
    rows = [{"model": m, "label": labels.get(m, m), "accuracy": found[m], "source": source}
            for m in MODELS if found.get(m) is not None]
    return pd.DataFrame(rows, columns=["model", "label", "accuracy", "source"])


def distance_table(points: Iterable[tuple[str, str, float]], labels: Mapping[str, str]) -> pd.DataFrame:
    """``model, label, distance, accuracy`` rows from ``(model, distance bin, accuracy)`` triples
    (bins as in :func:`bin_distance`), sorted by model then distance. Empty when no model has two
    distances (one point per distance is no curve)."""
    columns = ["model", "label", "distance", "accuracy"]
    rows = []
    for model, key, value in points:
        d, value = bin_distance(key), finite_fraction(value)
        if model in MODELS and d is not None and value is not None:
            rows.append({"model": model, "label": labels.get(model, model), "distance": d, "accuracy": value})
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty or frame["distance"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    frame = frame.groupby(["model", "label", "distance"], as_index=False, sort=False)["accuracy"].mean()
    order = {m: i for i, m in enumerate(MODELS)}
    return frame.sort_values(["model", "distance"], key=lambda s: s.map(order) if s.name == "model" else s,
                             ignore_index=True)


def norms_table(norms: Iterable[float]) -> pd.DataFrame:
    """``distance, norm`` from station 3's ‖∂L/∂h_t‖ in time order (the last value sits at the
    loss): distance = T − 1 − t. NaN is shown as ∞ (an overflow), 0 stays 0."""
    values = [math.inf if math.isnan(float(v)) else abs(float(v)) for v in norms]
    n = len(values)
    return pd.DataFrame({"distance": np.arange(n - 1, -1, -1), "norm": values}).sort_values(
        "distance", ignore_index=True)


def loss_table(losses: Iterable[tuple[str, float | None]], labels: Mapping[str, str]) -> pd.DataFrame:
    """Station 5's race as ``model, label, loss`` rows (a missing or non-finite loss, e.g. a run
    that diverged, is left out)."""
    found = dict(losses)
    rows = [{"model": m, "label": labels.get(m, m), "loss": float(found[m])} for m in MODELS
            if found.get(m) is not None and math.isfinite(float(found[m])) and float(found[m]) >= 0]
    return pd.DataFrame(rows, columns=["model", "label", "loss"])


# --------------------------------------------------------------------------- figures
#
# Each builder collects plain trace and layout dicts and creates the figure once: Plotly
# validates every ``add_trace``/``update_*`` call separately, and one-shot construction is
# 3–4× cheaper, which matters for a page that redraws five charts on every rerun.


def _color(model: str) -> str:
    return MODEL_COLORS.get(model, MODEL_COLORS["baseline"])


def _figure(data: list[dict[str, Any]], *, title: str, x_title: str, y_title: str,
            reference: tuple[float, str] | None = None, **layout: Any) -> go.Figure:
    """A figure with a title, axis titles and a legend; ``reference = (y, label)`` adds a
    dashed horizontal line across the whole plot (a shape, so it spans a categorical axis edge
    to edge), listed in the legend.

    The title is pinned to the top of the figure, so a legend that wraps onto a second row
    above the plot (``ui.shell.theme.style_figure`` puts it there) grows under it, not over it.
    """
    layout = {
        "title": {"text": title, "yref": "container", "y": 0.98, "yanchor": "top"},
        "showlegend": True,
        **layout,
        "xaxis": {"title": {"text": x_title}, **layout.get("xaxis", {})},
        "yaxis": {"title": {"text": y_title}, **layout.get("yaxis", {})},
    }
    if reference is not None:
        y, label = reference
        layout["shapes"] = [{
            "type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y, "layer": "above",
            "line": {"color": MODEL_COLORS["baseline"], "dash": "dash", "width": 2}, "showlegend": True, "name": label,
        }]
    return go.Figure(data=data, layout=layout)


def accuracy_bars(df: pd.DataFrame, *, title: str, x_title: str, y_title: str, chance: float | None = None,
                  chance_label: str = "", lang: str = "en") -> go.Figure:
    """One bar per model (accuracy in %, named on the x axis), the chance level dashed (in the legend)."""
    data = [{
        "type": "bar", "x": [row.label], "y": [100 * row.accuracy], "name": row.label, "showlegend": False,
        "marker": {"color": _color(row.model)}, "text": [percent(row.accuracy, lang)], "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.1f} %<extra></extra>",
    } for row in df.itertuples()]
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   reference=None if chance is None else (100 * chance, chance_label),
                   yaxis={"range": [0, 112], "ticksuffix": " %"}, bargap=0.35)


def accuracy_distance_lines(df: pd.DataFrame, *, title: str, x_title: str, y_title: str,
                            chance: float | None = None, chance_label: str = "") -> go.Figure:
    """Accuracy (%) against distance, one line per model (tidy ``model, label, distance, accuracy``).

    LSTM and GRU often lie on top of each other at 100 %: the LSTM line (drawn first) is wider,
    so both stay visible.
    """
    data = [{
        "type": "scatter", "x": part["distance"].to_numpy(), "y": 100 * part["accuracy"].to_numpy(),
        "name": part["label"].iloc[0], "mode": "lines+markers" if len(part) <= 20 else "lines",
        "line": {"color": _color(model), "width": 7 if model == "lstm" else 3},
        "hovertemplate": "d = %{x}: %{y:.0f} %<extra></extra>",
    } for model, part in df.groupby("model", sort=False)]
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   reference=None if chance is None else (100 * chance, chance_label),
                   yaxis={"range": [0, 105], "ticksuffix": " %"})


def _log_safe(values: Iterable[float]) -> list[float | None]:
    """0 and ∞ cannot sit on a log axis: they become gaps (the CSV keeps them as measured)."""
    return [v if v is not None and 0 < v < math.inf else None for v in values]


def gradient_lines(df: pd.DataFrame, *, title: str, x_title: str, y_title: str,
                   theory: pd.DataFrame | None = None, theory_label: str = "") -> go.Figure:
    """‖∂L/∂h_t‖ against distance on a log axis, one line per ``series``.

    ``df``: tidy ``series, model, label, distance, norm, dash``. ``theory``: optional
    ``distance, norm, label`` rows for ρ^k reference lines (dotted, one legend entry).
    """
    data = []
    for _, part in df.groupby("series", sort=False):
        first = part.iloc[0]
        data.append({
            "type": "scatter", "x": part["distance"].to_numpy(), "y": _log_safe(part["norm"]), "mode": "lines",
            "name": first["label"], "hovertemplate": "k = %{x}: %{y:.2e}<extra></extra>",
            "line": {"color": _color(first["model"]), "width": 3, "dash": first.get("dash", "solid") or "solid"},
        })
    if theory is not None and not theory.empty:
        for i, (_, part) in enumerate(theory.groupby("label", sort=False)):
            data.append({
                "type": "scatter", "x": part["distance"].to_numpy(), "y": _log_safe(part["norm"]), "mode": "lines",
                "name": theory_label, "legendgroup": "theory", "showlegend": i == 0,
                "line": {"color": MODEL_COLORS["theory"], "width": 2, "dash": "dot"},
                "hovertemplate": f"{part['label'].iloc[0]}: %{{y:.2e}}<extra></extra>",
            })
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   yaxis={"type": "log", "exponentformat": "power"})


def bias_sweep_lines(df: pd.DataFrame, *, title: str, x_title: str, y_title: str,
                     reference: float | None = None, reference_label: str = "") -> go.Figure:
    """Gradient left after k steps against the gate bias, one line per model, log axis.

    ``df``: tidy ``model, label, bias, norm``. ``reference``: a horizontal line (e.g. the
    plain tanh RNN at the same distance, which has no gate to tune).
    """
    data = [{
        "type": "scatter", "x": part["bias"].to_numpy(), "y": _log_safe(part["norm"]), "mode": "lines+markers",
        "name": part["label"].iloc[0], "line": {"color": _color(model), "width": 3}, "marker": {"size": 9},
        "hovertemplate": "b = %{x}: %{y:.2e}<extra></extra>",
    } for model, part in df.groupby("model", sort=False)]
    if reference is not None and 0 < reference < math.inf and not df.empty:
        data.append({
            "type": "scatter", "x": [df["bias"].min(), df["bias"].max()], "y": [reference] * 2, "mode": "lines",
            "name": reference_label, "line": {"color": MODEL_COLORS["rnn"], "dash": "dash", "width": 2},
        })
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   yaxis={"type": "log", "exponentformat": "power"})


def loss_bars(df: pd.DataFrame, *, title: str, x_title: str, y_title: str, baseline: float | None = None,
              baseline_label: str = "", lang: str = "en") -> go.Figure:
    """Final loss per model (tidy ``model, label, loss``), the memoryless baseline dashed."""
    data = [{
        "type": "bar", "x": [row.label], "y": [row.loss], "name": row.label, "showlegend": False,
        "marker": {"color": _color(row.model)}, "text": [measured(row.loss, lang, 3)], "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.4g}<extra></extra>",
    } for row in df.itertuples()]
    top = max([*df["loss"].tolist(), baseline or 0.0, 1e-9])
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   reference=None if baseline is None else (baseline, baseline_label),
                   yaxis={"range": [0, 1.2 * top], "rangemode": "tozero"}, bargap=0.35)
