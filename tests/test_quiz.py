"""Station 6 without Streamlit: the quiz data and scoring (ui.quiz), the evidence readers and
the figure builders (ui.charts.conclusion)."""

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from ui import quiz
from ui.catalogs import station6
from ui.charts import conclusion as charts
from ui.theme import MODEL_COLORS

# --------------------------------------------------------------------------- quiz


def test_eight_questions_cover_all_five_sections():
    assert len(quiz.QUESTIONS) == 8
    assert {q.section for q in quiz.QUESTIONS} == set(quiz.SECTIONS)
    assert len({q.key for q in quiz.QUESTIONS}) == 8


@pytest.mark.parametrize("question", quiz.QUESTIONS, ids=lambda q: q.key)
def test_every_question_is_well_formed_in_both_languages(question):
    assert 3 <= question.options <= 4
    assert 0 <= question.correct < question.options
    for catalog in (station6.PT, station6.EN):
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

    assert band(8) == "s6.quiz_praise_perfect"
    assert band(7) == band(6) == "s6.quiz_praise_high"
    assert band(5) == band(4) == "s6.quiz_praise_mid"
    assert band(0) == band(3) == "s6.quiz_praise_low"
    for n in range(9):
        assert band(n) in station6.EN and band(n) in station6.PT


def test_quiz_content_states_the_facts_right():
    en = station6.EN
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


def test_portuguese_uses_the_agreed_terms():
    pt = " ".join(station6.PT.values())
    for term in ("porta de esquecimento (forget gate)", "desvanecimento do gradiente (vanishing gradient)",
                 "explosão do gradiente (exploding gradient)", "porta de atualização (update gate)",
                 "estado oculto (hidden state)"):
        assert term in pt, term


def test_references_have_the_expected_links():
    refs = " ".join(v for k, v in station6.EN.items() if k.startswith("s6.ref_"))
    for link in ("https://doi.org/10.1109/72.279181", "https://doi.org/10.1162/neco.1997.9.8.1735",
                 "https://doi.org/10.1162/089976600300015015", "https://arxiv.org/abs/1211.5063",
                 "https://arxiv.org/abs/1406.1078", "https://arxiv.org/abs/1412.3555",
                 "https://proceedings.mlr.press/v37/jozefowicz15.html", "https://arxiv.org/abs/1504.00941",
                 "https://arxiv.org/abs/1511.06464"):
        assert link in refs
    for key in (k for k in station6.EN if k.startswith("s6.ref_")):
        assert station6.EN[key].split("(")[0] == station6.PT[key].split("(")[0].replace(" e ", " & ")


# --------------------------------------------------------------------------- evidence readers

LABELS = {m: m.upper() for m in charts.MODELS}


@pytest.mark.parametrize(("name", "model"), [
    ("LSTM", "lstm"), ("gru", "gru"), ("stable-rnn", "stable_rnn"), ("Stable RNN", "stable_rnn"),
    ("series_realistic_gru_seed0", "gru"), ("order_ff_seed1", "ff"), ("feedforward", "ff"), ("mlp", "ff"),
    ("rnn", "rnn"), ("tanh_rnn", "rnn"), ("transformer", None), (3, None), (None, None), ("", None),
])
def test_model_id(name, model):
    assert charts.model_id(name) == model


@pytest.mark.parametrize("evidence", [
    {"accuracy": {"ff": 0.5, "RNN": 0.99}},
    {"accuracy": {"ff": 50, "rnn": 99}},  # percentages
    {"results": [{"model": "ff", "accuracy": 0.5}, {"model": "rnn", "accuracy": 0.99}]},
    {"results": {"ff": {"accuracy": 0.5}, "rnn": {"accuracy": 0.99}}},
    {"ff": {"accuracy": 0.5}, "rnn": {"accuracy": 0.99}},
    {"ff_accuracy": 0.5, "rnn_accuracy": 0.99},
    {"accuracy": {"ff": [0.5, 0.5], "rnn": [1.0, 0.98]}},  # per distance → mean
])
def test_model_scores_reads_several_shapes(evidence):
    table = charts.accuracy_table(charts.model_scores(evidence, ("accuracy",)), LABELS, source="s1")
    assert list(table["model"]) == ["ff", "rnn"]
    assert table["accuracy"].tolist() == pytest.approx([0.5, 0.99])


