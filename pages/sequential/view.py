"""Station 1's view: everything the page shows for one arrangement, computed once per server.

``view(pos_a, pos_b, mix, lang, present, versions)`` is a pure function of its parameters
(``st.cache_resource``: the first student to ask for a parameter set pays, everyone after gets
the same object). The figures come styled for the language and presenter mode and the sentences
come written in the language (:class:`Sentences`); the page shows them as they are. Nothing here
reads session state, and nothing that uses a view may modify it (tests/pages/sequential/test_app.py
hashes the cached figures before and after two sessions render them). What is this session's own
(the change since its previous order, its number of shuffles) is joined to the view by
:func:`delta_text` and :func:`evidence`.

The verdict on an answer p = P(A before B) (``rnn_core.verdicts``): "yes" when p ≥ 0.5, with
confidence max(p, 1 − p); right or wrong against the truth (A's place < B's place), a guess when
|p − 0.5| ≤ ``GUESS_BAND``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.sequential.charts import arrangements_figure, unrolled_steps_figure
from pages.sequential.evidence import Station1
from rnn_core import order_eval
from rnn_core.verdicts import GUESS_BAND, confidence, verdict
from ui.shell import models as models_cache
from ui.shell.i18n import t
from ui.shell.numbers import fixed, percent
from ui.shell.theme import style_figure

FF, RNN = "order_ff_bag", "order_rnn"  # names in rnn_core/weights/manifest.json
MODEL_KEYS = {FF: "ff", RNN: "rnn"}  # manifest name -> colour / chart key
TEST_SIZE = 2000


@dataclass(frozen=True)
class Card:
    """One model's answer, written out: the metric's label and value and the verdict sentence."""

    label: str  # "tanh RNN — P(A came before B)"
    value: str  # "99.9%"
    verdict: str  # "tanh RNN says **yes** (A before B) with 100% confidence — right."


@dataclass(frozen=True)
class Sentences:
    """Station 1's sentences for one arrangement, in the view's language."""

    sequence: str  # "Your sequence: C · **A** · …"
    truth: str
    cards: dict[str, Card]  # manifest name -> its answer card
    ff_same: str
    guess_rule: str
    latex: tuple[str, str]  # the RNN's and the feedforward's equations
    accuracy: dict[str, str]  # manifest name -> test accuracy, formatted
    accuracy_source: str


@dataclass(frozen=True)
class View:
    """Everything station 1 shows for one arrangement (shared by every session: read only)."""

    tokens: tuple[str, ...]
    answers: dict[str, float]  # manifest name -> P(A before B)
    steps_fig: go.Figure
    heat: pd.DataFrame
    orders_fig: go.Figure
    orders: pd.DataFrame
    accuracy: dict[str, float]
    measured: bool
    texts: Sentences
    found: Station1  # the evidence, before this session's number of shuffles is joined (:func:`evidence`)


def _manifest_accuracy(name: str) -> float | None:
    """Test accuracy recorded in the weights manifest (None if it has none)."""
    value = (models_cache.manifest().get(name, {}).get("metrics") or {}).get("accuracy")
    return float(value) if isinstance(value, int | float) else None


@st.cache_resource(max_entries=64, show_spinner=False)
def view(pos_a: int, pos_b: int, mix: int, lang: str, present: bool, versions: tuple[str, str]) -> View:
    """The whole station for one arrangement, language and presenter mode (figures styled).

    ``versions`` names the models (``models_cache.version``): "pretrained" or a retrain's job
    key, so a retrained model gets views of its own.
    """
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    models = {name: models_cache.model_for(name, v) for name, v in zip((FF, RNN), versions, strict=True)}
    tokens = order_eval.arrange(pos_a, pos_b, mix)
    answers = {name: order_eval.answer(model, tokens) for name, model in models.items()}
    states = order_eval.hidden_states(models[RNN], tokens)

    scale = 1.35 if present else 1.0
    steps_fig = unrolled_steps_figure(
        tokens, states, percent(answers[RNN], lang), title=tr("sequential.unrolled_title"), input_label=tr("sequential.unrolled_input"),
        state_label=tr("sequential.unrolled_state"), output_label=tr("sequential.unrolled_output"), heat_label=tr("sequential.heat_x"),
        unit_label=tr("sequential.heat_y"), value_label=tr("sequential.heat_value"), play_label=tr("sequential.steps_play"),
        pause_label=tr("sequential.steps_pause"), step_prefix=tr("sequential.steps_prefix"), scale=scale)
    steps_height = round((460 + 18 * states.shape[1]) * scale)
    style_figure(steps_fig, present=present, height=steps_height, lang=lang)
    heat = pd.DataFrame(states, columns=[f"h{u}" for u in range(1, states.shape[1] + 1)])
    heat.insert(0, "token", tokens)
    heat.insert(0, "step", range(1, len(tokens) + 1))

    orders = pd.DataFrame(order_eval.all_orders({MODEL_KEYS[n]: m for n, m in models.items()}, mix))
    names = {MODEL_KEYS[n]: tr(f"sequential.model_{MODEL_KEYS[n]}") for n in (FF, RNN)}
    orders_fig = arrangements_figure(orders, (pos_a, pos_b), names, title=tr("sequential.arr_title"), x_label=tr("sequential.arr_x"),
                                     y_label=tr("sequential.arr_y"), current_label=tr("sequential.arr_current"),
                                     chance_label=tr("sequential.arr_chance"))
    style_figure(orders_fig, present=present, lang=lang)

    accuracy, measured = {}, False
    for name, v in zip((FF, RNN), versions, strict=True):
        value = _manifest_accuracy(name) if v == "pretrained" else None
        if value is None:
            value, measured = order_eval.accuracy(models[name], TEST_SIZE), True
        accuracy[name] = value
    return View(tuple(tokens), answers, steps_fig, heat, orders_fig, orders, accuracy, measured,
                _sentences(tokens, pos_a < pos_b, answers, accuracy, measured, lang), _found(tokens, orders, accuracy))


def _sentences(tokens: list[str], truth: bool, answers: dict[str, float], accuracy: dict[str, float],
               measured: bool, lang: str) -> Sentences:
    """Every sentence of the page that carries a number or a verdict, in ``lang``."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    cards = {}
    for name in (FF, RNN):
        p = answers[name]
        model = tr(f"sequential.model_{MODEL_KEYS[name]}")
        cards[name] = Card(f"{model} — {tr('sequential.question')}", percent(p, lang, 1), tr(
            "sequential.verdict", model=model, says=tr("sequential.says_yes") if p >= 0.5 else tr("sequential.says_no"),
            conf=percent(confidence(p), lang), right=tr(f"sequential.grade_{verdict(p, truth)}")))
    before = r"P(\text{" + tr("sequential.latex_before") + "})"
    latex = (r"h_t = \tanh\left(W x_t + U h_{t-1} + b\right),\quad h_0 = 0,\qquad " + before
             + r" = \operatorname{softmax}(V h_T + c)_1",
             r"\text{feedforward:}\quad " + before
             + r" = \operatorname{softmax}\!\Big(\mathrm{MLP}\big(\tfrac{1}{T}\textstyle\sum_{t=1}^{T} x_t\big)\Big)_1")
    return Sentences(
        sequence=tr("sequential.sequence", tokens=" · ".join(f"**{tok}**" if tok in "AB" else tok for tok in tokens)),
        truth=tr("sequential.truth_before") if truth else tr("sequential.truth_after"),
        cards=cards,
        ff_same=tr("sequential.ff_same", p=percent(answers[FF], lang, 1)),
        guess_rule=tr("sequential.guess_rule", lo=percent(0.5 - GUESS_BAND, lang), hi=percent(0.5 + GUESS_BAND, lang)),
        latex=latex,
        accuracy={name: percent(value, lang) for name, value in accuracy.items()},
        accuracy_source=tr("sequential.acc_source_measured", n=TEST_SIZE) if measured
        else tr("sequential.acc_source_manifest"),
    )


