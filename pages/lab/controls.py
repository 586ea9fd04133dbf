"""Station 5's controls: the options of each race setting and how they read.

The defaults are ``rnn_core.race``'s own (``services.race_runner.RACE_DEFAULTS``), and each list of
options includes its default, so the default is always a valid choice. Option labels are the same in
both languages: Streamlit writes the label into the URL, so a shared link must not depend on the
language.
"""

from __future__ import annotations

import math

from rnn_core.race import RACE_TASKS
from services.race_runner import RACE_DEFAULTS

DEFAULTS = RACE_DEFAULTS
TASKS = tuple(RACE_TASKS)
LENGTH_MIN, LENGTH_MAX, LENGTH_STEP = 5, 100, 5
STEPS_MIN, STEPS_MAX, STEPS_STEP = 50, 2000, 50
NO_CLIP = math.inf  # the clipping option "∞": no clipping (``clip=None`` for rnn_core)


def with_default(options: tuple, default) -> tuple:
    """The options, plus rnn_core's default if it is not one of them (so the default is always valid)."""
    return options if default in options else tuple(sorted((*options, default)))


HIDDEN_SIZES = with_default((8, 16, 32, 64, 128), DEFAULTS["hidden"])
LEARNING_RATES = with_default((0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1), DEFAULTS["lr"])
DEFAULT_CLIP = NO_CLIP if DEFAULTS["clip"] is None else DEFAULTS["clip"]
CLIPS = with_default((0.1, 0.5, 1.0, 2.0, 5.0, NO_CLIP), DEFAULT_CLIP)


def option(value: float) -> str:
    """An option's label: ``∞`` for no clipping, else the number as Python writes it shortest."""
    return "∞" if math.isinf(value) else f"{value:g}"
