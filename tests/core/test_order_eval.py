"""rnn_core.order_eval (station 1's arrangements), rnn_core.verdicts, and the claim the pages make
about feedforward networks: only a bag (average) of the inputs is blind to order."""

from __future__ import annotations

import pytest
import torch

from rnn_core import order_eval
from rnn_core.pretrained import load_pretrained
from rnn_core.tasks import Episode, encode_timeline
from rnn_core.verdicts import GUESS_BAND, confidence, verdict


def test_arrange_places_a_and_b_among_a_fixed_bag_of_distractors():
    tokens = order_eval.arrange(2, 5, mix=7)
    assert len(tokens) == order_eval.LENGTH and tokens[1] == "A" and tokens[4] == "B"
    assert order_eval.arrange(2, 5, mix=7) == tokens  # seeded: a link reproduces it
    bags = {tuple(sorted(order_eval.arrange(a, b, m))) for a, b, m in ((1, 6, 0), (6, 1, 99), (3, 4, 50))}
    assert len(bags) == 1  # every arrangement has the same pieces
    with pytest.raises(ValueError):
        order_eval.arrange(3, 3, 0)


def test_all_orders_the_bag_is_flat_and_the_rnn_sees_the_order():
    models = {"ff": load_pretrained("order_ff_bag"), "rnn": load_pretrained("order_rnn")}
    rows = order_eval.all_orders(models, mix=0)
    assert len(rows) == 2 * 30
    ff = [r["p_before"] for r in rows if r["model"] == "ff"]
    assert max(ff) - min(ff) < 1e-6
    for r in rows:
        if r["model"] == "rnn":
            assert (r["p_before"] > 0.9) == (r["pos_a"] < r["pos_b"])
    states = order_eval.hidden_states(models["rnn"], order_eval.arrange(2, 5, 0))
    assert states.shape == (order_eval.LENGTH, 16)
    assert order_eval.accuracy(models["rnn"], n=400) > 0.95
    assert 0.4 < order_eval.accuracy(models["ff"], n=400) < 0.6


def test_a_feedforward_window_sees_order_inside_it_the_bag_does_not():
    """Station 2's last-4 model concatenates its window: two orders of the same four episodes
    give different answers. Station 1's bag model gives one answer for every order."""
    window = load_pretrained("series_simple_ff4")
    one = [Episode("key", "happy"), Episode("ordinary1", None), Episode("ordinary2", None), Episode("final", None)]
    other = [one[1], one[0], one[2], one[3]]  # same pieces, key event one step later
    with torch.no_grad():
        p_one = torch.softmax(window(encode_timeline(one, moods=False)), -1)
        p_other = torch.softmax(window(encode_timeline(other, moods=False)), -1)
    assert (p_one - p_other).abs().max() > 1e-3
    bag = load_pretrained("order_ff_bag")
    answers = {round(order_eval.answer(bag, order_eval.arrange(a, b, 3)), 6) for a, b in ((1, 2), (2, 1), (6, 3))}
    assert len(answers) == 1


@pytest.mark.parametrize(("p", "truth", "expected"), [
    (0.55, True, "guess"), (0.45, True, "guess"), (0.5 + GUESS_BAND, False, "guess"),
    (0.61, True, "right"), (0.61, False, "wrong"), (0.02, False, "right"), (0.98, False, "wrong"),
])
def test_verdict_near_chance_is_a_guess(p, truth, expected):
    assert verdict(p, truth) == expected
    assert confidence(p) == max(p, 1 - p)
