"""Station 3's views: pure functions of the control values, computed once per server and shared.

The page (``pages/gradients/page.py``) reads its controls and calls these; each returns everything
one section shows — texts already translated and numbers already written (``ui.shell.numbers``),
figures already styled for the language and presenter mode — so a warm rerun only sends what is
cached. Views are ``st.cache_resource`` (bounded): the figures are shared objects, not copies
(unpickling a Plotly figure on every hit, as ``st.cache_data`` would, costs more than the page's
whole budget), so **nothing returned here may be changed by a caller**: ``ui.widgets.chart.chart(...,
styled=True)`` shows a figure as is. The measurements behind them are ``st.cache_data``.

Sections and what they depend on:

* :func:`line_view`: the regime badge, the telephone game (with its step-through), the gradient by
  distance and the RNN/LSTM/GRU comparison: the row's controls (init, gain, φ, size, T, seed).
* :func:`cliff_view`: Pascanu's cliff: learning rate and clipping threshold; :func:`cliff_aside`:
  the honest aside (another start, and a census over a grid of starts), no controls.
* :func:`training_view`: the charts of a finished exploding/clipped pair (``rnn_core.explode``),
  keyed by its seed (the runs are deterministic; the result itself comes from ``services.jobs``).
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.gradients import charts
from pages.gradients.evidence import Station3
from rnn_core import cliff
from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE, Pair
from rnn_core.gradients import GradientProbe, gradient_norms, probe
from ui.figures.parts import legend_under_title
from ui.shell.i18n import t
from ui.shell.numbers import fixed, integer, measured, setting
from ui.shell.theme import MODEL_COLORS, style_figure

VIEW_ENTRIES = 64
FORGET_OPEN = 2.0  # forget-gate bias of the "gate held open" LSTM line (bridge to station 4)
DISTANCE_PROBE = 50  # the distance whose ratio is recorded for the conclusion page
NONLINEARITY_NAMES = {"tanh": "tanh", "relu": "ReLU", "linear": "linear"}
"""rnn_core name → the label a student sees (the same in both languages; the page's radio keeps it in
the URL), for each of ``rnn_core.gradients.NONLINEARITIES``."""


@dataclass(frozen=True)
class Shown:
    """One chart as the page shows it: the figure (styled, shared: never modify it), its caption
    key with the caption's values already written, the CSV rows and the download's name."""

    fig: go.Figure
    caption_key: str
    caption_fmt: dict[str, str]
    data: pd.DataFrame | None
    name: str


def _show(fig: go.Figure, caption_key: str, name: str, *, lang: str, present: bool, height: int,
          data: pd.DataFrame | None = None, player: bool = False, **caption_fmt: Any) -> Shown:
    """Style ``fig`` for this language and presenter mode and freeze it for sharing.

    The frozen figure holds its arrays already encoded as Plotly's typed-array specs (the figure's
    own JSON, read back), so ``st.plotly_chart`` does not deep-copy and re-encode every numpy
    array on every rerun (half the cost of sending the telephone game)."""
    legend_under_title(style_figure(fig, present=present, height=tall(height, present), lang=lang))
    if player:
        charts.make_room_for_player(fig, present)
    lean = go.Figure(json.loads(fig.to_json()))
    return Shown(lean, caption_key, {k: str(v) for k, v in caption_fmt.items()}, data, name)


def tall(pixels: int, present: bool) -> int:
    """A chart height, a third taller in presenter mode (larger fonts need the room)."""
    return round(pixels * 1.35) if present else pixels


def value_texts(lang: str) -> dict[str, str]:
    """How 0, ∞ and NaN read in hovers and legends."""
    return {key: t(f"gradients.value_{key}", lang) for key in
            ("underflow", "overflow", "nan", "underflow_marker", "overflow_marker")}


# --------------------------------------------------------------------------- measurements


@st.cache_data(max_entries=VIEW_ENTRIES, show_spinner=False)
def measure_rnn(nonlinearity: str, gain: float | None, length: int, hidden: int, seed: int) -> GradientProbe:
    """The plain RNN of the controls: both views, σ_max, the regime."""
    return probe("rnn", length=length, hidden=hidden, gain=gain, nonlinearity=nonlinearity, seed=seed)


@st.cache_data(max_entries=VIEW_ENTRIES, show_spinner=False)
def measure_gated(gain: float | None, length: int, hidden: int, seed: int) -> dict[str, np.ndarray]:
    """‖∂L/∂h_t‖ of an LSTM, a GRU and an LSTM with its forget gate held open, same init
    (``gradient_norms``: the backward view only, half the work of a full ``probe``)."""
    return {
        "lstm": gradient_norms("lstm", length=length, hidden=hidden, gain=gain, seed=seed),
        "gru": gradient_norms("gru", length=length, hidden=hidden, gain=gain, seed=seed),
        "lstm_open": gradient_norms("lstm", length=length, hidden=hidden, gain=gain, seed=seed,
                                    forget_bias=FORGET_OPEN),
    }


# --------------------------------------------------------------------------- the row: badge, telephone, distance


@dataclass(frozen=True)
class LineView:
    """Everything that depends on the row's controls."""

    regime: str
    badge: str
    badge_color: str
    badge_icon: str
    analogy: str
    sigma: str
    pascanu: tuple[str, ...]
    phone: Shown
    distance: Shown
    cells: Shown
    evidence: Station3