def _found(tokens: list[str], orders: pd.DataFrame, accuracy: dict[str, float]) -> Station1:
    """What the student found here: the accuracies, the bag's spread over every order (0: one answer
    for all), the RNN's lowest and highest P(A before B), the sequence (no shuffles counted yet)."""
    ff_values = orders.loc[orders["model"] == "ff", "p_before"].to_numpy()
    rnn_values = orders.loc[orders["model"] == "rnn", "p_before"].to_numpy()
    return Station1(
        ff_accuracy=round(accuracy[FF], 4),
        rnn_accuracy=round(accuracy[RNN], 4),
        ff_answer_spread=round(float(np.ptp(ff_values)), 6),
        rnn_answer_range=[round(float(rnn_values.min()), 4), round(float(rnn_values.max()), 4)],
        sequence="".join(tokens),
        shuffles=0,
    )


def evidence(view: View, shuffles: int) -> Station1:
    """This session's evidence: the view's, with the session's number of shuffles (a new value;
    the cached one is left as it is)."""
    return replace(view.found, shuffles=int(shuffles))


def unchanged(p: float, before: float | None) -> bool:
    """Whether the answer is the same as for the previous order, to the 0.1 pp shown."""
    return before is not None and round(abs(p - before) * 100, 1) == 0


def delta_text(p: float, before: float | None, lang: str) -> str | None:
    """The change of an answer since the previous order, in percentage points ("+12.5 pp since the
    previous order"; "same as the previous order" when it rounds to zero; None when there is no
    previous order). The unit and the words come from the catalog."""
    if before is None:
        return None
    if unchanged(p, before):
        return t("sequential.delta_same", lang)
    change = (p - before) * 100
    return t("sequential.delta_pp", lang, change=("+" if change >= 0 else "-") + fixed(abs(change), 1, lang))
