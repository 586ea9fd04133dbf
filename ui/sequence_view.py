"""Station 1's view: everything the page shows for one arrangement, computed once per server.

``view(pos_a, pos_b, mix, lang, present, versions)`` is a pure function of its parameters
(``st.cache_resource``: the first student to ask for a parameter set pays, everyone after gets
the same object). The figures come styled for the language and presenter mode; the page shows
them as they are. Nothing here reads session state, and nothing that uses a view may modify it
(tests/test_app_s1.py hashes the cached figures before and after two sessions render them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from rnn_core import order_eval
from ui import models_cache
from ui.charts.sequence import arrangements_figure, unrolled_steps_figure
from ui.i18n import t
from ui.numbers import percent
from ui.theme import style_figure

FF, RNN = "order_ff_bag", "order_rnn"  # names in rnn_core/weights/manifest.json
MODEL_KEYS = {FF: "ff", RNN: "rnn"}  # manifest name -> colour / chart key
TEST_SIZE = 2000


@dataclass(frozen=True)
class View:
    """Everything station 1 shows for one arrangement (shared by every session: read only)."""

    tokens: tuple[str, ...]
    answers: dict[str, float]  # manifest name -> P(A before B)
    steps_fig: go.Figure
    steps_height: int
    heat: pd.DataFrame
    orders_fig: go.Figure
    orders: pd.DataFrame
    accuracy: dict[str, float]
    measured: bool


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
        tokens, states, percent(answers[RNN], lang), title=tr("s1.unrolled_title"), input_label=tr("s1.unrolled_input"),
        state_label=tr("s1.unrolled_state"), output_label=tr("s1.unrolled_output"), heat_label=tr("s1.heat_x"),
        unit_label=tr("s1.heat_y"), value_label=tr("s1.heat_value"), play_label=tr("s1.steps_play"),
        pause_label=tr("s1.steps_pause"), step_prefix=tr("s1.steps_prefix"), scale=scale)
    steps_height = round((460 + 18 * states.shape[1]) * scale)
    style_figure(steps_fig, present=present, height=steps_height, lang=lang)
    heat = pd.DataFrame(states, columns=[f"h{u}" for u in range(1, states.shape[1] + 1)])
    heat.insert(0, "token", tokens)
    heat.insert(0, "step", range(1, len(tokens) + 1))

    orders = pd.DataFrame(order_eval.all_orders({MODEL_KEYS[n]: m for n, m in models.items()}, mix))
    names = {MODEL_KEYS[n]: tr(f"s1.model_{MODEL_KEYS[n]}") for n in (FF, RNN)}
    orders_fig = arrangements_figure(orders, (pos_a, pos_b), names, title=tr("s1.arr_title"), x_label=tr("s1.arr_x"),
                                     y_label=tr("s1.arr_y"), current_label=tr("s1.arr_current"),
                                     chance_label=tr("s1.arr_chance"))
    style_figure(orders_fig, present=present, lang=lang)

    accuracy, measured = {}, False
    for name, v in zip((FF, RNN), versions, strict=True):
        value = _manifest_accuracy(name) if v == "pretrained" else None
        if value is None:
            value, measured = order_eval.accuracy(models[name], TEST_SIZE), True
        accuracy[name] = value
    return View(tuple(tokens), answers, steps_fig, steps_height, heat, orders_fig, orders, accuracy, measured)