def theory_line(p: GradientProbe, init: str, lang: str) -> tuple[np.ndarray, str, bool]:
    """``g^k`` (exact: linear RNN with U = g·Q) or Pascanu's bound ``(γ σ_max)^k``, by distance."""
    distance = p.distance.astype(np.float64)
    if p.nonlinearity == "linear" and init == "orthogonal":
        return p.gain ** distance, t("gradients.dist_theory_exact", lang, g=setting(p.gain, lang)), True
    return (p.gamma * p.max_singular_value) ** distance, t("gradients.dist_theory_bound", lang), False


def cell_sentence(name: str, norms: np.ndarray, lang: str, texts: dict[str, str]) -> str:
    """What one cell's ‖∂L/∂h_t‖ did along the row, measured: grew (its largest value above 1, and
    where) or faded (what is left at the far end)."""
    norms = np.asarray(norms, dtype=np.float64)
    length = len(norms)
    finite = np.where(np.isfinite(norms), norms, np.inf)
    peak = int(np.argmax(finite))
    if finite[peak] > 1.0:
        return t("gradients.cells_grows", lang, cell=name, value=charts.value_text(finite[peak], texts, lang),
                 k=length - 1 - peak)
    return t("gradients.cells_fades", lang, cell=name, value=charts.value_text(norms[0], texts, lang), k=length - 1)


