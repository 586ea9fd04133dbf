"""Station 2 — Watching a series: memory links the final scene to season 1.

The student builds a series timeline (``ui.timeline``): a key event (sad trauma or happy
reunion), ordinary episodes, and the final scene where the character cries. Pretrained models
say *why* (sad or happy tears) with their confidence:

* feedforward on a fixed block of the last k episodes ("watching season 5 only"),
* tanh RNN, LSTM and GRU (memory), and — on the realistic series, where every episode has its
  own mood — a tanh RNN whose recurrent matrix has spectral norm ≤ 1 (its loop cannot amplify).

Charts: the belief ``P(happy | episodes 1..t) = softmax(W_out h_t + b_out)_happy`` after each
episode, and the accuracy against the distance d (key event → final scene), measured on fresh
batches from ``rnn_core.tasks.series_task`` (cached per variant). "Retrain now" retrains the
variant's models for this session only (``ui.models_cache``).
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st
import torch

from rnn_core.series_eval import DEFAULT_BUCKETS, distance_buckets
from rnn_core.series_eval import accuracy_by_distance as series_accuracy
from rnn_core.tasks import MOODS, encode_timeline
from ui import evidence, models_cache
from ui.charts.series import accuracy_distance_figure, belief_figure
from ui.i18n import current_language, t
from ui.layout import explain, header
from ui.numbers import percent
from ui.theme import MODEL_COLORS
from ui.timeline import show_timeline, timeline_editor
from ui.widgets import chart

K = 4  # the feedforward block: the last K episodes
TRAINED = {"simple": (1, 30), "realistic": (1, 30)}  # distances seen in training (DESIGN.md)
EVAL_DISTANCES = [*range(1, 31), *range(33, 61, 3)]  # every trained d, then a sparser look beyond
EVAL_PER_DISTANCE = 200
MODELS = {
    "simple": ("ff", "rnn", "lstm", "gru"),
    "realistic": ("ff", "rnn", "stable_rnn", "lstm", "gru"),
}


TASKS = {"simple": "series_simple", "realistic": "series_moods"}  # rnn_core.pretrained task names
FILE_MODEL = {"ff": f"ff{K}"}  # the feedforward entry carries its block size


def manifest_name(variant: str, model: str) -> str:
    """Name of a pretrained model in rnn_core/weights/manifest.json (e.g. ``series_moods_lstm``)."""
    return f"{TASKS[variant]}_{FILE_MODEL.get(model, model)}"


def model_label(model: str) -> str:
    return t(f"s2.model_{model}", k=K)


def legend_names(models) -> dict[str, str]:
    """Short names for chart legends (the cards carry the full names)."""
    return {m: t(f"s2.legend_{m}", k=K) for m in models}


# --------------------------------------------------------------------------- computations


def accuracy_by_distance(models: dict[str, torch.nn.Module], variant: str) -> pd.DataFrame:
    """Accuracy of every model at every d in EVAL_DISTANCES on fresh, seeded series.

    ``rnn_core.series_eval.accuracy_by_distance``: for each d, ``EVAL_PER_DISTANCE`` series
    with the key event d steps before the final scene and 0–30 ordinary episodes before it
    (as in training); accuracy = mean[argmax model(x) = key mood].
    """
    rows = []
    for model, net in models.items():
        acc = series_accuracy(net, EVAL_DISTANCES, variant == "realistic", EVAL_PER_DISTANCE, seed=7)
        rows += [{"distance": d, "model": model, "accuracy": a} for d, a in acc.items()]
    return pd.DataFrame(rows)


@st.cache_data(show_spinner=False, max_entries=8)
def _pretrained_accuracy(variant: str, names: tuple[str, ...]) -> pd.DataFrame:
    """accuracy_by_distance of the shared pretrained models (cached per variant)."""
    models = {model: models_cache.get_model(manifest_name(variant, model)) for model in names}
    return accuracy_by_distance(models, variant)


def accuracy_table(models: dict[str, torch.nn.Module], variant: str) -> pd.DataFrame:
    names = tuple(models)
    versions = tuple(models_cache.version(manifest_name(variant, m)) for m in names)
    if all(v == "pretrained" for v in versions):
        return _pretrained_accuracy(variant, names)
    store = st.session_state.setdefault("_s2_accuracy", {})
    key = (variant, names, versions)
    if key not in store:
        store.clear()
        store[key] = accuracy_by_distance(models, variant)
    return store[key]


def beliefs(models: dict[str, torch.nn.Module], x: torch.Tensor) -> pd.DataFrame:
    """P(happy tears) after each episode, per model (``softmax(step_outputs)[..., happy]``)."""
    happy = MOODS.index("happy")
    frames = []
    with torch.no_grad():
        for model, net in models.items():
            p = torch.softmax(net.step_outputs(x)[0], dim=-1)[:, happy].numpy()
            frames.append(pd.DataFrame({"step": range(len(p)), "model": model, "p_happy": p}))
    return pd.concat(frames, ignore_index=True)


def _binned(df: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Accuracy per model in a few distance bins (the evidence for the conclusion page)."""
    edges = [(lo, hi) for lo, hi in DEFAULT_BUCKETS if lo <= EVAL_DISTANCES[-1]]
    return {str(model): {k: round(v, 3) for k, v in distance_buckets(dict(zip(part.distance, part.accuracy,
                                                                             strict=True)), edges).items()}
            for model, part in df.groupby("model")}


