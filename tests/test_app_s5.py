"""Station 5 in Streamlit's AppTest: both languages and presenter mode, a short race end to end
(table, curves, baseline, evidence, downloads), results surviving a trip to another page, a race
left behind by an interrupted run shown as stopped, every control at its extremes and junk in
the URL. The default race itself (T = 50, 600 steps) is benchmarked in bench/bench_race.py."""

from __future__ import annotations

import math

import pytest

from rnn_core.race import RACE_TASKS
from tests.apptest_helpers import (
    assert_clean,
    figure_titles,
    figures,
    open_page,
)
from ui import race_runner as runner

PAGE = "pages/s5_lab.py"
QUICK = {"steps": 50, "length": 5}  # the smallest race the controls allow: a second or two
CONTROLS = {"slider": ("length", "steps"), "selectbox": ("hidden", "lr", "clip"), "radio": ("task",),
            "number_input": ("seed",)}


def _page(**params):
    return open_page(PAGE, timeout=180, **params)




def _race(at):
    at.button(key="_s5_start").click()
    at.run()
    assert_clean(at)
    return at


def _texts(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "info", "error", "success", "warning")
                     for el in at.get(kind))


def _widget(at, kind: str, key: str):
    """The control bound to ``?key=`` (ui.state shows it unbound, as ``key__unbound``, when
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
    text = _texts(at)
    assert ("No race yet" if lang == "en" else "Nenhuma corrida ainda") in text
    assert "1/6" in text and ("0.167" if lang == "en" else "0,167") in text  # the note on what to expect
    if present:  # the takeaway on top, the long explanations folded away
        assert ("stays stuck" if lang == "en" else "fica presa") in text
        assert len(at.expander) >= 2
    else:
        assert len(at.expander) == 0
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
    assert ("Race complete: 50 steps" if lang == "en" else "Corrida completa: 50 passos") in _texts(at)
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
    # the controls are unlocked again, and no Stop button is left over
    assert not any(w.disabled for w in at.slider) and [b.key for b in at.button] == ["_s5_start"]
    evidence = at.session_state["_evidence"]["s5"]
    assert evidence["task"] == "adding" and evidence["length"] == 5 and evidence["steps"] == 50
    assert evidence["status"] == "done" and evidence["baseline"] == pytest.approx(1 / 6)
    assert set(evidence["results"]) == {"rnn", "lstm", "gru"}
    for row in evidence["results"].values():
        assert math.isfinite(row["final_loss"]) and "solved_at_step" in row


@pytest.mark.parametrize("task", ["latch", "series"])
def test_classification_races_add_an_accuracy_chart(task):
    at = _race(_page(task=task, **QUICK))
    assert len(at.table[0].value) == 3 and "Final accuracy" in at.table[0].value.columns
    titles = figure_titles(at)
    assert len(titles) == 2 and titles[1].startswith("Training-batch accuracy")
    names = [tr.get("name") for tr in _lossfigure_titled(at)["data"]]
    assert any("log 2" in str(n) for n in names)
    assert at.session_state["_evidence"]["s5"]["baseline"] == pytest.approx(RACE_TASKS[task].baseline_loss)


def test_results_survive_another_page_and_flag_changed_controls():
    at = _race(_page(**QUICK))
    before = at.table[0].value
    at.switch_page("pages/s1_sequential.py")
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
    assert "controls changed" in _texts(at)  # … with a word that it used other settings


def test_a_race_interrupted_mid_run_is_shown_as_stopped():
    """What a Stop click leaves behind: the record still says "running" (the rerun went through the race)."""
    settings = {**runner.RACE_DEFAULTS, "length": 5, "steps": 400}
    record = runner.new_record(settings)

    def stop_at_30(step: int) -> None:
        if step >= 30:
            raise KeyboardInterrupt  # any exception through the callback, like Streamlit's rerun

    with pytest.raises(KeyboardInterrupt):
        runner.run(record, on_progress=stop_at_30, on_chart=lambda step: None)
    at = _page(length=5, steps=400)
    at.session_state["_s5_race"] = record
    at.run()
    assert_clean(at)
    table = at.table[0].value
    assert set(table["Steps trained"]) == {"30 of 400 (stopped)"}
    assert "Race stopped at step 30 of 400" in _texts(at)
    assert at.session_state["_evidence"]["s5"]["status"] == "stopped"
    assert at.session_state["_evidence"]["s5"]["steps_done"] == 30
    fig = _lossfigure_titled(at)
    assert fig["layout"]["xaxis"]["range"][1] <= 31  # zoomed on what was trained


@pytest.mark.slow
def test_race_at_the_extremes_of_the_cheap_controls():
    # biggest network, no clipping and the largest learning rate, on the shortest race
    at = _race(_page(hidden=128, lr=0.1, clip="inf", seed=999, **QUICK))
    assert len(at.table[0].value) == 3
    evidence = at.session_state["_evidence"]["s5"]
    assert evidence["hidden"] == 128 and evidence["clip"] is None and evidence["seed"] == 999
    assert evidence["results"]["lstm"]["params"] == runner.param_count("lstm", "adding", 128)
    # smallest network and learning rate, tightest clipping
    at = _race(_page(hidden=8, lr=0.001, clip=0.1, seed=0, **QUICK))
    assert at.session_state["_evidence"]["s5"]["results"]["rnn"]["params"] == runner.param_count("rnn", "adding", 8)


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
    if key == "task":
        return label
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
    assert "29 episódios" in _texts(at)  # the series note speaks of distances 1 … T − 1
