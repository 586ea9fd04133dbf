"""Station 6's quiz, one question at a time, and the student's predictions from stations 1–5.

The questions, their options and the right answers are data in ``services.quiz``; the texts are this
station's catalog. The quiz shows one question: a row of question numbers (✓/✗ once answered) picks
it, a small form (radio + "submit this answer") answers it, and each submitted answer is graded at
once, shown with its why, and sent to the class (``ui.widgets.classroom.send_answer``; a no-op outside
a class). When the teacher puts a quiz question in focus (``ui.widgets.classroom.class_focus``), that
question is the one shown (once per focus change: the student may move on afterwards).

This student's quiz state lives in the session (:data:`QUIZ`): the answers submitted (option indices,
so a language switch keeps them) and a generation number in the radios' keys, so "try again" starts
from empty radios.
"""

from __future__ import annotations

import logging

import streamlit as st

from services import quiz
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain
from ui.shell.predictions import questions as registered
from ui.shell.stations import station
from ui.widgets import classroom
from ui.widgets.prediction import answered, revealed

LOG = logging.getLogger(__name__)
QUIZ = "_s6_quiz"  # {"gen": int, "answers": {question key: option index}, "current": key, "focus": key | None}
NAV = "_s6_quiz_nav"  # the question picker's widget key
ANCHOR = "quiz"  # the quiz heading's anchor (the link at the top of the page)
KEYS = tuple(q.key for q in quiz.QUESTIONS)
BY_KEY = {q.key: q for q in quiz.QUESTIONS}


def _quiz_state() -> dict:
    state = st.session_state.get(QUIZ)
    if not isinstance(state, dict) or not isinstance(state.get("answers"), dict):
        state = st.session_state[QUIZ] = {"gen": 0, "answers": {}, "current": KEYS[0], "focus": None}
    return state


def _radio_key(question: quiz.Question, gen: int) -> str:
    return f"_s6_quiz_{gen}_{question.key.split('.')[-1]}"


def send(question_id: str, choice: int) -> None:
    """Send one answer to the class (``ui.widgets.classroom.send_answer``: a no-op outside a class)."""
    try:
        classroom.send_answer(question_id, choice)
    except Exception:  # class mode never takes the page down
        LOG.exception("sending a quiz answer failed")


def _submit(key: str) -> None:
    state = _quiz_state()
    question = BY_KEY[key]
    choice = quiz.normalise({key: st.session_state.get(_radio_key(question, state["gen"]))}, (question,))[key]
    if choice is None:
        state["empty"] = key
        return
    state.pop("empty", None)
    state["answers"][key] = choice
    send(key, choice)


def _change(key: str) -> None:
    """Answer ``key`` again (only the latest answer counts, here and in the class)."""
    state = _quiz_state()
    state["answers"].pop(key, None)
    st.session_state.pop(_radio_key(BY_KEY[key], state["gen"]), None)


def _go(key: str) -> None:
    _quiz_state()["current"] = key
    st.session_state[NAV] = key


def _next(key: str) -> str | None:
    """The next question not answered yet, after ``key`` (wrapping), or None when all are answered."""
    answers = _quiz_state()["answers"]
    start = KEYS.index(key)
    for k in KEYS[start + 1:] + KEYS[:start]:
        if k not in answers:
            return k
    return None


def _reset() -> None:
    state = _quiz_state()
    for q in quiz.QUESTIONS:
        st.session_state.pop(_radio_key(q, state["gen"]), None)
    state.update(gen=state["gen"] + 1, answers={}, current=KEYS[0])
    state.pop("empty", None)
    st.session_state[NAV] = KEYS[0]


def _focused() -> str | None:
    """The quiz question the teacher has in focus (None outside a class or for a station's question)."""
    try:
        focus = classroom.class_focus()
    except Exception:
        LOG.exception("class_focus failed")
        return None
    key = focus.get("question_id") if isinstance(focus, dict) else None
    return key if key in BY_KEY else None


def _label(key: str) -> str:
    """A question's number in the picker, with ✓/✗ once answered."""
    choice = _quiz_state()["answers"].get(key)
    mark = "" if choice is None else (" ✓" if BY_KEY[key].is_correct(choice) else " ✗")
    return f"{KEYS.index(key) + 1}{mark}"


