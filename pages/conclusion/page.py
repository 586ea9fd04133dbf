"""Station 6 — Conclusion (seed §5): the three lessons next to their evidence, a quiz, references.

Page shape: read the session's evidence (``ui.shell.evidence``, one typed value per station) → turn it
into plain tuples → one cached view per lesson (``pages.conclusion.view``: language and presenter
mode are parameters, the figures come back styled, shared by the whole server) → show them as
they are. The quiz and the latch measurement's button and progress are this session's own.
"""

from __future__ import annotations

import streamlit as st

from pages.conclusion import view as views
from pages.conclusion.charts import Panel
from pages.conclusion.view import LATCH
from pages.gradients.evidence import Station3
from pages.lab.evidence import Station5
from pages.sequential.evidence import Station1
from pages.series.evidence import Station2
from services import quiz
from services import race_runner as runner
from services.jobs import QUEUED, RUNNING
from ui.shell.evidence import recorded
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.widgets.chart import figure
from ui.widgets.classroom import send_quiz_answer

VIDEO_URL = "https://github.com/user-attachments/assets/80d1150b-3fa6-48a9-84fa-7017cc38e0cb"
REFERENCES = ("bengio1994", "hochreiter1997", "gers2000", "pascanu2013", "cho2014", "chung2014",
              "jozefowicz2015", "le2015", "arjovsky2016")


# --------------------------------------------------------------------------- show


def _measure_latch() -> None:
    runner.submit(LATCH)


@st.fragment(run_every=2.0)
def latch_progress() -> None:
    """While the shared latch race trains: where it is (a full rerun shows the result when done)."""
    job = runner.find(LATCH)
    if job is None or job.status not in (QUEUED, RUNNING):
        st.rerun()
    if job.status == QUEUED:
        st.caption(t("conclusion.l3_latch_queued", length=LATCH.length, ahead=job.ahead))
    else:
        step = job.snapshot.step if job.snapshot is not None else 0
        st.caption(t("conclusion.l3_latch_running", length=LATCH.length, step=step, steps=LATCH.steps))


def latch_note(lang: str) -> None:
    """Gates are no cure: the default LSTM and GRU on the latch at T = 50, measured by the shared Lab
    race when someone asked for it (here or in the Lab), else a button that asks for it."""
    job = runner.find(LATCH)
    if job is not None and job.status == "done" and job.result is not None:
        st.markdown(views.latch_done(lang, LATCH.key(), job.result))
    elif job is not None and job.status in (QUEUED, RUNNING):
        latch_progress()
    else:
        if job is not None and job.status == "failed":
            st.caption(t("conclusion.l3_latch_failed", length=LATCH.length, error=job.error))
        st.markdown(t("conclusion.l3_latch_ask", length=LATCH.length))
        with st.container(horizontal=True):
            st.button(t("conclusion.l3_latch_run"), on_click=_measure_latch, key="_s6_latch", icon=":material/play_arrow:")
            st.page_link("pages/lab/page.py", label=t("conclusion.l3_latch_link"), icon=":material/science:",
                         query_params={"task": LATCH.task, "length": str(LATCH.length)})




def badge(kind: str, station: int | None = None) -> None:
    """Where the evidence below comes from: the student's own run, a live measurement, or the
    pretrained models."""
    if kind == "own":
        st.badge(t("conclusion.source_own", station=station), icon=":material/person:", color="green")
    elif kind == "live":
        st.badge(t("conclusion.source_live"), icon=":material/bolt:", color="blue")
    else:
        st.badge(t("conclusion.source_pretrained"), icon=":material/inventory_2:", color="violet")


def show(panel: Panel) -> None:
    """A cached panel as it is (already styled): badges, chart, caption, notes, CSV download."""
    for kind, station in panel.badges:
        badge(kind, station)
    figure(panel.figure, key=f"chart-{panel.name}")
    st.caption(panel.caption)
    for note in panel.notes:
        st.markdown(note)
    if panel.data is not None:
        data = panel.data
        st.download_button(t("common.download_csv"), lambda: data.to_csv(index=False).encode("utf-8"),
                           file_name=f"{panel.name}.csv", mime="text/csv", key=f"csv-{panel.name}",
                           icon=":material/download:")


def lesson(n: int, links: tuple[tuple[str, str], ...], more: str | None = None) -> None:
    """One lesson: the claim, its explanation, links to its stations (the evidence follows)."""
    st.divider()
    st.subheader(t(f"conclusion.lesson{n}_title"))
    st.markdown(t(f"conclusion.lesson{n}_claim"))
    if more is None:
        explain(f"conclusion.lesson{n}_more")
    elif presenting():
        with st.expander(t("common.explain_more")):
            st.markdown(more)
    else:
        st.markdown(more)
    with st.container(horizontal=True, gap="medium"):
        for path, key in links:
            st.page_link(path, label=t(key), icon=":material/arrow_back:")


