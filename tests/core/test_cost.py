"""rnn_core.cost: parameter counts (formula = numel) and measured times per step (positive, finite)."""

from __future__ import annotations

import math

import pytest

from rnn_core.cost import MODES, build, dispatched_ops, measure_costs, param_counts, time_per_step


@pytest.mark.parametrize("kind,gates", [("rnn", 1), ("lstm", 4), ("gru", 3)])
@pytest.mark.parametrize("hidden,inp", [(32, 2), (32, 7), (16, 2), (5, 3)])
def test_param_count_formula_equals_numel(kind, gates, hidden, inp):
    count = param_counts(kind, hidden, inp)
    assert count.gates == gates
    assert count.formula == gates * (hidden * inp + hidden * hidden + 2 * hidden)
    assert count.numel == count.formula
    assert count.numel == sum(p.numel() for p in build(kind, hidden=hidden, input_size=inp).parameters())


def test_design_numbers():
    # DESIGN.md: h = 32, x = 2 → 1,152 / 4,608 / 3,456; the series models (x = 7) → 5,248 / 3,936
    assert [param_counts(k, 32, 2).numel for k in ("rnn", "lstm", "gru")] == [1152, 4608, 3456]
    assert param_counts("lstm", 32, 7).numel == 5248 and param_counts("gru", 32, 7).numel == 3936
    assert param_counts("gru", 32, 7).numel / param_counts("lstm", 32, 7).numel == pytest.approx(0.75)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_time_per_step_positive_and_finite(kind, mode):
    seconds = time_per_step(kind, mode, length=10, repeats=2)
    assert math.isfinite(seconds) and seconds > 0
    assert seconds < 0.1  # a 32-unit cell step takes microseconds, not tenths of a second


def test_bad_arguments():
    with pytest.raises(ValueError):
        time_per_step("lstm", "warp")
    with pytest.raises(ValueError):
        time_per_step("lstm", length=0)
    with pytest.raises(ValueError):
        build("transformer")


def test_op_count_shows_the_kernels():
    lstm, gru = dispatched_ops("lstm", length=20), dispatched_ops("gru", length=20)
    assert lstm.total > 0 and gru.total > 0
    assert lstm.per_step == pytest.approx(lstm.total / 20)
    # nn.GRU runs ATen's generic loop: several operators every step
    assert gru.per_step >= 3
    # the generic loop's count grows with the length; oneDNN's single call does not
    assert dispatched_ops("gru", length=40).total > gru.total + 20 * 3
    if lstm.onednn:  # float32 LSTM on a CPU build with oneDNN: one call for the whole sequence
        assert dispatched_ops("lstm", length=40).total == lstm.total
        assert lstm.total < gru.total / 10


def test_measure_costs_rows():
    rows = measure_costs(length=10, repeats=2)
    assert [r.kind for r in rows] == ["lstm", "gru"]
    for row in rows:
        assert set(row.ms_per_step) == set(MODES)
        assert all(math.isfinite(v) and v > 0 for v in row.ms_per_step.values())
        assert row.params.numel == row.params.formula and row.length == 10 and row.batch == 1
