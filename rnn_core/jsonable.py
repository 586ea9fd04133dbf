"""Results as JSON can hold them: JSON has no NaN or ∞ (a run that exploded has them), so they become null.

Used by ``python -m rnn_core … --json`` and by the Lab's "download the race" file, so both write the
same thing for the same race.
"""

from __future__ import annotations

import math
from typing import Any


def finite(value: Any) -> Any:
    """``value`` with every non-finite float (NaN, ±∞) replaced by ``None``, through nested dicts,
    lists and tuples (tuples become lists, as JSON writes them); anything else unchanged."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value
