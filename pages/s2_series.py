"""Station 2 — Watching a series: memory links the final scene to season 1.

The student builds a series timeline (``ui.timeline``): a key event (sad trauma or happy
reunion), ordinary episodes, and the final scene where the character cries. Pretrained models
say *why* (sad or happy tears) with their confidence:

* feedforward on a fixed window of the last k episodes, side by side ("watching season 5
  only"): it sees the order inside its window and nothing before it,
* tanh RNN, LSTM and GRU (memory), and — on the realistic series, where every episode has its
  own mood — a tanh RNN whose recurrent matrix has spectral norm ≤ 1 (its loop cannot amplify).

Charts: the belief ``P(happy | episodes 1..t) = softmax(W_out h_t + b_out)_happy`` after each
episode (``rnn_core.series_eval.belief_curve``), and the accuracy against the distance d (key
event → final scene), measured on fresh batches (``rnn_core.series_eval.accuracy_by_distance``).
An answer whose confidence lies within 0.5 ± ``rnn_core.verdicts.GUESS_BAND`` is a guess, not
a hit.

Page shape: read the controls → one cached view of their values (``_view``: figures styled for
the language and presenter mode, data; shared by every session, never modified) → show.
"Retrain now" runs as one shared, queued job (``ui.models_cache.retrain_panel`` over
``ui.jobs.JOBS``): identical retrains from several students are one computation, and each
student's page points at the result for that student only.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from rnn_core.series_eval import DEFAULT_BUCKETS, accuracy_by_distance, belief_curve, distance_buckets
from rnn_core.tasks import MOODS, encode_timeline
from rnn_core.verdicts import GUESS_BAND, confidence, verdict
from ui import evidence, models_cache
from ui.charts.series import accuracy_distance_figure, belief_figure
from ui.i18n import current_language, t
from ui.layout import explain, header, presenting
from ui.numbers import percent
from ui.theme import MODEL_COLORS, style_figure
from ui.timeline import (
    Timeline,
    TimelineSpec,
    build_timeline,
    show_timeline,
    styled_timeline_figure,
    timeline_editor,
)
from ui.widgets import chart

K = 4  # the feedforward window: the last K episodes
TRAINED = {"simple": (1, 30), "realistic": (1, 30)}  # distances seen in training (rnn_core.pretrained)
EVAL_DISTANCES = (*range(1, 31), *range(33, 61, 3))  # every trained d, then a sparser look beyond
EVAL_PER_DISTANCE = 200
EVAL_SEED = 7
MODELS = {
    "simple": ("ff", "rnn", "lstm", "gru"),
    "realistic": ("ff", "rnn", "stable_rnn", "lstm", "gru"),
}
TASKS = {"simple": "series_simple", "realistic": "series_moods"}  # rnn_core.pretrained task names
FILE_MODEL = {"ff": f"ff{K}"}  # the feedforward entry carries its window size
HAPPY = MOODS.index("happy")


def manifest_name(variant: str, model: str) -> str:
    """Name of a pretrained model in rnn_core/weights/manifest.json (e.g. ``series_moods_lstm``)."""
    return f"{TASKS[variant]}_{FILE_MODEL.get(model, model)}"


# --------------------------------------------------------------------------- cached views


@st.cache_resource(max_entries=16, show_spinner=False)
def _accuracy(variant: str, models: tuple[str, ...], versions: tuple[str, ...]) -> pd.DataFrame:
    """Accuracy of every model at every d in EVAL_DISTANCES (shared by every session: read only).

    ``rnn_core.series_eval.accuracy_by_distance``: for each d, ``EVAL_PER_DISTANCE`` fresh
    series with the key event d steps before the final scene and 0–30 ordinary episodes before
    it (as in training); accuracy = mean[argmax model(x) = key mood].
    """
    rows = []
    for model, v in zip(models, versions, strict=True):
        net = models_cache.model_for(manifest_name(variant, model), v)
        acc = accuracy_by_distance(net, EVAL_DISTANCES, variant == "realistic", EVAL_PER_DISTANCE, seed=EVAL_SEED)
        rows += [{"distance": d, "model": model, "accuracy": a} for d, a in acc.items()]
    return pd.DataFrame(rows)


def _binned(df: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Accuracy per model in a few distance bins (the evidence for the conclusion page)."""
    edges = [(lo, hi) for lo, hi in DEFAULT_BUCKETS if lo <= EVAL_DISTANCES[-1]]
    return {str(model): {k: round(v, 3) for k, v in distance_buckets(dict(zip(part.distance, part.accuracy,
                                                                             strict=True)), edges).items()}
            for model, part in df.groupby("model")}


