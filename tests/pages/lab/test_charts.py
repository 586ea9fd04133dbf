"""Station 5 builders and the shared race without Streamlit: curves, baseline, solved stars,
NaN losses from a run that exploded, the results table in both languages, and the race as a
shared job: bit-identical to a private ``rnn_core.race.race``, immutable snapshots, cancellation."""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np
import pandas as pd
import pytest

from pages.lab import charts
from pages.lab import evidence as lab_evidence
from pages.lab import texts as _texts
from pages.lab.evidence import Station5
from rnn_core.race import RACE_TASKS, race
from rnn_core.tasks import ADDING_BASELINE_MSE
from rnn_core.training import smoothed
from services import jobs
from services import race_runner as runner
from ui.shell.catalogs import in_language, owner
from ui.shell.theme import MODEL_COLORS

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")

LABELS = {"rnn": "tanh RNN", "lstm": "LSTM", "gru": "GRU"}
LOSS_TEXTS = {"title": "Training loss", "x_title": "training step", "y_title": "loss (MSE, log scale)",
              "baseline_name": "memoryless baseline: MSE 1/6", "threshold_name": "solved: MSE < 0.01",
              "solved": "{model} solved it at step {step}", "exploded": "{model} exploded at step {step}",
              "hover": "{model}, step {step}: {loss}"}
ACC_TEXTS = {"title": "Accuracy", "x_title": "training step", "y_title": "accuracy", "chance_name": "chance",
             "threshold_name": "solved", "solved": "{model} solved it at step {step}", "hover": "{model} {step} {acc}"}
TABLE_KEYS = ("col_model", "col_final_loss", "col_vs_baseline", "col_accuracy", "col_solved", "col_steps",
              "col_seconds", "col_params", "never", "not_yet", "stopped", "finished", "exploded")


def _curves(n: int = 100, *, accuracy: bool = False) -> dict:
    rng = np.random.default_rng(0)
    steps = np.arange(1, n + 1)
    curves = {
        "rnn": {"loss": list(1 / 6 + 0.01 * rng.standard_normal(n))},
        "lstm": {"loss": list(1 / 6 * np.exp(-steps / 15) + 1e-4)},
        "gru": {"loss": list(1 / 6 * np.exp(-steps / 10) + 1e-4)},
    }
    if accuracy:
        for cell, c in curves.items():
            c["accuracy"] = list(np.clip(0.5 + (0 if cell == "rnn" else 1) * steps / n, 0, 1))
    return curves


def _texts(catalog: dict) -> dict:
    return {key: catalog[f"lab.{key}"] for key in TABLE_KEYS}


def _trace(fig, name: str):
    return next(tr for tr in fig.data if tr.name == name)


# --------------------------------------------------------------------------- numbers and smoothing


def test_smooth_is_the_trailing_mean_of_rnn_core():
    values = list(np.random.default_rng(1).random(57))
    assert np.allclose(charts.smooth(values), smoothed(values))
    assert np.allclose(charts.smooth(values, 5), smoothed(values, 5))
    assert charts.smooth([]).size == 0


@pytest.mark.parametrize(("value", "lang", "text"), [
    (0.16666, "en", "0.167"), (0.16666, "pt", "0,167"), (3.3e-3, "en", "0.00330"), (3.3e-4, "en", "0.000330"), (3.3e-5, "en", "3.30 × 10⁻⁵"), (2.5e-6, "en", "2.50 × 10⁻⁶"),
    (math.nan, "en", "NaN"), (math.inf, "en", "∞"), (None, "en", "—"), (0.0, "pt", "0"),
])
def test_number_formats(value, lang, text):
    assert charts.num(value, lang) == text


def test_percent_seconds_and_settings():
    assert charts.percent(0.994) == "99%" and charts.percent(0.994, "pt") == "99 %"
    assert charts.percent(0.0076, "pt") == "0,8 %"
    assert charts.percent(2e-6) == "< 0.1%"
    assert charts.percent(None) == "—" and charts.percent(math.nan) == "—"
    assert charts.seconds(7.18, "pt") == "7,2 s" and charts.seconds(None) == "—"
    assert charts.setting(0.02, "pt") == "0,02" and charts.setting(math.inf) == "∞" and charts.setting(1.0) == "1"


def test_log_range_is_at_least_a_decade_and_ignores_junk():
    lo, hi = charts.log_range([[0.1, 0.12, math.nan, 0, -1, math.inf]])
    assert hi - lo == pytest.approx(1.0)
    lo, hi = charts.log_range([[1e-4, 1.0]])
    assert lo < -4 and hi > 0
    assert charts.log_range([[math.nan]]) == (-1.0, 1.0)


# --------------------------------------------------------------------------- figures