@st.cache_resource(max_entries=VIEW_ENTRIES, show_spinner=False)
def line_view(init: str, gain: float | None, nonlinearity: str, hidden: int, length: int, seed: int, lang: str,
              present: bool) -> LineView:
    """The regime badge, the telephone game, the gradient by distance and the cells chart."""
    rnn = measure_rnn(nonlinearity, gain, length, hidden, seed)
    gated = measure_gated(gain, length, hidden, seed)
    texts = value_texts(lang)
    nl_name = NONLINEARITY_NAMES[nonlinearity]
    regime = rnn.regime
    # the badge and the Pascanu line
    sigma, inv_gamma = rnn.max_singular_value, 1 / rnn.gamma
    if math.isclose(sigma, inv_gamma, rel_tol=1e-6):
        verdict = t("gradients.pascanu_edge", lang, regime=t(f"gradients.regime_short_{regime}", lang))
    elif sigma < inv_gamma:
        verdict = t("gradients.pascanu_sufficient", lang)
    else:
        verdict = t("gradients.pascanu_necessary", lang, regime=t(f"gradients.regime_short_{regime}", lang))
    pascanu = (t("gradients.pascanu_line", lang, sigma=measured(sigma, lang, 4), inv=setting(inv_gamma, lang),
                 gamma=setting(rnn.gamma, lang), nl=nl_name), verdict)
    far = float(rnn.backward[0])
    # 1 the telephone game, with its step-through
    people = charts.shown_people(rnn.length)
    phone_texts = {
        **texts,
        "title": t("gradients.phone_title", lang, n=len(people), total=rnn.length),
        **{key: t(f"gradients.phone_{key}", lang) for key in (
            "row_forward", "row_backward", "forward_name", "backward_name", "colorbar", "person", "from_start",
            "to_loss", "play", "pause", "again", "step", "step_short", "front")},
        "x_title": t("gradients.phone_x", lang),
    }
    phone_fig = charts.telephone_figure(rnn.forward, rnn.backward, texts=phone_texts, lang=lang, animate=True)
    phone = _show(phone_fig, "gradients.phone_caption", "s3-telephone", lang=lang, present=present, height=430,
                  data=charts.telephone_frame(rnn.forward, rnn.backward), player=True,
                  first=charts.value_text(float(rnn.forward[-1]), texts, lang), last=charts.value_text(far, texts, lang),
                  k=rnn.length)
    # 2 the gradient by distance
    theory, theory_name, exact = theory_line(rnn, init, lang)
    dist_texts = {**texts, "title": t("gradients.dist_title", lang, nl=nl_name), "x_title": t("gradients.dist_x", lang),
                  "y_title": t("gradients.dist_y", lang), "measured": t("gradients.dist_measured", lang), "theory": theory_name}
    distance = _show(charts.distance_figure(rnn.distance, rnn.backward, theory, texts=dist_texts, lang=lang),
                     "gradients.dist_caption_exact" if exact else f"gradients.dist_caption_{nonlinearity}", "s3-distance",
                     lang=lang, present=present, height=400,
                     data=charts.distance_frame(rnn.distance, rnn.backward, theory))
    # 2b the cells at the same length
    names = {"rnn": t("gradients.cells_rnn", lang, nl=nl_name), "lstm": "LSTM", "gru": "GRU",
             "lstm_open": t("gradients.cells_lstm_open", lang, b=setting(FORGET_OPEN, lang))}
    curves = [
        (names["rnn"], rnn.backward, MODEL_COLORS["rnn"], "solid"),
        (names["lstm"], gated["lstm"], MODEL_COLORS["lstm"], "solid"),
        (names["gru"], gated["gru"], MODEL_COLORS["gru"], "solid"),
        (names["lstm_open"], gated["lstm_open"], MODEL_COLORS["lstm"], "dash"),
    ]
    cells_texts = {**texts, "title": t("gradients.cells_title", lang, T=rnn.length), "x_title": t("gradients.dist_x", lang),
                   "y_title": t("gradients.dist_y", lang)}
    cells = _show(charts.cells_figure(rnn.distance, curves, texts=cells_texts, lang=lang), "gradients.cells_caption",
                  "s3-cells", lang=lang, present=present, height=400,
                  data=charts.cells_frame(rnn.distance, {"rnn": rnn.backward, **gated}),
                  **{key: cell_sentence(names[key], gated[key], lang, texts) for key in ("lstm", "gru", "lstm_open")})
    evidence = Station3(
        regime=regime, kind="rnn", nonlinearity=nonlinearity, init=init, gain=gain, length=rnn.length,
        hidden=rnn.hidden, seed=seed, max_singular_value=rnn.max_singular_value, distance_probe=DISTANCE_PROBE,
        ratio_at_distance=float(rnn.backward[rnn.length - 1 - DISTANCE_PROBE]) if rnn.length > DISTANCE_PROBE else None,
        norms=[float(v) for v in rnn.backward], distances=[int(d) for d in rnn.distance],
        lstm_ratio_at_distance=float(gated["lstm"][rnn.length - 1 - DISTANCE_PROBE])
        if rnn.length > DISTANCE_PROBE else None,
    )
    return LineView(
        regime=regime,
        badge=t(f"gradients.regime_{regime}", lang),
        badge_color={"vanishing": "blue", "stable": "green", "exploding": "red"}[regime],
        badge_icon={"vanishing": ":material/volume_mute:", "stable": ":material/volume_up:",
                    "exploding": ":material/campaign:"}[regime],
        analogy=t(f"gradients.analogy_{regime}", lang, k=rnn.length - 1, value=charts.value_text(far, texts, lang)),
        sigma=measured(sigma, lang, 4),
        pascanu=pascanu,
        phone=phone,
        distance=distance,
        cells=cells,
        evidence=evidence,
    )


# --------------------------------------------------------------------------- Pascanu's cliff


@dataclass(frozen=True)
class CliffView:
    surface: Shown
    losses: Shown
    jump: float
    free_final: float
    clipped_final: float


