"""rnn_core.mechanism: where an LSTM keeps its memory, measured and tested by intervention.

Hand-built LSTMs with a known mechanism (a pure belt; a pure loop h → g → c) must be reported as
such, and the shipped models must show what station 4 says about them.
"""

from __future__ import annotations

import copy

import pytest
import torch

from rnn_core import mechanism as M
from rnn_core.cells import trace
from rnn_core.models import BELT_ONLY, SequenceModel
from rnn_core.pretrained import load_manifest, load_pretrained
from rnn_core.tasks import EPISODE_KINDS, MOODS, SERIES_INPUT_SIZE, series_stream
from rnn_core.training import train

KEY = EPISODE_KINDS.index("key")
ORD1 = EPISODE_KINDS.index("ordinary1")
SAD = len(EPISODE_KINDS) + MOODS.index("sad")
HAPPY = len(EPISODE_KINDS) + MOODS.index("happy")
BIG = 20.0


def _hand_built(recurrent_candidate: float) -> SequenceModel:
    """A 2-unit LSTM on the series features; unit 1 does nothing (all weights 0, c stays 0).

    ``recurrent_candidate == 0``: the **belt**. Unit 0 writes the key mood (i = 1, f = 0 at the
    key event; g = tanh(3 (happy − sad))) and then keeps it: f = σ(20) ≈ 1, i = σ(−6) ≈ 0.0025
    (a trickle of the ordinary episodes' moods, so the sad and happy states are not constant and
    d′ is finite).
    ``recurrent_candidate > 0``: the **loop**. f = 0 and i = 1 at every step, so c_t = g_t, and
    g_t = tanh(10 (happy − sad) + u h_{t-1} + 0.5 [ordinary1]) writes back what h carries
    (for the simple series, where only the key event has a mood).
    Output gate open (o = 1); readout logits = (−10 h_0, +10 h_0).
    """
    m = SequenceModel("lstm", SERIES_INPUT_SIZE, 2, 2)
    h = 2
    rows = {"i": 0, "f": h, "g": 2 * h, "o": 3 * h}  # unit 0's row of each gate
    with torch.no_grad():
        for p in m.parameters():
            p.zero_()
        w, u, b = m.rnn.weight_ih_l0, m.rnn.weight_hh_l0, m.rnn.bias_ih_l0
        b[rows["o"]] = BIG
        if recurrent_candidate == 0:
            b[rows["i"]], w[rows["i"], KEY] = -6.0, 2 * BIG
            b[rows["f"]], w[rows["f"], KEY] = BIG, -2 * BIG
            w[rows["g"], HAPPY], w[rows["g"], SAD] = 3.0, -3.0
        else:
            b[rows["i"]], b[rows["f"]] = BIG, -BIG
            w[rows["g"], HAPPY], w[rows["g"], SAD] = 10.0, -10.0
            w[rows["g"], ORD1] = 0.5
            u[rows["g"], 0] = recurrent_candidate
        m.readout.weight[0, 0], m.readout.weight[1, 0] = -10.0, 10.0
    return m.eval()


def test_replay_without_interventions_is_trace():
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(SERIES_INPUT_SIZE, 8, batch_first=True).double()
    b = M.memory_batch(32, 12, seed=5)
    rep = M.replay(lstm, b.x.double(), b.key_position)
    tr = trace(lstm, b.x.double())
    assert torch.allclose(rep.hidden, tr.hidden, atol=1e-12)
    assert torch.allclose(rep.cell, tr.cell, atol=1e-12)
    for name in M.GATES:
        assert torch.allclose(rep.gates[name], tr.gates[name], atol=1e-12)


def test_replay_forces_values_only_after_the_key_event():
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(SERIES_INPUT_SIZE, 4, batch_first=True)
    b = M.memory_batch(16, 10, seed=2)
    g_bar = torch.full((4,), 0.25)
    rep = M.replay(lstm, b.x, b.key_position, forget=0.0, forget_units=[1], candidate=g_bar)
    clean = M.replay(lstm, b.x, b.key_position)
    for row, key in enumerate(b.key_position.tolist()):
        after = slice(key + 1, None)
        assert torch.all(rep.gates["forget"][row, after, 1] == 0)
        assert torch.all(rep.gates["candidate"][row, after] == 0.25)
        assert torch.equal(rep.hidden[row, : key + 1], clean.hidden[row, : key + 1])  # untouched before
        assert torch.equal(rep.gates["forget"][row, after, 0], rep.gates["forget"][row, after, 0])
    with pytest.raises(ValueError, match="unknown gates"):
        M.replay(lstm, b.x, b.key_position, recurrent=torch.zeros(4), recurrent_gates=("forgot",))
    with pytest.raises(ValueError, match="LSTM"):
        M.replay(torch.nn.GRU(SERIES_INPUT_SIZE, 4, batch_first=True), b.x, b.key_position)


