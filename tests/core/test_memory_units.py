"""rnn_core.memory_units against hand-computed values, and on the real pretrained models."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from rnn_core import memory_units as mu
from rnn_core.cells import trace
from rnn_core.model_card import accuracy_card


def test_dprime_by_hand():
    # one unit, two series of T = 3 with the key event at step 0: steps 1 and 2 are pooled
    states = np.array([[[9.0], [1.0], [3.0]],    # sad: values 1, 3 → mean 2, var 1
                       [[9.0], [4.0], [8.0]]])   # happy: values 4, 8 → mean 6, var 4
    d = mu.dprime(states, np.array([0, 1]), np.array([0, 0]))
    assert d[0] == pytest.approx((6 - 2) / np.sqrt((1 + 4) / 2))  # 2.5298…
    unit, d2 = mu.pick_memory_unit(np.concatenate([states, -2 * states], axis=2), np.array([0, 1]), np.array([0, 0]))
    assert unit == 0 and d2[1] == pytest.approx(-d[0])  # |d′| ties: scaling does not change d′, the sign flips


def test_dprime_ignores_steps_before_the_key_and_dead_units():
    states = np.zeros((2, 4, 2))
    states[0, 2:, 0], states[1, 2:, 0] = [-1.0, -3.0], [1.0, 3.0]
    states[:, :2, 0] = 100.0  # before the key event (key at step 1: steps 0 and 1 are left out)
    d = mu.dprime(states, np.array([0, 1]), np.array([1, 1]))
    assert d[0] == pytest.approx(4 / 1.0) and d[1] == 0.0
    with pytest.raises(ValueError):
        mu.dprime(states, np.array([0, 0]), np.array([1, 1]))  # no happy series


def test_planted_unit_is_found():
    rng = np.random.default_rng(0)
    n, t, h = 200, 12, 5
    labels, keys = rng.integers(0, 2, n), rng.integers(0, t - 2, n)
    states = rng.normal(0, 1, (n, t, h))
    states[..., 3] += np.where(np.arange(t)[None, :] > keys[:, None], np.where(labels[:, None] == 1, 2.0, -2.0), 0.0)
    unit, d = mu.pick_memory_unit(states, labels, keys)
    assert unit == 3 and d[3] > 3 and np.all(np.abs(np.delete(d, 3)) < 1)


def test_lstm_facts_by_hand():
    # T = 4, key at 1; f = 0.5 everywhere: belt keeps 0.5 · 0.5 of c_key (steps 2 and 3)
    gates = {"forget": np.full(4, 0.5), "input": np.array([0.1, 0.9, 0.1, 0.3]),
             "candidate": np.array([1.0, 1.0, 0.0, 0.0]), "output": np.array([0.2, 0.2, 0.4, 0.8])}
    cell = np.array([0.1, 0.95, 0.475, -0.2])
    f = mu.lstm_unit_facts(gates, cell, key=1)
    assert f.forget_after == pytest.approx(0.5) and f.belt_keeps == pytest.approx(0.25)
    assert f.input_key == pytest.approx(0.9) and f.input_else == pytest.approx((0.1 + 0.1 + 0.3) / 3)
    assert f.input_next == pytest.approx(0.1)
    assert f.output_final == pytest.approx(0.8) and f.output_before == pytest.approx(0.4)  # ordinary step 2 only
    # share rewritten after the key: step 2 |0.1·0| / (|0.5·0.95| + 0) = 0; step 3 |0.3·0| = 0
    assert f.rewrite_share == pytest.approx(0.0)
    assert f.settled_at == 3 and f.cell_key == pytest.approx(0.95) and f.cell_final == pytest.approx(-0.2)


def test_gru_facts_by_hand():
    z = np.array([0.5, 0.5, 0.9, 0.8, 0.7, 0.6])
    f = mu.gru_unit_facts({"reset": np.full(6, 0.2), "update": z, "candidate": np.zeros(6)},
                          np.array([0.0, -0.5, 0.8, 0.9, 0.9, 0.95]), key=1)
    assert f.keep_after == pytest.approx((0.9 + 0.8 + 0.7) / 3)
    assert f.keep_product == pytest.approx(0.9 * 0.8 * 0.7 * 0.6)
    assert f.update_key == pytest.approx(0.5) and f.reset_after == pytest.approx(0.2)
    assert f.settled_at == 2 and f.hidden_final == pytest.approx(0.95)


def test_settled_at():
    assert mu.settled_at(np.array([1.0, 2.0])) == 0
    assert mu.settled_at(np.array([1.0, -2.0, 3.0, 4.0])) == 2


class _Tiny(torch.nn.Module):
    """A SequenceModel-shaped LSTM/GRU (``.rnn``, ``step_outputs``) with fixed weights."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.rnn = (torch.nn.LSTM if kind == "lstm" else torch.nn.GRU)(3, 4, batch_first=True)
        self.readout = torch.nn.Linear(4, 2)

    def step_outputs(self, x):
        return self.readout(self.rnn(x)[0])


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_unit_steps_are_the_trace_at_every_step(kind):
    model = _Tiny(kind)
    x = torch.randn(1, 6, 3, generator=torch.Generator().manual_seed(1))
    run = mu.run_timeline(model, x)
    s = mu.unit_steps(run, 2)
    tr = trace(model.rnn, x)
    state = (tr.cell if tr.cell is not None else tr.hidden)[0, :, 2].numpy()
    assert len(s) == 6 and s.unit == 2
    np.testing.assert_allclose(s.state_after, state, rtol=0, atol=1e-7)
    assert s.state_before[0] == 0 and np.allclose(s.state_before[1:], state[:-1])
    for name, values in tr.gates.items():
        np.testing.assert_allclose(s.gates[name], values[0, :, 2].numpy(), atol=1e-7)
        np.testing.assert_allclose(s.gate_means[name], values[0].numpy().mean(axis=1), atol=1e-6)
    with torch.no_grad():
        belief = torch.softmax(model.step_outputs(x), -1)[0, :, mu.HAPPY].numpy()
    np.testing.assert_allclose(s.belief, belief, atol=1e-7)
    assert run.p_happy == pytest.approx(float(belief[-1]))