def _retrain(variant: str, models: list[str]) -> None:
    """Retrain the variant's ``models`` for this session, with one progress bar over all of them."""
    labels = {manifest_name(variant, m): model_label(m) for m in models}
    start = time.perf_counter()
    done = models_cache.retrain_with_progress(list(labels), label=labels.get, progress_key="s2.retrain_progress",
                                              failed_key="s2.retrain_failed")
    st.session_state["_s2_retrained_msg"] = t("s2.retrain_done", n=done, seconds=time.perf_counter() - start)


# --------------------------------------------------------------------------- the page

header("s2")
explain("s2.intro", k=K)

st.subheader(t("s2.editor_header"))
timeline = timeline_editor(window=K)
variant = "realistic" if timeline.moods else "simple"
st.caption(t(f"s2.variant_{variant}"))
key_code, final_code = timeline.code(timeline.key_index), timeline.code(len(timeline) - 1)
st.markdown(t("s2.summary", at=key_code, n=timeline.distance - 1, final=final_code, d=timeline.distance))
show_timeline(timeline, K, name="s2-timeline")

wanted = list(MODELS[variant])
models, problems = models_cache.load_models([manifest_name(variant, m) for m in wanted])
models = {m: models[manifest_name(variant, m)] for m in wanted if manifest_name(variant, m) in models}
models_cache.show_problems(problems)

# --- verdicts
x = encode_timeline(timeline, moods=timeline.moods)
truth = timeline.key_mood
if models:
    st.subheader(t("s2.verdict_header"))
    why = t(f"s2.why_{truth}", at=key_code)
    st.markdown(t("s2.truth", answer=t(f"s2.says_{truth}"), why=why))
    belief = beliefs(models, x)
    final = belief[belief.step == len(timeline) - 1].set_index("model")["p_happy"]
    for col, model in zip(st.columns(len(models)), models, strict=True):
        p_happy = float(final[model])
        answer = "happy" if p_happy >= 0.5 else "sad"
        right = answer == truth
        with col.container(border=True):
            badge = f" · _{t('s2.retrained_badge')}_" if models_cache.is_retrained(manifest_name(variant, model)) else ""
            st.markdown(f"<span style='color:{MODEL_COLORS[model]};font-size:1.3em'>●</span> "
                        f"**{model_label(model)}**{badge}", unsafe_allow_html=True)
            st.markdown(t("s2.card", answer=t(f"s2.says_{answer}"), conf=percent(max(p_happy, 1 - p_happy), current_language())))
            st.markdown(f":{'green' if right else 'red'}[{'✔' if right else '✘'} "
                        f"{t('s2.right') if right else t('s2.wrong')}]")

    # --- belief after each episode
    st.subheader(t("s2.belief_header"))
    fig = belief_figure(belief, legend_names(models), key_index=timeline.key_index,
                        tick_labels=timeline.codes(), title=t("s2.belief_title"), x_label=t("s2.belief_x"),
                        y_label=t("s2.belief_y"), key_label=t("s2.belief_key"), final_label=t("s2.belief_final"),
                        chance_label=t("s2.belief_chance"))
    belief_csv = belief.assign(episode=[timeline.code(int(s)) for s in belief.step])
    chart(fig, "s2.belief_caption", data=belief_csv, name="s2-belief", k=K)
    explain("s2.belief_note")

    # --- accuracy by distance
    st.subheader(t("s2.acc_header"))
    with st.spinner(t("s2.acc_computing")):
        acc = accuracy_table(models, variant)
    fig = accuracy_distance_figure(
        acc, legend_names(models), trained=TRAINED[variant], window=K if "ff" in models else None,
        current=timeline.distance if timeline.distance <= EVAL_DISTANCES[-1] else None,
        title=t("s2.acc_title"), x_label=t("s2.acc_x"), y_label=t("s2.acc_y"), trained_label=t("s2.acc_trained"),
        chance_label=t("s2.acc_chance"), window_label=t("s2.acc_window", k=K),
        current_label=t("s2.acc_current", d=timeline.distance))
    chart(fig, f"s2.acc_caption_{variant}", data=acc.assign(variant=variant), name=f"s2-accuracy-{variant}", k=K)
    st.caption(t("s2.acc_note", n=EVAL_PER_DISTANCE))

    previous = evidence.recorded("s2") or {}
    evidence.record("s2", {
        "accuracy_by_distance": {**previous.get("accuracy_by_distance", {}), variant: _binned(acc)},
        "last": {"variant": variant, "distance": timeline.distance, "truth": truth,
                 "p_happy": {m: round(float(final[m]), 4) for m in models}},
    })
else:
    st.info(t("s2.no_models"))

st.info(t("s2.realistic_bridge"), icon=":material/route:")
l1, l2 = st.columns(2)
l1.page_link("pages/s3_gradients.py", label=t("s2.link_s3"), icon=":material/campaign:")
l2.page_link("pages/s4_gates.py", label=t("s2.link_s4"), icon=":material/door_sliding:")

# --- retrain
st.subheader(t("s2.retrain_header"))
st.markdown(t("s2.retrain_explain"))
variant_name = t(f"s2.variant_name_{variant}")
r1, r2 = st.columns(2)
if r1.button(t("s2.retrain"), key="_s2_retrain", type="primary", icon=":material/model_training:",
             help=t("s2.retrain_help", variant=variant_name), width="stretch"):
    _retrain(variant, wanted)
    st.rerun()
if any(models_cache.is_retrained(manifest_name(variant, m)) for m in wanted):
    if r2.button(t("s2.retrain_reset"), key="_s2_reset", icon=":material/undo:", width="stretch"):
        models_cache.forget_retrained([manifest_name(variant, m) for m in wanted])
        st.rerun()
message = st.session_state.pop("_s2_retrained_msg", None)
if message:
    st.success(message)
