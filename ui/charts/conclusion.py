"""Station 6 (conclusion): evidence readers and figure builders. Pure: no Streamlit.

Two kinds of functions live here:

* **Evidence readers** turn what other stations stored in the session (``ui.evidence``) or
  what the pretrained-weights manifest says into tidy ``pandas`` tables. Both sources are
  written by other parts of the app, so the readers are defensive: they accept a few
  reasonable shapes, ignore anything else, and return ``None`` (or an empty table) when
  there is nothing usable — the page then falls back to a precomputed result.
* **Figure builders** take a table plus already-translated labels and return a
  ``go.Figure`` with a title, axis titles with units and a legend. Colours come from
  ``ui.theme.MODEL_COLORS``.

Model ids are those of ``MODEL_COLORS``: ``ff``, ``rnn``, ``stable_rnn``, ``lstm``, ``gru``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.numbers import measured
from ui.theme import MODEL_COLORS

MODELS = ("ff", "rnn", "stable_rnn", "lstm", "gru")
_ALIASES = {
    "ff": "ff", "feedforward": "ff", "feed_forward": "ff", "mlp": "ff", "block": "ff", "bag": "ff",
    "rnn": "rnn", "tanh_rnn": "rnn", "vanilla": "rnn", "simple_rnn": "rnn",
    "stable_rnn": "stable_rnn", "stable": "stable_rnn", "stablernn": "stable_rnn",
    "lstm": "lstm", "gru": "gru",
}
REGIMES = ("vanishing", "stable", "exploding")


# --------------------------------------------------------------------------- small helpers


def model_id(name: object) -> str | None:
    """Map a model name as another module may spell it (``"LSTM"``, ``"stable-rnn"``,
    ``"series_realistic_gru_seed0"``) to one of :data:`MODELS`, or ``None``."""
    if not isinstance(name, str):
        return None
    text = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    if text in _ALIASES:
        return _ALIASES[text]
    tokens = set(text.split("_"))
    if "stable" in tokens:
        return "stable_rnn"
    for token in ("lstm", "gru"):
        if token in tokens:
            return token
    if tokens & {"ff", "mlp", "feedforward", "block", "bag"}:
        return "ff"
    if "rnn" in tokens:
        return "rnn"
    return None


def number(value: object) -> float | None:
    """A finite float, or ``None`` (bools, strings, NaN and ∞ are not evidence)."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def fraction(value: object) -> float | None:
    """An accuracy as a fraction in [0, 1]; values in (1, 100] are read as percentages."""
    value = number(value)
    if value is None or value < 0:
        return None
    if value > 1:
        value = value / 100 if value <= 100 else None
    return value


def mean_of(value: object) -> float | None:
    """A number, or the mean of a list / dict of numbers (e.g. accuracy per distance)."""
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list | tuple | np.ndarray):
        numbers = [n for n in (number(v) for v in value) if n is not None]
        return float(np.mean(numbers)) if numbers else None
    return number(value)


def sci(value: float, lang: str = "en", digits: int = 2) -> str:
    """``6.2 × 10⁻¹⁸`` / ``6,2 × 10⁻¹⁸``; a missing or NaN value as ``—``."""
    return measured(value, lang, digits, nan="—")


def percent(value: float, lang: str = "en") -> str:
    """``87 %`` (a fraction in [0, 1] as a whole percentage)."""
    return f"{round(100 * value)} %"


# --------------------------------------------------------------------------- evidence readers


def model_scores(evidence: object, metrics: Iterable[str]) -> dict[str, float]:
    """``{model: value}`` for the first of ``metrics`` found in a station's evidence dict.

    Accepted shapes (first match wins), for a metric ``m`` such as ``"accuracy"``:

    * ``{"m": {"rnn": 0.98, "ff": 0.5}}`` (a value may also be a list → its mean)
    * ``{"results": {"rnn": {"m": …}, …}}`` or ``{"results": [{"model": "rnn", "m": …}, …]}``
      (also under ``"models"`` or ``"race"``)
    * ``{"rnn": {"m": …}, "lstm": {"m": …}}`` (one dict per model at the top level)
    * ``{"rnn_m": 0.98, "ff_m": 0.5}`` or ``{"m_rnn": …}``
    """
    if not isinstance(evidence, Mapping):
        return {}
    for metric in metrics:
        found: dict[str, float] = {}
        table = evidence.get(metric)
        if isinstance(table, Mapping):
            for name, value in table.items():
                model, value = model_id(name), mean_of(value)
                if model and value is not None:
                    found[model] = value
        top_level = {k: v for k, v in evidence.items() if model_id(k) and isinstance(v, Mapping)}
        for container in ("results", "models", "race", None):
            rows = evidence.get(container) if container else top_level
            if isinstance(rows, Mapping):
                rows = [{"model": name, **row} for name, row in rows.items() if isinstance(row, Mapping)]
            if isinstance(rows, list):
                for row in rows:
                    if isinstance(row, Mapping):
                        model = model_id(row.get("model", row.get("name", row.get("kind"))))
                        value = mean_of(row.get(metric))
                        if model and value is not None:
                            found.setdefault(model, value)
        for key, value in evidence.items():
            if isinstance(key, str) and (key.endswith(f"_{metric}") or key.startswith(f"{metric}_")):
                model = model_id(key.removesuffix(f"_{metric}").removeprefix(f"{metric}_"))
                value = mean_of(value)
                if model and value is not None:
                    found.setdefault(model, value)
        if found:
            return {m: found[m] for m in MODELS if m in found}
    return {}


