"""Station 6 without Streamlit: the quiz data and scoring (services.quiz), the claims of the station 5–6
texts checked against the code, the evidence and manifest tables and the figure builders
(pages.conclusion.charts)."""

import math
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from pages.conclusion import charts
from pages.conclusion import texts as station6
from rnn_core import manifest as weights_manifest
from services import quiz
from ui.shell.catalogs import in_language
from ui.shell.theme import MODEL_COLORS

# --------------------------------------------------------------------------- quiz


def test_eight_questions_cover_all_five_sections():
    assert len(quiz.QUESTIONS) == 8
    assert {q.section for q in quiz.QUESTIONS} == set(quiz.SECTIONS)
    assert len({q.key for q in quiz.QUESTIONS}) == 8


@pytest.mark.parametrize("question", quiz.QUESTIONS, ids=lambda q: q.key)
def test_every_question_is_well_formed_in_both_languages(question):
    assert 3 <= question.options <= 4
    assert 0 <= question.correct < question.options
    for catalog in (in_language(station6.TEXTS, "pt"), in_language(station6.TEXTS, "en")):
        for key in (question.key, *question.option_keys, question.why_key):
            assert catalog.get(key, "").strip(), key
        options = [catalog[k] for k in question.option_keys]
        assert len(set(options)) == len(options), "two options read the same"


def test_right_answers_are_not_all_in_the_same_place():
    assert len({q.correct for q in quiz.QUESTIONS}) >= 3


def test_all_right_all_wrong_none_and_partial():
    key = quiz.answer_key()
    perfect = quiz.grade(key)
    assert (perfect.correct, perfect.answered, perfect.total, perfect.perfect) == (8, 8, 8, True)
    wrong = {q.key: (q.correct + 1) % q.options for q in quiz.QUESTIONS}
    assert quiz.grade(wrong).correct == 0
    assert quiz.grade(wrong).answered == 8
    empty = quiz.grade({})
    assert (empty.correct, empty.answered, empty.unanswered) == (0, 0, 8)
    half = {q.key: q.correct for q in quiz.QUESTIONS[:4]}
    score = quiz.grade(half)
    assert (score.correct, score.answered, score.unanswered, score.fraction) == (4, 4, 4, 0.5)


@pytest.mark.parametrize("junk", [None, -1, 4, 99, "0", 1.0, True, [0], float("nan")])
def test_junk_answers_count_as_unanswered(junk):
    sheet = quiz.normalise({q.key: junk for q in quiz.QUESTIONS})
    assert all(choice is None for choice in sheet.values())
    assert quiz.grade({q.key: junk for q in quiz.QUESTIONS}).answered == 0


def test_encouragement_bands():
    def band(n):
        return quiz.encouragement_key(quiz.Score(correct=n, answered=8, total=8))

    assert band(8) == "conclusion.quiz_praise_perfect"
    assert band(7) == band(6) == "conclusion.quiz_praise_high"
    assert band(5) == band(4) == "conclusion.quiz_praise_mid"
    assert band(0) == band(3) == "conclusion.quiz_praise_low"
    for n in range(9):
        assert band(n) in in_language(station6.TEXTS, "en") and band(n) in in_language(station6.TEXTS, "pt")


def test_quiz_content_states_the_facts_right():
    en = in_language(station6.TEXTS, "en")
    # PyTorch's GRU: z → 1 keeps the old state (and the app says papers write it the other way).
    gru = quiz.QUESTIONS[6]
    assert "keeps the previous state" in en[gru.option_keys[gru.correct]]
    assert "other way round" in en[gru.why_key]
    # Pascanu: σ_max < 1/γ is sufficient for vanishing; γ = 1 tanh, 1/4 sigmoid.
    pascanu = quiz.QUESTIONS[3]
    assert "below 1" in en[pascanu.option_keys[pascanu.correct]]
    assert "¼" in en[pascanu.why_key] and "possible" in en[pascanu.why_key]
    # Clipping tames exploding, not vanishing.
    clip = quiz.QUESTIONS[4]
    assert en[clip.option_keys[clip.correct]] == "The exploding gradient"
    # Forget-gate bias 1 → σ(1) ≈ 0.73.
    bias = quiz.QUESTIONS[5]
    assert "0.73" in en[bias.option_keys[bias.correct]]
    assert abs(1 / (1 + math.exp(-1)) - 0.73) < 0.005
    # GRU: fewer parameters, but not necessarily faster on CPU.
    assert "25 % fewer" in en[gru.why_key] and "not necessarily faster" in en[gru.why_key]
    assert "0.9¹⁰⁰ ≈ 2.7 × 10⁻⁵" in en[pascanu.why_key] and abs(0.9**100 - 2.66e-5) < 1e-7


