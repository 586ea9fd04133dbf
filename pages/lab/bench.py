"""Station 5 benchmark: a student adjusts the race settings before pressing Start.

Only the controls are exercised (the Start button trains for ~15–20 s and is timed separately by
``python -m bench.bench_race``). Without a race in the session a rerun draws the controls, the
hint and the note on what to expect: there is no ``rnn_core`` work behind a change, so ``bare``
is None.
"""

from bench.scenarios import Scenario

SCENARIO = Scenario(
    page="pages/lab/page.py",
    interactions=[
        ("slider", "length", 20),
        ("slider", "steps", 300),
        ("selectbox", "hidden", 64),
        ("selectbox", "lr", 0.005),
        ("radio", "task", "latch"),
        ("number_input", "seed", 3),
        ("slider", "length", 50),
        ("radio", "task", "adding"),
    ],
    bare=None,
)