def _feedback(question: quiz.Question, choice: int) -> None:
    answer = t(question.option_keys[question.correct])
    if question.is_correct(choice):
        st.success(t("conclusion.quiz_right") + " " + t("conclusion.quiz_yours", choice=t(question.option_keys[choice])),
                   icon=":material/check_circle:")
    else:
        st.error(t("conclusion.quiz_yours", choice=t(question.option_keys[choice])) + " "
                 + t("conclusion.quiz_wrong", answer=answer), icon=":material/cancel:")
    explain(question.why_key, label_key="conclusion.quiz_why_label")


def quiz_section() -> None:
    """The quiz: a picker of the eight questions, the chosen one answered and graded on its own, the score."""
    state = _quiz_state()
    focused = _focused()
    if focused is not None and focused != state.get("focus"):
        state["current"] = focused  # the teacher moved the class to this question: show it (once)
        st.session_state[NAV] = focused
    state["focus"] = focused
    picked = st.session_state.get(NAV)
    if picked in BY_KEY:
        state["current"] = picked
    current = state["current"] if state["current"] in BY_KEY else KEYS[0]
    if picked != current:  # first visit, or junk in the session: the picker starts at the current question
        st.session_state[NAV] = current
    answers = state["answers"]

    st.divider()
    st.header(t("conclusion.quiz_title"), anchor=ANCHOR)
    st.markdown(t("conclusion.quiz_intro") + " " + t("conclusion.quiz_progress", answered=len(answers), total=len(KEYS)))
    labels = {k: _label(k) for k in KEYS}  # computed now: format_func may be called outside this script run
    st.segmented_control(t("conclusion.quiz_pick"), KEYS, format_func=labels.__getitem__, key=NAV, required=True)
    question = BY_KEY[current]
    n = KEYS.index(current) + 1
    lang = current_language()  # bound into format_func: it may be called outside this script run
    if focused == current:
        st.caption(t("conclusion.quiz_focused"))
    if current in answers:
        st.markdown(t("conclusion.quiz_question", n=n, text=t(question.key)))
        _feedback(question, answers[current])
        following = _next(current)
        with st.container(horizontal=True):
            if following is not None:
                st.button(t("conclusion.quiz_next", n=KEYS.index(following) + 1), key="_s6_quiz_next", on_click=_go,
                          args=(following,), icon=":material/arrow_forward:", type="primary")
            st.button(t("conclusion.quiz_change"), key="_s6_quiz_change", on_click=_change, args=(current,),
                      icon=":material/edit:")
    else:
        with st.form("s6_quiz_form", border=True):
            st.radio(t("conclusion.quiz_question", n=n, text=t(question.key)), range(question.options), index=None,
                     format_func=lambda i, q=question: t(q.option_keys[i], lang), key=_radio_key(question, state["gen"]))
            st.form_submit_button(t("conclusion.quiz_submit"), on_click=_submit, args=(current,), type="primary",
                                  icon=":material/send:")
        if state.get("empty") == current:
            st.warning(t("conclusion.quiz_choose"), icon=":material/edit:")
    if len(answers) == len(KEYS):
        score = quiz.grade(answers)
        st.subheader(t("conclusion.quiz_score", correct=score.correct, total=score.total))
        (st.success if score.perfect else st.info)(t(quiz.encouragement_key(score)), icon=":material/school:")
    if answers:
        st.button(t("conclusion.quiz_reset"), on_click=_reset, icon=":material/restart_alt:", key="_s6_quiz_reset")


def predictions_summary() -> None:
    """What the student predicted on stations 1–5 and how many were right (typed evidence from
    ``ui.widgets.prediction``), and the way down to the quiz: one element."""
    lang = current_language()
    asked = [p for p in registered(lang) if p.station != "conclusion"]
    mine = answered()
    lines = [t("conclusion.quiz_jump", n=len(KEYS), anchor=ANCHOR)]
    done = [(p, mine[p.id]) for p in asked if p.id in mine and mine[p.id].choice < len(p.options)]
    if not done:
        lines.append(t("conclusion.pred_none", total=len(asked)))
    else:
        right = sum(a.choice == p.correct for p, a in done)
        lines.append(t("conclusion.pred_count", right=right, n=len(done), total=len(asked)))
        lines += [t("conclusion.pred_item", mark="✓" if a.choice == p.correct else "✗",
                    station=t(station(p.station).title_key), prompt=p.prompt, choice=p.options[a.choice],
                    answer=p.options[p.correct])
                  for p, a in done]
    shown = [p for p in asked if p.id not in mine and revealed(p.id)]
    if shown:
        lines.append(t("conclusion.pred_revealed", n=len(shown)))
    st.markdown("\n\n".join(lines[:2]) + ("\n" + "\n".join(f"- {line}" for line in lines[2:]) if lines[2:] else ""))
