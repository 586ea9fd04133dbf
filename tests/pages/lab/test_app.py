"""Station 5 in Streamlit's AppTest: both languages and presenter mode, a short race end to end
(table, curves, baseline, evidence, downloads), the race shared between students (join, replay,
queue), Stop as "stop watching", results surviving a trip to another page, every control at its
extremes and junk in the URL. The default race itself (T = 50, 600 steps) is benchmarked in
bench/bench_race.py."""

from __future__ import annotations

import math
import threading
import time

import pytest

from pages.lab.evidence import Station5
from pages.lab.texts import TEXTS
from rnn_core.race import RACE_TASKS
from services import jobs
from services import race_runner as runner
from tests.apptest_helpers import (
    assert_clean,
    body_text,
    figure_titles,
    figures,
    open_page,
)

PAGE = "pages/lab/page.py"
QUICK = {"steps": 50, "length": 5}  # the smallest race the controls allow: a second or two
CONTROLS = {"slider": ("length", "steps"), "selectbox": ("hidden", "lr", "clip"), "radio": ("task",),
            "number_input": ("seed",)}


def _page(**params):
    return open_page(PAGE, timeout=180, **params)




@pytest.fixture(autouse=True)
def fresh_board(monkeypatch):
    """Each test gets its own board of shared trainings (the page reads ``services.jobs.JOBS``)."""
    board = jobs.JobBoard(slots=2)
    monkeypatch.setattr(jobs, "JOBS", board)
    return board


def _poll(at, until, timeout: float = 240):
    """Rerun ``at`` (as the page's fragment would) until ``until(at)`` or the timeout."""
    deadline = time.monotonic() + timeout
    while not until(at):
        assert time.monotonic() < deadline, "the race did not get there in time"
        time.sleep(0.2)
        at.run()
        assert_clean(at)
    return at


def _race(at):
    at.button(key="_s5_start").click()
    at.run()
    assert_clean(at)
    return _poll(at, lambda a: len(a.table) > 0)


def _widget(at, kind: str, key: str):
    """The control bound to ``?key=`` (ui.shell.state shows it unbound, as ``key__unbound``, when
    Streamlit itself could not read the URL value)."""
    return next(w for w in at.get(kind) if w.key in (key, f"{key}__unbound"))


def _lossfigure_titled(at) -> dict:
    return figures(at)[0]


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("present", [False, True])
def test_page_renders_clean_before_any_race(lang, present):
    at = _page(lang=lang, present=present)
    assert_clean(at)
    assert at.title[0].value == ("Lab: the race" if lang == "en" else "Laboratório: a corrida")
    assert at.caption[0].value  # the subtitle is filled
    text = body_text(at)
    assert ("No race yet" if lang == "en" else "Nenhuma corrida ainda") in text
    assert "1/6" in text and ("0.167" if lang == "en" else "0,167") in text  # the note on what to expect
    if present:  # the takeaway on top, the long explanations folded away
        assert ("stays stuck" if lang == "en" else "fica presa") in text
        assert len(at.main.expander) >= 2
    else:
        assert len(at.main.expander) == 0
    assert figures(at) == [] and len(at.table) == 0
    # the defaults are rnn_core's
    d = runner.RACE_DEFAULTS
    assert _widget(at, "radio", "task").value == d["task"]
    assert _widget(at, "slider", "length").value == d["length"]
    assert _widget(at, "slider", "steps").value == d["steps"]
    assert _widget(at, "selectbox", "hidden").value == d["hidden"]
    assert _widget(at, "selectbox", "lr").value == d["lr"]
    assert _widget(at, "selectbox", "clip").value == d["clip"]
    assert _widget(at, "number_input", "seed").value == d["seed"]
    assert not any(w.disabled for kind, keys in CONTROLS.items() for w in at.get(kind) if w.key in keys)


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_short_race_end_to_end(lang):
    at = _race(_page(lang=lang, **QUICK))
    table = at.table[0].value
    assert len(table) == 3
    assert list(table.index) == (["tanh RNN", "LSTM", "GRU"] if lang == "en" else ["RNN tanh", "LSTM", "GRU"])
    steps_col = "Steps trained" if lang == "en" else "Passos treinados"
    assert set(table[steps_col]) == {"50 of 50" if lang == "en" else "50 de 50"}
    assert ("Race complete: 50 steps" if lang == "en" else "Corrida completa: 50 passos") in body_text(at)
    fig = _lossfigure_titled(at)
    names = [tr.get("name") for tr in fig["data"]]
    for model in table.index:
        assert model in names
    assert sum(1 for tr in fig["data"] if tr.get("legendgroup") in runner.CELLS and tr.get("showlegend") is not False) == 3
    assert any("1/6" in str(n) for n in names)  # the memoryless baseline
    assert fig["layout"]["yaxis"]["type"] == "log"
    assert fig["layout"]["xaxis"]["title"]["text"] == ("training step" if lang == "en" else "passo de treino")
    assert len(figures(at)) == 1  # adding is a regression: no accuracy chart
    assert {b.key for b in at.get("download_button")} >= {"csv-s5-race-curves", "s5-json"}
    # no Stop button is left over
    assert not any(w.disabled for w in at.slider) and "_s5_stop" not in [b.key for b in at.button]
    evidence = at.session_state["_evidence"]["lab"]
    assert isinstance(evidence, Station5)
    assert evidence.task == "adding" and evidence.length == 5 and evidence.steps == 50
    assert evidence.status == "done" and evidence.baseline == pytest.approx(1 / 6)
    assert set(evidence.results) == {"rnn", "lstm", "gru"}
    for row in evidence.results.values():
        assert math.isfinite(row.final_loss) and row.params > 0


