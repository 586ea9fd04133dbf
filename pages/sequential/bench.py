"""Station 1 benchmark: the student moves A through every position, then tries a few distractor orders.

``bare`` is the uncached ``rnn_core`` work behind one change: encode the arranged sequence, run
the bag-of-inputs feedforward model and the tanh RNN (answer and hidden states). The "every
order" chart (30 arrangements) is cached per distractor order, so a ``mix`` change also pays it.
"""

import torch

from bench.scenarios import Scenario
from rnn_core.pretrained import load_pretrained
from rnn_core.tasks import encode_order_sequence

_MODELS = {}


def _bare(value: int) -> None:
    if not _MODELS:
        _MODELS.update(ff=load_pretrained("order_ff_bag"), rnn=load_pretrained("order_rnn"))
    tokens = ["C", "D", "E", "C", "D", "E"]
    tokens[int(value) % 6] = "A"
    tokens[(int(value) + 3) % 6] = "B"
    with torch.no_grad():
        x = encode_order_sequence(tokens)
        torch.softmax(_MODELS["ff"](x), -1)
        torch.softmax(_MODELS["rnn"](x), -1)
        _MODELS["rnn"].hidden_states(x)


SCENARIO = Scenario(
    page="pages/sequential/page.py",
    interactions=[*[("selectbox", "pos_a", p) for p in (1, 3, 4, 6, 2)], *[("slider", "mix", m) for m in (7, 0)]],
    bare=_bare,
)
