"""Station 1 — Sequential data: the same pieces in another order.

The student arranges a short sequence with two marked events, A and B, among distractors
(C, D, E) and asks "did A come before B?". Two pretrained models answer
(``rnn_core.order_eval``):

* a feedforward MLP on the *bag* (mean) of the inputs, ``y = MLP((1/T) Σ_t x_t)``: every
  order of the same pieces has the same mean, so it gives the same answer for every order
  (test accuracy ≈ 50 %). Only this averaging makes it blind to order: an MLP on a
  concatenated window of the last k inputs sees the order inside its window (station 2);
* a tanh RNN, ``h_t = tanh(W x_t + U h_{t-1} + b)``, ``y = V h_T + c``: it reads in order and
  gets ≈ 100 %.

Page shape: read the controls (``pages.sequential.controls``: the arrangement, kept in the URL
``?pos_a=&pos_b=&mix=``; "Shuffle" draws a new one with a seeded generator, so a shared link
reproduces exactly what the student saw) → one cached view of their values
(``pages.sequential.view.view``: figures styled for the language and presenter mode, data,
numbers and sentences; shared by every session, never modified) → show. This session's own part,
the change since its previous order (``pages.sequential.history``) and its evidence
(``pages.sequential.view.evidence``), is joined to the view, never written into it.
"""

from __future__ import annotations

import streamlit as st

from pages.sequential import controls, history
from pages.sequential import view as sequence_view
from pages.sequential.view import FF, RNN
from ui.shell import evidence
from ui.shell import models as models_cache
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.widgets.chart import chart, step_through
from ui.widgets.prediction import ask, seen
from ui.widgets.retrain import retrain_panel

header("sequential")
explain("sequential.intro")

models, problems = models_cache.load_models([FF, RNN])
if problems or any(models_cache.is_retrained(n) for n in (FF, RNN)):
    models_cache.show_problems(problems)
    retrain_panel([FF, RNN], labels={FF: t("sequential.model_ff"), RNN: t("sequential.model_rnn")}, prefix="sequential",
                  help=t("sequential.retrain_help"))
    if len(models) < 2:
        st.info(t("sequential.no_models"))
        st.stop()

st.subheader(t("sequential.arrange_header"))
pos_a, pos_b, mix = controls.arrangement()
lang = current_language()
view = sequence_view.view(pos_a, pos_b, mix, lang, presenting(), (models_cache.version(FF), models_cache.version(RNN)))
texts = view.texts
st.markdown(texts.sequence)
st.caption(texts.truth)

# --- the answers, with the change since the previous order (this session's own history)
st.subheader(t("sequential.answers_header"))
explain("sequential.intro_models")  # how each network reads the sequence: after the first control, not before it
previous = history.previous_answers(view.tokens, view.answers)
for col, name in zip(st.columns(2), (FF, RNN), strict=True):
    card = texts.cards[name]
    with col.container(border=True):
        before = previous[name] if previous else None
        st.metric(card.label, card.value, delta_color="off", help=t("sequential.metric_delta_help"),
                  delta=sequence_view.delta_text(view.answers[name], before, lang),
                  delta_arrow="off" if sequence_view.unchanged(view.answers[name], before) else "auto")
        st.markdown(card.verdict)
if seen("sequential.swap"):  # says the answer to the prediction below: only once it is committed
    st.info(texts.ff_same, icon=":material/drag_indicator:")
st.caption(texts.guess_rule)

# --- the unrolled loop, step by step (animated in the browser)
st.subheader(t("sequential.unrolled_header"))
step_through(view.steps_fig, "sequential.unrolled_caption", data=view.heat, name="s1-unrolled")
st.markdown(t("sequential.latex_intro"))
for equation in texts.latex:
    st.latex(equation)

# --- every order at once
st.subheader(t("sequential.arr_header"))
if ask("sequential.swap"):  # predict, then see (ui.widgets.prediction)
    chart(view.orders_fig, "sequential.arr_caption", data=view.orders, name="s1-orders", styled=True, n=len(view.orders) // 2)

# --- test accuracy
st.subheader(t("sequential.acc_header"))
if ask("sequential.accuracy"):
    a1, a2 = st.columns(2)
    a1.metric(t("sequential.acc_ff"), texts.accuracy[FF], help=t("sequential.acc_help"), border=True)
    a2.metric(t("sequential.acc_rnn"), texts.accuracy[RNN], help=t("sequential.acc_help"), border=True)
    st.caption(texts.accuracy_source)
explain("sequential.acc_explain")

evidence.record(sequence_view.evidence(view, controls.shuffles()))
