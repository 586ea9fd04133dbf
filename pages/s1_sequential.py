"""Station 1 — Sequential data: the same pieces in another order.

The student arranges a short sequence with two marked events, A and B, among distractors
(C, D, E) and asks "did A come before B?". Two pretrained models answer:

* a feedforward MLP on the *bag* of inputs, ``y = MLP((1/T) Σ_t x_t)``: every order of the same
  pieces has the same bag, so it gives the same answer for every order (test accuracy ≈ 50 %);
* a tanh RNN, ``h_t = tanh(W x_t + U h_{t-1} + b)``, ``y = V h_T + c``: it reads in order and
  gets ≈ 100 %.

The arrangement lives in the URL (``?pos_a=&pos_b=&mix=``); "Shuffle" draws a new one with a
seeded generator, so a shared link reproduces exactly what the student saw.
"""

from __future__ import annotations

import random

import pandas as pd
import streamlit as st
import torch

from rnn_core.tasks import ORDER_DISTRACTORS, encode_order_sequence, order_task
from ui import evidence, models_cache, state
from ui.charts.sequence import arrangements_figure, hidden_heatmap, unrolled_figure
from ui.i18n import current_language, t
from ui.layout import explain, header
from ui.numbers import fixed, percent
from ui.widgets import chart

FF, RNN = "order_ff_bag", "order_rnn"  # names in rnn_core/weights/manifest.json
MODEL_KEYS = {FF: "ff", RNN: "rnn"}  # manifest name -> colour / chart key
LENGTH = 6  # the length the order models were trained on
DEFAULT_A, DEFAULT_B, DEFAULT_MIX = 2, 5, 0
MIX_MAX = 99
TEST_SIZE = 2000


# --------------------------------------------------------------------------- the arrangement


def distractors(mix: int, length: int = LENGTH) -> list[str]:
    """The ``length − 2`` distractors: C, D, E, C, … (a fixed bag) in the order given by ``mix``."""
    pieces = [ORDER_DISTRACTORS[i % len(ORDER_DISTRACTORS)] for i in range(length - 2)]
    random.Random(int(mix)).shuffle(pieces)
    return pieces


def arrange(pos_a: int, pos_b: int, mix: int, length: int = LENGTH) -> list[str]:
    """Tokens with A at ``pos_a`` and B at ``pos_b`` (1-based, distinct), distractors elsewhere."""
    rest = iter(distractors(mix, length))
    return ["A" if i == pos_a else "B" if i == pos_b else next(rest) for i in range(1, length + 1)]


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
        state.add_notice(t("s1.notice_same_position", pos=a, moved=moved))


# --------------------------------------------------------------------------- computations


@st.cache_data(show_spinner=False, max_entries=64)
def _all_orders(mix: int, version_ff: str, version_rnn: str) -> pd.DataFrame:
    """P(A before B) of both pretrained models for every (pos_a, pos_b): the "all orders" chart."""
    return _orders_frame({FF: models_cache.current_model(FF), RNN: models_cache.current_model(RNN)}, mix)


def _orders_frame(models: dict, mix: int) -> pd.DataFrame:
    pairs = [(a, b) for a in range(1, LENGTH + 1) for b in range(1, LENGTH + 1) if a != b]
    x = torch.cat([encode_order_sequence(arrange(a, b, mix)) for a, b in pairs])
    rows = []
    for name, model in models.items():
        p = models_cache.probabilities(model, x)[:, 1].numpy()
        rows += [{"pos_a": a, "pos_b": b, "model": MODEL_KEYS[name], "p_before": float(v)}
                 for (a, b), v in zip(pairs, p, strict=True)]
    return pd.DataFrame(rows)


@st.cache_data(show_spinner=False, max_entries=8)
def _measured_accuracy(name: str, version: str) -> float:
    batch = order_task(TEST_SIZE, LENGTH, seed=12345)
    p = models_cache.probabilities(models_cache.current_model(name), batch.x)
    return float((p.argmax(dim=-1) == batch.y).float().mean())


