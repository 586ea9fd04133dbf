"""Station 2 — Watching a series: memory links the final scene to season 1.

The student builds a series timeline (``ui.widgets.timeline``): a key event (sad trauma or happy
reunion), ordinary episodes, and the final scene where the character cries. Pretrained models
say *why* (sad or happy tears) with their confidence:

* feedforward on a fixed window of the last k episodes, side by side ("watching season 5
  only"): it sees the order inside its window and nothing before it,
* tanh RNN, LSTM and GRU (memory), and — on the realistic series, where every episode has its
  own mood — a tanh RNN whose recurrent matrix has spectral norm ≤ 1 (its loop cannot amplify).

Charts: the belief in the right answer after each episode, ``P(happy | episodes 1..t) =
softmax(W_out h_t + b_out)_happy`` (or 1 minus it when the right answer is sad) (``rnn_core.series_eval.belief_curve``), and the accuracy against the distance d (key
event → final scene), measured on fresh batches (``rnn_core.series_eval.accuracy_by_distance``).
An answer whose confidence lies within 0.5 ± ``rnn_core.verdicts.GUESS_BAND`` is a guess, not
a hit.

Page shape: read the controls (the timeline editor, ``ui.widgets.timeline``, kept in the URL; the
model versions this session uses) → one cached view of their values (``pages.series.view.view``:
figures styled for the language and presenter mode, data, the verdict cards and sentences; shared
by every session, never modified) → show. The evidence joins the view to what this session found
before (``pages.series.view.evidence``).
"Retrain now" runs as one shared, queued job (``ui.widgets.retrain.retrain_panel`` over
``services.jobs.JOBS``): identical retrains from several students are one computation, and each
student's page points at the result for that student only.
"""

from __future__ import annotations

from dataclasses import astuple

import streamlit as st

from pages.series import view as series_view
from pages.series.evidence import Station2
from pages.series.view import MODELS, K, manifest_name
from ui.shell import evidence
from ui.shell import models as models_cache
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.shell.stations import station
from ui.widgets.chart import chart
from ui.widgets.prediction import ask
from ui.widgets.retrain import retrain_panel
from ui.widgets.timeline import show_timeline, timeline_editor

header("series")
explain("series.intro", k=K)
lang = current_language()

st.subheader(t("series.editor_header"))
choice = st.empty()  # which series this is, and the toggle that changes it: said before the editor's first control
timeline = timeline_editor()
variant = series_view.variant_of(timeline)
choice.info(t(f"series.choose_{variant}", k=K), icon=":material/tv:")
_kind, summary = series_view.summary(timeline, lang)
st.markdown(summary)

wanted = MODELS[variant]
loaded, problems = models_cache.load_models([manifest_name(variant, m) for m in wanted])
available = tuple(m for m in wanted if manifest_name(variant, m) in loaded)
versions = tuple(models_cache.version(manifest_name(variant, m)) for m in available)

if available:
    with st.spinner(t("series.acc_computing")):
        view = series_view.view(astuple(timeline.spec), lang, presenting(), available, versions)
    show_timeline(view.timeline, K, name="s2-timeline", fig=view.timeline_fig, data=view.timeline_csv)
else:
    show_timeline(timeline, K, name="s2-timeline")
models_cache.show_problems(problems)

if available:
    # --- verdicts
    st.subheader(t("series.verdict_header"))
    st.markdown(view.texts.truth)
    for col, model in zip(st.columns(len(available)), available, strict=True):
        card = view.texts.cards[model]
        with col.container(border=True):
            st.markdown(card.title, unsafe_allow_html=True)
            st.markdown(card.answer)
            st.markdown(card.grade)
    st.caption(view.texts.guess_rule)
    retrained = tuple(m for m, v in zip(available, versions, strict=True) if v != "pretrained")
    if retrained:  # say what retraining changed, computed against the pretrained models' view of this timeline
        before = series_view.view(astuple(timeline.spec), lang, presenting(), available, ("pretrained",) * len(available))
        st.info(series_view.retrain_changes(view, before, retrained, lang), icon=":material/model_training:")

    # --- belief after each episode
    st.subheader(t("series.belief_header"))
    chart(view.belief_fig, "series.belief_caption", data=view.belief, name="s2-belief", styled=True, k=K)
    explain("series.belief_note")

    # --- accuracy by distance
    st.subheader(t("series.acc_header"))
    if ask("series.window"):  # predict, then see (ui.widgets.prediction)
        chart(view.acc_fig, f"series.acc_caption_{variant}", data=view.acc, styled=True,
              name=f"s2-accuracy-{variant}", k=K)
        st.caption(view.texts.acc_note)

    evidence.record(series_view.evidence(view, evidence.recorded(Station2)))
else:
    st.info(t("series.no_models"))

st.info(series_view.bridge(lang, variant), icon=":material/route:")
l1, l2 = st.columns(2)
for column, slug, label in ((l1, "gradients", "series.link_s3"), (l2, "gates", "series.link_s4")):
    column.page_link(station(slug).path, label=t(label), icon=station(slug).icon)

# --- retrain (a fragment: polling the shared job reruns only this section), folded: an aside, not the lesson
with st.expander(t("series.retrain_header"), icon=":material/model_training:", expanded=not available):
    st.markdown(t("series.retrain_explain"))
    with st.columns(2)[0]:
        retrain_panel(
            [manifest_name(variant, m) for m in wanted],
            labels={manifest_name(variant, m): t(f"series.model_{m}", k=K) for m in wanted},
            prefix="series", help=t("series.retrain_help", variant=t(f"series.variant_name_{variant}")), primary=False)
