"""Station 6's views: each lesson's evidence as panels, computed once per server.

``lesson1_view``, ``lesson2_view``, ``lesson3_view`` (and the texts ``lesson3_more``,
``latch_done``) are pure functions of their parameters — the language, presenter mode and the
student's evidence as plain tuples (``bins``, ``race_tuple`` turn ``ui.shell.evidence`` values into
those) — cached with ``st.cache_resource``: the first student to ask for a parameter set pays,
everyone after gets the same objects (a Plotly figure would cost ~10 ms to unpickle from
``st.cache_data`` on every rerun). The figures come styled; nothing that uses a view may
modify it. Nothing here reads session state.

Evidence for each lesson, best first: the student's own results, the pretrained models'
manifest, and cheap live measurements (real float64 backward passes through
``rnn_core.gradients``).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.conclusion import charts
from pages.conclusion.charts import Panel
from pages.gradients.evidence import Station3
from pages.lab.evidence import Station5
from pages.sequential.evidence import Station1
from pages.series.evidence import Station2
from rnn_core.manifest import (
    NEAR_CHANCE,
    is_order_task,
    is_realistic_series,
    is_simple_series,
    manifest_accuracy,
    manifest_accuracy_at,
    manifest_by_distance,
)
from rnn_core.race import RACE_TASKS
from services import race_runner as runner
from ui.figures.parts import legend_room
from ui.shell import models as models_cache
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.theme import style_figure

LENGTH = 100  # time steps of the live gradient measurements
BIASES = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
_PROBE_ERRORS = (ImportError, AttributeError, TypeError, ValueError, RuntimeError)
Bins = tuple[tuple[str, str, float], ...]  # (model, distance bin, accuracy)
# The Lab race that shows gates are no cure: the latch at T = 50 with the Lab's default settings.
LATCH = runner.Settings.of({**runner.RACE_DEFAULTS, "task": "latch", "length": 50})


# --------------------------------------------------------------------------- live measurements


@st.cache_data(show_spinner=False, max_entries=4)
def telephone_norms(length: int = LENGTH) -> pd.DataFrame:
    """‖∂L/∂h_t‖ for a tanh RNN (gain 0.9), a linear RNN (gain 1.1) and an LSTM (forget bias 2)."""
    from rnn_core.gradients import gradient_norms

    runs = (("rnn_tanh", "rnn", {"gain": 0.9, "nonlinearity": "tanh"}, "solid"),
            ("rnn_linear", "rnn", {"gain": 1.1, "nonlinearity": "linear"}, "dash"),
            ("lstm", "lstm", {"forget_bias": 2.0}, "solid"))
    frames = []
    for series, kind, kwargs, dash in runs:
        norms = np.asarray(gradient_norms(kind, length=length, **kwargs), dtype=np.float64)
        # norms[t] sits T-1-t steps from the loss: reverse so each series runs from distance 0 up.
        frames.append(pd.DataFrame({"series": series, "model": kind, "distance": np.arange(length),
                                    "norm": norms[::-1], "dash": dash}))
    return pd.concat(frames, ignore_index=True)


@st.cache_data(show_spinner=False, max_entries=4)
def bias_sweep(length: int = LENGTH, biases: tuple[float, ...] = BIASES) -> tuple[pd.DataFrame, float]:
    """Gradient left at distance ``length − 1`` against the LSTM forget / GRU update gate bias,
    plus the plain tanh RNN at the same distance (PyTorch's default init for all three)."""
    from rnn_core.gradients import gradient_norms

    rows = [{"model": kind, "bias": b, "norm": float(gradient_norms(kind, length=length, forget_bias=b)[0])}
            for kind in ("lstm", "gru") for b in biases]
    rnn = float(gradient_norms("rnn", length=length)[0])
    return pd.DataFrame(rows), rnn


# --------------------------------------------------------------------------- views (cached, shared)


def _labels(lang: str) -> dict[str, str]:
    return {m: t(f"conclusion.model_{m}", lang) for m in charts.MODELS}


def _styled(fig: go.Figure, lang: str, present: bool) -> go.Figure:
    return legend_room(style_figure(fig, present=present, lang=lang), present)


def _accuracy_panel(table: pd.DataFrame, badges, title_key: str, caption_key: str, name: str, lang: str,
                    present: bool) -> Panel:
    fig = charts.accuracy_bars(table, title=t(title_key, lang), x_title=t("conclusion.model_axis", lang),
                               y_title=t("conclusion.acc_axis", lang), chance=0.5, chance_label=t("conclusion.chance", lang), lang=lang)
    return Panel(badges, _styled(fig, lang, present), t(caption_key, lang), table, name)


def _distance_panel(table: pd.DataFrame, badges, title_key: str, caption_key: str, name: str, lang: str,
                    present: bool) -> Panel:
    fig = charts.accuracy_distance_lines(table, title=t(title_key, lang), x_title=t("conclusion.distance_axis", lang),
                                         y_title=t("conclusion.acc_axis", lang), chance=0.5,
                                         chance_label=t("conclusion.chance", lang))
    return Panel(badges, _styled(fig, lang, present), t(caption_key, lang), table, name)


def _own_series(bins: Bins, lines_title: str, bars_title: str, caption: str, name: str, lang: str,
                present: bool) -> Panel | None:
    """Station 2's accuracy by distance as lines, or (a single bin) as one bar per model."""
    labels = _labels(lang)
    lines = charts.distance_table(bins, labels)
    if not lines.empty:
        return _distance_panel(lines, (("own", 2),), lines_title, caption, name, lang, present)
    means: dict[str, list[float]] = {}
    for model, _, accuracy in bins:
        means.setdefault(model, []).append(accuracy)
    bars = charts.accuracy_table(((m, float(np.mean(v))) for m, v in means.items()), labels, source="series")
    return None if bars.empty else _accuracy_panel(bars, (("own", 2),), bars_title, caption, name, lang, present)


@st.cache_resource(max_entries=64, show_spinner=False)
def lesson1_view(lang: str, present: bool, order: tuple[tuple[str, float], ...] | None,
                 simple: Bins | None) -> tuple[Panel, ...]:
    """Order task (station 1) and simple series (station 2): the student's own results, else the
    pretrained models. Empty when there is nothing to show."""
    labels, manifest = _labels(lang), models_cache.manifest()
    panels = []
    own = charts.accuracy_table(order or (), labels, source="sequential")
    if not own.empty:
        panels.append(_accuracy_panel(own, (("own", 1),), "conclusion.l1_own_title", "conclusion.l1_own_caption",
                                      "s6-lesson1-station1", lang, present))
    else:
        pretrained = charts.accuracy_table(manifest_accuracy(manifest, is_order_task), labels,
                                           source="manifest")
        if not pretrained.empty:
            panels.append(_accuracy_panel(pretrained, (("pretrained", None),), "conclusion.l1_manifest_title",
                                          "conclusion.l1_manifest_caption", "s6-lesson1-pretrained", lang, present))
    series = simple and _own_series(simple, "conclusion.l1_series_title", "conclusion.l1_series_bars_title", "conclusion.l1_series_caption",
                                    "s6-lesson1-station2", lang, present)
    if not series:
        curves = charts.distance_table(manifest_by_distance(manifest, is_simple_series), labels)
        if not curves.empty:
            series = _distance_panel(curves, (("pretrained", None),), "conclusion.l1_series_title",
                                     "conclusion.l1_series_manifest_caption", "s6-lesson1-series-pretrained", lang, present)
    return tuple(panels) + ((series,) if series else ())


@st.cache_resource(max_entries=64, show_spinner=False)
def lesson2_view(lang: str, present: bool, own: tuple[float, ...] | None, regime: str | None) -> Panel | None:
    """The telephone game measured live (tanh RNN, linear RNN, LSTM), with the student's own curve
    from station 3 if there is one. ``None`` if the gradient probe is unavailable."""
    try:
        df = telephone_norms()
    except _PROBE_ERRORS:
        return None
    names = {"rnn_tanh": t("conclusion.l2_rnn_tanh", lang), "rnn_linear": t("conclusion.l2_rnn_linear", lang),
             "lstm": t("conclusion.l2_lstm", lang)}
    df = df.assign(label=df["series"].map(names))
    if own:
        df = pd.concat([df, charts.norms_table(own).assign(series="you", model="baseline", label=t("conclusion.l2_you", lang),
                                                           dash="solid")], ignore_index=True)
    distance = np.arange(LENGTH)
    theory = pd.DataFrame({"distance": np.concatenate([distance, distance]),
                           "norm": np.concatenate([0.9 ** distance, 1.1 ** distance]),
                           "label": ["0.9ᵏ"] * LENGTH + ["1.1ᵏ"] * LENGTH})
    fig = charts.gradient_lines(df, title=t("conclusion.l2_title", lang), x_title=t("conclusion.l2_x", lang),
                                y_title=t("conclusion.l2_y", lang), theory=theory, theory_label=t("conclusion.l2_theory", lang))
    far = df[df["distance"] == LENGTH - 1].set_index("series")["norm"]
    caption = t("conclusion.l2_caption", lang, k=LENGTH - 1, tanh=charts.sci(far.get("rnn_tanh", np.nan), lang),
                linear=charts.sci(far.get("rnn_linear", np.nan), lang), lstm=charts.sci(far.get("lstm", np.nan), lang))
    notes = ((t("conclusion.l2_own", lang),) if own else ()) + (
        (t("conclusion.l2_own_regime", lang, regime=t(f"conclusion.regime_{regime}", lang)),) if regime else ())
    badges = ((("own", 3),) if own or regime else ()) + (("live", None),)
    return Panel(badges, _styled(fig, lang, present), caption, df[["label", "distance", "norm"]],
                 "s6-lesson2-telephone", notes)


@st.cache_resource(max_entries=64, show_spinner=False)
def lesson3_view(lang: str, present: bool, race: tuple | None, realistic: Bins | None) -> tuple[Panel, ...]:
    """The student's race (station 5), the realistic series (station 2 or the pretrained models)
    and the gate-bias sweep measured live. ``race`` = ``(task, length, baseline, ((cell, final
    loss), …))``."""
    labels, panels = _labels(lang), []
    if race is not None:
        task, length, baseline, losses = race
        table = charts.loss_table(losses, labels)
        if not table.empty:
            ce = RACE_TASKS[task].loss == "ce"
            fig = charts.loss_bars(table, title=t("conclusion.l3_race_title", lang), x_title=t("conclusion.model_axis", lang),
                                   y_title=t("conclusion.l3_race_y_ce" if ce else "conclusion.l3_race_y_mse", lang), baseline=baseline,
                                   baseline_label=t("conclusion.l3_race_baseline", lang), lang=lang)
            detail = t("conclusion.l3_race_detail", lang, task=t(f"conclusion.task_{task}", lang), length=length)
            panels.append(Panel((("own", 5),), _styled(fig, lang, present), t("conclusion.l3_race_caption", lang, detail=detail),
                                table, "s6-lesson3-race"))
    series = realistic and _own_series(realistic, "conclusion.l3_series_title", "conclusion.l3_series_bars_title",
                                       "conclusion.l3_series_caption", "s6-lesson3-station2", lang, present)
    if not series:
        manifest = models_cache.manifest()
        curves = charts.distance_table(manifest_by_distance(manifest, is_realistic_series), labels)
        if not curves.empty:
            series = _distance_panel(curves, (("pretrained", None),), "conclusion.l3_manifest_title", "conclusion.l3_manifest_caption",
                                     "s6-lesson3-pretrained", lang, present)
            rnn_d1 = manifest_accuracy_at(manifest, is_realistic_series, "rnn", 1)
            if rnn_d1 is not None:  # near chance at d = 1 is a failure to learn, not forgetting over distance
                key = "conclusion.l3_manifest_rnn_fail" if rnn_d1 < NEAR_CHANCE else "conclusion.l3_manifest_rnn_ok"
                series = dataclasses.replace(series, notes=(t(key, lang, rnn_d1=percent(rnn_d1, lang)),))
    if series:
        panels.append(series)
    try:
        sweep, rnn = bias_sweep()
    except _PROBE_ERRORS:
        return tuple(panels)
    names = {"lstm": t("conclusion.l3_sweep_lstm", lang), "gru": t("conclusion.l3_sweep_gru", lang)}
    sweep = sweep.assign(label=sweep["model"].map(names))
    k = LENGTH - 1
    fig = charts.bias_sweep_lines(sweep, title=t("conclusion.l3_sweep_title", lang, k=k), x_title=t("conclusion.l3_sweep_x", lang),
                                  y_title=t("conclusion.l3_sweep_y", lang, k=k), reference=rnn,
                                  reference_label=t("conclusion.l3_sweep_rnn", lang))
    lstm = sweep[sweep["model"] == "lstm"].set_index("bias")["norm"]
    data = pd.concat([sweep[["label", "bias", "norm"]],
                      pd.DataFrame({"label": [t("conclusion.l3_sweep_rnn", lang)], "bias": [np.nan], "norm": [rnn]})])
    caption = t("conclusion.l3_sweep_caption", lang, low=charts.sci(lstm.get(BIASES[0], np.nan), lang),
                high=charts.sci(lstm.get(BIASES[-1], np.nan), lang), rnn=charts.sci(rnn, lang))
    panels.append(Panel((("live", None),), _styled(fig, lang, present), caption, data, "s6-lesson3-bias"))
    return tuple(panels)


@st.cache_data(max_entries=8, show_spinner=False)
def lesson3_more(lang: str) -> str:
    """Lesson 3's explanation with the numbers it quotes measured: the gradient a bias-0 LSTM keeps
    99 steps back (the live sweep)."""
    try:
        sweep, _ = bias_sweep()
        lstm0 = float(sweep[(sweep["model"] == "lstm") & (sweep["bias"] == 0.0)]["norm"].iloc[0])
    except _PROBE_ERRORS:
        lstm0 = float("nan")
    return t("conclusion.lesson3_more", lang, k=LENGTH - 1, lstm0=charts.sci(lstm0, lang))


@st.cache_data(max_entries=8, show_spinner=False)
def latch_done(lang: str, key: tuple, _race: runner.RaceState) -> str:
    """The finished latch race in one sentence, every number from the race itself."""
    rows = {r["cell"]: r for r in runner.results(_race)}
    acc = {c: percent(rows[c]["final_accuracy"], lang) for c in runner.CELLS}
    s = _race.settings
    return t("conclusion.l3_latch_done", lang, length=s.length, steps=s.steps, seed=s.seed, **acc)


# --------------------------------------------------------------------------- evidence → plain tuples

REGIMES = ("vanishing", "stable", "exploding")  # station 3's regimes lesson 2 can draw


def order(s1: Station1 | None) -> tuple[tuple[str, float], ...] | None:
    """Station 1's accuracies as ``((model, accuracy), …)`` for :func:`lesson1_view`."""
    return (("ff", s1.ff_accuracy), ("rnn", s1.rnn_accuracy)) if s1 else None


def telephone(s3: Station3 | None) -> tuple[tuple[float, ...] | None, str | None]:
    """Station 3's gradient norms and regime (``None`` for a regime lesson 2 cannot draw), for :func:`lesson2_view`."""
    if s3 is None:
        return None, None
    return tuple(s3.norms), s3.regime if s3.regime in REGIMES else None


def bins(s2: Station2 | None, variant: str) -> Bins | None:
    by_model = s2.accuracy_by_distance.get(variant) if s2 else None
    if not by_model:
        return None
    return tuple((str(m), str(b), float(a)) for m, bins in sorted(by_model.items()) for b, a in sorted(bins.items()))


def race_tuple(s5: Station5 | None) -> tuple | None:
    if s5 is None or s5.task not in RACE_TASKS:
        return None
    return (s5.task, int(s5.length), float(s5.baseline),
            tuple((cell, r.final_loss) for cell, r in sorted(s5.results.items())))
