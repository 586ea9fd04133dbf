"""Station 6's quiz: eight questions in one form, this student's answers, the grade and the why.

The questions, their options and the right answers are data in ``services.quiz``; the texts are
this station's catalog. The radios store option indices, so a language switch keeps the answers.
This student's quiz state lives in the session (:data:`QUIZ`); the radios' keys carry a generation
number, so "try again" starts from empty radios. In class mode each graded answer is sent to the
class (``ui.widgets.classroom.send_quiz_answer``; a no-op outside a class).
"""

from __future__ import annotations

import streamlit as st

from services import quiz
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain
from ui.widgets.classroom import send_quiz_answer

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
    """The quiz: eight questions in one form, graded on submit, with the why of each answer."""
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
