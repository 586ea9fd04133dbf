"""rnn_core.race: the lab race (station 5) and the live latch experiment (station 4). Timings are
benchmarks (bench/bench_race.py), not tests."""

from __future__ import annotations

import dataclasses

import pytest

import rnn_core.race as race_mod
from rnn_core.race import RACE_TASKS, race, train_latch
from rnn_core.tasks import ADDING_BASELINE_MSE


@pytest.mark.slow
def test_adding_T50_default_race():
    results = race("adding", length=50, steps=600, seed=0, hidden=32)
    by = {r.cell: r for r in results}
    assert [r.cell for r in results] == ["rnn", "lstm", "gru"]
    assert by["lstm"].final_loss < 0.01 and by["gru"].final_loss < 0.01
    assert by["rnn"].final_loss > 0.1  # stuck at the memoryless baseline 1/6
    assert by["rnn"].solved_at_step is None
    assert by["lstm"].solved_at_step is not None and by["gru"].solved_at_step is not None
    assert {r.params for r in results} == {1152 + 33, 4608 + 33, 3456 + 33}
    assert all(len(r.losses) == 600 and r.baseline == pytest.approx(ADDING_BASELINE_MSE) for r in results)


@pytest.mark.slow
def test_adding_T20_rnn_learns():
    (rnn,) = race("adding", length=20, steps=600, seed=0, cells=("rnn",))
    assert rnn.final_loss < 0.05


def test_race_shares_one_data_stream(monkeypatch):
    calls = []
    spec = RACE_TASKS["adding"]

    def counting(batch, length, gen):
        calls.append(length)
        return spec.sampler(batch, length, gen)

    monkeypatch.setitem(race_mod.RACE_TASKS, "adding", dataclasses.replace(spec, sampler=counting))
    race("adding", length=8, steps=5, batch=8)
    assert len(calls) == 5  # one batch per step, given to all three cells


def test_race_is_deterministic_and_stoppable():
    a = race("latch", length=6, steps=8, batch=16)
    b = race("latch", length=6, steps=8, batch=16)
    assert [r.losses for r in a] == [r.losses for r in b]
    steps_seen = []

    def cb(step, infos):
        steps_seen.append((step, sorted(infos)))
        return step < 3

    res = race("series", length=8, steps=50, batch=16, callback=cb)
    assert steps_seen[-1] == (3, ["gru", "lstm", "rnn"])
    assert all(r.stopped and len(r.losses) == 3 for r in res)
    assert all(len(r.accuracies) == 3 for r in res)
    d = res[0].as_dict()
    assert set(d) == {"cell", "final_loss", "solved_at_step", "seconds", "params"}
    with pytest.raises(ValueError):
        race("copy")


def test_latch_forget_bias():
    default = train_latch(0.0, length=30, steps=300, seed=0)
    biased = train_latch(1.0, length=30, steps=300, seed=0)
    assert default.solved_at_step is None and 0.4 < default.final_accuracy < 0.6
    assert biased.solved_at_step is not None and biased.solved_at_step <= 300
    assert biased.final_accuracy >= 0.99
    pytorch_default = train_latch(None, length=30, steps=300, seed=0)
    assert pytorch_default.solved_at_step is None


# --------------------------------------------------------------------------- race_verdict


def test_verdict_orders_solved_by_step_then_partial_then_baseline():
    from rnn_core.race import race_verdict

    base = ADDING_BASELINE_MSE
    v = race_verdict([("rnn", None, 0.166), ("lstm", 247, 0.004), ("gru", 127, 0.002)], base)
    assert [(x.cell, x.outcome, x.step) for x in v] == [("gru", "solved", 127), ("lstm", "solved", 247),
                                                         ("rnn", "baseline", None)]
    assert v[2].ratio == pytest.approx(0.166 / base)


def test_verdict_thresholds_and_edge_cases():
    from rnn_core.race import AT_BASELINE, race_verdict

    base = 0.693
    v = {x.cell: x for x in race_verdict([("rnn", None, AT_BASELINE * base), ("lstm", None, 0.5 * base),
                                          ("gru", None, float("nan"))], base)}
    assert v["rnn"].outcome == "baseline"  # exactly 90 % of the baseline: no better than no memory
    assert v["lstm"].outcome == "partial" and v["lstm"].ratio == pytest.approx(0.5)
    assert v["gru"].outcome == "diverged"
    assert race_verdict([("rnn", None, None)], base)[0].outcome == "baseline"  # stopped before step 1
    # solved wins whatever the loss (classification tasks are solved by accuracy)
    assert race_verdict([("gru", 65, 0.9)], base)[0].outcome == "solved"
    with pytest.raises(ValueError):
        race_verdict([("rnn", None, 0.1)], 0.0)


def test_verdict_of_a_real_short_race():
    from rnn_core.race import race_verdict

    results = race("adding", length=5, steps=30, batch=16)
    v = race_verdict([(r.cell, r.solved_at_step, r.final_loss) for r in results], results[0].baseline)
    assert sorted(x.cell for x in v) == ["gru", "lstm", "rnn"]
    for x, r in ((x, next(r for r in results if r.cell == x.cell)) for x in v):
        assert (x.outcome == "solved") == (r.solved_at_step is not None)
