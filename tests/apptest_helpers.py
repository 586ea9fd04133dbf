"""Helpers for Streamlit AppTest page tests: run a page in a language, find raw keys, read figures."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from ui.shell.stations import HOME, JOURNEY, STATIONS

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = tuple(s.path for s in JOURNEY)  # the journey's pages, from the one registry (ui.shell.stations)
# A catalog key that leaked onto the screen looks like "gradients.gain_label" or "common.present".
RAW_KEY = re.compile(r"\b(?:common|" + "|".join(s.slug for s in STATIONS) + r")\.[a-z][a-z0-9_]*\b")


def committed_predictions() -> dict:
    """Every registered prediction committed with its measured answer (``ui.widgets.prediction``'s session
    state): a page then shows its answering charts as it did before "predict, then see"."""
    from ui.shell.predictions import Answered, questions

    return {p.id: Answered(question_id=p.id, station=p.station, choice=p.correct, correct=True)
            for p in questions("en") if p.station != "conclusion"}


def run_page(page: str = HOME.path, *, lang: str = "en", present: bool = False,
             params: dict[str, str] | None = None, timeout: float = 60, predicted: bool = True,
             asides: tuple[str, ...] = ()) -> AppTest:
    """Run ``app.py`` and switch to ``page`` with the given language and query parameters.

    ``predicted``: this session already committed every prediction (the charts they fold are shown);
    False for a student who has not (tests of the prediction widget). ``asides``: keys of the page's
    asides (``ui.shell.layout.aside``) already open, as after the student's click."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if predicted:
        at.session_state["_predicted"] = committed_predictions()
    _mark_open(at, asides)
    at.query_params["lang"] = lang
    if present:
        at.query_params["present"] = "1"
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != HOME.path:
        at.switch_page(page)
        at.run()
    return at


def open_page(page: str, *, lang: str = "en", present: bool = False, timeout: float = 180, predicted: bool = True,
              asides: tuple[str, ...] = (), **params) -> AppTest:
    """:func:`run_page` with the query parameters as keyword arguments (values turned into text)."""
    return run_page(page, lang=lang, present=present, params={k: str(v) for k, v in params.items()}, timeout=timeout,
                    predicted=predicted, asides=asides)


def open_asides(at: AppTest, *keys: str) -> AppTest:
    """Open the page's asides (``ui.shell.layout.aside``: built only while open) by their keys, as a
    student's click does (it sets the expander's state and reruns the page)."""
    _mark_open(at, keys)
    return at.run()


def _mark_open(at: AppTest, keys) -> None:
    """An aside's state, as the student's click sets it: open (``st.expander(key=..., on_change=...)``)."""
    for key in keys:
        at.session_state[key] = True


def decode(value):
    """Plotly 7 ships numpy arrays as ``{"bdata": base64, "dtype": …, "shape": …}``: back to lists
    (recursively through dicts and lists)."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [decode(v) for v in value]
    return value


def figure_titled(at: AppTest, title_start: str) -> dict:
    """The first figure on the page whose title starts with ``title_start``, arrays decoded."""
    for fig, title in zip(figures(at), figure_titles(at), strict=True):
        if title.startswith(title_start):
            return decode(fig)
    raise AssertionError(f"no figure titled {title_start!r} in {figure_titles(at)}")


def visible_texts(at: AppTest) -> list[str]:
    """Every string a student can read on the page: text elements, labels, options, captions."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning",
                 "error", "success", "latex", "code"):
        texts += [str(el.value) for el in at.get(kind)]
    for kind in ("button", "slider", "select_slider", "selectbox", "radio", "toggle", "checkbox",
                 "number_input", "text_input", "multiselect", "segmented_control", "pills"):
        for el in at.get(kind):
            texts.append(str(getattr(el, "label", "")))
            texts += [str(o) for o in getattr(el, "options", []) or []]
    texts += [str(getattr(tab, "label", "")) for tab in at.tabs]
    texts += [str(getattr(exp, "label", "")) for exp in at.expander]
    return texts


def raw_keys(at: AppTest) -> list[str]:
    """Catalog keys shown as raw text (should always be empty)."""
    return sorted({m for text in visible_texts(at) for m in RAW_KEY.findall(text)})