def test_gru_convention_text_and_code_agree():
    """PyTorch's GRU keeps the old state when z → 1 (checked on a real nn.GRU); Cho et al. (2014,
    eq. 7) write it the same way and only Chung et al. (2014) flip it — as station 4 says."""
    import torch

    gru = torch.nn.GRU(1, 3, batch_first=True)
    with torch.no_grad():
        gru.bias_ih_l0[3:6] = 50.0  # rows r, z, n: z = σ(50) ≈ 1
    h0 = torch.tensor([[[0.3, -0.2, 0.7]]])
    _, h1 = gru(torch.randn(1, 1, 1), h0)
    assert torch.allclose(h1, h0, atol=1e-6)
    for lang, cho, chung in (("en", "Cho et al. (2014, eq. 7) use PyTorch's convention", "Chung et al. (2014) write"),
                             ("pt", "Cho et al. (2014, eq. 7) usam a mesma convenção do PyTorch",
                              "Chung et al. (2014) escrevem")):
        why = (in_language(station6.TEXTS, "en") if lang == "en" else in_language(station6.TEXTS, "pt"))["conclusion.q7_why"]
        assert cho in why and chung in why
        assert "Cho et al. (2014) e Chung" not in why and "Cho et al. (2014) and Chung" not in why


def test_lstm_and_forget_gate_are_credited_right():
    for cat in (in_language(station6.TEXTS, "en"), in_language(station6.TEXTS, "pt")):
        more = cat["conclusion.lesson3_more"]
        assert "(1997)" in more and "cₜ = cₜ₋₁ + iₜ ⊙ gₜ" in more  # the 1997 cell had no forget gate
        assert "Gers, Schmidhuber" in more and "(2000): cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ" in more
        assert "Hochreiter" in cat["conclusion.ref_hochreiter1997"] and "1997" in cat["conclusion.ref_hochreiter1997"]
    assert "adding problem" in in_language(station6.TEXTS, "en")["conclusion.ref_hochreiter1997"]
    assert "[0, 1]" in in_language(station6.TEXTS, "en")["conclusion.ref_le2015"] and "[0, 1]" in in_language(station6.TEXTS, "pt")["conclusion.ref_le2015"]


def test_gates_mitigate_they_do_not_solve():
    for key in ("conclusion.lesson3_title", "conclusion.takeaway", "conclusion.q8_why", "conclusion.lesson3_claim"):
        assert "solve" not in in_language(station6.TEXTS, "en")[key] and "fix" not in in_language(station6.TEXTS, "en")[key], key
        assert "resolve" not in in_language(station6.TEXTS, "pt")[key], key
    assert "mitigate" in in_language(station6.TEXTS, "en")["conclusion.lesson3_title"] and "atenuam" in in_language(station6.TEXTS, "pt")["conclusion.lesson3_title"]
    assert "{lstm0}" in in_language(station6.TEXTS, "en")["conclusion.lesson3_more"]  # the vanished gradient is quoted as measured


def test_w_is_the_input_and_u_the_recurrent_matrix():
    for cat in (in_language(station6.TEXTS, "en"), in_language(station6.TEXTS, "pt")):
        text = " ".join(cat.values())
        assert "diag(φ′)·W" not in text and "diag(tanh′)·W" not in text and "σ_max(W)" not in text
        assert "diag(φ′)·U" in text and "σ_max(U)" in text and "W xₜ + U hₜ₋₁" in text
    assert "recurrent matrix U" in in_language(station6.TEXTS, "en")["conclusion.q4"] and "matriz recorrente U" in in_language(station6.TEXTS, "pt")["conclusion.q4"]


