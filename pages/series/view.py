"""Station 2's views: everything the page shows for one timeline, computed once per server.

``view(spec, lang, present, models, versions)`` and ``accuracy(variant, models, versions)`` are
pure functions of their parameters (``st.cache_resource``: the first student to ask for a
parameter set pays, everyone after gets the same object). The figures come styled for the
language and presenter mode and the sentences come written in the language (:class:`Sentences`);
the page shows them as they are. Nothing here reads session state, and nothing that uses a view
may modify it (tests/pages/series/test_app.py hashes the cached figures before and after two
sessions render them). The evidence the session keeps joins the view's answer to what the session
found before (:func:`evidence`), in a new value.

The verdict on an answer p = P(happy tears) (``rnn_core.verdicts``): "happy" when p ≥ 0.5, with
confidence max(p, 1 − p); right or wrong against the key event's mood, a guess when
|p − 0.5| ≤ ``GUESS_BAND``.

Accuracy by distance: ``rnn_core.series_eval.accuracy_by_distance`` on fresh seeded series;
belief after each episode: ``rnn_core.series_eval.belief_curve``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.series.charts import accuracy_distance_figure, belief_figure
from pages.series.evidence import SeriesAnswer, Station2
from rnn_core.series_eval import DEFAULT_BUCKETS, accuracy_by_distance, belief_curve, distance_buckets
from rnn_core.tasks import MOODS, encode_timeline
from rnn_core.verdicts import GUESS_BAND, confidence, verdict
from ui.figures.parts import legend_under_title
from ui.shell import models as models_cache
from ui.shell.i18n import t
from ui.shell.numbers import percent
from ui.shell.theme import MODEL_COLORS, style_figure
from ui.widgets.timeline import Timeline, TimelineSpec, build_timeline, styled_timeline_figure

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
def accuracy(variant: str, models: tuple[str, ...], versions: tuple[str, ...]) -> pd.DataFrame:
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


def variant_of(timeline: Timeline) -> str:
    """``"realistic"`` when every episode has a mood, else ``"simple"``."""
    return "realistic" if timeline.moods else "simple"


def summary(timeline: Timeline, lang: str) -> tuple[str, str]:
    """The timeline in words, in ``lang``: which series it is, and where the key event and the final
    scene are (distance d)."""
    return (t(f"series.variant_{variant_of(timeline)}", lang),
            t("series.summary", lang, at=timeline.code(timeline.key_index), n=timeline.distance - 1,
              final=timeline.code(len(timeline) - 1), d=timeline.distance))


def bridge(lang: str, variant: str = "realistic") -> str:
    """The step from this page to stations 3 and 4. On the realistic series, with what it measures when the
    pretrained models are there (:func:`realistic_facts`); on the simple series, only what that series
    shows (and where to switch to the one where an RNN forgets)."""
    if variant == "simple":
        return t("series.simple_bridge", lang)
    facts = realistic_facts()
    if facts is None:
        return t("series.realistic_bridge_plain", lang)
    return t("series.realistic_bridge", lang, rnn_d1=percent(facts["rnn_d1"], lang),
             near=percent(facts["stable_near"], lang), far=percent(facts["stable_far"], lang))


@dataclass(frozen=True)
class Card:
    """One model's verdict card, written out (Markdown; the title carries the model's colour dot)."""

    title: str
    answer: str  # "**sad tears** · 97% confident"
    grade: str  # ":green[✔ right]"


@dataclass(frozen=True)
class Sentences:
    """Station 2's sentences for one timeline, in the view's language."""

    truth: str
    cards: dict[str, Card]  # model -> its card
    guess_rule: str
    acc_note: str


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
    texts: Sentences
    last: SeriesAnswer  # the evidence of this timeline (:func:`evidence`)


@st.cache_resource(max_entries=64, show_spinner=False)
def view(spec: tuple, lang: str, present: bool, models: tuple[str, ...], versions: tuple[str, ...]) -> View:
    """Station 2 for one timeline (``astuple(TimelineSpec)``), language and presenter mode."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    timeline = build_timeline(TimelineSpec(*spec))
    variant = variant_of(timeline)
    names = {m: tr(f"series.legend_{m}", k=K) for m in models}
    x = encode_timeline(timeline, moods=timeline.moods)
    curves = {m: belief_curve(models_cache.model_for(manifest_name(variant, m), v), x, HAPPY)
              for m, v in zip(models, versions, strict=True)}
    happy_is_right = timeline.key_mood == "happy"
    belief = pd.DataFrame([{"step": s, "model": m, "p_happy": p, "p_right": p if happy_is_right else 1.0 - p}
                           for m, curve in curves.items() for s, p in enumerate(curve)])
    right = tr(f"series.says_{timeline.key_mood}")
    belief_fig = belief_figure(belief, names, key_index=timeline.key_index, tick_labels=timeline.codes(),
                               title=tr("series.belief_title", answer=right), x_label=tr("series.belief_x"),
                               y_label=tr("series.belief_y", answer=right),
                               key_label=tr("series.belief_key"), final_label=tr("series.belief_final"),
                               chance_label=tr("series.belief_chance"), y="p_right")
    legend_under_title(style_figure(belief_fig, present=present, lang=lang))
    belief = belief.assign(episode=[timeline.code(int(s)) for s in belief.step])

    acc = accuracy(variant, models, versions)
    d = timeline.distance
    acc_fig = accuracy_distance_figure(
        acc, names, trained=TRAINED[variant], window=K if "ff" in models else None,
        current=d if d <= EVAL_DISTANCES[-1] else None, title=tr("series.acc_title"), x_label=tr("series.acc_x"),
        y_label=tr("series.acc_y"), trained_label=tr("series.acc_trained"), chance_label=tr("series.acc_chance"),
        window_label=tr("series.acc_window", k=K), current_label=tr("series.acc_current", d=d))
    legend_under_title(style_figure(acc_fig, present=present, lang=lang))
    p_happy = {m: curve[-1] for m, curve in curves.items()}
    last = SeriesAnswer(variant=variant, distance=timeline.distance, truth=timeline.key_mood,
                        p_happy={m: round(p_happy[m], 4) for m in models})
    return View(timeline, styled_timeline_figure(timeline, K, lang, present), timeline.frame(), p_happy, belief,
                belief_fig, acc.assign(variant=variant), acc_fig, _binned(acc),
                _sentences(timeline, p_happy, versions, lang), last)