def accuracy_table(scores: Mapping[str, float], labels: Mapping[str, str], *, source: str) -> pd.DataFrame:
    """Tidy ``model, label, accuracy, source`` rows from ``{model: value}`` (junk dropped)."""
    rows = []
    for model in MODELS:
        value = fraction(scores.get(model))
        if value is not None:
            rows.append({"model": model, "label": labels.get(model, model), "accuracy": value, "source": source})
    return pd.DataFrame(rows, columns=["model", "label", "accuracy", "source"])


def race_table(evidence: object, labels: Mapping[str, str]) -> tuple[pd.DataFrame, float | None]:
    """Station 5's race as ``model, label, loss`` rows plus the memoryless baseline (or None).

    The loss is ``final_loss`` (or ``loss``) per model, read like :func:`model_scores`; the
    baseline is ``baseline`` / ``baseline_loss`` / ``baseline_mse`` if it is a finite number.
    """
    scores = model_scores(evidence, ("final_loss", "loss"))
    rows = [{"model": m, "label": labels.get(m, m), "loss": v} for m, v in scores.items() if v >= 0]
    baseline = None
    if isinstance(evidence, Mapping):
        baseline = next((number(evidence[k]) for k in ("baseline", "baseline_loss", "baseline_mse")
                         if number(evidence.get(k)) is not None), None)
    return pd.DataFrame(rows, columns=["model", "label", "loss"]), baseline


def series_parts(evidence: object) -> tuple[Mapping | None, Mapping | None]:
    """Split station 2's evidence into (simple series, realistic series).

    Station 2 stores ``{"accuracy_by_distance": {"simple": {model: {"1-3": acc, …}},
    "realistic": {…}}}`` (one variant or both, as the student visited them). Also accepted: two
    sub-dicts ``{"simple": {...}, "realistic": {...}}``, or one dict whose ``realistic`` /
    ``moods`` flag (or ``mode == "realistic"``) says which it is.
    """
    if not isinstance(evidence, Mapping):
        return None, None
    by_variant = evidence.get("accuracy_by_distance")
    if isinstance(by_variant, Mapping) and ({"simple", "realistic"} & set(by_variant)):
        # Station 2's own shape: {"accuracy_by_distance": {variant: {model: {"1-3": acc, …}}}}
        return tuple(  # type: ignore[return-value]
            {"accuracy_by_distance": by_variant[v]} if isinstance(by_variant.get(v), Mapping) else None
            for v in ("simple", "realistic"))
    simple, realistic = evidence.get("simple"), evidence.get("realistic")
    if isinstance(simple, Mapping) or isinstance(realistic, Mapping):
        return (simple if isinstance(simple, Mapping) else None,
                realistic if isinstance(realistic, Mapping) else None)
    is_realistic = bool(evidence.get("realistic") or evidence.get("moods")) or evidence.get("mode") == "realistic"
    return (None, evidence) if is_realistic else (evidence, None)