@pytest.mark.parametrize("task", ["latch", "series"])
def test_classification_races_add_an_accuracy_chart(task):
    at = _race(_page(task=task, **QUICK))
    assert len(at.table[0].value) == 3 and "Final accuracy" in at.table[0].value.columns
    titles = figure_titles(at)
    assert len(titles) == 2 and titles[1].startswith("Training-batch accuracy")
    names = [tr.get("name") for tr in _lossfigure_titled(at)["data"]]
    assert any("log 2" in str(n) for n in names)
    assert at.session_state["_evidence"]["lab"].baseline == pytest.approx(RACE_TASKS[task].baseline_loss)


def test_results_survive_another_page_and_flag_changed_controls():
    at = _race(_page(**QUICK))
    before = at.table[0].value
    at.switch_page("pages/sequential/page.py")
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert_clean(at)
    assert at.table[0].value.equals(before)
    assert not at.warning
    _widget(at, "selectbox", "hidden").set_value(16)
    at.run()
    assert_clean(at)
    assert at.table[0].value.equals(before)  # still the race that was run …
    assert "controls changed" in body_text(at)  # … with a word that it used other settings


def test_stop_freezes_the_race_for_this_student_and_cancels_it_when_nobody_watches(fresh_board):
    at = _page(length=5, steps=2000)
    at.button(key="_s5_start").click().run()
    assert_clean(at)
    key = runner.Settings.of({**runner.RACE_DEFAULTS, "length": 5, "steps": 2000}).key()
    _poll(at, lambda a: (fresh_board.get(key).snapshot or runner.empty_state(runner.Settings.of(
        {**runner.RACE_DEFAULTS, "length": 5, "steps": 2000}))).step >= 10)
    assert any(b.key == "_s5_stop" for b in at.button)
    at.button(key="_s5_stop").click().run()
    assert_clean(at)
    job = fresh_board.get(key)
    assert job.wait(60) and job.status == "stopped"  # nobody else watched: the training stopped
    text = body_text(at)
    assert "Race stopped at step" in text and "of 2000" in text
    evidence = at.session_state["_evidence"]["lab"]
    assert evidence.status == "stopped" and 10 <= evidence.steps_done < 2000
    steps = {int(v.split(" ")[0]) for v in at.table[0].value["Steps trained"]}
    assert steps == {evidence.steps_done}
    fig = _lossfigure_titled(at)
    assert fig["layout"]["xaxis"]["range"][1] <= max(evidence.steps_done, 10) + 1  # zoomed on what was trained


def test_a_second_student_joins_the_running_race_and_a_third_gets_it_replayed(fresh_board):
    params = {"length": 5, "steps": 300}
    a, b = _page(**params), _page(**params)
    a.button(key="_s5_start").click().run()
    b.button(key="_s5_start").click().run()
    assert_clean(a)
    assert_clean(b)
    key = runner.Settings.of({**runner.RACE_DEFAULTS, **params}).key()
    assert fresh_board.stats()["known"] == 1  # one training for both
    job = fresh_board.get(key)
    if job.status == "running":  # B joined while A's race was running
        assert "already running" in body_text(b) and job.watchers == 2
    _poll(a, lambda at: len(at.table) > 0)
    _poll(b, lambda at: len(at.table) > 0)
    assert a.table[0].value.equals(b.table[0].value)
    assert figures(a)[0]["data"] == figures(b)[0]["data"]
    c = _race(_page(**params))  # later: the finished race is replayed at once
    assert "already been run on this server" in body_text(c)
    assert c.table[0].value.equals(a.table[0].value) and fresh_board.stats()["known"] == 1


