"""ui.state: URL-bound controls accept good values and turn junk into a notice, never a traceback."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
st.session_state.setdefault("lang", "en")
from ui import state
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