@dataclass(frozen=True)
class View:
    """Everything station 2 shows for one timeline (shared by every session: read only)."""

    timeline: Timeline
    timeline_fig: go.Figure
    timeline_csv: pd.DataFrame
    p_happy: dict[str, float]  # model -> P(happy tears) at the final scene
    belief: pd.DataFrame
    belief_fig: go.Figure
    acc: pd.DataFrame
    acc_fig: go.Figure
    binned: dict[str, dict[str, float]]


@st.cache_resource(max_entries=64, show_spinner=False)
def _view(spec: tuple, lang: str, present: bool, models: tuple[str, ...], versions: tuple[str, ...]) -> View:
    """Station 2 for one timeline (``astuple(TimelineSpec)``), language and presenter mode."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    timeline = build_timeline(TimelineSpec(*spec))
    variant = "realistic" if timeline.moods else "simple"
    names = {m: tr(f"s2.legend_{m}", k=K) for m in models}
    x = encode_timeline(timeline, moods=timeline.moods)
    curves = {m: belief_curve(models_cache.model_for(manifest_name(variant, m), v), x, HAPPY)
              for m, v in zip(models, versions, strict=True)}
    belief = pd.DataFrame([{"step": s, "model": m, "p_happy": p} for m, curve in curves.items()
                           for s, p in enumerate(curve)])
    belief_fig = belief_figure(belief, names, key_index=timeline.key_index, tick_labels=timeline.codes(),
                               title=tr("s2.belief_title"), x_label=tr("s2.belief_x"), y_label=tr("s2.belief_y"),
                               key_label=tr("s2.belief_key"), final_label=tr("s2.belief_final"),
                               chance_label=tr("s2.belief_chance"))
    style_figure(belief_fig, present=present, lang=lang)
    belief = belief.assign(episode=[timeline.code(int(s)) for s in belief.step])

    acc = _accuracy(variant, models, versions)
    d = timeline.distance
    acc_fig = accuracy_distance_figure(
        acc, names, trained=TRAINED[variant], window=K if "ff" in models else None,
        current=d if d <= EVAL_DISTANCES[-1] else None, title=tr("s2.acc_title"), x_label=tr("s2.acc_x"),
        y_label=tr("s2.acc_y"), trained_label=tr("s2.acc_trained"), chance_label=tr("s2.acc_chance"),
        window_label=tr("s2.acc_window", k=K), current_label=tr("s2.acc_current", d=d))
    style_figure(acc_fig, present=present, lang=lang)
    return View(timeline, styled_timeline_figure(timeline, K, lang, present), timeline.frame(),
                {m: curve[-1] for m, curve in curves.items()}, belief, belief_fig, acc.assign(variant=variant),
                acc_fig, _binned(acc))


@st.cache_data(max_entries=4, show_spinner=False)
def _realistic_facts() -> dict[str, float] | None:
    """What the pretrained models measure on the realistic series (the page's own chart data):
    the plain tanh RNN at d = 1, the stable RNN near (d 1–3) and far (d 21–30). None if a model
    is unavailable."""
    models = ("rnn", "stable_rnn")
    try:
        acc = _accuracy("realistic", models, ("pretrained",) * len(models))
    except models_cache.ModelUnavailable:
        return None
    curve = {m: dict(zip(part.distance, part.accuracy, strict=True)) for m, part in acc.groupby("model")}
    near_far = distance_buckets(curve["stable_rnn"], ((1, 3), (21, 30)))
    return {"rnn_d1": curve["rnn"][1], "stable_near": near_far["1-3"], "stable_far": near_far["21-30"]}


# --------------------------------------------------------------------------- the page

header("s2")
explain("s2.intro", k=K)
lang = current_language()

st.subheader(t("s2.editor_header"))
timeline = timeline_editor(window=K)
variant = "realistic" if timeline.moods else "simple"
st.caption(t(f"s2.variant_{variant}"))
key_code, final_code = timeline.code(timeline.key_index), timeline.code(len(timeline) - 1)
st.markdown(t("s2.summary", at=key_code, n=timeline.distance - 1, final=final_code, d=timeline.distance))

wanted = MODELS[variant]
loaded, problems = models_cache.load_models([manifest_name(variant, m) for m in wanted])
available = tuple(m for m in wanted if manifest_name(variant, m) in loaded)
versions = tuple(models_cache.version(manifest_name(variant, m)) for m in available)

if available:
    with st.spinner(t("s2.acc_computing")):
        view = _view(astuple(timeline.spec), lang, presenting(), available, versions)
    show_timeline(view.timeline, K, name="s2-timeline", fig=view.timeline_fig, data=view.timeline_csv)
else:
    show_timeline(timeline, K, name="s2-timeline")
models_cache.show_problems(problems)

if available:
    # --- verdicts
    truth = timeline.key_mood
    st.subheader(t("s2.verdict_header"))
    st.markdown(t("s2.truth", answer=t(f"s2.says_{truth}"), why=t(f"s2.why_{truth}", at=key_code)))
    for col, model in zip(st.columns(len(available)), available, strict=True):
        p_happy = view.p_happy[model]
        grade = verdict(p_happy, truth == "happy")
        with col.container(border=True):
            badge = f" · _{t('s2.retrained_badge')}_" if models_cache.is_retrained(manifest_name(variant, model)) else ""
            st.markdown(f"<span style='color:{MODEL_COLORS[model]};font-size:1.3em'>●</span> "
                        f"**{t(f's2.model_{model}', k=K)}**{badge}", unsafe_allow_html=True)
            answer = "happy" if p_happy >= 0.5 else "sad"
            st.markdown(t("s2.card", answer=t(f"s2.says_{answer}"), conf=percent(confidence(p_happy), lang)))
            color, mark = {"right": ("green", "✔"), "wrong": ("red", "✘"), "guess": ("orange", "≈")}[grade]
            st.markdown(f":{color}[{mark} {t(f's2.grade_{grade}')}]")
    st.caption(t("s2.guess_rule", lo=percent(0.5 - GUESS_BAND, lang), hi=percent(0.5 + GUESS_BAND, lang)))

    # --- belief after each episode
    st.subheader(t("s2.belief_header"))
    chart(view.belief_fig, "s2.belief_caption", data=view.belief, name="s2-belief", styled=True, k=K)
    explain("s2.belief_note")

    # --- accuracy by distance
    st.subheader(t("s2.acc_header"))
    chart(view.acc_fig, f"s2.acc_caption_{variant}", data=view.acc, styled=True,
          name=f"s2-accuracy-{variant}", k=K)
    st.caption(t("s2.acc_note", n=EVAL_PER_DISTANCE))

    previous = evidence.recorded(evidence.Station2)
    evidence.record(evidence.Station2(
        accuracy_by_distance={**(previous.accuracy_by_distance if previous else {}), variant: view.binned},
        last=evidence.SeriesAnswer(variant=variant, distance=timeline.distance, truth=truth,
                                   p_happy={m: round(view.p_happy[m], 4) for m in available}),
    ))
else:
    st.info(t("s2.no_models"))

facts = _realistic_facts()
if facts is None:
    st.info(t("s2.realistic_bridge_plain"), icon=":material/route:")
else:
    st.info(t("s2.realistic_bridge", rnn_d1=percent(facts["rnn_d1"], lang), near=percent(facts["stable_near"], lang),
              far=percent(facts["stable_far"], lang)), icon=":material/route:")
l1, l2 = st.columns(2)
l1.page_link("pages/s3_gradients.py", label=t("s2.link_s3"), icon=":material/campaign:")
l2.page_link("pages/s4_gates.py", label=t("s2.link_s4"), icon=":material/door_sliding:")

# --- retrain (a fragment: polling the shared job reruns only this section)
st.subheader(t("s2.retrain_header"))
st.markdown(t("s2.retrain_explain"))
models_cache.retrain_panel(
    [manifest_name(variant, m) for m in wanted],
    labels={manifest_name(variant, m): t(f"s2.model_{m}", k=K) for m in wanted},
    prefix="s2", help=t("s2.retrain_help", variant=t(f"s2.variant_name_{variant}")))