_GRADE_MARKS = {"right": ("green", "✔"), "wrong": ("red", "✘"), "guess": ("orange", "≈")}


def _sentences(timeline: Timeline, p_happy: dict[str, float], versions: tuple[str, ...], lang: str) -> Sentences:
    """The verdict cards (a retrained model carries a badge), the right answer and the notes, in ``lang``."""
    def tr(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    truth = timeline.key_mood
    cards = {}
    for (model, p), version in zip(p_happy.items(), versions, strict=True):
        badge = f" · _{tr('series.retrained_badge')}_" if version != "pretrained" else ""
        grade = verdict(p, truth == "happy")
        color, mark = _GRADE_MARKS[grade]
        cards[model] = Card(
            title=f"<span style='color:{MODEL_COLORS[model]};font-size:1.3em'>●</span> "
                  f"**{tr(f'series.model_{model}', k=K)}**{badge}",
            answer=tr("series.card", answer=tr(f"series.says_{'happy' if p >= 0.5 else 'sad'}"),
                      conf=percent(confidence(p), lang)),
            grade=f":{color}[{mark} {tr(f'series.grade_{grade}')}]")
    return Sentences(
        truth=tr("series.truth", answer=tr(f"series.says_{truth}"),
                 why=tr(f"series.why_{truth}", at=timeline.code(timeline.key_index))),
        cards=cards,
        guess_rule=tr("series.guess_rule", lo=percent(0.5 - GUESS_BAND, lang), hi=percent(0.5 + GUESS_BAND, lang)),
        acc_note=tr("series.acc_note", n=EVAL_PER_DISTANCE),
    )


def retrain_changes(now: View, before: View, retrained: tuple[str, ...], lang: str) -> str:
    """What retraining changed, computed: for each retrained model, its confidence in the right answer
    of this timeline and its mean accuracy over the trained distances d = 1–30, pretrained → retrained
    (``before``: the same timeline's view with the pretrained models)."""
    truth_happy = now.timeline.key_mood == "happy"

    def right(p: float) -> float:
        return p if truth_happy else 1.0 - p

    def mean_acc(view: View, model: str) -> float:
        part = view.acc[(view.acc.model == model) & (view.acc.distance <= TRAINED[view.last.variant][1])]
        return float(part.accuracy.mean())

    rows = [t("series.retrain_changed_row", lang, model=t(f"series.model_{m}", lang, k=K),
              before=percent(right(before.p_happy[m]), lang), after=percent(right(now.p_happy[m]), lang),
              acc_before=percent(mean_acc(before, m), lang), acc_after=percent(mean_acc(now, m), lang))
            for m in retrained if m in now.p_happy and m in before.p_happy]
    return t("series.retrain_changed", lang, rows="; ".join(rows))


def evidence(view: View, before: Station2 | None) -> Station2:
    """This session's evidence after looking at ``view``: the accuracy bins of every variant seen so far
    (``before``'s, with this variant's replaced) and this timeline's answers. A new value; neither the
    view nor ``before`` is changed."""
    variant = view.last.variant
    return Station2(accuracy_by_distance={**(before.accuracy_by_distance if before else {}), variant: view.binned},
                    last=view.last)


@st.cache_data(max_entries=4, show_spinner=False)
def realistic_facts() -> dict[str, float] | None:
    """What the pretrained models measure on the realistic series (the page's own chart data):
    the plain tanh RNN at d = 1, the stable RNN near (d 1–3) and far (d 21–30). None if a model
    is unavailable."""
    models = ("rnn", "stable_rnn")
    try:
        acc = accuracy("realistic", models, ("pretrained",) * len(models))
    except models_cache.ModelUnavailable:
        return None
    curve = {m: dict(zip(part.distance, part.accuracy, strict=True)) for m, part in acc.groupby("model")}
    near_far = distance_buckets(curve["stable_rnn"], ((1, 3), (21, 30)))
    return {"rnn_d1": curve["rnn"][1], "stable_near": near_far["1-3"], "stable_far": near_far["21-30"]}