def test_distinct_races_beyond_the_slots_wait_in_a_visible_queue(monkeypatch):
    board = jobs.JobBoard(slots=1)
    monkeypatch.setattr(jobs, "JOBS", board)
    release = threading.Event()
    blocker = board.submit(("blocker",), lambda progress: release.wait(120))
    try:
        at = _page(length=5, steps=50, lang="pt")
        at.button(key="_s5_start").click().run()
        assert_clean(at)
        assert any("Esperando: 1 corrida(s) à frente" in box.value for box in at.info), [i.value for i in at.info]
        en = _page(length=5, steps=50)
        en.button(key="_s5_start").click().run()  # the same race: joins the queued one
        assert any("Waiting: 1 race(s) ahead" in box.value for box in en.info)
    finally:
        release.set()
    assert blocker.wait(30)
    _poll(at, lambda a: len(a.table) > 0)


def test_cached_views_are_never_changed_by_another_session(fresh_board):
    """Presenter mode and Portuguese get views of their own; the shared ones stay as they were."""
    a = _race(_page(**QUICK))
    before = [dict(f) for f in figures(a)], a.table[0].value.copy()
    p = _race(_page(present=True, lang="pt", **QUICK))
    assert figures(p)[0]["layout"]["height"] != before[0][0]["layout"]["height"]
    a.run()
    assert [dict(f) for f in figures(a)] == before[0] and a.table[0].value.equals(before[1])


@pytest.mark.slow
def test_race_at_the_extremes_of_the_cheap_controls():
    # biggest network, no clipping and the largest learning rate, on the shortest race
    at = _race(_page(hidden=128, lr=0.1, clip="inf", seed=999, **QUICK))
    assert len(at.table[0].value) == 3
    evidence = at.session_state["_evidence"]["lab"]
    assert evidence.hidden == 128 and evidence.clip is None and evidence.seed == 999
    assert evidence.results["lstm"].params == runner.param_count("lstm", "adding", 128)
    # smallest network and learning rate, tightest clipping
    at = _race(_page(hidden=8, lr=0.001, clip=0.1, seed=0, **QUICK))
    assert at.session_state["_evidence"]["lab"].results["rnn"].params == runner.param_count("rnn", "adding", 8)


def test_every_control_at_its_extremes_renders_clean():
    at = _page()
    for kind, key in [(k, key) for k, keys in CONTROLS.items() for key in keys]:
        widget = _widget(at, kind, key)
        if kind in ("slider", "number_input"):
            values = [widget.min, widget.max]
        else:
            values = [widget.options[0], widget.options[-1]]
        for value in values:
            widget = _widget(at, kind, key)
            widget.set_value(_option_value(key, value) if kind in ("selectbox", "radio") else value)
            at.run()
            assert_clean(at)
    assert _widget(at, "slider", "length").max == 100 and _widget(at, "slider", "steps").max == 2000
    assert _widget(at, "number_input", "seed").max == 999


def _option_value(key: str, label: str):
    """AppTest exposes option labels; set_value wants the option itself."""
    if key == "task":  # the radio shows the translated task name; the option (and the URL) keep the id
        return next(k for k in RACE_TASKS if label in (k, TEXTS[f"lab.taskname_{k}"]["en"], TEXTS[f"lab.taskname_{k}"]["pt"]))
    if key == "hidden":
        return int(label)
    return math.inf if label == "∞" else float(label)


@pytest.mark.parametrize(("key", "junk"), [
    ("task", "nope"), ("length", "1000"), ("length", "abc"), ("steps", "-3"), ("hidden", "7"), ("lr", "0.3"),
    ("clip", "-1"), ("seed", "1e309"),
])
def test_junk_in_the_url_gives_a_notice_and_the_default(key, junk):
    at = _page(**{key: junk})
    assert_clean(at)
    assert any(key in box.value and "not valid" in box.value for box in at.info), [b.value for b in at.info]
    kind = next(k for k, keys in CONTROLS.items() if key in keys)
    assert _widget(at, kind, key).value == runner.RACE_DEFAULTS[key]