def _manifest_accuracy(name: str) -> float | None:
    """Test accuracy recorded in the weights manifest (None if it has none)."""
    value = (models_cache.manifest().get(name, {}).get("metrics") or {}).get("accuracy")
    return float(value) if isinstance(value, int | float) else None


# --------------------------------------------------------------------------- the page


header("s1")
explain("s1.intro")

models, problems = models_cache.load_models([FF, RNN])
if problems:
    models_cache.show_problems(problems)
    if st.button(t("s1.retrain"), help=t("s1.retrain_help"), key="_s1_retrain", icon=":material/model_training:"):
        labels = {FF: t("s1.model_ff"), RNN: t("s1.model_rnn")}
        models_cache.retrain_with_progress([p.name for p in problems], label=lambda name: labels.get(name, name),
                                           progress_key="s1.retrain_progress", failed_key="s1.retrain_failed")
        st.session_state["_s1_retrained_msg"] = t("s1.retrain_done")
        st.rerun()
    if len(models) < 2:
        st.info(t("s1.no_models"))
        st.stop()

if message := st.session_state.pop("_s1_retrained_msg", None):
    st.success(message)

st.subheader(t("s1.arrange_header"))
_settle_collision()
c1, c2, c3, c4 = st.columns([1, 1, 1.3, 1], vertical_alignment="bottom")
positions = list(range(1, LENGTH + 1))
with c1:
    pos_a = state.select("s1.pos_a", "pos_a", positions, DEFAULT_A, on_change=_swap, args=("pos_a", "pos_b"),
                         help=t("s1.pos_help", n=LENGTH))
with c2:
    pos_b = state.select("s1.pos_b", "pos_b", positions, DEFAULT_B, on_change=_swap, args=("pos_b", "pos_a"),
                         help=t("s1.pos_help", n=LENGTH))
with c3:
    mix = state.slider("s1.mix", "mix", 0, MIX_MAX, DEFAULT_MIX, help=t("s1.mix_help"))
with c4:
    st.button(t("s1.shuffle"), on_click=_shuffle, key="_s1_shuffle", icon=":material/shuffle:",
              help=t("s1.shuffle_help"), width="stretch")
if pos_a == pos_b:  # only reachable through a hand-edited session; keep the page consistent
    pos_b = next(p for p in positions if p != pos_a)
st.session_state["_s1_prev"] = {"pos_a": pos_a, "pos_b": pos_b}

tokens = arrange(pos_a, pos_b, mix)
st.markdown(t("s1.sequence", tokens=" · ".join(f"**{tok}**" if tok in "AB" else tok for tok in tokens)))
truth = pos_a < pos_b
st.caption(t("s1.truth_before") if truth else t("s1.truth_after"))

x = encode_order_sequence(tokens)
with torch.no_grad():
    answers = {name: float(models_cache.probabilities(model, x)[0, 1]) for name, model in models.items()}
    states = models[RNN].hidden_states(x)[0].numpy()

# --- the answers, with the change since the previous order
st.subheader(t("s1.answers_header"))
# history: the answers for the current arrangement and for the one before it
history = st.session_state.setdefault("_s1_history", {})
if history.get("current", {}).get("_tokens") != tokens:
    history["before"], history["current"] = history.get("current"), {**answers, "_tokens": tokens}
previous = history.get("before")
cols = st.columns(2)
for col, name in zip(cols, (FF, RNN), strict=True):
    p = answers[name]
    delta = None
    if previous:
        change = (p - previous[name]) * 100
        delta = ("+" if change >= 0 else "-") + fixed(abs(change), 1, current_language()) + " pp"
    model_label = t(f"s1.model_{MODEL_KEYS[name]}")
    with col.container(border=True):
        st.metric(f"{model_label} — {t('s1.question')}", percent(p, current_language(), 1), delta=delta, delta_color="off",
                  help=t("s1.metric_delta_help"))
        says_yes = p >= 0.5
        st.markdown(t("s1.verdict", model=model_label, says=t("s1.says_yes") if says_yes else t("s1.says_no"),
                      conf=percent(max(p, 1 - p), current_language()), right=t("s1.right") if says_yes == truth else t("s1.wrong")))
