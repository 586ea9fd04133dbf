"""Station 1's view: everything the page shows for one arrangement, computed once per server.

``view(pos_a, pos_b, mix, lang, present, versions)`` is a pure function of its parameters
(``st.cache_resource``: the first student to ask for a parameter set pays, everyone after gets
the same object). The figures come styled for the language and presenter mode; the page shows
them as they are. Nothing here reads session state, and nothing that uses a view may modify it
(tests/pages/sequential/test_app.py hashes the cached figures before and after two sessions render them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.sequential.charts import arrangements_figure, unrolled_steps_figure
from rnn_core import order_eval
from ui.shell import models as models_cache
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.theme import style_figure

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
    return View(tuple(tokens), answers, steps_fig, steps_height, heat, orders_fig, orders, accuracy, measured)