def test_hand_built_belt_is_reported_as_belt():
    rep = M.mechanism_report(_hand_built(0.0))
    assert rep.unit == 0 and abs(rep.dprime) > 5
    assert rep.forget_after > 0.999 and rep.input_after < 0.003
    assert rep.input_key > 0.999 and rep.rewrite_share < 0.003
    assert rep.accuracy == 1.0
    assert rep.ablations["belt_only"] == 1.0  # nothing travels through h anyway
    assert rep.ablations["candidate_loop_cut"] == 1.0
    for cut in ("forget0_unit", "forget0_all"):  # cut the belt: the final answer is a coin flip
        assert abs(rep.ablations[cut] - M.CHANCE) < 0.1, (cut, rep.ablations)
    assert rep.on_belt
    assert rep.as_dict()["on_belt"] is True
    assert set(rep.ablations) == set(M.INTERVENTIONS)
    assert (rep.n, rep.length, rep.seed) == (M.MEMORY_BATCH["n"], M.MEMORY_BATCH["length"], M.MEMORY_BATCH["seed"])


def test_hand_built_loop_is_reported_as_loop():
    model = _hand_built(5.0)
    rep = M.mechanism_report(model, M.memory_batch(moods=False))
    assert rep.unit == 0 and rep.seed is None
    assert rep.forget_after < 1e-6 and rep.input_after > 0.999 and rep.rewrite_share > 0.999
    assert abs(rep.candidate_dprime) > 5  # the candidate carries the key mood
    assert rep.recurrent_norms["candidate"] == pytest.approx(5.0)
    assert rep.accuracy == 1.0
    assert rep.ablations["forget0_all"] == 1.0  # f is 0 already: nothing rides on the belt
    for cut in ("candidate_loop_cut", "belt_only"):  # without h the memory is gone
        assert abs(rep.ablations[cut] - M.CHANCE) < 0.1, (cut, rep.ablations)
    assert not rep.on_belt


def test_report_rejects_non_lstm():
    with pytest.raises(ValueError, match="LSTM"):
        M.mechanism_report(SequenceModel("gru", SERIES_INPUT_SIZE, 4, 2))


def test_frozen_recurrent_rows_stay_zero_through_training_and_copies():
    torch.manual_seed(0)
    m = SequenceModel("lstm", SERIES_INPUT_SIZE, 8, 2, frozen_recurrent=("candidate",))
    u = m.rnn.weight_hh_l0
    assert torch.all(u[16:24] == 0) and torch.any(u[:16] != 0)
    twin = copy.deepcopy(m)
    train(twin, series_stream(16, max_distance=5, max_prefix=2, moods=True), steps=5, lr=0.05, seed=0)
    assert torch.all(twin.rnn.weight_hh_l0[16:24] == 0)
    assert not torch.equal(twin.rnn.weight_hh_l0[:16], u[:16])  # the free rows did learn
    fresh = SequenceModel("lstm", SERIES_INPUT_SIZE, 8, 2, frozen_recurrent=("candidate",))
    fresh.load_state_dict(twin.state_dict())
    x = torch.randn(3, 6, SERIES_INPUT_SIZE)
    assert torch.allclose(trace(fresh.rnn, x).hidden, fresh.rnn(x)[0], atol=1e-5)
    belt = SequenceModel("lstm", SERIES_INPUT_SIZE, 8, 2, frozen_recurrent=BELT_ONLY)
    assert torch.all(belt.rnn.weight_hh_l0 == 0)
    with pytest.raises(ValueError, match="LSTM only"):
        SequenceModel("gru", SERIES_INPUT_SIZE, 8, 2, frozen_recurrent=("candidate",))
    with pytest.raises(ValueError, match="unknown LSTM gates"):
        SequenceModel("lstm", SERIES_INPUT_SIZE, 8, 2, frozen_recurrent=("memory",))


@pytest.fixture(scope="module")
def shipped():
    return {name: M.mechanism_report(load_pretrained(name)) for name in ("series_moods_lstm", "series_moods_lstm_belt")}


def test_shipped_default_lstm_remembers_through_the_loop(shipped):
    rep = shipped["series_moods_lstm"]
    assert rep.accuracy >= 0.99
    assert rep.forget_after < 0.5  # far from the textbook f ≈ 1
    assert rep.ablations["belt_only"] < 0.6  # the belt alone does not carry the mood
    assert rep.ablations["candidate_loop_cut"] < 0.6
    assert not rep.on_belt


def test_shipped_belt_lstm_keeps_the_memory_on_the_belt(shipped):
    rep = shipped["series_moods_lstm_belt"]
    assert all(v == 0.0 for v in rep.recurrent_norms.values())  # the constraint holds in the weights
    assert rep.accuracy >= 0.99
    assert rep.forget_after > 0.95 and rep.rewrite_share < 0.1
    assert rep.ablations["forget0_all"] < 0.6  # cut the belt: chance
    assert rep.on_belt


def test_manifest_mechanism_is_what_the_weights_measure(shipped):
    models = load_manifest()["models"]
    for name, rep in shipped.items():
        assert models[name]["metrics"]["mechanism"] == rep.as_dict(), name
