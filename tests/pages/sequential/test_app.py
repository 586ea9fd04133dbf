"""AppTest: station 1 (sequential data) with the real pretrained order models."""

from __future__ import annotations

import shutil

import pytest

from tests.apptest_helpers import assert_clean, assert_view_shared, decode, figure_titles, figures, run_page

PAGE = "pages/sequential/page.py"




def _metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(f"no metric starting with {label_start!r}: {[m.label for m in at.metric]}")


def _answers(at) -> tuple[str, str]:
    """(feedforward, RNN) answer metrics, as shown."""
    return _metric(at, "Feedforward (bag of inputs) —"), _metric(at, "tanh RNN —")


def _sequence(at) -> list[str]:
    """The tokens of "Your sequence: C · **A** · …"."""
    text = next(m.value for m in at.markdown if m.value.startswith("Your sequence"))
    return text.replace("*", "").split(": ")[1].split(" · ")


def _trace(fig: dict, name: str) -> dict:
    return next(tr for tr in fig["data"] if tr.get("name") == name)




@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_renders_in_both_languages_and_presenter_mode(lang, present):
    at = run_page(PAGE, lang=lang, present=present)
    assert_clean(at)
    titles = figure_titles(at)
    assert len(titles) == 2, titles
    assert at.title[0].value == {"pt": "Dados sequenciais", "en": "Sequential data"}[lang]
    assert len(at.latex) == 2
    assert at.get("page_link")  # on to station 2


def test_order_changes_the_rnn_but_never_the_bag():
    at = run_page(PAGE, params={"pos_a": "2", "pos_b": "5"})
    assert_clean(at)
    ff_before, rnn_before = _answers(at)
    heat_before = decode(_trace(figures(at)[0], "h (−1 to 1)")["z"])
    at.selectbox(key="pos_a").set_value(6).run()  # A moves to the end: now B comes first
    assert_clean(at)
    ff_after, rnn_after = _answers(at)
    assert ff_after == ff_before  # same bag, same answer, to the digit shown
    assert float(rnn_before.rstrip("%")) > 90 and float(rnn_after.rstrip("%")) < 10
    assert decode(_trace(figures(at)[0], "h (−1 to 1)")["z"]) != heat_before
    # the delta against the previous order: zero for the bag, large for the RNN
    deltas = {m.label.split(" —")[0]: m.delta for m in at.metric if " — " in m.label}
    assert deltas["Feedforward (bag of inputs)"] == "same as the previous order"  # no "+0.0 pp" with an arrow
    ff_metric = next(m for m in at.metric if m.label.startswith("Feedforward"))
    assert ff_metric.proto.direction == ff_metric.proto.MetricDirection.NONE  # and no arrow
    assert deltas["tanh RNN"].endswith(" pp since the previous order")
    assert float(deltas["tanh RNN"].split()[0]) < -80
    at.run()  # a plain rerun (e.g. a language switch) keeps the comparison
    assert {m.label.split(" —")[0]: m.delta for m in at.metric if " — " in m.label} == deltas


def test_every_order_chart_flat_for_the_bag_and_a_step_for_the_rnn():
    at = run_page(PAGE)
    fig = figures(at)[1]
    ff = _trace(fig, "Feedforward (bag of inputs)")
    rnn = _trace(fig, "tanh RNN")
    ff_y, rnn_x, rnn_y = decode(ff["y"]), decode(rnn["x"]), decode(rnn["y"])
    assert len(ff_y) == len(rnn_y) == 30  # 6 × 5 placements of A and B
    assert max(ff_y) - min(ff_y) < 1e-6
    for gap, p in zip(rnn_x, rnn_y, strict=True):
        assert (p > 0.9) if gap > 0 else (p < 0.1), (gap, p)


def test_shuffle_keeps_the_pieces_and_is_reproducible():
    at = run_page(PAGE)
    before = _sequence(at)
    ff_before, _ = _answers(at)
    at.button(key="_s1_shuffle").click().run()
    assert_clean(at)
    after = _sequence(at)
    assert after != before and sorted(after) == sorted(before)
    assert _answers(at)[0] == ff_before
    # the arrangement is in the URL: opening the link reproduces it
    params = {k: at.query_params[k] for k in ("pos_a", "pos_b", "mix") if k in at.query_params}
    again = run_page(PAGE, params=params)
    assert _sequence(again) == after
    # and the shuffle itself is seeded: a new session draws the same first shuffle
    other = run_page(PAGE)
    other.button(key="_s1_shuffle").click().run()
    assert _sequence(other) == after


def test_accuracy_from_the_manifest_and_evidence():
    at = run_page(PAGE)
    values = {m.label: m.value for m in at.metric if " — " not in m.label}
    ff = float(values["Feedforward (bag of inputs)"].rstrip("%"))
    rnn = float(values["tanh RNN"].rstrip("%"))
    assert 40 <= ff <= 60 and rnn >= 95
    evidence = at.session_state["_evidence"]["sequential"]
    assert 0.4 <= evidence.ff_accuracy <= 0.6 and evidence.rnn_accuracy >= 0.95
    assert evidence.ff_answer_spread < 1e-6
    assert evidence.rnn_answer_range[0] < 0.1 < 0.9 < evidence.rnn_answer_range[1]


