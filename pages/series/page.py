"""Station 2 — Watching a series: memory links the final scene to season 1.

The student builds a series timeline (``ui.widgets.timeline``): a key event (sad trauma or happy
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

Page shape: read the controls → one cached view of their values (``pages.series.view.view``:
figures styled for the language and presenter mode, data; shared by every session, never
modified) → show.
"Retrain now" runs as one shared, queued job (``ui.widgets.retrain.retrain_panel`` over
``services.jobs.JOBS``): identical retrains from several students are one computation, and each
student's page points at the result for that student only.
"""

from __future__ import annotations

from dataclasses import astuple

import streamlit as st

from pages.series import view as series_view
from pages.series.evidence import SeriesAnswer, Station2
from pages.series.view import EVAL_PER_DISTANCE, MODELS, K, manifest_name
from rnn_core.verdicts import GUESS_BAND, confidence, verdict
from ui.shell import evidence
from ui.shell import models as models_cache
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.shell.numbers import percent
from ui.shell.theme import MODEL_COLORS
from ui.widgets.chart import chart
from ui.widgets.retrain import retrain_panel
from ui.widgets.timeline import show_timeline, timeline_editor

# --------------------------------------------------------------------------- the page

header("series")
explain("series.intro", k=K)
lang = current_language()

st.subheader(t("series.editor_header"))
timeline = timeline_editor()
variant = "realistic" if timeline.moods else "simple"
st.caption(t(f"series.variant_{variant}"))
key_code, final_code = timeline.code(timeline.key_index), timeline.code(len(timeline) - 1)
st.markdown(t("series.summary", at=key_code, n=timeline.distance - 1, final=final_code, d=timeline.distance))

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
    truth = timeline.key_mood
    st.subheader(t("series.verdict_header"))
    st.markdown(t("series.truth", answer=t(f"series.says_{truth}"), why=t(f"series.why_{truth}", at=key_code)))
    for col, model in zip(st.columns(len(available)), available, strict=True):
        p_happy = view.p_happy[model]
        grade = verdict(p_happy, truth == "happy")
        with col.container(border=True):
            badge = f" · _{t('series.retrained_badge')}_" if models_cache.is_retrained(manifest_name(variant, model)) else ""
            st.markdown(f"<span style='color:{MODEL_COLORS[model]};font-size:1.3em'>●</span> "
                        f"**{t(f'series.model_{model}', k=K)}**{badge}", unsafe_allow_html=True)
            answer = "happy" if p_happy >= 0.5 else "sad"
            st.markdown(t("series.card", answer=t(f"series.says_{answer}"), conf=percent(confidence(p_happy), lang)))
            color, mark = {"right": ("green", "✔"), "wrong": ("red", "✘"), "guess": ("orange", "≈")}[grade]
            st.markdown(f":{color}[{mark} {t(f'series.grade_{grade}')}]")
    st.caption(t("series.guess_rule", lo=percent(0.5 - GUESS_BAND, lang), hi=percent(0.5 + GUESS_BAND, lang)))

    # --- belief after each episode
    st.subheader(t("series.belief_header"))
    chart(view.belief_fig, "series.belief_caption", data=view.belief, name="s2-belief", styled=True, k=K)
    explain("series.belief_note")

    # --- accuracy by distance
    st.subheader(t("series.acc_header"))
    chart(view.acc_fig, f"series.acc_caption_{variant}", data=view.acc, styled=True,
          name=f"s2-accuracy-{variant}", k=K)
    st.caption(t("series.acc_note", n=EVAL_PER_DISTANCE))

    previous = evidence.recorded(Station2)
    evidence.record(Station2(
        accuracy_by_distance={**(previous.accuracy_by_distance if previous else {}), variant: view.binned},
        last=SeriesAnswer(variant=variant, distance=timeline.distance, truth=truth,
                                   p_happy={m: round(view.p_happy[m], 4) for m in available}),
    ))
else:
    st.info(t("series.no_models"))

facts = series_view.realistic_facts()
if facts is None:
    st.info(t("series.realistic_bridge_plain"), icon=":material/route:")
else:
    st.info(t("series.realistic_bridge", rnn_d1=percent(facts["rnn_d1"], lang), near=percent(facts["stable_near"], lang),
              far=percent(facts["stable_far"], lang)), icon=":material/route:")
l1, l2 = st.columns(2)
l1.page_link("pages/gradients/page.py", label=t("series.link_s3"), icon=":material/campaign:")
l2.page_link("pages/gates/page.py", label=t("series.link_s4"), icon=":material/door_sliding:")

# --- retrain (a fragment: polling the shared job reruns only this section)
st.subheader(t("series.retrain_header"))
st.markdown(t("series.retrain_explain"))
retrain_panel(
    [manifest_name(variant, m) for m in wanted],
    labels={manifest_name(variant, m): t(f"series.model_{m}", k=K) for m in wanted},
    prefix="series", help=t("series.retrain_help", variant=t(f"series.variant_name_{variant}")))