# --------------------------------------------------------------------------- quiz

QUIZ = "_s6_quiz"  # {"gen": int, "graded": {question key: choice or None} | None, "empty": bool}


def _quiz_state() -> dict:
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
    send_quiz_answer(question.key, choice)  # class mode (ui.widgets.classroom): no-op outside a class
    answer = t(question.option_keys[question.correct])
    if question.is_correct(choice):
        st.success(t("conclusion.quiz_right"), icon=":material/check_circle:")
    elif choice is None:
        st.warning(t("conclusion.quiz_skipped", answer=answer), icon=":material/help:")
    else:
        st.error(t("conclusion.quiz_wrong", answer=answer), icon=":material/cancel:")
    explain(question.why_key, label_key="conclusion.quiz_why_label")


def quiz_section() -> None:
    state = _quiz_state()
    graded = state["graded"]
    st.divider()
    st.header(t("conclusion.quiz_title"))
    st.markdown(t("conclusion.quiz_intro"))
    lang = current_language()  # bound into format_func: it may be called outside this script run
    with st.form("s6_quiz_form", border=True):
        for n, question in enumerate(quiz.QUESTIONS, start=1):
            st.radio(t("conclusion.quiz_question", n=n, text=t(question.key)), range(question.options), index=None,
                     format_func=lambda i, q=question: t(q.option_keys[i], lang), key=_radio_key(question, state["gen"]),
                     persist_state="session")
            if graded is not None:
                _feedback(question, graded.get(question.key))
        st.form_submit_button(t("conclusion.quiz_submit"), on_click=_grade, type="primary", icon=":material/send:")
    if state["empty"]:
        st.warning(t("conclusion.quiz_empty"), icon=":material/edit:")
    if graded is not None:
        score = quiz.grade(graded)
        st.subheader(t("conclusion.quiz_score", correct=score.correct, total=score.total))
        message = t(quiz.encouragement_key(score))
        if score.unanswered:
            message += " " + t("conclusion.quiz_unanswered_count", n=score.unanswered)
        (st.success if score.perfect else st.info)(message, icon=":material/school:")
    if graded is not None or state["empty"]:
        st.button(t("conclusion.quiz_reset"), on_click=_reset, icon=":material/restart_alt:", key="_s6_quiz_reset")


# --------------------------------------------------------------------------- the page

header("conclusion")
st.markdown(t("conclusion.intro"))
lang, present = current_language(), presenting()
s1, s2, s3 = recorded(Station1), recorded(Station2), recorded(Station3)

lesson(1, (("pages/sequential/page.py", "conclusion.lesson1_link"), ("pages/series/page.py", "conclusion.lesson1_link2")))
panels = views.lesson1_view(lang, present, (("ff", s1.ff_accuracy), ("rnn", s1.rnn_accuracy)) if s1 else None,
                            views.bins(s2, "simple"))
for panel in panels:
    show(panel)
if not panels:
    st.info(t("conclusion.l1_missing"), icon=":material/format_list_numbered:")

lesson(2, (("pages/gradients/page.py", "conclusion.lesson2_link"),))
telephone = views.lesson2_view(lang, present, tuple(s3.norms) if s3 else None,
                               s3.regime if s3 and s3.regime in ("vanishing", "stable", "exploding") else None)
if telephone is None:
    st.info(t("conclusion.l2_unavailable"), icon=":material/campaign:")
else:
    show(telephone)

lesson(3, (("pages/gates/page.py", "conclusion.lesson3_link"), ("pages/lab/page.py", "conclusion.lesson3_link2")),
       views.lesson3_more(lang))
latch_note(lang)
for panel in views.lesson3_view(lang, present, views.race_tuple(recorded(Station5)), views.bins(s2, "realistic")):
    show(panel)

quiz_section()
st.divider()
st.header(t("conclusion.legacy_title"))
st.markdown(t("conclusion.legacy"))
st.link_button(t("conclusion.video"), VIDEO_URL, help=t("conclusion.video_help"), icon=":material/play_circle:", type="primary")
if not present:
    st.subheader(t("conclusion.refs_title"))
# On a projector the reference list is folded: it is for reading later, not for the class.
with st.expander(t("conclusion.refs_title")) if present else st.container():
    st.markdown(t("conclusion.refs_intro"))
    st.markdown("\n".join(f"- {t(f'conclusion.ref_{ref}')}" for ref in REFERENCES))
