"""Station 6 — Conclusion (seed §5): the three lessons next to their evidence, a quiz, references.

Evidence for each lesson, best first: what the student measured on earlier stations in this
session (``ui.evidence``), the pretrained models' manifest, and a cheap live measurement
(real float64 backward passes through ``rnn_core.gradients``, cached for the server).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from ui import models_cache, quiz
from ui.charts import conclusion as charts
from ui.classroom_ui import send_quiz_answer
from ui.evidence import recorded
from ui.i18n import current_language, t
from ui.layout import explain, header, presenting
from ui.widgets import chart

VIDEO_URL = "https://github.com/user-attachments/assets/80d1150b-3fa6-48a9-84fa-7017cc38e0cb"
LENGTH = 100  # time steps of the live gradient measurements
BIASES = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
REFERENCES = ("bengio1994", "hochreiter1997", "gers2000", "pascanu2013", "cho2014", "chung2014",
              "jozefowicz2015", "le2015", "arjovsky2016")
TASKS = ("adding", "latch", "series", "copy")
_PROBE_ERRORS = (ImportError, AttributeError, TypeError, ValueError, RuntimeError)


# --------------------------------------------------------------------------- cached computations


@st.cache_data(show_spinner=False)
def telephone_norms(length: int = LENGTH) -> pd.DataFrame:
    """‖∂L/∂h_t‖ for a tanh RNN (gain 0.9), a linear RNN (gain 1.1) and an LSTM (forget bias 2)."""
    from rnn_core.gradients import gradient_norms

    runs = (("rnn_tanh", "rnn", {"gain": 0.9, "nonlinearity": "tanh"}, "solid"),
            ("rnn_linear", "rnn", {"gain": 1.1, "nonlinearity": "linear"}, "dash"),
            ("lstm", "lstm", {"forget_bias": 2.0}, "solid"))
    frames = []
    for series, kind, kwargs, dash in runs:
        norms = np.asarray(gradient_norms(kind, length=length, **kwargs), dtype=np.float64)
        # norms[t] sits T-1-t steps from the loss: reverse so each series runs from distance 0 up.
        frames.append(pd.DataFrame({"series": series, "model": kind, "distance": np.arange(length),
                                    "norm": norms[::-1], "dash": dash}))
    return pd.concat(frames, ignore_index=True)


@st.cache_data(show_spinner=False)
def bias_sweep(length: int = LENGTH, biases: tuple[float, ...] = BIASES) -> tuple[pd.DataFrame, float]:
    """Gradient left at distance ``length − 1`` against the LSTM forget / GRU update gate bias,
    plus the plain tanh RNN at the same distance (PyTorch's default init for all three)."""
    from rnn_core.gradients import gradient_norms

    rows = [{"model": kind, "bias": b, "norm": float(gradient_norms(kind, length=length, forget_bias=b)[0])}
            for kind in ("lstm", "gru") for b in biases]
    rnn = float(gradient_norms("rnn", length=length)[0])
    return pd.DataFrame(rows), rnn


def manifest() -> list[dict[str, Any]]:
    """Entries of ``rnn_core/weights/manifest.json`` (read once per file version), or []."""
    return charts.manifest_entries({"models": models_cache.manifest()})


# --------------------------------------------------------------------------- evidence blocks


def model_labels() -> dict[str, str]:
    return {m: t(f"s6.model_{m}") for m in charts.MODELS}


def badge(kind: str, station: int | None = None) -> None:
    """Where the evidence below comes from: the student's own run, a live measurement, or the
    pretrained models."""
    if kind == "own":
        st.badge(t("s6.source_own", station=station), icon=":material/person:", color="green")
    elif kind == "live":
        st.badge(t("s6.source_live"), icon=":material/bolt:", color="blue")
    else:
        st.badge(t("s6.source_pretrained"), icon=":material/inventory_2:", color="violet")


def accuracy_chart(df: pd.DataFrame, title_key: str, caption_key: str, name: str) -> None:
    """Accuracy per model as bars, with the chance line (both tasks here are 50/50)."""
    fig = charts.accuracy_bars(df, title=t(title_key), x_title=t("s6.model_axis"), y_title=t("s6.acc_axis"),
                               chance=0.5, chance_label=t("s6.chance"))
    chart(fig, caption_key, data=df, name=name)


def distance_chart(df: pd.DataFrame, title_key: str, caption_key: str, name: str) -> None:
    """Accuracy against the distance key event → final scene, one line per model, chance dashed."""
    fig = charts.accuracy_distance_lines(df, title=t(title_key), x_title=t("s6.distance_axis"),
                                         y_title=t("s6.acc_axis"), chance=0.5, chance_label=t("s6.chance"))
    chart(fig, caption_key, data=df, name=name)


def series_evidence(part: Any, *, lines_title: str, bars_title: str, caption: str, name: str) -> bool:
    """Station 2's accuracy (by distance if given, else per model); False if nothing usable."""
    labels = model_labels()
    curves = charts.accuracy_by_distance(part, labels)
    if not curves.empty:
        badge("own", 2)
        distance_chart(curves, lines_title, caption, name)
        return True
    bars = charts.accuracy_table(charts.model_scores(part, ("accuracy", "acc")), labels, source="s2")
    if not bars.empty:
        badge("own", 2)
        accuracy_chart(bars, bars_title, caption, name)
        return True
    return False


def lesson1_evidence() -> None:
    """Order task (station 1) and simple series (station 2): own results, else the pretrained models."""
    labels = model_labels()
    shown = False
    own = charts.accuracy_table(charts.model_scores(recorded("s1"), ("accuracy", "acc")), labels, source="s1")
    if not own.empty:
        badge("own", 1)
        accuracy_chart(own, "s6.l1_own_title", "s6.l1_own_caption", "s6-lesson1-station1")
        shown = True
    else:
        pretrained = charts.accuracy_table(charts.manifest_accuracy(manifest(), charts.is_order_task), labels,
                                           source="manifest")
        if not pretrained.empty:
            badge("pretrained")
            accuracy_chart(pretrained, "s6.l1_manifest_title", "s6.l1_manifest_caption", "s6-lesson1-pretrained")
            shown = True
    simple, _ = charts.series_parts(recorded("s2"))
    if simple is not None and series_evidence(simple, lines_title="s6.l1_series_title",
                                              bars_title="s6.l1_series_bars_title", caption="s6.l1_series_caption",
                                              name="s6-lesson1-station2"):
        shown = True
    else:
        curves = charts.manifest_by_distance(manifest(), charts.is_simple_series, labels)
        if not curves.empty:
            badge("pretrained")
            distance_chart(curves, "s6.l1_series_title", "s6.l1_series_manifest_caption",
                           "s6-lesson1-series-pretrained")
            shown = True
    if not shown:
        st.info(t("s6.l1_missing"), icon=":material/format_list_numbered:")


def lesson2_evidence() -> None:
    lang = current_language()
    try:
        df = telephone_norms()
    except _PROBE_ERRORS:
        st.info(t("s6.l2_unavailable"), icon=":material/campaign:")
        return
    names = {"rnn_tanh": t("s6.l2_rnn_tanh"), "rnn_linear": t("s6.l2_rnn_linear"), "lstm": t("s6.l2_lstm")}
    df = df.assign(label=df["series"].map(names))
    s3 = recorded("s3")
    own = charts.student_norms(s3)
    regime = charts.student_regime(s3)
    if own is not None:
        df = pd.concat([df, own.assign(series="you", model="baseline", label=t("s6.l2_you"), dash="solid")],
                       ignore_index=True)
    distance = np.arange(LENGTH)
    theory = pd.DataFrame({"distance": np.concatenate([distance, distance]),
                           "norm": np.concatenate([0.9 ** distance, 1.1 ** distance]),
                           "label": ["0.9ᵏ"] * LENGTH + ["1.1ᵏ"] * LENGTH})
    if own is not None or regime is not None:
        badge("own", 3)
    badge("live")
    fig = charts.gradient_lines(df, title=t("s6.l2_title"), x_title=t("s6.l2_x"), y_title=t("s6.l2_y"),
                                theory=theory, theory_label=t("s6.l2_theory"))
    far = df[df["distance"] == LENGTH - 1].set_index("series")["norm"]
    chart(fig, "s6.l2_caption", data=df[["label", "distance", "norm"]], name="s6-lesson2-telephone",
          k=LENGTH - 1, tanh=charts.sci(far.get("rnn_tanh", np.nan), lang),
          linear=charts.sci(far.get("rnn_linear", np.nan), lang), lstm=charts.sci(far.get("lstm", np.nan), lang))
    if own is not None:
        st.caption(t("s6.l2_own"))
    if regime is not None:
        st.markdown(t("s6.l2_own_regime", regime=t(f"s6.regime_{regime}")))


def lesson3_evidence() -> None:
    labels = model_labels()
    lang = current_language()
    s5 = recorded("s5")
    race, baseline = charts.race_table(s5, labels)
    if not race.empty:
        badge("own", 5)
        task, length = s5.get("task"), charts.number(s5.get("length", s5.get("T")))
        detail = ""
        if task in TASKS and length is not None:
            detail = t("s6.l3_race_detail", task=t(f"s6.task_{task}"), length=int(length))
        y_key = {"adding": "s6.l3_race_y_mse", "latch": "s6.l3_race_y_ce", "series": "s6.l3_race_y_ce"}.get(
            task if isinstance(task, str) else "", "s6.l3_race_y")
        fig = charts.loss_bars(race, title=t("s6.l3_race_title"), x_title=t("s6.model_axis"), y_title=t(y_key),
                               baseline=baseline, baseline_label=t("s6.l3_race_baseline"))
        chart(fig, "s6.l3_race_caption", data=race, name="s6-lesson3-race", detail=detail)
    _, realistic = charts.series_parts(recorded("s2"))
    if not (realistic is not None and series_evidence(
            realistic, lines_title="s6.l3_series_title", bars_title="s6.l3_series_bars_title",
            caption="s6.l3_series_caption", name="s6-lesson3-station2")):
        curves = charts.manifest_by_distance(manifest(), charts.is_realistic_series, labels)
        if not curves.empty:
            badge("pretrained")
            distance_chart(curves, "s6.l3_manifest_title", "s6.l3_manifest_caption", "s6-lesson3-pretrained")
    try:
        sweep, rnn = bias_sweep()
    except _PROBE_ERRORS:
        return
    badge("live")
    names = {"lstm": t("s6.l3_sweep_lstm"), "gru": t("s6.l3_sweep_gru")}
    sweep = sweep.assign(label=sweep["model"].map(names))
    k = LENGTH - 1
    fig = charts.bias_sweep_lines(sweep, title=t("s6.l3_sweep_title", k=k), x_title=t("s6.l3_sweep_x"),
                                  y_title=t("s6.l3_sweep_y", k=k), reference=rnn,
                                  reference_label=t("s6.l3_sweep_rnn"))
    lstm = sweep[sweep["model"] == "lstm"].set_index("bias")["norm"]
    data = pd.concat([sweep[["label", "bias", "norm"]],
                      pd.DataFrame({"label": [t("s6.l3_sweep_rnn")], "bias": [np.nan], "norm": [rnn]})])
    chart(fig, "s6.l3_sweep_caption", data=data, name="s6-lesson3-bias",
          low=charts.sci(lstm.get(BIASES[0], np.nan), lang), high=charts.sci(lstm.get(BIASES[-1], np.nan), lang),
          rnn=charts.sci(rnn, lang))


def lesson(n: int, evidence, links: tuple[tuple[str, str], ...]) -> None:
    """One lesson: the claim, its explanation, links to its stations, then the evidence (full width:
    the charts need it)."""
    st.divider()
    st.subheader(t(f"s6.lesson{n}_title"))
    st.markdown(t(f"s6.lesson{n}_claim"))
    explain(f"s6.lesson{n}_more")
    with st.container(horizontal=True, gap="medium"):
        for path, key in links:
            st.page_link(path, label=t(key), icon=":material/arrow_back:")
    evidence()


# --------------------------------------------------------------------------- quiz

QUIZ = "_s6_quiz"  # {"gen": int, "graded": {question key: choice or None} | None, "empty": bool}


def _quiz_state() -> dict[str, Any]:
    return st.session_state.setdefault(QUIZ, {"gen": 0, "graded": None, "empty": False})


def _radio_key(question: quiz.Question, gen: int) -> str:
    return f"_s6_quiz_{gen}_{question.key.split('.')[-1]}"


def _grade() -> None:
    state = _quiz_state()
    sheet = quiz.normalise({q.key: st.session_state.get(_radio_key(q, state["gen"])) for q in quiz.QUESTIONS})
    empty = all(choice is None for choice in sheet.values())
    state.update(graded=None if empty else sheet, empty=empty)


def _reset() -> None:
    state = _quiz_state()
    for q in quiz.QUESTIONS:
        st.session_state.pop(_radio_key(q, state["gen"]), None)
    state.update(gen=state["gen"] + 1, graded=None, empty=False)


def _feedback(question: quiz.Question, choice: int | None) -> None:
    send_quiz_answer(question.key, choice)  # class mode (ui.classroom_ui): no-op outside a class
    answer = t(question.option_keys[question.correct])
    if question.is_correct(choice):
        st.success(t("s6.quiz_right"), icon=":material/check_circle:")
    elif choice is None:
        st.warning(t("s6.quiz_skipped", answer=answer), icon=":material/help:")
    else:
        st.error(t("s6.quiz_wrong", answer=answer), icon=":material/cancel:")
    explain(question.why_key, label_key="s6.quiz_why_label")


def quiz_section() -> None:
    state = _quiz_state()
    graded = state["graded"]
    st.divider()
    st.header(t("s6.quiz_title"))
    st.markdown(t("s6.quiz_intro"))
    lang = current_language()  # bound into format_func: it may be called outside this script run
    with st.form("s6_quiz_form", border=True):
        for n, question in enumerate(quiz.QUESTIONS, start=1):
            st.radio(t("s6.quiz_question", n=n, text=t(question.key)), range(question.options), index=None,
                     format_func=lambda i, q=question: t(q.option_keys[i], lang), key=_radio_key(question, state["gen"]),
                     persist_state="session")
            if graded is not None:
                _feedback(question, graded.get(question.key))
        st.form_submit_button(t("s6.quiz_submit"), on_click=_grade, type="primary", icon=":material/send:")
    if state["empty"]:
        st.warning(t("s6.quiz_empty"), icon=":material/edit:")
    if graded is not None:
        score = quiz.grade(graded)
        st.subheader(t("s6.quiz_score", correct=score.correct, total=score.total))
        message = t(quiz.encouragement_key(score))
        if score.unanswered:
            message += " " + t("s6.quiz_unanswered_count", n=score.unanswered)
        (st.success if score.perfect else st.info)(message, icon=":material/school:")
    if graded is not None or state["empty"]:
        st.button(t("s6.quiz_reset"), on_click=_reset, icon=":material/restart_alt:", key="_s6_quiz_reset")


# --------------------------------------------------------------------------- the page

header("s6")
st.markdown(t("s6.intro"))
lesson(1, lesson1_evidence, (("pages/s1_sequential.py", "s6.lesson1_link"), ("pages/s2_series.py", "s6.lesson1_link2")))
lesson(2, lesson2_evidence, (("pages/s3_gradients.py", "s6.lesson2_link"),))
lesson(3, lesson3_evidence, (("pages/s4_gates.py", "s6.lesson3_link"), ("pages/s5_lab.py", "s6.lesson3_link2")))
quiz_section()
st.divider()
st.header(t("s6.legacy_title"))
st.markdown(t("s6.legacy"))
st.link_button(t("s6.video"), VIDEO_URL, help=t("s6.video_help"), icon=":material/play_circle:", type="primary")
if not presenting():
    st.subheader(t("s6.refs_title"))
# On a projector the reference list is folded: it is for reading later, not for the class.
with st.expander(t("s6.refs_title")) if presenting() else st.container():
    st.markdown(t("s6.refs_intro"))
    st.markdown("\n".join(f"- {t(f's6.ref_{ref}')}" for ref in REFERENCES))
