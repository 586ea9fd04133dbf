"""Station 3 benchmark: the student sets the length to 300, then drags the gain through ten values.

The first cycle misses the cache for every gain (a fresh probe of the RNN plus the LSTM, GRU and
"forget gate open" LSTM behind the comparison chart); with ``--runs 20`` the second cycle hits it,
so the median mixes misses and hits. ``bare`` is the uncached ``rnn_core`` work behind one change
(the cliff does not depend on these controls and is cached separately).
"""

from bench.scenarios import Scenario
from rnn_core.gradients import gradient_norms, probe

LENGTH = 300
GAINS = (0.55, 0.7, 0.85, 0.95, 1.05, 1.15, 1.3, 1.5, 1.75, 1.95)


def _bare(value: float) -> None:
    gain = 1.0 if value == LENGTH else float(value)  # the length interaction runs at the default gain
    probe("rnn", length=LENGTH, hidden=32, gain=gain, nonlinearity="tanh", seed=0)
    gradient_norms("lstm", length=LENGTH, hidden=32, gain=gain, seed=0)
    gradient_norms("gru", length=LENGTH, hidden=32, gain=gain, seed=0)
    gradient_norms("lstm", length=LENGTH, hidden=32, gain=gain, seed=0, forget_bias=2.0)


SCENARIO = Scenario(
    page="pages/gradients/page.py",
    interactions=[("slider", "length", LENGTH), *[("slider", "gain", g) for g in GAINS]],
    bare=_bare,
)