def test_loss_figure_has_curves_baseline_threshold_and_stars():
    curves = _curves()
    fig = charts.loss_figure(curves, labels=LABELS, texts=LOSS_TEXTS, baseline=ADDING_BASELINE_MSE,
                             baseline_label="1/6", total_steps=600, threshold=0.01, solved={"gru": 40, "lstm": None})
    names = [tr.name for tr in fig.data]
    for cell, label in LABELS.items():
        line = _trace(fig, label)
        assert line.line.color == MODEL_COLORS[cell]
        assert len(line.x) == 100 and line.x[0] == 1
        assert np.allclose(line.y, charts.smooth(curves[cell]["loss"]))
        assert f"{label} (batch)" in names
    baseline = _trace(fig, "memoryless baseline: MSE 1/6")
    assert list(baseline.y) == [pytest.approx(1 / 6)] * 2 and baseline.line.color == MODEL_COLORS["baseline"]
    assert list(baseline.x) == [1, 600]
    assert any(a.text == "<b>1/6</b>" for a in fig.layout.annotations)
    assert _trace(fig, "solved: MSE < 0.01").y[0] == 0.01
    star = _trace(fig, "GRU solved it at step 40")
    assert star.x[0] == 40 and star.marker.symbol == "star"
    assert not any("LSTM solved" in str(n) for n in names)
    layout = fig.layout
    assert layout.yaxis.type == "log" and layout.yaxis.title.text == "loss (MSE, log scale)"
    assert layout.xaxis.title.text == "training step" and layout.title.text == "Training loss"
    assert tuple(layout.xaxis.range) == (0, 601)  # fixed: the live chart fills from the left


def test_live_figure_without_batch_lines_and_before_the_first_step():
    fig = charts.loss_figure({c: {"loss": []} for c in LABELS}, labels=LABELS, texts=LOSS_TEXTS,
                             baseline=math.log(2), baseline_label="log 2", total_steps=50, raw=False)
    assert not any("(batch)" in str(tr.name) for tr in fig.data)
    assert _trace(fig, "memoryless baseline: MSE 1/6").y[0] == pytest.approx(math.log(2))
    fig.to_json()  # serialisable with empty curves


def test_exploded_run_leaves_a_gap_and_a_marker_not_an_error():
    curves = _curves(30)
    curves["rnn"]["loss"] = curves["rnn"]["loss"][:12] + [math.nan]
    fig = charts.loss_figure(curves, labels=LABELS, texts=LOSS_TEXTS, baseline=1 / 6, baseline_label="1/6",
                             total_steps=30, exploded={"rnn": 13})
    line = _trace(fig, "tanh RNN")
    assert np.isnan(line.y[-1]) and np.isfinite(line.y[:-1]).all()
    assert any("exploded at step 13" in a.text for a in fig.layout.annotations)
    assert all(math.isfinite(v) for v in fig.layout.yaxis.range)
    fig.to_json()


def test_accuracy_figure_has_chance_and_threshold():
    fig = charts.accuracy_figure(_curves(accuracy=True), labels=LABELS, texts=ACC_TEXTS, total_steps=100,
                                 solved={"lstm": 60})
    assert _trace(fig, "chance").y[0] == 0.5 and _trace(fig, "solved").y[0] == 0.99
    assert _trace(fig, "LSTM").line.color == MODEL_COLORS["lstm"]
    assert _trace(fig, "LSTM solved it at step 60").x[0] == 60
    assert fig.layout.yaxis.tickformat == ".0%"


def test_curves_frame_long_format():
    frame = charts.curves_frame(_curves(10, accuracy=True), LABELS)
    assert list(frame.columns) == ["model", "label", "step", "loss", "loss_mean20", "accuracy", "accuracy_mean20"]
    assert len(frame) == 30 and frame["step"].min() == 1 and frame["step"].max() == 10
    assert charts.curves_frame({}, LABELS).empty


# --------------------------------------------------------------------------- table


def _rows(stopped_at: int | None = None) -> list[dict]:
    return [
        {"cell": "rnn", "final_loss": 0.1657, "solved_at_step": None, "seconds": 7.18, "params": 1185, "steps": 600,
         "exploded_at": None},
        {"cell": "lstm", "final_loss": 0.00127, "solved_at_step": 247, "seconds": 7.78, "params": 4641, "steps": 600,
         "exploded_at": None},
        {"cell": "gru", "final_loss": math.nan, "solved_at_step": None, "seconds": 1.5, "params": 3489, "steps": 40,
         "exploded_at": 40},
    ]