@st.cache_data(max_entries=VIEW_ENTRIES, show_spinner=False)
def measure_cliff(lr: float, threshold: float, n: int = 121):
    """Both descent paths from the default start, and the loss surface over a box holding them.

    Paths are cut after the last step reached (rows of NaN mean "never got there")."""
    free = cliff.descent_paths([cliff.DEFAULT_START], lr=lr, steps=cliff.DEFAULT_STEPS)[0]
    clipped = cliff.descent_paths([cliff.DEFAULT_START], lr=lr, steps=cliff.DEFAULT_STEPS, clip=threshold)[0]
    finals = cliff.final_loss(free), cliff.final_loss(clipped)
    free, clipped = (p[np.isfinite(p).any(axis=1)] for p in (free, clipped))
    w_range, b_range = charts.cliff_view([free, clipped], (cliff.W_RANGE, cliff.B_RANGE))
    w_grid, b_grid, loss = cliff.loss_surface(w_range, b_range, n=n)
    return w_grid[0], b_grid[:, 0], loss, free, clipped, finals


@st.cache_resource(max_entries=VIEW_ENTRIES, show_spinner=False)
def cliff_view(lr: float, threshold: float, lang: str, present: bool) -> CliffView:
    """The cliff's surface with both paths, and the loss along each path."""
    w_axis, b_axis, surface, free_path, clip_path, (free_final, clipped_final) = measure_cliff(lr, threshold)
    texts = value_texts(lang)
    free_name, clip_name = t("gradients.cliff_free", lang), t("gradients.cliff_clipped", lang, c=setting(threshold, lang))
    cliff_texts = {**texts, **{key: t(f"gradients.cliff_{key}", lang) for key in ("title", "colorbar", "start", "loss",
                                                                          "jump")},
                   "x_title": t("gradients.cliff_x", lang), "y_title": t("gradients.cliff_y", lang)}
    jump_step, jump = charts.largest_step(free_path)
    _clip_step, clip_jump = charts.largest_step(clip_path)
    paths = [(free_name, free_path, charts.UNCLIPPED_COLOR), (clip_name, clip_path, charts.CLIPPED_COLOR)]
    surface_shown = _show(
        charts.cliff_figure(w_axis, b_axis, surface, paths, texts=cliff_texts, lang=lang),
        "gradients.cliff_caption", "s3-cliff", lang=lang, present=present, height=520,
        data=charts.cliff_frame({free_name: free_path, clip_name: clip_path}),
        jump=measured(jump, lang), step=jump_step, clip_jump=measured(clip_jump, lang),
        rate=setting(lr, lang), c=setting(threshold, lang))
    path_texts = {**texts, "title": t("gradients.cliff_path_title", lang), "x_title": t("gradients.cliff_path_x", lang),
                  "y_title": t("gradients.cliff_path_y", lang), "exploded": t("gradients.train_exploded", lang)}
    if jump <= cliff.THROWN:
        verdict = "calm"
    else:
        verdict = "worse" if free_final > clipped_final else "better"
    losses = _show(
        charts.training_figure([(free_name, free_path[:, 2], charts.UNCLIPPED_COLOR, None),
                                (clip_name, clip_path[:, 2], charts.CLIPPED_COLOR, None)],
                               texts=path_texts, lang=lang, first_step=0),
        f"gradients.cliff_path_caption_{verdict}", "s3-cliff-loss", lang=lang, present=present, height=360,
        free=measured(free_final, lang), clipped=measured(clipped_final, lang), jump=measured(jump, lang),
        step=jump_step, before=charts.value_text(free_path[jump_step - 1, 2], texts, lang) if jump_step else "",
        after=charts.value_text(free_path[jump_step, 2], texts, lang) if jump_step else "")
    return CliffView(surface_shown, losses, jump, free_final, clipped_final)


@st.cache_data(max_entries=4, show_spinner=False)
def measure_census() -> dict[str, int]:
    """How thrown paths end, over a grid of starts at the default learning rate and threshold
    (:func:`rnn_core.cliff.throw_census`; a few seconds, once per server)."""
    return cliff.throw_census(cliff.DEFAULT_LR, cliff.DEFAULT_THRESHOLD)


