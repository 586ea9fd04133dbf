"""Station 4's sentences and claims: what the text says agrees with the code and with the facts."""

from __future__ import annotations

import math
import re

import pytest
import torch

from pages.gates import sentences as words
from pages.gates import texts as _texts
from rnn_core.cells import trace
from rnn_core.latch import LENGTH, LatchRun
from ui.shell import numbers
from ui.shell.catalogs import in_language

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")

CATALOGS = {"en": EN, "pt": PT}


def test_gru_convention_text_agrees_with_pytorch():
    # the text: in PyTorch z → 1 keeps the old state, h_t = z ⊙ h_{t-1} + (1 − z) ⊙ n_t
    for cat in (EN, PT):
        assert "z \\to 1$ **" in cat["gates.eq_gru_convention"]
        assert "h_t = z \\odot h_{t-1} + (1 - z) \\odot n_t" in cat["gates.eq_gru_convention"]
        assert "z \\to 1" in cat["gates.gate_update_does"]
    # the code: force z → 1 with a huge update-gate bias; the state must not move
    gru = torch.nn.GRU(2, 3, batch_first=True)
    with torch.no_grad():
        gru.bias_ih_l0[3:6] = 50.0  # rows r, z, n: z's bias
    h0 = torch.tensor([[[0.3, -0.7, 0.5]]])
    out, _ = gru(torch.randn(1, 4, 2), h0)
    assert torch.allclose(out[0], h0[0].expand(4, 3), atol=1e-6)
    tr = trace(gru, torch.randn(1, 4, 2))
    assert float(tr.gates["update"].min()) > 0.999


def test_lstm_history_credits_the_forget_gate_to_gers_2000():
    for cat in (EN, PT):
        intro = cat["gates.intro"]
        assert "Gers" in intro and "2000" in intro and "Hochreiter" in intro and "1997" in intro
        assert "f \\equiv 1" in intro
        # the 1997 paper is credited with the LSTM, and the history says it had no forget gate
        first, history = intro.split("\n\n")[:2]
        assert "Hochreiter" in first and "Gers" not in first
        assert "1997" in history and ("**no** forget gate" in history or "**não** tinha porta" in history)


def test_w_is_input_and_u_is_recurrent():
    for cat in (EN, PT):
        assert "weight_ih_l0" in cat["gates.eq_lstm"] and "$W$" in cat["gates.eq_lstm"] and "$U$" in cat["gates.eq_lstm"]
        assert cat["gates.eq_lstm"].index("$W$") < cat["gates.eq_lstm"].index("weight_ih_l0")
        for key, text in cat.items():
            assert "W_{hn}" not in text and "W_{{hh}}" not in text and "W_{hh}" not in text, key


def test_batch_128_numbers_say_forward_only():
    for lang, word in (("en", "forward"), ("pt", "para a frente")):
        cat = CATALOGS[lang]
        for key in ("gates.cost_title", "gates.cost_batch_gru", "gates.cost_batch_lstm", "gates.cost_note"):
            assert word in cat[key], key


def test_one_portuguese_term_each():
    text = " ".join(PT.values())
    assert "trinco" not in text and "trava" in text
    assert "portões" not in text and "portão" not in text
    assert "reinício" not in text and "reinicialização" in text
    assert " corte do gradiente" not in text and "recorte do gradiente" in text
    assert "humor" not in text and "a personagem" not in text


@pytest.mark.slow
def test_the_jump_in_the_caption_is_where_seed_0_jumps():
    from rnn_core.latch import run_latch

    below, above = run_latch(0.5), run_latch(0.75)
    assert below.solved_at is None and below.accuracy < 0.6
    assert above.solved_at is not None
    assert "0.5 and b_f = 0.75" in EN["gates.tried_caption"] and "0,5 e b_f = 0,75" in PT["gates.tried_caption"]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_chance_verdict_counts_the_steps_the_bias_text_counts(lang):
    run = LatchRun(bias=0.0, accuracies=(0.5,), losses=(0.7,), solved_at=None, accuracy=0.5, seconds=1.0)
    kind, text = words.latch_verdict(run, lang, LENGTH - 1)
    assert kind == "chance" and f" {LENGTH - 1} " in text  # the bit travels 29 steps back, not 30
    explain = CATALOGS[lang]["gates.bias_explain"].format(steps=LENGTH - 1, hidden=16, train=300, batch=64,
                                                       length=LENGTH - 1, decay="x")
    assert f"^{{{LENGTH - 1}}}" in explain and f"{LENGTH - 1} " in explain


def test_sigma_values_in_the_gradient_fact_are_computed():
    for cat in (EN, PT):
        assert {"s0", "s2", "s3"} <= set(re.findall(r"\{(\w+)\}", cat["gates.cgrad_fact"]))
    assert numbers.fixed(1 / (1 + math.exp(-2)), 2) == "0.88"


def test_numbers_helpers():
    assert numbers.signed(0.5, 2, "pt") == "+0,50" and numbers.signed(-1.234, 1) == "−1.2"
    assert numbers.signed(-0.001, 2) == "0.00"
    assert numbers.share(0.5, "en") == "50%" and numbers.share(2e-9, "pt") == "2,0 × 10⁻⁹"
    assert numbers.latex_sci(0.5 ** 29, "pt") == "1{,}9 \\times 10^{-9}"
    assert numbers.latex_sci(9.96e-10) == "1.0 \\times 10^{-9}"  # rounding carries into the exponent
    assert numbers.bar_label(8.04, "pt") == "8,0" and numbers.bar_label(18.4) == "18"


def test_answers_and_settle_sentences():
    text = words.answers_sentence({"lstm": 0.1, "gru": 0.8}, "en")
    assert "LSTM says **sad tears** (90%)" in text and "GRU says **happy tears** (80%)" in text
    assert "episode 5" in words.settle_sentence(4, 1, "cell", "sad", "en")