@pytest.mark.parametrize("a,b,mix", [(1, 6, 0), (6, 1, 99), (1, 2, 50), (5, 6, 7)])
def test_controls_at_their_extremes(a, b, mix):
    at = run_page(PAGE, params={"pos_a": str(a), "pos_b": str(b), "mix": str(mix)})
    assert_clean(at)
    tokens = _sequence(at)
    assert tokens[a - 1] == "A" and tokens[b - 1] == "B" and len(tokens) == 6


def test_same_position_for_a_and_b_gets_a_notice_and_a_valid_sequence():
    at = run_page(PAGE, params={"pos_a": "3", "pos_b": "3"})
    assert_clean(at)
    assert any("cannot share a position" in box.value for box in at.info)
    tokens = _sequence(at)
    assert tokens.count("A") == 1 and tokens.count("B") == 1 and tokens[2] == "A"


def test_moving_a_onto_b_swaps_them():
    at = run_page(PAGE, params={"pos_a": "2", "pos_b": "5"})
    at.selectbox(key="pos_a").set_value(5).run()
    assert_clean(at)
    assert at.selectbox(key="pos_a").value == 5 and at.selectbox(key="pos_b").value == 2


@pytest.mark.parametrize("junk", ["abc", "1e309", "-1", "7", "NaN", "<b>x</b>"])
@pytest.mark.parametrize("key", ["pos_a", "pos_b", "mix"])
def test_junk_query_parameters_get_a_notice(key, junk):
    at = run_page(PAGE, params={key: junk})
    assert_clean(at)
    if key not in at.query_params:
        assert any(key in box.value for box in at.info)


def _empty_weights(monkeypatch, tmp_path):
    from rnn_core import pretrained

    monkeypatch.setattr(pretrained, "WEIGHTS_DIR", tmp_path)


def test_missing_weights_show_a_message_not_a_traceback(monkeypatch, tmp_path, fresh_models):
    _empty_weights(monkeypatch, tmp_path)
    for lang, word in (("en", "missing"), ("pt", "Faltam")):
        at = run_page(PAGE, lang=lang)
        assert_clean(at)
        assert at.error and word in at.error[0].value and "manifest.json" in at.error[0].value
        assert at.button(key="_sequential_retrain")


def test_corrupt_weights_name_the_file(monkeypatch, tmp_path, fresh_models):
    from rnn_core import pretrained

    shutil.copytree(pretrained.WEIGHTS_DIR, tmp_path, dirs_exist_ok=True)
    with open(tmp_path / "order_rnn.pt", "ab") as f:
        f.write(b"garbage")
    monkeypatch.setattr(pretrained, "WEIGHTS_DIR", tmp_path)
    at = run_page(PAGE)
    assert_clean(at)
    assert "order_rnn.pt" in at.error[0].value and "corrupt" in at.error[0].value


@pytest.mark.slow
def test_retrain_when_weights_are_missing(monkeypatch, tmp_path, fresh_models):
    import dataclasses

    from rnn_core import pretrained

    _empty_weights(monkeypatch, tmp_path)
    for name in ("order_ff_bag", "order_rnn"):
        monkeypatch.setitem(pretrained.SPECS, name, dataclasses.replace(pretrained.SPECS[name], steps=300))
    from ui.shell import models as models_cache

    at = run_page(PAGE)
    at.button(key="_sequential_retrain").click().run(timeout=180)
    assert_clean(at)
    # the training runs as a shared job in the background; the page polls it
    job = models_cache.JOBS.get(models_cache.retrain_key(["order_ff_bag", "order_rnn"]))
    assert job is not None and job.wait(180) and job.status == "done"
    at.run(timeout=180)
    assert_clean(at)
    assert not at.error
    assert any("freshly trained" in box.value for box in at.success)
    assert len(figures(at)) == 2
    rnn = float(_answers(at)[1].rstrip("%"))
    assert rnn > 50  # default order: A at 2, B at 5


def _fingerprint(view) -> dict[str, str]:
    import hashlib

    figs = {name: hashlib.sha256(getattr(view, name).to_json().encode()).hexdigest()
            for name in ("steps_fig", "orders_fig")}
    data = {name: hashlib.sha256(getattr(view, name).to_csv().encode()).hexdigest() for name in ("heat", "orders")}
    return {**figs, **data, "answers": repr(view.answers), "accuracy": repr(view.accuracy)}


def test_the_cached_view_is_shared_and_never_modified():
    """Two sessions (and a presenter-mode and a Portuguese one) render the same arrangement: they
    get the very same cached object, and nothing they do changes it."""
    from pages.sequential import view as sequence_view

    args = (2, 5, 0, "en", False, ("pretrained", "pretrained"))
    first = assert_view_shared(PAGE, sequence_view.view, args, _fingerprint,
                               lambda at: at.selectbox(key="pos_a").set_value(6).run())
    # what the first session shows is exactly the cached figure
    assert figures(first)[0]["data"][3]["name"] == "h (−1 to 1)"


