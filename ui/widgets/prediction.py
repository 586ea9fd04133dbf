"""Predict, then see: the widget a station puts right before the chart that answers a question.

```python
if ask("gradients.gain50"):
    show(line.distance)          # the answering chart, shown once the student committed
```

Until the student commits, :func:`ask` shows the question (radio ``_pred_<id>``, "." → "_") and a
commit button (``_pred_<id>_commit``), says in one line that the chart stays folded, and returns
False. After the commit (or when the teacher revealed this question to the class, read through
``ui.widgets.classroom.class_focus``) it shows "you predicted X; the network measured Y" in one
element and returns True. A committed answer is sent to the class (``ui.widgets.classroom.send_answer``,
a no-op outside a class) and recorded in the session as typed evidence
(:class:`ui.shell.predictions.Answered`) for station 6 (:func:`answered`). A commit is final: a
prediction is worth something because it was made before seeing.

Cost: before the commit, one bordered container with a radio, a button and a caption; after, one
element. The question comes from the registry's per-language cache (a dictionary read).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import streamlit as st

from ui.shell.i18n import current_language, t
from ui.shell.predictions import LETTERS, Answered, Prediction, question, to_index
from ui.widgets import classroom

LOG = logging.getLogger(__name__)
STATE = "_predicted"  # {question id: Answered}


def radio_key(question_id: str) -> str:
    """The radio's session key (the contract: ``_pred_<id>`` with "." replaced by "_")."""
    return "_pred_" + question_id.replace(".", "_")


def answered() -> Mapping[str, Answered]:
    """This session's committed predictions, by question id (typed; junk in the session is skipped)."""
    store = st.session_state.get(STATE)
    if not isinstance(store, dict):
        return {}
    return {k: v for k, v in store.items() if isinstance(v, Answered)}


def revealed(question_id: str) -> bool:
    """Whether the teacher of this session's class revealed ``question_id`` (False outside a class)."""
    try:
        focus = classroom.class_focus()
    except Exception:  # class mode must never take a station down
        LOG.exception("class_focus failed")
        return False
    return isinstance(focus, dict) and focus.get("question_id") == question_id and focus.get("revealed") is True


def seen(question_id: str) -> bool:
    """Whether ``question_id`` was committed in this session or revealed by the teacher, without showing
    anything (for a sentence elsewhere on the page that gives its answer away)."""
    return question_id in answered() or revealed(question_id)


def send(question_id: str, choice: int) -> None:
    """Send a committed answer to the class (no-op outside a class; never raises)."""
    try:
        classroom.send_answer(question_id, LETTERS[choice])
    except Exception:
        LOG.exception("send_answer failed")


def _commit(question_id: str) -> None:
    """The commit button's callback: record the chosen option (or ask for one)."""
    p = question(question_id, current_language())
    choice = None if p is None else to_index(st.session_state.get(radio_key(question_id)), len(p.options))
    if p is None or choice is None:
        st.session_state[f"{radio_key(question_id)}_empty"] = True
        return
    st.session_state.pop(f"{radio_key(question_id)}_empty", None)
    store = st.session_state.get(STATE)
    if not isinstance(store, dict):
        store = st.session_state[STATE] = {}
    store[question_id] = Answered(question_id=question_id, station=p.station, choice=choice,
                                  correct=choice == p.correct)
    send(question_id, choice)


def result(p: Prediction, mine: Answered | None) -> str:
    """The one sentence after the commit (or after the teacher's reveal)."""
    if mine is None:
        return t("common.predict_revealed", answer=p.options[p.correct], measured=p.measured)
    key = "common.predict_right" if mine.choice == p.correct else "common.predict_wrong"
    return t(key, choice=p.options[mine.choice], answer=p.options[p.correct], measured=p.measured)


def ask(question_id: str, *, folded_key: str = "common.predict_folded") -> bool:
    """Ask ``question_id`` (see the module's docstring); True when its answering chart may be shown.

    ``folded_key``: the catalog key of the one line saying what waits for the commit (a chart, by default)."""
    p = question(question_id, current_language())
    if p is None:  # an unknown id (or a station whose measurement failed): never hide a chart for it
        return True
    mine = answered().get(question_id)
    if mine is not None and mine.choice < len(p.options):
        (st.success if mine.choice == p.correct else st.info)(
            result(p, mine), icon=":material/check_circle:" if mine.choice == p.correct else ":material/lightbulb:")
        return True
    key = radio_key(question_id)
    with st.container(border=True, key=f"{key}_box"):
        st.radio(t("common.predict_label", prompt=p.prompt), range(len(p.options)), index=None,
                 format_func=lambda i, options=p.options: options[i], key=key)
        shown = revealed(question_id)
        if st.session_state.get(f"{key}_empty"):
            note = t("common.predict_choose_first")
        elif shown:
            note = result(p, None)
        else:
            note = t(folded_key)
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(t("common.predict_commit"), key=f"{key}_commit", on_click=_commit, args=(question_id,),
                      type="primary", icon=":material/how_to_vote:")
            st.caption(note)
    return shown
