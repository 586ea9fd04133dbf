"""Station 5's prediction: which cell solves the Lab's default race first?

The answer is the Lab's own default race (``rnn_core.race.race`` with ``services.race_runner.RACE_DEFAULTS``:
adding problem, T = 50, 600 steps, seed 0), measured once and shipped in :data:`ANSWER_FILE` (a page view
never trains: the race takes ~10–20 s of CPU). ``python -m pages.lab.predictions`` measures it again and
rewrites the file; ``tests/pages/lab/test_predictions.py`` re-runs the race and checks the file (slow), so
a change to the engine or its defaults that changes the winner fails there.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from rnn_core.race import race
from services.race_runner import CELLS, RACE_DEFAULTS, Settings
from ui.shell.i18n import t
from ui.shell.numbers import integer, measured
from ui.shell.predictions import Prediction, shuffled

ANSWER_FILE = Path(__file__).with_name("race_answer.json")
ID = "lab.adding50"


def measure() -> dict:
    """Run the default race and return what the question needs (settings, each cell's solved step and final loss)."""
    results = race(**RACE_DEFAULTS)
    return {"settings": dict(RACE_DEFAULTS),
            "cells": {r.cell: {"solved_at_step": r.solved_at_step, "final_loss": float(r.final_loss)} for r in results}}


@functools.cache
def shipped() -> dict:
    """The shipped measurement (read once per server)."""
    return json.loads(ANSWER_FILE.read_text(encoding="utf-8"))


def winner(cells: dict) -> str | None:
    """The cell that solved first (None: none solved)."""
    solved = {c: v["solved_at_step"] for c, v in cells.items() if v["solved_at_step"] is not None}
    return min(solved, key=lambda c: (solved[c], CELLS.index(c))) if solved else None


def asks(settings: Settings) -> bool:
    """Whether the page's race settings are the question's (then Start waits for the prediction)."""
    return settings == Settings.of(shipped()["settings"]) and shipped()["settings"] == dict(RACE_DEFAULTS)


def questions(lang: str) -> tuple[Prediction, ...]:
    answer = shipped()
    s, cells = answer["settings"], answer["cells"]
    if s != dict(RACE_DEFAULTS):  # the defaults moved since the file was measured: do not ask a stale question
        return ()
    first = winner(cells)
    labels = {c: t(f"lab.model_{c}", lang) for c in CELLS if c in cells}
    none = t("lab.pred_none", lang, steps=integer(s["steps"], lang))
    correct = labels[first] if first is not None else none
    options, index = shuffled(correct, [*labels.values(), none], ID)
    parts = [t("lab.pred_solved", lang, cell=labels[c], step=integer(v["solved_at_step"], lang))
             if v["solved_at_step"] is not None else
             t("lab.pred_unsolved", lang, cell=labels[c], loss=measured(v["final_loss"], lang))
             for c, v in sorted(cells.items(), key=lambda kv: (kv[1]["solved_at_step"] is None,
                                                               kv[1]["solved_at_step"] or 0))]
    return (Prediction(
        id=ID, station="lab",
        prompt=t("lab.pred_prompt", lang, task=t(f"lab.taskname_{s['task']}", lang), length=s["length"],
                 steps=integer(s["steps"], lang)),
        options=options, correct=index,
        measured=t("lab.pred_measured", lang, results="; ".join(parts), seed=s["seed"])),)


if __name__ == "__main__":
    ANSWER_FILE.write_text(json.dumps(measure(), indent=1) + "\n", encoding="utf-8")
    print(ANSWER_FILE.read_text(encoding="utf-8"))