def test_views_differ_by_language_and_presenter_mode():
    from pages.sequential import view as sequence_view

    en = sequence_view.view(2, 5, 0, "en", False, ("pretrained", "pretrained"))
    pt = sequence_view.view(2, 5, 0, "pt", False, ("pretrained", "pretrained"))
    big = sequence_view.view(2, 5, 0, "en", True, ("pretrained", "pretrained"))
    assert en.steps_fig.layout.title.text != pt.steps_fig.layout.title.text
    assert pt.steps_fig.layout.separators == ",."
    assert big.steps_fig.layout.height > en.steps_fig.layout.height
    assert big.steps_fig.layout.template.layout.font.size > en.steps_fig.layout.template.layout.font.size
    assert big.steps_fig.data[1].marker.size > en.steps_fig.data[1].marker.size


def test_a_near_chance_answer_is_graded_a_guess():
    """The bag of inputs answers ≈ 50 % for every order: a guess, not "right"."""
    from rnn_core.verdicts import GUESS_BAND

    at = run_page(PAGE)
    verdicts = [m.value for m in at.markdown if " confidence — " in m.value]
    ff = next(v for v in verdicts if v.startswith("Feedforward"))
    rnn = next(v for v in verdicts if v.startswith("tanh RNN"))
    p_ff = float(_answers(at)[0].rstrip("%")) / 100
    assert abs(p_ff - 0.5) <= GUESS_BAND
    assert ff.endswith("a guess: near chance, neither right nor wrong.")
    assert rnn.endswith("— right.")
    assert any("between 40% and 60%" in c.value for c in at.caption)


def test_the_step_through_figure_plays_in_the_browser():
    """Play / pause buttons and a slider over one frame per step: the server sends it once."""
    at = run_page(PAGE, present=True)
    fig = figures(at)[0]
    assert len(fig["frames"]) == 6
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == ["▶ play", "■ pause"]
    assert [s["label"] for s in fig["layout"]["sliders"][0]["steps"]] == [str(t) for t in range(1, 7)]
    heat = decode(_trace(fig, "h (−1 to 1)")["z"])
    assert decode(fig["frames"][-1]["data"][3]["z"]) == heat


def test_texts_say_which_feedforward_is_blind_to_order():
    """Only a bag (average) of the inputs is order-blind; a window of inputs side by side is not."""
    from ui.shell.catalogs import CATALOGS

    for lang, bag, window in (("en", "average", "window"), ("pt", "média", "janela")):
        cat = CATALOGS[lang]
        for key in ("sequential.subtitle", "sequential.intro_models", "sequential.takeaway", "home.card_sequential",
                    "home.intro"):
            assert bag in cat[key], (lang, key)
        assert window in cat["sequential.intro_models"] and window in cat["home.intro"]


def test_home_says_gates_mitigate_the_problem():
    """Gates mitigate the vanishing gradient, they do not solve it (the app's own data: station 3)."""
    from ui.shell.catalogs import CATALOGS

    assert "mitigate" in CATALOGS["en"]["home.intro"] and "atenuam" in CATALOGS["pt"]["home.intro"]
    for lang, words in (("en", ("fix it", "solve")), ("pt", ("resolvem", "resolve "))):
        for key in ("home.intro", "home.card_gates", "sequential.next_intro"):
            assert not any(w in CATALOGS[lang][key] for w in words), (lang, key)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_first_screen_is_short_and_plain(lang):
    """One paragraph between the subtitle and the first control; the models' explanation comes after the
    controls; the arrangement slider speaks plainly (no "distractors (seed)")."""
    from pages.sequential.texts import TEXTS

    at = run_page(PAGE, lang=lang)
    assert_clean(at)
    texts = [m.value for m in at.main.markdown]
    assert TEXTS["sequential.intro"][lang] in texts and "\n\n" not in TEXTS["sequential.intro"][lang]
    assert TEXTS["sequential.intro_models"][lang] in texts
    assert texts.index(TEXTS["sequential.intro"][lang]) < texts.index(TEXTS["sequential.intro_models"][lang])
    mix = at.slider(key="mix")
    assert mix.label == TEXTS["sequential.mix"][lang]
    for jargon in ("semente", "seed", "distrator", "distractor"):
        assert jargon not in mix.label.lower()
    # no previous order yet: no delta at all
    assert all(not m.delta for m in at.metric if " — " in m.label)


def test_delta_unit_comes_from_the_catalog():
    from pages.sequential.view import delta_text, unchanged

    assert delta_text(0.9, None, "pt") is None
    assert delta_text(0.5, 0.5, "pt") == "igual à ordem anterior" and unchanged(0.5, 0.5004)
    assert delta_text(0.1, 0.975, "pt") == "-87,5 pp desde a ordem anterior"
    assert delta_text(0.975, 0.1, "en") == "+87.5 pp since the previous order"