@pytest.mark.parametrize(("catalog", "lang"), [(EN, "en"), (PT, "pt")])
def test_results_table_in_both_languages(catalog, lang):
    texts = _texts(catalog)
    table = charts.results_table(_rows(), labels=LABELS, texts=texts, lang=lang, total_steps=600,
                                 baseline=ADDING_BASELINE_MSE)
    assert list(table.columns) == [texts[k] for k in ("col_model", "col_final_loss", "col_vs_baseline", "col_solved",
                                                      "col_steps", "col_seconds", "col_params")]
    rnn, lstm, gru = (table.iloc[i] for i in range(3))
    assert rnn[texts["col_solved"]] == texts["never"]
    assert rnn[texts["col_vs_baseline"]] == ("99 %" if lang == "pt" else "99%")
    assert lstm[texts["col_solved"]] == "247"
    assert lstm[texts["col_params"]] == ("4.641" if lang == "pt" else "4,641")
    assert lstm[texts["col_final_loss"]] == ("0,00127" if lang == "pt" else "0.00127")
    assert gru[texts["col_final_loss"]] == texts["exploded"].format(step=40)
    assert gru[texts["col_vs_baseline"]] == "—"


def test_results_table_of_a_stopped_classification_race():
    texts = _texts(EN)
    rows = [dict(r, final_accuracy=a) for r, a in zip(_rows(), (0.5, 1.0, None), strict=True)]
    rows[0]["steps"] = rows[1]["steps"] = 212
    table = charts.results_table(rows, labels=LABELS, texts=texts, total_steps=600, stopped=True,
                                 classification=True)
    assert table.iloc[0]["Solved at step"] == "not yet"
    assert table.iloc[0]["Steps trained"] == "212 of 600 (stopped)"
    assert table.iloc[0]["Final accuracy"] == "50.0%" and table.iloc[1]["Final accuracy"] == "100.0%"
    assert table.iloc[2]["Solved at step"] == "never"  # exploded: not "not yet"
    assert "Loss ÷ baseline" not in table.columns


# --------------------------------------------------------------------------- the race record


def _settings(**over) -> runner.Settings:
    return runner.Settings.of({"task": "adding", "length": 8, "steps": 30, "seed": 0, "hidden": 8, "lr": 0.02,
                               "clip": 1.0, "batch": 16, **over})


class _Progress:
    """Stands in for ``services.jobs.Progress``: keeps every snapshot, cancels after ``cancel_at`` steps."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.snapshots: list[runner.RaceState] = []
        self.cancel_at = cancel_at

    def publish(self, snapshot) -> None:
        self.snapshots.append(snapshot)

    @property
    def cancelled(self) -> bool:
        return self.cancel_at is not None and bool(self.snapshots) and self.snapshots[-1].step >= self.cancel_at


def test_race_defaults_come_from_rnn_core():
    assert runner.RACE_DEFAULTS == {"task": "adding", "length": 50, "steps": 600, "seed": 0, "hidden": 32,
                                    "lr": 0.02, "clip": 1.0, "batch": 128}


def test_settings_key_is_every_setting_and_infinite_clip_is_none():
    s = _settings(clip=math.inf)
    assert s.clip is None and s.key() == ("race", "adding", 8, 30, 0, 8, 0.02, None, 16)
    assert runner.Settings.of(s.as_dict()) == s
    assert _settings(seed=1).key() != s.key()


TRAINERS = [pytest.param(runner.train, id="thread"), pytest.param(runner.train_apart, id="process")]


@pytest.mark.parametrize("train", TRAINERS)
@pytest.mark.parametrize("task", list(RACE_TASKS))
def test_shared_race_is_bit_identical_to_a_private_race(task, train):
    settings = _settings(task=task)
    progress = _Progress()
    final = train(settings, progress, publish_every=10)
    private = {r.cell: r for r in race(**settings.as_dict())}  # same seed: the very same race
    assert final.status == "done" and final.step == 30
    for cell in runner.CELLS:
        assert list(final.curves[cell].loss) == private[cell].losses  # exactly, not approximately
        assert list(final.curves[cell].accuracy) == private[cell].accuracies
        assert final.params[cell] == private[cell].params == runner.param_count(cell, task, 8)
    for row in runner.results(final):
        ref = private[row["cell"]]
        assert row["final_loss"] == ref.final_loss and row["solved_at_step"] == ref.solved_at_step
        assert row["steps"] == 30 and ("final_accuracy" in row) == (task != "adding")
    assert final.baseline == RACE_TASKS[task].baseline_loss
    json.dumps(runner.export(final))
    evidence = lab_evidence.from_race(final)
    assert isinstance(evidence, Station5) and set(evidence.results) == {"rnn", "lstm", "gru"}
    assert evidence.task == task and evidence.status == "done" and evidence.steps_done == 30


@pytest.mark.parametrize("train", TRAINERS)
def test_snapshots_are_immutable_prefixes_of_the_final_race(train):
    progress = _Progress()
    final = train(_settings(steps=30), progress, publish_every=10)
    assert [s.step for s in progress.snapshots] == [0, 10, 20]
    for snap in progress.snapshots:
        assert snap.status == "running"
        for cell in runner.CELLS:
            assert isinstance(snap.curves[cell].loss, tuple) and len(snap.curves[cell].loss) == snap.step
            assert snap.curves[cell].loss == final.curves[cell].loss[: snap.step]  # untouched by later steps
    with pytest.raises(dataclasses.FrozenInstanceError):
        final.step = 3  # type: ignore[misc]


def test_a_cancelled_race_stops_early_and_upto_freezes_a_prefix():
    final = runner.train(_settings(steps=200), _Progress(cancel_at=20), publish_every=10)
    assert final.status == "stopped" and final.step == 20
    assert all(len(final.curves[c].loss) == 20 for c in runner.CELLS)
    assert all(r["steps"] == 20 for r in runner.results(final))
    earlier = final.upto(7)
    assert earlier.status == "stopped" and earlier.step == 7
    assert earlier.curves["lstm"].loss == final.curves["lstm"].loss[:7]
    done = runner.train(_settings(steps=20))
    assert done.upto(20) is done and done.upto(5).status == "stopped"


def test_a_race_in_its_own_process_stops_when_asked_a_few_steps_later_at_most():
    """The child learns of the stop at its next step (the server asks at least every 0.2 s): it
    stops soon after step 20, and what it trained is exactly the private race's prefix."""
    final = runner.train_apart(_settings(steps=300), _Progress(cancel_at=20), publish_every=10)
    assert final.status == "stopped" and 20 <= final.step < 300
    private = {r.cell: r.losses for r in race(**_settings(steps=300).as_dict())}
    for cell in runner.CELLS:
        assert list(final.curves[cell].loss) == private[cell][: final.step]
    assert sum(final.seconds.values()) > 0 and final.params == {c: runner.param_count(c, "adding", 8) for c in runner.CELLS}


