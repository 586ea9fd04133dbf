"""AppTest: station 2 (watching a series) with the real pretrained series models."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np
import pytest

from pages.series.texts import TEXTS as SERIES_TEXTS
from tests.apptest_helpers import (
    assert_clean,
    assert_view_shared,
    decode,
    figure_titled,
    figure_titles,
    figures,
    run_page,
)

PAGE = "pages/series/page.py"
LEGEND = {m: SERIES_TEXTS[f"series.legend_{m}"]["en"].format(k=4) for m in ("ff", "rnn", "stable_rnn", "lstm", "gru")}






def _curve(fig: dict, model: str) -> dict[int, float]:
    trace = next(tr for tr in fig["data"] if tr.get("name") == LEGEND[model])
    return dict(zip(decode(trace["x"]), decode(trace["y"]), strict=True))


def _accuracy(at) -> dict[str, dict[int, float]]:
    fig = figure_titled(at, "Accuracy by distance")
    return {m: _curve(fig, m) for m in LEGEND if any(tr.get("name") == LEGEND[m] for tr in fig["data"])}


def _mean(curve: dict[int, float], lo: int, hi: int) -> float:
    return float(np.mean([v for d, v in curve.items() if lo <= d <= hi]))


def _cards(at) -> list[str]:
    """The verdict lines of the model cards ("**sad tears** · 100% confident")."""
    return [m.value for m in at.markdown if " confident" in m.value]




@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("present", [False, True])
def test_renders_in_both_languages_and_presenter_mode(lang, present):
    at = run_page(PAGE, lang=lang, present=present, timeout=120)
    assert_clean(at)
    assert len(figures(at)) == 3, figure_titles(at)
    assert at.title[0].value == {"pt": "Assistindo a uma série", "en": "Watching a series"}[lang]
    links = [link.proto.page for link in at.get("page_link")]
    assert links[:2] == ["gradients", "gates"]  # the realistic series: question of station 3, answer of station 4


def test_simple_series_accuracy_by_distance_matches_design():
    at = run_page(PAGE, timeout=120)
    acc = _accuracy(at)
    assert set(acc) == {"ff", "rnn", "lstm", "gru"}
    ff = acc["ff"]
    assert min(ff[d] for d in (1, 2, 3)) >= 0.95  # the key event is inside the block
    assert 0.4 <= _mean(ff, 4, 60) <= 0.6  # beyond it: a coin flip
    for model in ("rnn", "lstm", "gru"):
        assert min(acc[model].values()) >= 0.95, model
    trained = figure_titled(at, "Accuracy by distance")["layout"]["shapes"]
    assert any(s.get("type") == "rect" and s.get("x1") == 30.5 for s in trained)


def test_realistic_series_accuracy_by_distance_matches_design():
    at = run_page(PAGE, params={"moods": "true"}, timeout=180)
    assert_clean(at)
    acc = _accuracy(at)
    assert set(acc) == {"ff", "rnn", "stable_rnn", "lstm", "gru"}
    for model in ("lstm", "gru"):
        assert min(acc[model].values()) >= 0.95, model
    stable = acc["stable_rnn"]
    assert _mean(stable, 1, 3) > 0.8 and _mean(stable, 31, 60) < 0.7  # it fades with distance
    assert _mean(stable, 1, 3) - _mean(stable, 21, 30) > 0.2
    evidence = at.session_state["_evidence"]["series"].accuracy_by_distance["realistic"]
    assert evidence["lstm"]["1-3"] >= 0.95 and evidence["stable_rnn"]["1-3"] > evidence["stable_rnn"]["31-60"]


def test_feedforward_only_sees_the_last_block():
    near = run_page(PAGE, params={"after": "1", "mood": "happy"})  # d = 2: inside the block
    far = run_page(PAGE, params={"after": "17", "mood": "happy"})  # d = 18: season 5 only
    assert_clean(near)
    assert_clean(far)
    ff_near = _curve(figure_titled(near, "P(right answer"), "ff")  # happy: P(right) = P(happy)
    ff_far = _curve(figure_titled(far, "P(right answer"), "ff")
    assert ff_near[max(ff_near)] > 0.9
    assert 0.25 < ff_far[max(ff_far)] < 0.75
    lstm_far = _curve(figure_titled(far, "P(right answer"), "lstm")
    assert lstm_far[max(lstm_far)] > 0.95


def test_the_belief_follows_the_key_event():
    sad = run_page(PAGE)
    happy = run_page(PAGE, params={"mood": "happy"})
    # the chart plots the probability of the RIGHT answer, and its title and axis say which one it is
    assert figure_titled(sad, "P(right answer: sad tears)")["layout"]["yaxis"]["title"]["text"] == \
        "P(right answer: sad tears)"
    assert figure_titled(happy, "P(right answer: happy tears)")
    for model in ("rnn", "lstm", "gru"):
        right_sad = _curve(figure_titled(sad, "P(right answer"), model)
        right_happy = _curve(figure_titled(happy, "P(right answer"), model)
        last = max(right_sad)
        assert right_sad[last] > 0.95 and right_happy[last] > 0.95, model  # the good models sit at the top
        key = 1  # S1E2
        # one step after the key event the memory already holds the answer
        assert right_sad[key + 1] > 0.8 and right_happy[key + 1] > 0.8, model
    assert "sad tears" in _cards(sad)[-1] and "happy tears" in _cards(happy)[-1]


def test_moods_toggle_switches_to_the_realistic_models():
    at = run_page(PAGE, timeout=120)
    assert len(_cards(at)) == 4
    at.toggle(key="moods").set_value(True).run(timeout=180)
    assert_clean(at)
    assert len(_cards(at)) == 5
    assert any(SERIES_TEXTS["series.model_stable_rnn"]["en"] in m.value for m in at.markdown)
    assert at.selectbox(key="pattern")


@pytest.mark.parametrize("params", [
    {"after": "0"},  # d = 1
    {"after": "89", "moods": "true"},
    {"per_season": "1", "key_season": "10", "after": "0"},
    {"per_season": "12", "key_season": "10", "key_ep": "12", "after": "89"},
    {"per_season": "2", "key_ep": "12"},  # past the end of the season: clamped with a caption
    {"moods": "true", "pattern": "opposite", "mood": "happy"},
    {"moods": "true", "seed": "9999"},
])
def test_controls_at_their_extremes(params):
    at = run_page(PAGE, params=params, timeout=180)
    assert_clean(at)
    assert len(figures(at)) == 3
    if params.get("key_ep") == "12" and params.get("per_season") == "2":
        assert any("has only 2 episodes" in c.value for c in at.caption)


def test_opposite_moods_do_not_fool_the_gates():
    at = run_page(PAGE, params={"moods": "true", "pattern": "opposite",
                                "mood": "happy", "after": "25"}, timeout=180)
    assert_clean(at)
    belief = figure_titled(at, "P(right answer")
    for model in ("lstm", "gru"):
        curve = _curve(belief, model)
        assert curve[max(curve)] > 0.9, model


@pytest.mark.parametrize("junk", ["abc", "1e309", "-1", "NaN", "", "<script>x</script>"])
@pytest.mark.parametrize("key", ["after", "per_season", "key_season", "key_ep", "mood", "moods"])
def test_junk_query_parameters_get_a_notice(key, junk):
    at = run_page(PAGE, params={key: junk}, timeout=120)
    assert_clean(at)
    if junk and key not in at.query_params:
        assert any(key in box.value for box in at.info)


def test_missing_weights_show_a_message_not_a_traceback(monkeypatch, tmp_path, fresh_models):
    from rnn_core import pretrained

    monkeypatch.setattr(pretrained, "WEIGHTS_DIR", tmp_path)
    for lang, word in (("en", "missing"), ("pt", "Faltam")):
        at = run_page(PAGE, lang=lang)
        assert_clean(at)
        assert at.error and word in at.error[0].value and "manifest.json" in at.error[0].value
        assert at.button(key="_series_retrain")
        assert len(figures(at)) == 1  # the timeline still works


def test_one_corrupt_file_only_removes_that_model(monkeypatch, tmp_path, fresh_models):
    from rnn_core import pretrained

    shutil.copytree(pretrained.WEIGHTS_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "series_simple_gru.pt").write_bytes(b"not a torch file")
    monkeypatch.setattr(pretrained, "WEIGHTS_DIR", tmp_path)
    at = run_page(PAGE)
    assert_clean(at)
    assert "series_simple_gru.pt" in at.error[0].value and "corrupt" in at.error[0].value
    assert len(_cards(at)) == 3
    assert len(figures(at)) == 3


def test_a_loader_crash_is_a_message_too(monkeypatch, fresh_models):
    from rnn_core import pretrained

    def broken(name, weights_dir=None):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pretrained, "load_pretrained", broken)
    at = run_page(PAGE)
    assert_clean(at)
    assert "Could not load" in at.error[0].value


SIMPLE = [f"series_simple_{m}" for m in ("ff4", "rnn", "lstm", "gru")]


def _short_specs(monkeypatch, steps: int = 3) -> None:
    from rnn_core import pretrained

    for name in SIMPLE:
        monkeypatch.setitem(pretrained.SPECS, name, dataclasses.replace(pretrained.SPECS[name], steps=steps))


@pytest.mark.slow
def test_retrain_now_is_one_shared_job_bit_identical_to_a_private_run_and_for_this_session_only(monkeypatch):
    import torch

    from rnn_core import pretrained
    from ui.shell import models as models_cache

    _short_specs(monkeypatch)
    calls = []
    real_retrain = pretrained.retrain
    monkeypatch.setattr(pretrained, "retrain", lambda name, **kw: calls.append(name) or real_retrain(name, **kw))
    shared = models_cache.get_model("series_simple_lstm")
    before = {k: v.clone() for k, v in shared.state_dict().items()}

    first, second, bystander = run_page(PAGE), run_page(PAGE), run_page(PAGE)
    first.button(key="_series_retrain").click().run(timeout=120)
    second.button(key="_series_retrain").click().run(timeout=120)
    job = models_cache.JOBS.get(models_cache.retrain_key(SIMPLE))
    assert job is not None and job.wait(300) and job.status == "done", job and job.error
    for at in (first, second):
        at.run(timeout=300)  # the panel sees the finished job and the page reruns with the new models
        assert_clean(at)
        assert any("Done: 4 model(s)" in box.value and "What retraining changed" in box.value for box in at.success)
        assert sum("retrained in this session" in m.value for m in at.markdown) == 4
        # what changed, computed against the pretrained models: one row per retrained model
        changed = next(box.value for box in at.info if box.value.startswith("**What retraining changed**"))
        assert all(name in changed for name in ("Feedforward (last 4 episodes)", "tanh RNN", "LSTM", "GRU"))
        assert changed.count("→") == 2 * 4
        # three steps of training cannot solve the task: the session's curves are no longer perfect
        assert min(_accuracy(at)["lstm"].values()) < 0.95
    assert sorted(calls) == sorted(SIMPLE)  # two students, one computation

    # bit-identical to a private run of rnn_core's own retrain
    for name in SIMPLE:
        private = real_retrain(name).model.state_dict()
        mine = job.result[name].state_dict()
        assert all(torch.equal(private[k], mine[k]) for k in private), name

    # a student who asks later gets the finished job replayed, not a new training
    late = run_page(PAGE)
    late.button(key="_series_retrain").click().run(timeout=120)
    late.run(timeout=120)
    assert sum("retrained in this session" in m.value for m in late.markdown) == 4
    assert len(calls) == len(SIMPLE)

    # nobody else is affected, and the shared pretrained model is untouched
    bystander.run(timeout=120)
    assert not any("retrained in this session" in m.value for m in bystander.markdown)
    assert not any("What retraining changed" in box.value for box in bystander.info)
    assert min(_accuracy(bystander)["lstm"].values()) >= 0.95
    after = models_cache.get_model("series_simple_lstm").state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)

    # back to the pretrained models, for this student only
    first.button(key="_series_reset").click().run(timeout=120)
    assert_clean(first)
    assert not any("retrained in this session" in m.value for m in first.markdown)
    assert min(_accuracy(first)["lstm"].values()) >= 0.95
    second.run(timeout=120)
    assert sum("retrained in this session" in m.value for m in second.markdown) == 4


def test_a_queued_retrain_shows_how_many_trainings_are_ahead(monkeypatch):
    import threading

    from services.jobs import JobBoard
    from ui.shell import models as models_cache

    board = JobBoard(slots=1)
    monkeypatch.setattr(models_cache, "JOBS", board)
    _short_specs(monkeypatch, steps=2)
    release = threading.Event()
    blocker = board.submit(("test", "blocker"), lambda progress: release.wait(60))
    try:
        at = run_page(PAGE)
        at.button(key="_series_retrain").click().run(timeout=120)
        assert_clean(at)
        assert any("Waiting: 1 training(s) ahead" in box.value for box in at.info)
        assert at.button(key="_series_retrain_stop")
    finally:
        release.set()
    assert blocker.wait(30)
    job = board.get(models_cache.retrain_key(SIMPLE))
    assert job is not None and job.wait(120) and job.status == "done"
    at.run(timeout=120)
    assert_clean(at)
    assert sum("retrained in this session" in m.value for m in at.markdown) == 4


def _fingerprint(view) -> dict[str, str]:
    import hashlib

    out = {name: hashlib.sha256(getattr(view, name).to_json().encode()).hexdigest()
           for name in ("timeline_fig", "belief_fig", "acc_fig")}
    out.update({name: hashlib.sha256(getattr(view, name).to_csv().encode()).hexdigest()
                for name in ("belief", "acc", "timeline_csv")})
    return {**out, "p_happy": repr(view.p_happy), "binned": repr(view.binned)}


def test_the_cached_view_is_shared_and_never_modified():
    """Several sessions render the default timeline: one cached object, unchanged by all of them."""
    from dataclasses import astuple

    from pages.series import view as series_view
    from ui.widgets.timeline import TimelineSpec

    models = ("ff", "rnn", "lstm", "gru")
    args = (astuple(TimelineSpec()), "en", False, models, ("pretrained",) * 4)
    assert_view_shared(PAGE, series_view.view, args, _fingerprint, lambda at: at.slider(key="after").set_value(3).run())


def test_near_chance_answers_are_guesses_not_hits():
    """The feedforward window without the key event answers near 50 %: shown as a guess."""
    from rnn_core.verdicts import GUESS_BAND

    at = run_page(PAGE, params={"after": "17"})
    belief = figure_titled(at, "P(right answer")
    ff = _curve(belief, "ff")
    assert abs(ff[max(ff)] - 0.5) <= GUESS_BAND
    grades = [m.value for m in at.markdown if m.value.startswith(":")]
    assert len(grades) == 4
    assert "a guess: near chance" in grades[0]  # the feedforward card comes first
    assert all("right" in g for g in grades[1:])
    assert any("between 40% and 60%" in c.value for c in at.caption)
    near = run_page(PAGE, params={"after": "1"})  # the key event inside the window: a real answer
    assert "right" in [m.value for m in near.markdown if m.value.startswith(":")][0]


def test_the_realistic_bridge_states_the_measured_failure_of_the_plain_rnn():
    """The plain RNN on the realistic series is near chance even at d = 1 (a failed training, not
    distance): the sentence carries the page's own measurement, the same as the chart's."""
    from rnn_core.verdicts import GUESS_BAND

    at = run_page(PAGE, params={"moods": "true"}, timeout=180)
    acc = _accuracy(at)
    assert abs(acc["rnn"][1] - 0.5) <= GUESS_BAND  # near chance at d = 1
    assert all(abs(a - 0.5) <= GUESS_BAND for a in acc["rnn"].values())  # the caption: at every distance
    assert _mean(acc["stable_rnn"], 1, 3) - _mean(acc["stable_rnn"], 21, 30) > 0.2  # the fading one
    bridge = next(box.value for box in at.info if "station 3" in box.value)
    assert f"right only {round(100 * acc['rnn'][1])}%" in bridge and "d = 1" in bridge
    assert f"{round(100 * _mean(acc['stable_rnn'], 1, 3))}%" in bridge
    for lang in ("pt", "en"):
        from ui.shell.catalogs import CATALOGS

        assert "80" not in CATALOGS[lang]["series.acc_caption_realistic"]  # no unmeasured "other seeds" claim


def test_portuguese_wording():
    from ui.shell.catalogs import CATALOGS

    pt = CATALOGS["pt"]
    mine = {k: v for k, v in pt.items() if k.split(".")[0] in ("home", "sequential", "series")}
    assert "assistem a tudo" in pt["series.intro"]
    assert not any("assistem tudo" in v or "humor" in v or "a personagem" in v for v in mine.values())


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_series_choice_comes_first_and_the_text_speaks_of_what_is_shown(lang):
    from pages.series.texts import TEXTS

    simple = run_page(PAGE, lang=lang, timeout=120)
    assert_clean(simple)
    toggle_label = TEXTS["series.tl_moods"][lang]
    first_box = simple.main.info[0].value
    assert first_box == TEXTS["series.choose_simple"][lang].format(k=4)
    assert toggle_label in first_box  # it names the control that switches to the series where an RNN forgets
    assert simple.toggle(key="moods").value is False  # the toggle is the editor's first control
    # the simple series' bridge says nothing about the stable RNN, which is not on screen
    boxes = " ".join(box.value for box in simple.info)
    stable = {"pt": "estável", "en": "stable"}[lang]
    assert stable not in boxes and TEXTS["series.simple_bridge"][lang] in boxes
    realistic = run_page(PAGE, lang=lang, params={"moods": "true"}, timeout=180)
    assert_clean(realistic)
    assert realistic.main.info[0].value == TEXTS["series.choose_realistic"][lang].format(k=4)
    assert any(stable in box.value for box in realistic.info)  # the stable RNN is on screen here


def test_retrain_is_folded_and_not_the_biggest_button():
    at = run_page(PAGE, timeout=120)
    assert_clean(at)
    folded = [e for e in at.expander if e.label.startswith("Retrain")]
    assert len(folded) == 1 and folded[0].button(key="_series_retrain")
    assert not folded[0].proto.expanded
    assert folded[0].button(key="_series_retrain").proto.type == "secondary"  # a plain button, not the page's call to action
