"""Station 1's controls: where A and B stand and how the distractors are mixed, kept in the URL.

``?pos_a=&pos_b=&mix=`` hold the arrangement (``ui.shell.state``: a shared link reproduces it).
"Shuffle" draws a new one with ``random.Random(n)``, n = this session's number of shuffles, so a
class that shuffles the same number of times sees the same sequences. A and B never share a
position: moving one onto the other swaps them, and a link asking for one place for both moves B
(with a notice).
"""

from __future__ import annotations

import random

import streamlit as st

from rnn_core import order_eval
from ui.shell import state
from ui.shell.i18n import t

LENGTH = order_eval.LENGTH
DEFAULT_A, DEFAULT_B, DEFAULT_MIX = 2, 5, 0
MIX_MAX = 99
SHUFFLES = "_s1_shuffles"  # this session's number of shuffles (the seed of the next one)


def _shuffle() -> None:
    """Draw a new arrangement (seeded by the number of shuffles so far) into the bound widgets."""
    count = st.session_state.get(SHUFFLES, 0) + 1
    st.session_state[SHUFFLES] = count
    rng = random.Random(count)
    old = (st.session_state.get("pos_a", DEFAULT_A), st.session_state.get("pos_b", DEFAULT_B),
           st.session_state.get("mix", DEFAULT_MIX))
    new = old
    while new[:2] == old[:2]:
        a, b = rng.sample(range(1, LENGTH + 1), 2)
        new = (a, b, rng.randint(0, MIX_MAX))
    st.session_state["pos_a"], st.session_state["pos_b"], st.session_state["mix"] = new


def _swap(changed: str, other: str) -> None:
    """Moving A onto B's position (or B onto A's) swaps the two letters."""
    prev = st.session_state.get("_s1_prev", {})
    if st.session_state.get(changed) == st.session_state.get(other):
        st.session_state[other] = prev.get(changed, DEFAULT_A if changed == "pos_b" else DEFAULT_B)


def _settle_collision() -> None:
    """A link may ask for A and B at the same place: move B before its widget is drawn."""
    def read(key: str, default: int) -> int:
        value = st.session_state.get(key, st.query_params.get(key, default))
        try:
            number = int(float(value))
        except (TypeError, ValueError, OverflowError):
            return default
        return number if 1 <= number <= LENGTH and float(value) == number else default

    a, b = read("pos_a", DEFAULT_A), read("pos_b", DEFAULT_B)
    if a == b:
        moved = next(p for p in [DEFAULT_B, DEFAULT_A, *range(1, LENGTH + 1)] if p != a)
        st.session_state["pos_a"], st.session_state["pos_b"] = a, moved
        state.add_notice(t("sequential.notice_same_position", pos=a, moved=moved))


def arrangement() -> tuple[int, int, int]:
    """Draw the controls (A's place, B's place, the mix, "Shuffle") and return ``(pos_a, pos_b, mix)``."""
    _settle_collision()
    c1, c2, c3, c4 = st.columns([1, 1, 1.3, 1], vertical_alignment="bottom")
    positions = list(range(1, LENGTH + 1))
    with c1:
        pos_a = state.select("sequential.pos_a", "pos_a", positions, DEFAULT_A, on_change=_swap,
                             args=("pos_a", "pos_b"), help=t("sequential.pos_help", n=LENGTH))
    with c2:
        pos_b = state.select("sequential.pos_b", "pos_b", positions, DEFAULT_B, on_change=_swap,
                             args=("pos_b", "pos_a"), help=t("sequential.pos_help", n=LENGTH))
    with c3:
        mix = state.slider("sequential.mix", "mix", 0, MIX_MAX, DEFAULT_MIX, help=t("sequential.mix_help"))
    with c4:
        st.button(t("sequential.shuffle"), on_click=_shuffle, key="_s1_shuffle", icon=":material/shuffle:",
                  help=t("sequential.shuffle_help"), width="stretch")
    if pos_a == pos_b:  # only reachable through a hand-edited session; keep the page consistent
        pos_b = next(p for p in positions if p != pos_a)
    st.session_state["_s1_prev"] = {"pos_a": pos_a, "pos_b": pos_b}
    return int(pos_a), int(pos_b), int(mix)


def shuffles() -> int:
    """How many times this session shuffled."""
    return int(st.session_state.get(SHUFFLES, 0))