def test_a_shared_race_trains_in_a_child_process_unless_switched_off(monkeypatch):
    calls = []
    monkeypatch.setattr(runner, "train_apart", lambda s, p: calls.append("process") or runner.train(s, p))
    monkeypatch.setattr(runner, "train", lambda s, p, _train=runner.train: calls.append("thread") or _train(s, p))
    monkeypatch.setattr(jobs, "JOBS", jobs.JobBoard(slots=1))
    for value, settings in (("1", _settings(steps=5)), ("0", _settings(steps=6))):
        monkeypatch.setenv("RNN_LAB_RACE_PROCESS", value)
        assert runner.submit(settings).wait(120)
    assert calls == ["process", "thread", "thread"]


def test_the_job_board_shares_one_race_between_two_requests():
    board = jobs.JobBoard(slots=1)
    settings = _settings(steps=20)
    a = board.submit(settings.key(), lambda progress: runner.train(settings, progress))
    b = board.submit(settings.key(), lambda progress: runner.train(settings, progress))
    assert a is b and a.wait(120) and a.status == "done"
    private = {r.cell: r.losses for r in race(**settings.as_dict())}
    assert {c: list(a.result.curves[c].loss) for c in runner.CELLS} == private
    assert board.submit(settings.key(), lambda progress: None) is a  # a later request: the replay


def test_explosion_is_flagged_and_evidence_keeps_no_nan():
    final = runner.train(_settings(lr=0.1, clip=math.inf, steps=10))
    state = dataclasses.replace(final, exploded_at={"rnn": 3, "lstm": None, "gru": None})
    assert runner.results(state)[0]["exploded_at"] == 3
    assert isinstance(pd.DataFrame(runner.results(state)), pd.DataFrame)
    nan_state = dataclasses.replace(final, curves={**final.curves, "gru": runner.Curve((math.nan,) * 10)})
    assert lab_evidence.from_race(nan_state).results["gru"].final_loss is None


def test_catalog_keys_match():
    assert EN.keys() == PT.keys()
    assert {owner(k) for k in EN} == {"lab"}


def test_a_race_nobody_looks_at_any_more_stops_training(monkeypatch):
    """A watcher that closed the tab never presses Stop: after IDLE_SECONDS without a page showing
    the race, the training stops (a private run without a board never does)."""
    monkeypatch.setattr(runner, "IDLE_SECONDS", -1.0)
    final = runner.train(_settings(steps=200), _Progress(), publish_every=10)
    assert final.status == "stopped" and final.step == 1
    assert runner.train(_settings(steps=5)).status == "done"  # no progress: nothing to watch
    apart = runner.train_apart(_settings(steps=300), _Progress(), publish_every=10)
    assert apart.status == "stopped" and 1 <= apart.step < 300
    assert runner.train_apart(_settings(steps=5)).status == "done"
