"""Benchmark scenarios, one module per page (``bench/scenarios/<area>.py``).

Each module defines ``SCENARIO = Scenario(...)``: which page to open, which widget changes a
student makes (by widget kind and key, applied in a cycle), and the bare ``rnn_core``
computation behind one such change (so that the UI overhead can be reported as a ratio).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

AREAS = ("home", "station1", "station2", "station3", "station4", "station5", "station6")


@dataclass(frozen=True)
class Scenario:
    page: str
    # (widget kind as AppTest names it, e.g. "slider"; its key; the value to set)
    interactions: list[tuple[str, str, Any]] = field(default_factory=list)
    # The rnn_core work behind one interaction, called with the interaction's value.
    bare: Callable[[Any], Any] | None = None


def load_scenarios() -> dict[str, Scenario]:
    scenarios = {}
    for area in AREAS:
        try:
            module = import_module(f"bench.scenarios.{area}")
        except ModuleNotFoundError:
            continue
        scenarios[area] = module.SCENARIO
    return scenarios