@st.cache_resource(max_entries=4, show_spinner=False)
def cliff_aside(lang: str) -> str:
    """The honest aside, written out (markdown)."""
    m = measure_census()
    return t("gradients.cliff_aside", lang, rate=setting(cliff.DEFAULT_LR, lang), c=setting(cliff.DEFAULT_THRESHOLD, lang),
             starts=integer(m["starts"], lang), thrown=m["thrown"], better=m["thrown_better"],
             worse=m["thrown_worse"], limit=setting(cliff.THROWN, lang))


# --------------------------------------------------------------------------- the exploding run


@dataclass(frozen=True)
class TrainingView:
    free_message: str
    free_exploded: bool
    clipped_message: str
    clipped_exploded: bool
    seconds: str
    loss: Shown
    norm: Shown


@st.cache_resource(max_entries=VIEW_ENTRIES, show_spinner=False)
def training_view(seed: int, lang: str, present: bool, _pair: Pair) -> TrainingView:
    """The charts and verdicts of a finished pair. Keyed by ``seed`` (with the language and presenter
    mode): the runs are deterministic, so every pair of one seed is the same pair."""
    texts = value_texts(lang)
    c = setting(RECIPE.clip_threshold, lang)
    names = {"free": t("gradients.train_free", lang), "clipped": t("gradients.train_clipped", lang, c=c)}
    colors = {"free": charts.UNCLIPPED_COLOR, "clipped": charts.CLIPPED_COLOR}
    runs = {"free": _pair.free, "clipped": _pair.clipped}
    frame = charts.training_frame({names[k]: {"losses": r.losses, "grad_norms": r.grad_norms}
                                   for k, r in runs.items()})
    loss_texts = {**texts, "title": t("gradients.train_loss_title", lang), "x_title": t("gradients.train_x", lang),
                  "y_title": t("gradients.train_loss_y", lang), "exploded": t("gradients.train_exploded", lang)}
    loss = _show(charts.training_figure([(names[k], r.losses, colors[k], r.exploded_at) for k, r in runs.items()],
                                        texts=loss_texts, lang=lang, baseline=ADDING_BASELINE_MSE,
                                        baseline_name=t("gradients.train_baseline", lang)),
                 "gradients.train_loss_caption", "s3-train-loss", lang=lang, present=present, height=380, data=frame)
    norm_texts = {**texts, "title": t("gradients.train_norm_title", lang), "x_title": t("gradients.train_x", lang),
                  "y_title": t("gradients.train_norm_y", lang), "exploded": t("gradients.train_exploded", lang)}
    norm = _show(charts.training_figure([(names[k], r.grad_norms, colors[k], r.exploded_at) for k, r in runs.items()],
                                        texts=norm_texts, lang=lang, threshold=RECIPE.clip_threshold,
                                        threshold_name=t("gradients.train_threshold", lang, c=c)),
                 "gradients.train_norm_caption", "s3-train-norm", lang=lang, present=present, height=380)
    free, tame = _pair.free, _pair.clipped
    baseline = measured(ADDING_BASELINE_MSE, lang)
    return TrainingView(
        free_message=t("gradients.train_free_exploded", lang, step=free.exploded_at) if free.exploded_at
        else t("gradients.train_free_survived", lang, steps=free.steps),
        free_exploded=bool(free.exploded_at),
        clipped_message=t("gradients.train_clip_exploded", lang, step=tame.exploded_at) if tame.exploded_at
        else t("gradients.train_clip_ok", lang, loss=measured(tame.final_loss, lang), baseline=baseline),
        clipped_exploded=bool(tame.exploded_at),
        seconds=f"{fixed(_pair.seconds, 1, lang)} s",
        loss=loss,
        norm=norm,
    )


def with_results(evidence: Station3, *, cliff_jump: float | None = None, pair: Pair | None = None) -> Station3:
    """``evidence`` with the cliff's jump and the training outcome filled in (a new value)."""
    changes: dict[str, Any] = {}
    if cliff_jump is not None:
        changes["cliff_jump"] = float(cliff_jump)
    if pair is not None and not pair.stopped:
        changes["exploded_at"] = pair.free.exploded_at
        changes["clipped_final_loss"] = float(pair.clipped.final_loss)
    return dataclasses.replace(evidence, **changes) if changes else evidence
