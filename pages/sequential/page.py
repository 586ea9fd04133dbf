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

Page shape: read the controls → one cached view of their values (``pages.sequential.view.view``:
figures already styled for the language and presenter mode, data, numbers; shared by every
session, never modified) → show. The arrangement lives in the URL (``?pos_a=&pos_b=&mix=``); "Shuffle" draws
a new one with a seeded generator, so a shared link reproduces exactly what the student saw.
"""

from __future__ import annotations

import random

import numpy as np
import streamlit as st

from pages.sequential import view as sequence_view
from pages.sequential.evidence import Station1
from pages.sequential.view import FF, MODEL_KEYS, RNN, TEST_SIZE
from rnn_core import order_eval
from rnn_core.verdicts import GUESS_BAND, confidence, verdict
from ui.shell import evidence, state
from ui.shell import models as models_cache
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.shell.numbers import fixed, percent
from ui.widgets.chart import chart, step_through
from ui.widgets.retrain import retrain_panel

LENGTH = order_eval.LENGTH
DEFAULT_A, DEFAULT_B, DEFAULT_MIX = 2, 5, 0
MIX_MAX = 99


# --------------------------------------------------------------------------- the arrangement


def _shuffle() -> None:
    """Draw a new arrangement (seeded by the number of shuffles so far) into the bound widgets."""
    count = st.session_state.get("_s1_shuffles", 0) + 1
    st.session_state["_s1_shuffles"] = count
    rng = random.Random(count)
    old = (st.session_state.get("pos_a", DEFAULT_A), st.session_state.get("pos_b", DEFAULT_B),
           st.session_state.get("mix", DEFAULT_MIX))
    new = old
    while new[:2] == old[:2]:
        a, b = rng.sample(range(1, LENGTH + 1), 2)
        new = (a, b, rng.randint(0, MIX_MAX))
    st.session_state["pos_a"], st.session_state["pos_b"], st.session_state["mix"] = new


def _swap(changed: str, other: str) -> None:
    """Moving A onto B's position (or B onto A's) swaps the two letters."""
    prev = st.session_state.get("_s1_prev", {})
    if st.session_state.get(changed) == st.session_state.get(other):
        st.session_state[other] = prev.get(changed, DEFAULT_A if changed == "pos_b" else DEFAULT_B)


def _settle_collision() -> None:
    """A link may ask for A and B at the same place: move B before its widget is drawn."""
    def read(key: str, default: int) -> int:
        value = st.session_state.get(key, st.query_params.get(key, default))
        try:
            number = int(float(value))
        except (TypeError, ValueError, OverflowError):
            return default
        return number if 1 <= number <= LENGTH and float(value) == number else default

    a, b = read("pos_a", DEFAULT_A), read("pos_b", DEFAULT_B)
    if a == b:
        moved = next(p for p in [DEFAULT_B, DEFAULT_A, *range(1, LENGTH + 1)] if p != a)
        st.session_state["pos_a"], st.session_state["pos_b"] = a, moved
        state.add_notice(t("sequential.notice_same_position", pos=a, moved=moved))


# --------------------------------------------------------------------------- the page


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
_settle_collision()
c1, c2, c3, c4 = st.columns([1, 1, 1.3, 1], vertical_alignment="bottom")
positions = list(range(1, LENGTH + 1))
with c1:
    pos_a = state.select("sequential.pos_a", "pos_a", positions, DEFAULT_A, on_change=_swap, args=("pos_a", "pos_b"),
                         help=t("sequential.pos_help", n=LENGTH))
with c2:
    pos_b = state.select("sequential.pos_b", "pos_b", positions, DEFAULT_B, on_change=_swap, args=("pos_b", "pos_a"),
                         help=t("sequential.pos_help", n=LENGTH))
with c3:
    mix = state.slider("sequential.mix", "mix", 0, MIX_MAX, DEFAULT_MIX, help=t("sequential.mix_help"))
with c4:
    st.button(t("sequential.shuffle"), on_click=_shuffle, key="_s1_shuffle", icon=":material/shuffle:",
              help=t("sequential.shuffle_help"), width="stretch")
if pos_a == pos_b:  # only reachable through a hand-edited session; keep the page consistent
    pos_b = next(p for p in positions if p != pos_a)
st.session_state["_s1_prev"] = {"pos_a": pos_a, "pos_b": pos_b}

lang = current_language()
view = sequence_view.view(int(pos_a), int(pos_b), int(mix), lang, presenting(),
             (models_cache.version(FF), models_cache.version(RNN)))
tokens = list(view.tokens)
st.markdown(t("sequential.sequence", tokens=" · ".join(f"**{tok}**" if tok in "AB" else tok for tok in tokens)))
truth = pos_a < pos_b
st.caption(t("sequential.truth_before") if truth else t("sequential.truth_after"))

# --- the answers, with the change since the previous order (this student's own history)
st.subheader(t("sequential.answers_header"))
history = st.session_state.setdefault("_s1_history", {})
if history.get("current", {}).get("_tokens") != tokens:
    history["before"], history["current"] = history.get("current"), {**view.answers, "_tokens": tokens}
previous = history.get("before")
for col, name in zip(st.columns(2), (FF, RNN), strict=True):
    p = view.answers[name]
    delta = None
    if previous:
        change = (p - previous[name]) * 100
        delta = ("+" if change >= 0 else "-") + fixed(abs(change), 1, lang) + " pp"
    model_label = t(f"sequential.model_{MODEL_KEYS[name]}")
    with col.container(border=True):
        st.metric(f"{model_label} — {t('sequential.question')}", percent(p, lang, 1), delta=delta, delta_color="off",
                  help=t("sequential.metric_delta_help"))
        grade = verdict(p, truth)
        st.markdown(t("sequential.verdict", model=model_label, says=t("sequential.says_yes") if p >= 0.5 else t("sequential.says_no"),
                      conf=percent(confidence(p), lang), right=t(f"sequential.grade_{grade}")))
st.info(t("sequential.ff_same", p=percent(view.answers[FF], lang, 1)), icon=":material/drag_indicator:")
st.caption(t("sequential.guess_rule", lo=percent(0.5 - GUESS_BAND, lang), hi=percent(0.5 + GUESS_BAND, lang)))

# --- the unrolled loop, step by step (animated in the browser)
st.subheader(t("sequential.unrolled_header"))
step_through(view.steps_fig, "sequential.unrolled_caption", data=view.heat, name="s1-unrolled")
st.markdown(t("sequential.latex_intro"))
before = r"P(\text{" + t("sequential.latex_before") + "})"
st.latex(r"h_t = \tanh\left(W x_t + U h_{t-1} + b\right),\quad h_0 = 0,\qquad " + before
         + r" = \operatorname{softmax}(V h_T + c)_1")
st.latex(r"\text{feedforward:}\quad " + before
         + r" = \operatorname{softmax}\!\Big(\mathrm{MLP}\big(\tfrac{1}{T}\textstyle\sum_{t=1}^{T} x_t\big)\Big)_1")

# --- every order at once
st.subheader(t("sequential.arr_header"))
chart(view.orders_fig, "sequential.arr_caption", data=view.orders, name="s1-orders", styled=True, n=len(view.orders) // 2)

# --- test accuracy
st.subheader(t("sequential.acc_header"))
a1, a2 = st.columns(2)
a1.metric(t("sequential.acc_ff"), percent(view.accuracy[FF], lang), help=t("sequential.acc_help"), border=True)
a2.metric(t("sequential.acc_rnn"), percent(view.accuracy[RNN], lang), help=t("sequential.acc_help"), border=True)
st.caption(t("sequential.acc_source_measured", n=TEST_SIZE) if view.measured else t("sequential.acc_source_manifest"))
explain("sequential.acc_explain")

ff_values = view.orders.loc[view.orders["model"] == "ff", "p_before"].to_numpy()
rnn_values = view.orders.loc[view.orders["model"] == "rnn", "p_before"].to_numpy()
evidence.record(Station1(
    ff_accuracy=round(view.accuracy[FF], 4),
    rnn_accuracy=round(view.accuracy[RNN], 4),
    ff_answer_spread=round(float(np.ptp(ff_values)), 6),
    rnn_answer_range=[round(float(rnn_values.min()), 4), round(float(rnn_values.max()), 4)],
    sequence="".join(tokens),
    shuffles=int(st.session_state.get("_s1_shuffles", 0)),
))