@pytest.mark.parametrize("junk", [None, "x", 3, [], {}, {"accuracy": "high"}, {"accuracy": {"ff": float("nan")}},
                                  {"accuracy": {"alien": 1.0}}, {"accuracy": {"rnn": -0.2}}, {"accuracy": {"rnn": 250}},
                                  {"accuracy": {"rnn": True}}, {"results": [1, "a", None]}])
def test_junk_evidence_gives_nothing(junk):
    table = charts.accuracy_table(charts.model_scores(junk, ("accuracy",)), LABELS, source="s1")
    assert table.empty
    assert charts.accuracy_by_distance(junk, LABELS).empty
    assert charts.student_norms(junk) is None
    assert charts.race_table(junk, LABELS)[0].empty


def test_accuracy_by_distance():
    evidence = {"distances": [1, 5, 10], "accuracy": {"ff": [1.0, 0.5, 0.5], "lstm": [1, 1, 1], "bad": [1, 2, 3]}}
    df = charts.accuracy_by_distance(evidence, LABELS)
    assert set(df["model"]) == {"ff", "lstm"}
    assert df[df["model"] == "ff"]["accuracy"].tolist() == [1.0, 0.5, 0.5]
    as_dict = {"accuracy": {"rnn": {"1": 1.0, "20": 0.5}}}
    assert charts.accuracy_by_distance(as_dict, LABELS)["distance"].tolist() == [1.0, 20.0]
    assert charts.accuracy_by_distance({"distances": [1, 2], "accuracy": {"rnn": [1.0]}}, LABELS).empty


def test_series_parts():
    simple, realistic = {"accuracy": {"rnn": 1.0}}, {"accuracy": {"lstm": 1.0}}
    assert charts.series_parts({"simple": simple, "realistic": realistic}) == (simple, realistic)
    assert charts.series_parts({"realistic": True, "accuracy": {}})[0] is None
    assert charts.series_parts({"accuracy": {}})[1] is None
    assert charts.series_parts("junk") == (None, None)


def test_station2_records_bins_per_variant():
    evidence = {"accuracy_by_distance": {"simple": {"ff": {"1-3": 1.0, "4-10": 0.5}, "rnn": {"1-3": 1, "4-10": 1}}},
                "last": {"variant": "simple"}}
    simple, realistic = charts.series_parts(evidence)
    assert realistic is None
    df = charts.accuracy_by_distance(simple, LABELS)
    assert df[df["model"] == "ff"]["distance"].tolist() == [2.0, 7.0]
    assert df[df["model"] == "ff"]["accuracy"].tolist() == [1.0, 0.5]
    both = {"accuracy_by_distance": {"simple": {}, "realistic": {"lstm": {"1-3": 1.0, "31-60": 1.0}}}}
    simple, realistic = charts.series_parts(both)
    assert charts.accuracy_by_distance(realistic, LABELS)["distance"].tolist() == [2.0, 45.5]
    assert charts.accuracy_by_distance({"accuracy": {"rnn": {"9-1": 1.0, "x-y": 1.0, "nan": 1.0, "3": 1.0}}},
                                       LABELS).empty  # one usable point is no curve


def test_student_norms_either_indexing():
    by_time = [1e-6, 1e-3, 1.0]
    by_distance = [1.0, 1e-3, 1e-6]
    for norms in (by_time, by_distance):
        df = charts.student_norms({"norms": norms})
        assert df["distance"].tolist() == [0, 1, 2]
        assert df["norm"].tolist() == [1.0, 1e-3, 1e-6]
    exploding = charts.student_norms({"norms": [float("inf"), float("nan"), 1e3, 1.0]})
    assert exploding["norm"].tolist()[-1] == math.inf
    assert charts.student_norms({"norms": [1.0, "x"]}) is None
    assert charts.student_regime({"regime": "exploding"}) == "exploding"
    assert charts.student_regime({"regime": "<b>"}) is None


def test_race_table():
    evidence = {"task": "adding", "length": 50, "baseline": 1 / 6,
                "results": [{"model": "rnn", "final_loss": 0.166}, {"model": "LSTM", "final_loss": 0.004},
                            {"model": "gru", "final_loss": float("nan")}]}
    df, baseline = charts.race_table(evidence, LABELS)
    assert df["model"].tolist() == ["rnn", "lstm"]
    assert baseline == pytest.approx(1 / 6)