def test_pretrained_memory_units_are_found_and_far_from_textbook():
    from rnn_core.pretrained import load_pretrained

    lstm = mu.find_memory_unit(load_pretrained("series_moods_lstm"))
    gru = mu.find_memory_unit(load_pretrained("series_moods_gru"))
    assert abs(lstm.dprime) > 3 and abs(gru.dprime) > 3  # a clear separation of the two moods
    assert lstm.hidden == gru.hidden == 32 and gru.forget_after is None
    assert len(lstm.forget_after) == 32 and max(lstm.forget_after) < 0.9  # no unit keeps f near 1 (issue 10 §2)


def test_accuracy_card():
    entry = {"metrics": {"min_accuracy_d1_30": 0.98, "accuracy_by_distance": {"5": 1.0, "31": 0.9, "90": 0.7,
                                                                              "91": 0.0, "x": 1}},
             "train_seconds": 4.5, "hyperparameters": {"steps": 1000}}
    card = accuracy_card(entry)
    assert card.near == 0.98 and card.far == pytest.approx(0.8) and card.seconds == 4.5 and card.steps == 1000
    assert accuracy_card(None) == accuracy_card({}) == accuracy_card({"metrics": "junk"})
    assert accuracy_card({}).near is None


def test_dprime_of_a_perfect_constant_memory_is_infinite():
    states = np.zeros((2, 3, 2))
    states[0, 1:, 0], states[1, 1:, 0] = -1.0, 1.0  # constant within each mood, different between them
    d = mu.dprime(states, np.array([0, 1]), np.array([0, 0]))
    assert d[0] == np.inf and d[1] == 0.0
    assert mu.pick_memory_unit(states, np.array([0, 1]), np.array([0, 0]))[0] == 0