def test_the_gru_cost_explanation_is_the_measured_one():
    """lab.cost_note and s6.q7_why explain the GRU's slower training by oneDNN's fused LSTM kernel:
    the LSTM really is dispatched to oneDNN here and the GRU really is a loop of small operators."""
    from pages.lab import texts as station5
    from rnn_core.cost import dispatched_ops

    lstm, gru = dispatched_ops("lstm", length=20), dispatched_ops("gru", length=20)
    assert lstm.onednn and not gru.onednn and gru.total > 10 * lstm.total
    for cat in (in_language(station5.TEXTS, "en"), in_language(station5.TEXTS, "pt"), in_language(station6.TEXTS, "en"), in_language(station6.TEXTS, "pt")):
        note = cat["lab.cost_note"] if "lab.cost_note" in cat else cat["conclusion.q7_why"]
        assert "oneDNN" in note
    assert "more small operations" not in in_language(station5.TEXTS, "en")["lab.cost_note"]


def test_portuguese_grammar_and_one_clipping_term():
    from pages.lab import texts as station5

    pt = " ".join([*in_language(station6.TEXTS, "pt").values(), *in_language(station5.TEXTS, "pt").values()])
    assert "só a 5ª" not in pt and "só à 5ª" in pt
    # one term, as on station 3: "recorte do gradiente (gradient clipping)"; "clipping" only as the English gloss
    assert not re.search(r"(?<![Rr]e)corte", pt) and "recorte do gradiente (gradient clipping)" in pt
    assert not re.search(r"(?<!gradient )clipping", pt.replace("Clipping", "clipping"))
    assert "Recorte" in in_language(station5.TEXTS, "pt")["lab.clip_label"]


def test_portuguese_uses_the_agreed_terms():
    pt = " ".join(in_language(station6.TEXTS, "pt").values())
    for term in ("porta de esquecimento (forget gate)", "desvanecimento do gradiente (vanishing gradient)",
                 "explosão do gradiente (exploding gradient)", "porta de atualização (update gate)",
                 "estado oculto (hidden state)"):
        assert term in pt, term


def test_references_have_the_expected_links():
    refs = " ".join(v for k, v in in_language(station6.TEXTS, "en").items() if k.startswith("conclusion.ref_"))
    for link in ("https://doi.org/10.1109/72.279181", "https://doi.org/10.1162/neco.1997.9.8.1735",
                 "https://doi.org/10.1162/089976600300015015", "https://arxiv.org/abs/1211.5063",
                 "https://arxiv.org/abs/1406.1078", "https://arxiv.org/abs/1412.3555",
                 "https://proceedings.mlr.press/v37/jozefowicz15.html", "https://arxiv.org/abs/1504.00941",
                 "https://arxiv.org/abs/1511.06464"):
        assert link in refs
    for key in (k for k in in_language(station6.TEXTS, "en") if k.startswith("conclusion.ref_")):
        assert in_language(station6.TEXTS, "en")[key].split("(")[0] == in_language(station6.TEXTS, "pt")[key].split("(")[0].replace(" e ", " & ")


# --------------------------------------------------------------------------- evidence and manifest tables

LABELS = {m: m.upper() for m in charts.MODELS}
MANIFEST = {  # the shape ``python -m rnn_core pretrain`` writes (models_cache.manifest: name → entry)
    "series_moods_rnn": {"task": "series_moods", "arch": {"model": "rnn", "hidden": 32},
                         "metrics": {"accuracy_by_distance": {"1": 0.5, "2": 0.52}, "buckets": {"1-3": 0.5}}},
    "series_moods_stable_rnn": {"task": "series_moods", "arch": {"model": "rnn", "stable": True},
                                "metrics": {"accuracy_by_distance": {"1": 0.9, "2": 0.8}}},
    "series_moods_lstm_s0": {"task": "series_moods", "arch": {"model": "lstm"},
                             "metrics": {"accuracy_by_distance": {"1": 1.0, "2": 1.0}}},
    "series_moods_lstm_s1": {"task": "series_moods", "arch": {"model": "lstm"},
                             "metrics": {"accuracy_by_distance": {"1": 0.9, "2": 1.0}}},
    "series_simple_ff4": {"task": "series_simple", "arch": {"model": "ff", "k": 4},
                          "metrics": {"accuracy_by_distance": {"1": 1.0, "5": 0.5}}},
    "order_ff_bag": {"task": "order", "arch": {"model": "ff", "mode": "bag"}, "metrics": {"accuracy": 0.5058}},
    "order_rnn": {"task": "order", "arch": {"model": "rnn"}, "metrics": {"accuracy": 1.0}},
}