def test_manifest_readers():
    raw = {"models": [
        {"name": "order_ff_seed0", "task": "order", "metrics": {"accuracy": 0.51}},
        {"name": "order_ff_seed1", "task": "order", "metrics": {"accuracy": 0.49}},
        {"name": "order_rnn_seed0", "task": "order", "kind": "rnn", "metrics": {"test_accuracy": 1.0}},
        {"name": "series_realistic_lstm", "task": "series_realistic", "metrics": {"accuracy": {"1": 1.0, "30": 1.0}}},
        {"name": "series_realistic_stable_rnn", "task": "series-moods", "metrics": {"accuracy": [0.97, 0.55]}},
        {"name": "series_simple_rnn", "task": "series", "metrics": {"accuracy": 1.0}},
        {"name": "broken", "task": "order"}, "junk",
    ]}
    entries = charts.manifest_entries(raw)
    assert len(entries) == 7
    order = charts.manifest_accuracy(entries, charts.is_order_task)
    assert order == pytest.approx({"ff": 0.5, "rnn": 1.0})
    realistic = charts.manifest_accuracy(entries, charts.is_realistic_series)
    assert realistic == pytest.approx({"stable_rnn": 0.76, "lstm": 1.0})
    assert charts.manifest_accuracy(entries, charts.is_simple_series) == {"rnn": 1.0}
    assert charts.manifest_entries([{"name": "a"}]) == [{"name": "a"}]
    assert charts.manifest_entries({"a": {"task": "order"}}) == [{"name": "a", "task": "order"}]
    assert charts.manifest_entries("nonsense") == []


def test_manifest_as_written_by_pretrain():
    """The shape ``python -m rnn_core pretrain`` writes: arch.model, arch.stable, accuracy_by_distance."""
    raw = {"models": {
        "series_moods_rnn": {"task": "series_moods", "arch": {"model": "rnn", "hidden": 32},
                             "metrics": {"accuracy_by_distance": {"1": 0.5, "2": 0.52, "x": 1.0}, "buckets": {"1-3": 0.5}}},
        "series_moods_stable_rnn": {"task": "series_moods", "arch": {"model": "rnn", "stable": True},
                                    "metrics": {"accuracy_by_distance": {"1": 0.9, "2": 0.8}}},
        "series_moods_lstm_s0": {"task": "series_moods", "arch": {"model": "lstm"},
                                 "metrics": {"accuracy_by_distance": {"1": 1.0, "2": 1.0}}},
        "series_moods_lstm_s1": {"task": "series_moods", "arch": {"model": "lstm"},
                                 "metrics": {"accuracy_by_distance": {"1": 0.9, "2": 1.0}}},
        "series_simple_ff4": {"task": "series_simple", "arch": {"model": "ff", "k": 4},
                              "metrics": {"accuracy_by_distance": {"1": 1.0, "5": 0.5}}},
        "order_ff_bag": {"task": "order", "arch": {"model": "ff", "mode": "bag"}, "metrics": {"accuracy": 0.5058}},
    }, "note": "…"}
    entries = charts.manifest_entries(raw)
    assert [charts.entry_model(e) for e in entries] == ["rnn", "stable_rnn", "lstm", "lstm", "ff", "ff"]
    df = charts.manifest_by_distance(entries, charts.is_realistic_series, LABELS)
    assert df["model"].drop_duplicates().tolist() == ["rnn", "stable_rnn", "lstm"]
    lstm = df[df["model"] == "lstm"]
    assert lstm["distance"].tolist() == [1.0, 2.0] and lstm["accuracy"].tolist() == pytest.approx([0.95, 1.0])
    assert charts.manifest_by_distance(entries, charts.is_simple_series, LABELS)["model"].unique().tolist() == ["ff"]
    assert charts.manifest_accuracy(entries, charts.is_order_task) == {"ff": 0.5058}
    assert charts.manifest_by_distance(entries, charts.is_order_task, LABELS).empty


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
    df = charts.accuracy_table({"ff": 0.5, "rnn": 0.99}, LABELS, source="s1")
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
    df = charts.accuracy_by_distance({"distances": [1, 5], "accuracy": {"ff": [1, 0.5], "gru": [1, 1]}}, LABELS)
    fig = charts.accuracy_distance_lines(df, title="T", x_title="d (episodes)", y_title="%", chance=0.5, chance_label="c")
    _has_titles(fig)
    assert [tr.name for tr in fig.data] == ["FF", "GRU"] and fig.layout.shapes[0].name == "c"
    assert np.allclose(fig.data[0].y, [100, 50])