def figures(at: AppTest) -> list[dict[str, Any]]:
    """The Plotly figures on the page, as dicts parsed from their JSON spec."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def figure_titles(at: AppTest) -> list[str]:
    out = []
    for fig in figures(at):
        title = fig.get("layout", {}).get("title", {})
        out.append(title.get("text", "") if isinstance(title, dict) else str(title))
    return out


def assert_clean(at: AppTest) -> None:
    """No exception, no error box that is a traceback, no raw catalog key."""
    assert not at.exception, [e.value for e in at.exception]
    assert raw_keys(at) == []


def assert_view_shared(page: str, cached, args: tuple, fingerprint, change) -> AppTest:
    """A cached view is computed once for the server and no session changes it: ``page`` opened by
    several sessions (a second one then changing a control with ``change(at)``, one in presenter mode,
    one in Portuguese) leaves ``cached(*args)`` the very same object with the same ``fingerprint``.
    Returns the first session (it shows that view)."""
    first = run_page(page)
    view = cached(*args)
    before = fingerprint(view)
    second = run_page(page)
    run_page(page, present=True)
    run_page(page, lang="pt")
    first.run()
    change(second)
    assert_clean(first)
    assert_clean(second)
    assert cached(*args) is view
    assert fingerprint(view) == before
    return first


def body_text(at: AppTest) -> str:
    """The page's prose as one string: markdown, captions and message boxes (info, error, success,
    warning), one element a line."""
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "info", "error", "success", "warning")
                     for el in at.get(kind))


def commit_prediction(at: AppTest, question_id: str, choice: int) -> AppTest:
    """Choose option ``choice`` of the prediction ``question_id`` (ui.widgets.prediction) and commit it."""
    key = "_pred_" + question_id.replace(".", "_")
    at.radio(key=key).set_value(choice)
    at.button(key=key + "_commit").click()
    at.run()
    return at


def prediction_keys(at: AppTest) -> list[str]:
    """The keys of the prediction radios on the page (uncommitted predictions)."""
    return [r.key for r in at.radio if r.key and r.key.startswith("_pred_")]


def predict_then_see(at: AppTest, question_id: str, lang: str, *, right: bool = True) -> tuple[int, int]:
    """The "predict, then see" flow on a page opened with ``predicted=False``: the question is asked and says the
    chart is folded; committing (the right option, or a wrong one) shows "you predicted X; the network measured Y"
    and the question's radio goes. Returns the number of figures before and after the commit."""
    from ui.shell.i18n import t
    from ui.shell.predictions import question

    p = question(question_id, lang)
    assert p is not None
    key = "_pred_" + question_id.replace(".", "_")
    assert key in prediction_keys(at)
    assert t("common.predict_folded", lang) in body_text(at)
    before = len(figures(at))
    choice = p.correct if right else next(i for i in range(len(p.options)) if i != p.correct)
    commit_prediction(at, question_id, choice)
    assert not at.exception
    assert key not in prediction_keys(at)
    said = t("common.predict_right" if right else "common.predict_wrong", lang, choice=p.options[choice],
             answer=p.options[p.correct], measured=p.measured)
    boxes = [m.value for m in (*at.success, *at.info)]
    assert said in boxes, (said, boxes)
    return before, len(figures(at))


def folded_then_shown(page: str, question_id: str, lang: str, settle=lambda at: at, timeout: float = 300) -> None:
    """The two states of a prediction opened apart (for pages AppTest cannot rerun in Portuguese after a widget
    change: it formats the timeline editor's radio with the English catalog). Uncommitted: the question and
    the folded line; committed: "you predicted X; the network measured Y" and one more figure."""
    from ui.shell.i18n import t
    from ui.shell.predictions import question

    folded = settle(run_page(page, lang=lang, predicted=False, timeout=timeout))
    assert "_pred_" + question_id.replace(".", "_") in prediction_keys(folded)
    assert t("common.predict_folded", lang) in body_text(folded)
    shown = settle(run_page(page, lang=lang, timeout=timeout))
    p = question(question_id, lang)
    said = t("common.predict_right", lang, choice=p.options[p.correct], answer=p.options[p.correct], measured=p.measured)
    assert said in [m.value for m in shown.success]
    assert len(figures(shown)) == len(figures(folded)) + 1


def answer_quiz_question(at: AppTest, key: str, choice: int) -> AppTest:
    """On station 6: show the quiz question ``key`` (``"conclusion.q3"``), choose option ``choice`` and submit it."""
    at.button_group(key="_s6_quiz_nav").set_value(key).run()
    change = [b for b in at.button if b.key == "_s6_quiz_change"]
    if change:  # answered before: answer again (only the latest answer counts)
        change[0].click().run()
    radio = next(r for r in at.radio if r.key and r.key.startswith("_s6_quiz_") and r.key.endswith(key.split(".")[-1]))
    radio.set_value(choice)
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:s6_quiz_form")).click().run()
    return at
