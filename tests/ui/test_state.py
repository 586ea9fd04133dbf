"""ui.shell.state: URL-bound controls accept good values and turn junk into a notice, never a traceback."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
st.session_state.setdefault("lang", "en")
from ui.shell import state
area = st.container()
n = state.number("common.language", "n", 0, 10, 3)
g = state.slider("common.language", "gain", 0.5, 2.0, 1.0, 0.1)
k = state.select("common.language", "kind", ["rnn", "lstm"], "rnn")
m = state.toggle("common.language", "moods", False)
st.write(f"values {{n}} {{g}} {{k}} {{m}}")
state.show_notices(area)
"""


def _run(params):
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def test_good_values_from_the_url_are_used_without_notice():
    at = _run({"n": "7", "gain": "1.5", "kind": "lstm", "moods": "true"})
    assert not at.exception
    assert at.markdown[-1].value == "values 7 1.5 lstm True"
    assert len(at.info) == 0


def test_a_default_value_in_the_url_is_not_a_rejection():
    at = _run({"n": "3", "gain": "1.0"})
    assert not at.exception and len(at.info) == 0


@pytest.mark.parametrize(("key", "junk"), [("n", "1e309"), ("n", "inf"), ("n", "abc"), ("n", "-4"), ("gain", "NaN"),
                                           ("gain", "99"), ("kind", "<b>x</b>"), ("moods", "perhaps")])
def test_junk_falls_back_to_the_default_with_a_notice(key, junk):
    at = _run({key: junk})
    assert not at.exception, at.exception
    assert at.markdown[-1].value == "values 3 1.0 rnn False"
    assert any(key in box.value for box in at.info)


LABELLED = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
st.session_state.setdefault("lang", "en")
lang = st.radio("lang", ["en", "pt"], key="lang_pick")
from ui.shell import state
LABELS = {{"en": {{"sad": "Sad", "happy": "Happy"}}, "pt": {{"sad": "Triste", "happy": "Feliz"}}}}
area = st.container()
mood = state.radio("common.language", "mood", ["sad", "happy"], "sad", format_func=lambda m: LABELS[lang][m])
st.write(f"mood {{mood}}")
state.show_notices(area)
"""


def test_choices_live_in_the_url_by_value_and_survive_a_language_switch():
    at = AppTest.from_string(LABELLED, default_timeout=30)
    at.query_params["mood"] = "happy"
    at.run()
    assert at.markdown[-1].value == "mood happy" and len(at.info) == 0
    at.radio(key="lang_pick").set_value("pt").run()
    assert not at.exception
    assert at.radio(key="mood").options == ["Triste", "Feliz"]
    assert at.markdown[-1].value == "mood happy"
    assert at.query_params["mood"] == "happy"
    at.radio(key="mood").set_value("sad").run()
    assert at.markdown[-1].value == "mood sad"


def test_a_translated_label_in_the_url_is_rejected_with_a_notice():
    at = AppTest.from_string(LABELLED, default_timeout=30)
    at.query_params["mood"] = "Happy"
    at.run()
    assert at.markdown[-1].value == "mood sad"
    assert any("mood" in box.value for box in at.info)


def test_a_rejected_link_value_is_shown_as_plain_text_not_markdown():
    at = _run({"kind": "[Log in](https://evil.example)"})
    assert not at.exception
    notice = next(box.value for box in at.info if "kind" in box.value)
    assert "](" not in notice and r"\[Log in\]" in notice


def test_a_choice_on_one_page_does_not_leak_into_another_page_with_the_same_key():
    from tests.apptest_helpers import run_page

    at = run_page("pages/gradients/page.py")
    hidden = next(w for w in at.selectbox if w.key == "hidden")
    at.selectbox(key="hidden").set_value(hidden.value * 2 if hidden.value * 2 in (8, 16, 32, 64, 128) else 8).run()
    chosen = at.selectbox(key="hidden").value
    assert at.query_params["hidden"] == str(chosen)
    at.switch_page("pages/lab/page.py").run()
    assert "hidden" not in at.query_params
    assert not at.exception
    lab_hidden = at.selectbox(key="hidden").value
    from services import race_runner

    assert lab_hidden == race_runner.RACE_DEFAULTS["hidden"] != chosen
