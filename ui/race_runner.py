"""Station 5's race, seen from Streamlit: a JSON-friendly record of the race that grows while it
runs, and the live loop that feeds it (progress bar, live chart, stop).

The record lives in ``st.session_state`` and is *mutated in place* by the race callback, one
step at a time. That is what makes the Stop button work: clicking it asks Streamlit for a
rerun, and Streamlit interrupts the running script at its next ``st.*`` call (here: the
progress-bar update inside the callback, every few steps) by raising a rerun exception
through ``rnn_core.race``. Everything trained so far is already in the record, so the next run
finds it with ``status == "running"`` and shows it as "stopped at step N" (see
:func:`settle`). Leaving the page mid-race interrupts it the same way.

The record::

    {"settings": {task, length, steps, seed, hidden, lr, clip, batch},
     "status": "running" | "done" | "stopped", "step": n,
     "baseline": memoryless loss, "classification": bool,
     "curves": {cell: {"loss": [...], "accuracy": [...]}},
     "seconds": {cell: s}, "params": {cell: n}, "exploded_at": {cell: step | None},
     "wall_seconds": s}

``clip`` is ``None`` for "no clipping" (the control shows it as ∞).
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Callable
from typing import Any

from rnn_core.models import recurrent_param_count
from rnn_core.race import RACE_TASKS, race, solved_step
from rnn_core.training import StepInfo, smoothed
from ui.evidence import RaceOutcome, Station5

CELLS = ("rnn", "lstm", "gru")
RACE_DEFAULTS: dict[str, Any] = {
    name: p.default for name, p in inspect.signature(race).parameters.items()
    if p.default is not inspect.Parameter.empty and name in ("task", "length", "steps", "seed", "hidden", "lr",
                                                              "clip", "batch")
}
SETTINGS = ("task", "length", "steps", "seed", "hidden", "lr", "clip", "batch")


def param_count(cell: str, task: str, hidden: int) -> int:
    """Trainable parameters of the race's model: recurrent ``G (h x + h² + 2h)`` + readout ``h·out + out``."""
    spec = RACE_TASKS[task]
    return recurrent_param_count(cell, spec.input_size, hidden) + hidden * spec.output_size + spec.output_size


def new_record(settings: dict[str, Any]) -> dict[str, Any]:
    """An empty record for a race with ``settings`` (keys of :data:`SETTINGS`)."""
    spec = RACE_TASKS[settings["task"]]
    return {
        "settings": {k: settings[k] for k in SETTINGS},
        "status": "running",
        "step": 0,
        "baseline": spec.baseline_loss,
        "classification": spec.metric == "accuracy",
        "curves": {c: {"loss": [], "accuracy": []} for c in CELLS},
        "seconds": dict.fromkeys(CELLS, 0.0),
        "params": {c: param_count(c, settings["task"], int(settings["hidden"])) for c in CELLS},
        "exploded_at": dict.fromkeys(CELLS),
        "wall_seconds": 0.0,
    }


def add_step(record: dict[str, Any], step: int, infos: dict[str, StepInfo]) -> None:
    """Append one round of the race (the callback's arguments) to ``record``."""
    for cell, info in infos.items():
        curve = record["curves"][cell]
        curve["loss"].append(float(info.loss))
        if info.accuracy is not None:
            curve["accuracy"].append(float(info.accuracy))
        record["seconds"][cell] = float(info.seconds)
        if record["exploded_at"][cell] is None and not (math.isfinite(info.loss) and math.isfinite(info.grad_norm)):
            record["exploded_at"][cell] = int(info.step)
    record["step"] = int(step)


def settle(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """A record left ``running`` by an interrupted script run (Stop, or leaving the page) is stopped."""
    if record is not None and record.get("status") == "running":
        record["status"] = "stopped"
    return record


def results(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Per-cell outcome of a (finished or stopped) race, computed like ``rnn_core.race``:
    ``final_loss`` = mean of the last 20 losses, ``solved_at_step`` = first step whose trailing
    20-step mean meets the task's threshold (adding: MSE < 0.01; latch, series: accuracy ≥ 0.99)."""
    spec = RACE_TASKS[record["settings"]["task"]]
    out = []
    for cell in CELLS:
        curve = record["curves"][cell]
        losses, accs = curve["loss"], curve["accuracy"]
        row = {
            "cell": cell,
            "final_loss": smoothed(losses)[-1] if losses else None,
            "solved_at_step": solved_step(spec, losses, accs) if losses else None,
            "seconds": round(float(record["seconds"][cell]), 3),
            "params": int(record["params"][cell]),
            "steps": len(losses),
            "exploded_at": record["exploded_at"][cell],
        }
        if record["classification"]:
            row["final_accuracy"] = smoothed(accs)[-1] if accs else None
        out.append(row)
    return out


def evidence(record: dict[str, Any]) -> Station5:
    """What the conclusion page reads (``ui.evidence.record``): settings, status and, per cell,
    ``final_loss`` and ``solved_at_step`` (plus seconds and parameters)."""
    s = record["settings"]
    return Station5(
        task=s["task"], length=int(s["length"]), steps=int(s["steps"]), seed=int(s["seed"]), hidden=int(s["hidden"]),
        lr=float(s["lr"]), clip=None if s["clip"] is None else float(s["clip"]), batch=int(s["batch"]),
        status=record["status"], steps_done=int(record["step"]), baseline=float(record["baseline"]),
        results={r["cell"]: RaceOutcome(final_loss=_finite_or_none(r["final_loss"]), solved_at_step=r["solved_at_step"],
                                        seconds=float(r["seconds"]), params=int(r["params"]),
                                        exploded_at=r["exploded_at"]) for r in results(record)},
    )


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(float(value)) else float(value)


def export(record: dict[str, Any]) -> dict[str, Any]:
    """The JSON download: settings, status, wall time and results (the curves go in the CSV)."""
    return {
        "settings": record["settings"],
        "status": record["status"],
        "steps_done": int(record["step"]),
        "wall_seconds": round(float(record["wall_seconds"]), 3),
        "baseline": record["baseline"],
        "results": results(record),
    }


def run(record: dict[str, Any], *, on_progress: Callable[[int], None], on_chart: Callable[[int], None],
        progress_every: int = 5, chart_every: int = 25) -> None:
    """Train the race of ``record["settings"]``, appending every step to ``record``.

    ``on_progress(step)`` runs every ``progress_every`` steps (it should touch the UI: that is
    where a Stop click interrupts the run) and ``on_chart(step)`` every ``chart_every`` steps.
    On normal completion ``status`` becomes ``"done"``; if an exception (Streamlit's rerun)
    goes through, the record keeps ``"running"`` and every step trained so far.
    """
    s = record["settings"]
    started = time.perf_counter()

    def callback(step: int, infos: dict[str, StepInfo]) -> None:
        add_step(record, step, infos)
        record["wall_seconds"] = time.perf_counter() - started
        if step % progress_every == 0 or step == s["steps"]:
            on_progress(step)
        if step % chart_every == 0:
            on_chart(step)

    outcome = race(task=s["task"], length=s["length"], steps=s["steps"], seed=s["seed"], hidden=s["hidden"],
                   lr=s["lr"], clip=s["clip"], batch=s["batch"], callback=callback)
    record["wall_seconds"] = time.perf_counter() - started
    for r in outcome:  # rnn_core's own numbers for what the callback cannot see
        record["params"][r.cell] = int(r.params)
        record["seconds"][r.cell] = float(r.seconds)
        if r.exploded_at and record["exploded_at"].get(r.cell) is None:
            record["exploded_at"][r.cell] = int(r.exploded_at)
    record["status"] = "done"