def accuracy_by_distance(evidence: object, labels: Mapping[str, str]) -> pd.DataFrame:
    """Accuracy per model and distance from ``{"distances": [...], "accuracy": {model: [...]}}``.

    ``"distance"``/``"distances"`` may also be a dict key of each model's mapping
    (``{"accuracy": {"rnn": {"1": 1.0, "10": 0.5}}}``). Returns ``model, label, distance,
    accuracy`` rows; empty when the shape is not recognised.
    """
    columns = ["model", "label", "distance", "accuracy"]
    if not isinstance(evidence, Mapping):
        return pd.DataFrame(columns=columns)
    table = evidence.get("accuracy", evidence.get("accuracy_by_distance"))
    distances = evidence.get("distances", evidence.get("distance"))
    rows = []
    if isinstance(table, Mapping):
        for name, values in table.items():
            model = model_id(name)
            if model is None:
                continue
            if isinstance(values, list | tuple) and isinstance(distances, list | tuple) and len(values) == len(distances):
                values = dict(zip(distances, values, strict=True))
            rows += _distance_rows(model, labels, values)
    frame = pd.DataFrame(rows, columns=columns)
    # One point per distance is no curve: a table that short is better read as bars.
    if frame.empty or frame["distance"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    return frame.sort_values(["model", "distance"], key=lambda s: s.map(MODELS.index) if s.name == "model" else s)


def student_norms(evidence: object) -> pd.DataFrame | None:
    """Station 3's gradient norms as ``distance, norm`` (∞ and 0 kept), or ``None``.

    Reads ``"norms"`` (or ``"backward"``/``"gradient_norms"``), a list of ``‖∂L/∂h_t‖``.
    With a ``"distance"``/``"distances"`` list of the same length that is used; otherwise the
    end whose value is closer to 1 is taken as the loss end (``‖∂L/∂h_T‖ = 1`` in the probe),
    so a list indexed by time step and one indexed by distance are both read correctly.
    """
    if not isinstance(evidence, Mapping):
        return None
    norms = next((evidence[k] for k in ("norms", "backward", "gradient_norms") if k in evidence), None)
    if not isinstance(norms, list | tuple | np.ndarray) or len(norms) < 2:
        return None
    values = []
    for v in norms:
        if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating):
            return None
        v = float(v)
        values.append(math.inf if math.isnan(v) else abs(v))
    distances = evidence.get("distances", evidence.get("distance"))
    if isinstance(distances, list | tuple) and len(distances) == len(values) and all(number(d) is not None for d in distances):
        dist = [float(d) for d in distances]
    else:
        def gap(v: float) -> float:
            return abs(math.log10(v)) if 0 < v < math.inf else math.inf
        by_time = gap(values[-1]) <= gap(values[0])
        dist = list(range(len(values) - 1, -1, -1)) if by_time else list(range(len(values)))
    return pd.DataFrame({"distance": dist, "norm": values}).sort_values("distance").reset_index(drop=True)


def student_regime(evidence: object) -> str | None:
    """Station 3's regime (``vanishing``/``stable``/``exploding``) if stored, else ``None``."""
    if isinstance(evidence, Mapping) and evidence.get("regime") in REGIMES:
        return evidence["regime"]
    return None


def manifest_entries(raw: object) -> list[dict[str, Any]]:
    """Entries of the pretrained-weights manifest, whatever the container.

    Accepts a list of entry dicts, or a dict holding such a list under ``models``/``entries``/
    ``weights``, or a dict of ``name → entry``. Each returned entry has at least ``name``.
    """
    if isinstance(raw, Mapping):
        for key in ("models", "entries", "weights"):
            if isinstance(raw.get(key), list):
                raw = raw[key]
                break
            if isinstance(raw.get(key), Mapping):
                raw = raw[key]
                break
        if isinstance(raw, Mapping):
            raw = [{"name": name, **entry} for name, entry in raw.items() if isinstance(entry, Mapping)]
    if not isinstance(raw, list):
        return []
    return [dict(entry) for entry in raw if isinstance(entry, Mapping)]


def is_order_task(task: str) -> bool:
    return "order" in task


def is_realistic_series(task: str) -> bool:
    return "series" in task and any(w in task for w in ("real", "mood"))


def is_simple_series(task: str) -> bool:
    return "series" in task and not is_realistic_series(task)


def entry_model(entry: Mapping[str, Any]) -> str | None:
    """The model id of a manifest entry: ``arch.model`` (``rnn`` with ``arch.stable`` is the
    stable RNN), else ``kind``/``model``/``arch`` as a string, else the entry's name."""
    arch = entry.get("arch")
    if isinstance(arch, Mapping):
        model = model_id(arch.get("model"))
        if model == "rnn" and arch.get("stable"):
            return "stable_rnn"
        if model:
            return model
    for key in ("kind", "model", "arch"):
        if model_id(entry.get(key)):
            return model_id(entry.get(key))
    return model_id(entry.get("name"))