def test_accuracy_table_keeps_known_models_in_order():
    table = charts.accuracy_table((("rnn", 0.99), ("ff", 0.5), ("alien", 1.0), ("gru", None), ("lstm", 1.5)),
                                  LABELS, source="sequential")
    assert list(table["model"]) == ["ff", "rnn"] and table["accuracy"].tolist() == pytest.approx([0.5, 0.99])


def test_distance_table_reads_bins_at_their_midpoints():
    df = charts.distance_table((("ff", "1-3", 1.0), ("ff", "4-10", 0.5), ("rnn", "1-3", 1), ("rnn", "4-10", 1)),
                               LABELS)
    assert df[df["model"] == "ff"]["distance"].tolist() == [2.0, 7.0]
    assert df[df["model"] == "ff"]["accuracy"].tolist() == [1.0, 0.5]
    assert weights_manifest.bin_distance("31-60") == 45.5 and weights_manifest.bin_distance("7") == 7.0
    assert weights_manifest.bin_distance("9-1") is None and weights_manifest.bin_distance("x-y") is None
    assert charts.distance_table((("rnn", "3", 1.0),), LABELS).empty  # one point per distance is no curve


def test_norms_table_runs_from_the_loss_backwards():
    df = charts.norms_table((1e-6, 1e-3, float("nan"), 1.0))
    assert df["distance"].tolist() == [0, 1, 2, 3]
    assert df["norm"].tolist() == [1.0, math.inf, 1e-3, 1e-6]


def test_loss_table_leaves_out_a_diverged_run():
    df = charts.loss_table((("rnn", 0.166), ("lstm", 0.004), ("gru", None), ("ff", float("nan"))), LABELS)
    assert df["model"].tolist() == ["rnn", "lstm"]


def test_manifest_readers():
    assert [weights_manifest.entry_model(e) for e in MANIFEST.values()] == ["rnn", "stable_rnn", "lstm", "lstm", "ff", "ff", "rnn"]
    df = charts.distance_table(weights_manifest.manifest_by_distance(MANIFEST, weights_manifest.is_realistic_series), LABELS)
    assert df["model"].drop_duplicates().tolist() == ["rnn", "stable_rnn", "lstm"]
    lstm = df[df["model"] == "lstm"]
    assert lstm["distance"].tolist() == [1.0, 2.0] and lstm["accuracy"].tolist() == pytest.approx([0.95, 1.0])
    simple = charts.distance_table(weights_manifest.manifest_by_distance(MANIFEST, weights_manifest.is_simple_series), LABELS)
    assert simple["model"].unique().tolist() == ["ff"]
    assert dict(weights_manifest.manifest_accuracy(MANIFEST, weights_manifest.is_order_task)) == {"ff": 0.5058, "rnn": 1.0}
    assert weights_manifest.manifest_accuracy_at(MANIFEST, weights_manifest.is_realistic_series, "lstm", 1) == pytest.approx(0.95)
    assert weights_manifest.manifest_accuracy_at(MANIFEST, weights_manifest.is_realistic_series, "gru", 1) is None
    assert weights_manifest.manifest_by_distance({"junk": "x", "bad": {"task": "order"}}, weights_manifest.is_order_task) == ()


@pytest.mark.parametrize(("value", "lang", "text"), [
    (6.175e-18, "en", "6.2 × 10⁻¹⁸"), (6.175e-18, "pt", "6,2 × 10⁻¹⁸"), (12527.8, "en", "1.3 × 10⁴"),
    (0.0704, "en", "0.070"), (1.0, "en", "1.0"), (0.0, "en", "0"), (math.inf, "pt", "∞"), (float("nan"), "en", "—"),
    (9.96e-5, "en", "1.0 × 10⁻⁴"),
])
def test_sci(value, lang, text):
    assert charts.sci(value, lang) == text