def test_a_shared_link_sets_every_control():
    at = _page(task="series", length=30, steps=300, hidden=64, lr=0.005, clip="inf", seed=7, lang="pt")
    assert_clean(at)
    values = {key: _widget(at, kind, key).value for kind, keys in CONTROLS.items() for key in keys}
    assert values == {"task": "series", "length": 30, "steps": 300, "hidden": 64, "lr": 0.005, "clip": math.inf,
                      "seed": 7}
    assert "29 episódios" in body_text(at)  # the series note speaks of distances 1 … T − 1


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_task_options_are_translated_and_the_url_keeps_the_id(lang):
    at = _page(lang=lang, task="latch")
    assert_clean(at)
    radio = _widget(at, "radio", "task")
    assert radio.value == "latch"
    assert list(radio.options) == [TEXTS[f"lab.taskname_{k}"][lang] for k in RACE_TASKS]
    if lang == "pt":
        assert not {"adding", "latch", "series"} & set(radio.options)
    radio.set_value("series")
    at.run()
    assert at.query_params["task"] in ("series", ["series"])


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_a_finished_race_ends_with_a_computed_verdict(lang):
    from pages.lab.view import verdict_sentence
    from rnn_core.race import race_verdict

    at = _race(_page(lang=lang, **QUICK))
    table = at.table[0].value
    text = body_text(at)
    evidence = at.session_state["_evidence"]["lab"]
    verdicts = race_verdict([(cell, r.solved_at_step, r.final_loss) for cell, r in evidence.results.items()],
                            evidence.baseline)
    sentence = verdict_sentence(verdicts, lang)
    assert f"**{sentence}**" in [m.value for m in at.markdown]
    for name in table.index:
        assert name in sentence
    rule = "Solved: the mean of the last 20 losses below 0.01" if lang == "en" else \
        "Resolver: a média das últimas 20 perdas abaixo de 0,01"
    assert rule in text


def test_verdict_sentence_reads_like_the_issue_asks():
    from pages.lab.view import verdict_sentence
    from rnn_core.race import race_verdict

    v = race_verdict([("rnn", None, 0.166), ("lstm", 247, 0.004), ("gru", 127, 0.002)], 1 / 6)
    assert verdict_sentence(v, "en") == ("The GRU solved it at step 127, the LSTM at step 247; the tanh RNN stayed at "
                                         "the baseline, like a network without memory.")
    assert verdict_sentence(v, "pt") == ("A GRU resolveu a tarefa no passo 127, a LSTM no passo 247; a RNN tanh ficou "
                                         "na linha de base, como quem não tem memória.")
    v = race_verdict([("rnn", None, 0.17), ("lstm", None, 0.05), ("gru", None, 0.2)], 1 / 6)
    assert verdict_sentence(v, "en", stopped_at=40) == (
        "Up to step 40, where you stopped: No network solved it; the LSTM learned part of it (final loss = 30% of the "
        "baseline); the tanh RNN and the GRU stayed at the baseline, like a network without memory.")


def test_a_grey_start_says_why():
    """At the default race the Start button waits for the prediction (below the settings): a caption says so."""
    from pages.lab.texts import TEXTS as LAB_TEXTS

    at = open_page(PAGE, lang="pt", predicted=False)
    assert_clean(at)
    assert at.button(key="_s5_start").disabled
    assert LAB_TEXTS["lab.start_blocked"]["pt"] in [c.value for c in at.caption]
    done = _page(lang="pt")  # prediction committed: the button is live and the caption gone
    assert not done.button(key="_s5_start").disabled
    assert LAB_TEXTS["lab.start_blocked"]["pt"] not in [c.value for c in done.caption]


def test_verdict_rule_names_each_tasks_threshold():
    from pages.lab.view import verdict_rule

    assert verdict_rule("loss", 0.01, 1 / 6, "adding", "en") == (
        "Solved: the mean of the last 20 losses below 0.01 (6% of the baseline). Stayed at the baseline: a final "
        "loss (mean of the last 20) of at least 90% of the memoryless baseline (1/6).")
    rule = verdict_rule("accuracy", 0.99, RACE_TASKS["latch"].baseline_loss, "latch", "pt")
    assert rule.startswith("Resolver: ") and "99 % ou mais nos últimos 20 lotes." in rule and "(log 2)" in rule