st.info(t("s1.ff_same", p=percent(answers[FF], current_language(), 1)), icon=":material/drag_indicator:")

# --- the unrolled loop
st.subheader(t("s1.unrolled_header"))
fig = unrolled_figure(tokens, answers[RNN], title=t("s1.unrolled_title"), input_label=t("s1.unrolled_input"),
                      state_label=t("s1.unrolled_state"), output_label=t("s1.unrolled_output"))
chart(fig, "s1.unrolled_caption", name="s1-unrolled", height=340)
st.markdown(t("s1.latex_intro"))
before = r"P(\text{" + t("s1.latex_before") + "})"
st.latex(r"h_t = \tanh\left(W x_t + U h_{t-1} + b\right),\quad h_0 = 0,\qquad " + before
         + r" = \operatorname{softmax}(V h_T + c)_1")
st.latex(r"\text{feedforward:}\quad " + before
         + r" = \operatorname{softmax}\!\Big(\mathrm{MLP}\big(\tfrac{1}{T}\textstyle\sum_{t=1}^{T} x_t\big)\Big)_1")

# --- the hidden state
st.subheader(t("s1.heat_header"))
heat_df = pd.DataFrame(states, columns=[f"h{u}" for u in range(1, states.shape[1] + 1)])
heat_df.insert(0, "token", tokens)
heat_df.insert(0, "step", range(1, len(tokens) + 1))
fig = hidden_heatmap(states, tokens, title=t("s1.heat_title"), x_label=t("s1.heat_x"), y_label=t("s1.heat_y"),
                     value_label=t("s1.heat_value"))
chart(fig, "s1.heat_caption", data=heat_df, name="s1-hidden", height=max(380, 120 + 16 * states.shape[1]))

# --- every order at once
st.subheader(t("s1.arr_header"))
if any(models_cache.is_retrained(n) for n in (FF, RNN)):
    orders = _orders_frame(models, mix)
else:
    orders = _all_orders(mix, models_cache.version(FF), models_cache.version(RNN))
names = {MODEL_KEYS[n]: t(f"s1.model_{MODEL_KEYS[n]}") for n in (FF, RNN)}
fig = arrangements_figure(orders, (pos_a, pos_b), names, title=t("s1.arr_title"), x_label=t("s1.arr_x"),
                          y_label=t("s1.arr_y"), current_label=t("s1.arr_current"), chance_label=t("s1.arr_chance"))
chart(fig, "s1.arr_caption", data=orders, name="s1-orders", n=len(orders) // 2)

# --- test accuracy
st.subheader(t("s1.acc_header"))
accuracy, measured = {}, False
for name in (FF, RNN):
    value = None if models_cache.is_retrained(name) else _manifest_accuracy(name)
    if value is None:
        value, measured = _measured_accuracy(name, models_cache.version(name)), True
    accuracy[name] = value
a1, a2 = st.columns(2)
a1.metric(t("s1.acc_ff"), percent(accuracy[FF], current_language()), help=t("s1.acc_help"), border=True)
a2.metric(t("s1.acc_rnn"), percent(accuracy[RNN], current_language()), help=t("s1.acc_help"), border=True)
st.caption(t("s1.acc_source_measured", n=TEST_SIZE) if measured else t("s1.acc_source_manifest"))
explain("s1.acc_explain")

ff_values = orders[orders["model"] == "ff"]["p_before"]
rnn_values = orders[orders["model"] == "rnn"]["p_before"]
evidence.record("s1", {
    "ff_accuracy": round(accuracy[FF], 4),
    "rnn_accuracy": round(accuracy[RNN], 4),
    "ff_answer_spread": round(float(ff_values.max() - ff_values.min()), 6),
    "rnn_answer_range": [round(float(rnn_values.min()), 4), round(float(rnn_values.max()), 4)],
    "sequence": "".join(tokens),
    "shuffles": int(st.session_state.get("_s1_shuffles", 0)),
})

st.divider()
st.markdown(t("s1.next_intro"))
st.page_link("pages/s2_series.py", label=t("s1.next"), icon=":material/live_tv:")