def manifest_by_distance(entries: list[dict[str, Any]], task_filter: Callable[[str], bool],
                         labels: Mapping[str, str]) -> pd.DataFrame:
    """Accuracy by distance per model (``model, label, distance, accuracy``) from the entries
    whose task passes ``task_filter``, read from ``metrics["accuracy_by_distance"]`` (a dict
    ``distance → accuracy``); several entries (seeds) of one model are averaged."""
    columns = ["model", "label", "distance", "accuracy"]
    rows = []
    for entry in entries:
        if not task_filter(str(entry.get("task", "")).lower()):
            continue
        model, metrics = entry_model(entry), entry.get("metrics")
        if model is None or not isinstance(metrics, Mapping):
            continue
        rows += _distance_rows(model, labels, metrics.get("accuracy_by_distance"))
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty or frame["distance"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    frame = frame.groupby(["model", "label", "distance"], as_index=False, sort=False)["accuracy"].mean()
    order = {m: i for i, m in enumerate(MODELS)}
    return frame.sort_values(["model", "distance"], key=lambda s: s.map(order) if s.name == "model" else s,
                             ignore_index=True)


def _distance(key: object) -> float | None:
    """A distance from a key: ``5``, ``"5"``, or a bin ``"11-20"`` (its midpoint, 15.5)."""
    if isinstance(key, str) and re.fullmatch(r"\s*\d+(\.\d+)?\s*-\s*\d+(\.\d+)?\s*", key):
        lo, hi = (float(part) for part in key.split("-"))
        return (lo + hi) / 2 if lo <= hi else None
    if isinstance(key, bool):
        return None
    try:
        d = float(key)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return d if math.isfinite(d) else None


def _distance_rows(model: str, labels: Mapping[str, str], by_distance: object) -> list[dict[str, Any]]:
    """Rows ``model, label, distance, accuracy`` from a ``{distance or "lo-hi" bin: accuracy}``
    mapping (junk skipped)."""
    if not isinstance(by_distance, Mapping):
        return []
    rows = []
    for key, value in by_distance.items():
        d = _distance(key)
        if d is None:
            continue
        value = fraction(value)
        if value is not None:
            rows.append({"model": model, "label": labels.get(model, model), "distance": d, "accuracy": value})
    return rows


def manifest_accuracy(entries: list[dict[str, Any]], task_filter: Callable[[str], bool]) -> dict[str, float]:
    """Mean accuracy per model over the manifest entries whose task passes ``task_filter``.

    The model comes from :func:`entry_model`; the accuracy from ``metrics["accuracy"]`` (or
    ``acc``/``test_accuracy``/``val_accuracy``; a list or dict per distance is averaged).
    Several seeds are averaged.
    """
    collected: dict[str, list[float]] = {}
    for entry in entries:
        task = str(entry.get("task", "")).lower()
        if not task_filter(task):
            continue
        model = entry_model(entry)
        metrics = entry.get("metrics")
        if model is None or not isinstance(metrics, Mapping):
            continue
        value = next((mean_of(metrics[k]) for k in ("accuracy", "acc", "test_accuracy", "val_accuracy")
                      if k in metrics and mean_of(metrics[k]) is not None), None)
        value = fraction(value)
        if value is not None:
            collected.setdefault(model, []).append(value)
    return {m: float(np.mean(collected[m])) for m in MODELS if m in collected}


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
    above the plot (``ui.theme.style_figure`` puts it there) grows under it, not over it.
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
                  chance_label: str = "") -> go.Figure:
    """One bar per model (accuracy in %, named on the x axis), the chance level dashed (in the legend)."""
    data = [{
        "type": "bar", "x": [row.label], "y": [100 * row.accuracy], "name": row.label, "showlegend": False,
        "marker": {"color": _color(row.model)}, "text": [f"{100 * row.accuracy:.0f} %"], "textposition": "outside",
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
              baseline_label: str = "") -> go.Figure:
    """Final loss per model (tidy ``model, label, loss``), the memoryless baseline dashed."""
    data = [{
        "type": "bar", "x": [row.label], "y": [row.loss], "name": row.label, "showlegend": False,
        "marker": {"color": _color(row.model)}, "text": [f"{row.loss:.3g}"], "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.4g}<extra></extra>",
    } for row in df.itertuples()]
    top = max([*df["loss"].tolist(), baseline or 0.0, 1e-9])
    return _figure(data, title=title, x_title=x_title, y_title=y_title,
                   reference=None if baseline is None else (baseline, baseline_label),
                   yaxis={"range": [0, 1.2 * top], "rangemode": "tozero"}, bargap=0.35)
