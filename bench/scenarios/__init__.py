"""Benchmark scenarios, one per station (``pages/<slug>/bench.py``, found through the registry).

Each station's ``bench.py`` defines ``SCENARIO = Scenario(...)``: which page to open, which widget changes a
student makes (by widget kind and key, applied in a cycle), and the bare ``rnn_core``
computation behind one such change (so that the UI overhead can be reported as a ratio).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Scenario:
    page: str
    # (widget kind as AppTest names it, e.g. "slider"; its key; the value to set)
    interactions: list[tuple[str, str, Any]] = field(default_factory=list)
    # The rnn_core work behind one interaction, called with the interaction's value.
    bare: Callable[[Any], Any] | None = None


def load_scenarios() -> dict[str, Scenario]:
    """Every journey station's scenario, by slug, in the journey's order (the registry,
    ``ui.shell.stations``; a station without ``bench.py`` has none).

    Raises ``ValueError`` for a scenario that opens another station's page than its own.
    """
    from ui.shell.stations import JOURNEY

    scenarios = {}
    for s in JOURNEY:
        module = s.part("bench")
        if module is not None:
            if module.SCENARIO.page != s.path:
                raise ValueError(f"{s.package}.bench opens {module.SCENARIO.page!r}, not its own {s.path!r}")
            scenarios[s.slug] = module.SCENARIO
    return scenarios
