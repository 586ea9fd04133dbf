"""Station 4 benchmark: the student moves the forget-gate bias, lengthens the series and flips the key
event's mood, in a cycle.

The first cycle misses the caches (one latch retrain at b_f = 1 with its ∂L/∂c probe, a new
timeline traced through the LSTM and the GRU, new figures); with ``--runs 20`` the later cycles
hit them, so the median is the warm rerun. ``bare`` is the uncached ``rnn_core`` work behind one
change: the latch retrain and the probe for a bias, the two transparent traces for a timeline.
"""

import torch

from bench.scenarios import Scenario
from rnn_core.cells import trace
from rnn_core.gradients import probe
from rnn_core.pretrained import load_pretrained
from rnn_core.race import train_latch
from rnn_core.tasks import encode_timeline, make_timeline

_MODELS: dict[str, torch.nn.Module] = {}


def _models() -> dict[str, torch.nn.Module]:
    if not _MODELS:
        _MODELS.update({k: load_pretrained(f"series_moods_{k}") for k in ("lstm", "gru")})
    return _MODELS


def _bare(value) -> None:
    if isinstance(value, float):  # the forget-gate bias
        train_latch(value, length=30, steps=300, seed=0, hidden=16, batch=64)
        probe("lstm", length=101, hidden=32, seed=0, forget_bias=value)
        return
    mood, after = (value, 17) if isinstance(value, str) else ("sad", int(value))
    x = encode_timeline(make_timeline(mood, after + 1, before=1, seed=0), moods=True)
    for model in _models().values():
        trace(model.rnn, x)


SCENARIO = Scenario(
    page="pages/gates/page.py",
    interactions=[
        ("slider", "forget_bias", 1.0),
        ("slider", "after", 30),
        ("slider", "forget_bias", 0.0),
        ("radio", "mood", "happy"),
        ("slider", "after", 17),
        ("radio", "mood", "sad"),
    ],
    bare=_bare,
)