# --------------------------------------------------------------------------- figure builders


def _has_titles(fig: go.Figure) -> None:
    layout = fig.layout
    assert layout.title.text and layout.xaxis.title.text and layout.yaxis.title.text
    assert layout.showlegend is True


def test_accuracy_bars():
    df = charts.accuracy_table((("ff", 0.5), ("rnn", 0.99)), LABELS, source="sequential")
    fig = charts.accuracy_bars(df, title="T", x_title="Model", y_title="Accuracy (%)", chance=0.5, chance_label="chance")
    _has_titles(fig)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [tr.y[0] for tr in bars] == pytest.approx([50, 99])
    assert [tr.marker.color for tr in bars] == [MODEL_COLORS["ff"], MODEL_COLORS["rnn"]]
    (line,) = fig.layout.shapes  # the chance level spans the whole plot and sits in the legend
    assert (line.y0, line.y1, line.name, line.showlegend, line.line.dash) == (50, 50, "chance", True, "dash")


def test_gradient_lines_log_axis_and_gaps():
    df = pd.DataFrame({"series": ["a"] * 3 + ["b"] * 3, "model": ["rnn"] * 3 + ["lstm"] * 3,
                       "label": ["A"] * 3 + ["B"] * 3, "distance": [0, 1, 2] * 2,
                       "norm": [1.0, 1e-3, 0.0, 1.0, 1e3, math.inf], "dash": ["solid"] * 6})
    theory = pd.DataFrame({"distance": [0, 1, 0, 1], "norm": [1, 0.9, 1, 1.1], "label": ["x", "x", "y", "y"]})
    fig = charts.gradient_lines(df, title="T", x_title="k (steps)", y_title="norm", theory=theory, theory_label="ρᵏ")
    _has_titles(fig)
    assert fig.layout.yaxis.type == "log"
    assert list(fig.data[0].y) == [1.0, 1e-3, None]  # 0 cannot sit on a log axis
    assert list(fig.data[1].y) == [1.0, 1e3, None]  # nor can ∞
    assert [tr.showlegend for tr in fig.data[2:]] == [True, False]
    assert fig.data[0].line.color == MODEL_COLORS["rnn"] and fig.data[1].line.color == MODEL_COLORS["lstm"]


def test_bias_sweep_and_loss_bars():
    df = pd.DataFrame({"model": ["lstm", "lstm", "gru", "gru"], "label": ["L", "L", "G", "G"],
                       "bias": [0, 1, 0, 1], "norm": [1e-20, 1e-5, 1e-18, 1e-6]})
    fig = charts.bias_sweep_lines(df, title="T", x_title="bias", y_title="norm", reference=1e-30, reference_label="rnn")
    _has_titles(fig)
    assert len(fig.data) == 3 and fig.data[2].y == (1e-30, 1e-30)
    race = pd.DataFrame({"model": ["rnn", "lstm"], "label": ["R", "L"], "loss": [0.167, 0.003]})
    fig = charts.loss_bars(race, title="T", x_title="Model", y_title="MSE", baseline=1 / 6, baseline_label="base")
    _has_titles(fig)
    assert fig.layout.yaxis.range[1] == pytest.approx(1.2 * 0.167)
    assert fig.layout.shapes[0].y0 == pytest.approx(1 / 6) and fig.layout.shapes[0].name == "base"


def test_accuracy_distance_lines():
    df = charts.distance_table((("ff", "1", 1), ("ff", "5", 0.5), ("gru", "1", 1), ("gru", "5", 1)), LABELS)
    fig = charts.accuracy_distance_lines(df, title="T", x_title="d (episodes)", y_title="%", chance=0.5, chance_label="c")
    _has_titles(fig)
    assert [tr.name for tr in fig.data] == ["FF", "GRU"] and fig.layout.shapes[0].name == "c"
    assert np.allclose(fig.data[0].y, [100, 50])
