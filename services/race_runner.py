"""Station 5's race as a shared job: settings, immutable race states, and the training that
publishes them.

A race is fully described by its :class:`Settings` (task, length, steps, seed, hidden size,
learning rate, clipping, batch): ``rnn_core.race.race`` is deterministic, so two students who
ask for the same settings would get the same numbers. :func:`submit` hands the race to the
server's single-flight board (``services.jobs.JOBS``) under :meth:`Settings.key`: the first request
trains it in a background thread, a second one while it runs joins it (same live curves), a
later one gets the finished race back at once, and distinct races beyond the training slots
wait in a queue.

While it trains, :func:`train` publishes a new :class:`RaceState` every :data:`PUBLISH_EVERY`
steps (never changed afterwards: every session reads the same object) and stops early when
``progress.cancelled`` (every watcher pressed Stop) or when no page has shown the race for
:data:`IDLE_SECONDS` (every watcher closed the tab or left the page: see :func:`seen`). The curves are ``rnn_core``'s own per-step
losses and accuracies, so a shared race is bit-identical to a private ``race(...)`` call.

``clip`` is ``None`` for "no clipping" (the control shows it as ∞).
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from rnn_core.models import recurrent_param_count
from rnn_core.race import RACE_TASKS, TaskSpec, race, solved_step
from rnn_core.training import StepInfo, smoothed
from services import jobs
from services.jobs import Job

CELLS = ("rnn", "lstm", "gru")
SETTINGS = ("task", "length", "steps", "seed", "hidden", "lr", "clip", "batch")
RACE_DEFAULTS: dict[str, Any] = {
    name: p.default for name, p in inspect.signature(race).parameters.items()
    if p.default is not inspect.Parameter.empty and name in SETTINGS
}
PUBLISH_EVERY = 10  # steps between two published snapshots
IDLE_SECONDS = 60.0  # a race nobody has looked at for this long (closed tabs) stops training
_SEEN: dict[tuple, float] = {}  # job key -> last time a page showed that race (time.monotonic)


@dataclass(frozen=True)
class Settings:
    """Everything that decides a race's numbers (``clip`` ``None``: no clipping)."""

    task: str
    length: int
    steps: int
    seed: int
    hidden: int
    lr: float
    clip: float | None
    batch: int

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Settings:
        clip = values["clip"]
        return cls(task=str(values["task"]), length=int(values["length"]), steps=int(values["steps"]),
                   seed=int(values["seed"]), hidden=int(values["hidden"]), lr=float(values["lr"]),
                   clip=None if clip is None or math.isinf(float(clip)) else float(clip), batch=int(values["batch"]))

    def key(self) -> tuple:
        """The job key: the kind of training and every setting."""
        return ("race", self.task, self.length, self.steps, self.seed, self.hidden, self.lr, self.clip, self.batch)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SETTINGS}

    @property
    def spec(self) -> TaskSpec:
        return RACE_TASKS[self.task]


@dataclass(frozen=True)
class Curve:
    """One cell's per-step training-batch losses and accuracies (empty for the adding problem)."""

    loss: tuple[float, ...] = ()
    accuracy: tuple[float, ...] = ()


@dataclass(frozen=True)
class RaceState:
    """A race at some step: a live snapshot (``status == "running"``) or the end of it (``"done"``,
    or ``"stopped"`` before the last step). Shared by every session: read only."""

    settings: Settings
    status: str
    step: int
    curves: Mapping[str, Curve]
    seconds: Mapping[str, float]
    params: Mapping[str, int]
    exploded_at: Mapping[str, int | None]
    wall_seconds: float

    @property
    def baseline(self) -> float:
        return self.settings.spec.baseline_loss

    @property
    def classification(self) -> bool:
        return self.settings.spec.metric == "accuracy"

    def upto(self, step: int) -> RaceState:
        """This race as it stood at ``step`` (what a student who stopped watching there saw)."""
        step = max(0, min(int(step), self.step))
        if step == self.step and self.status != "running":
            return self
        curves = {c: Curve(v.loss[:step], v.accuracy[:step]) for c, v in self.curves.items()}
        exploded = {c: (s if s is not None and s <= step else None) for c, s in self.exploded_at.items()}
        return replace(self, status="done" if step >= self.settings.steps else "stopped", step=step, curves=curves,
                       exploded_at=exploded, wall_seconds=self.wall_seconds * step / max(1, self.step))


def param_count(cell: str, task: str, hidden: int) -> int:
    """Trainable parameters of the race's model: recurrent ``G (h x + h² + 2h)`` + readout ``h·out + out``."""
    spec = RACE_TASKS[task]
    return recurrent_param_count(cell, spec.input_size, hidden) + hidden * spec.output_size + spec.output_size


def empty_state(settings: Settings, status: str = "running") -> RaceState:
    return RaceState(settings, status, 0, {c: Curve() for c in CELLS}, dict.fromkeys(CELLS, 0.0),
                     {c: param_count(c, settings.task, settings.hidden) for c in CELLS}, dict.fromkeys(CELLS), 0.0)


def train(settings: Settings, progress: Any = None, *, publish_every: int = PUBLISH_EVERY) -> RaceState:
    """Run ``rnn_core.race.race`` for ``settings``; publish a :class:`RaceState` every
    ``publish_every`` steps through ``progress.publish`` and stop when ``progress.cancelled``.
    Returns the final state (``"done"``, or ``"stopped"`` if cancelled)."""
    losses: dict[str, list[float]] = {c: [] for c in CELLS}
    accs: dict[str, list[float]] = {c: [] for c in CELLS}
    seconds = dict.fromkeys(CELLS, 0.0)
    exploded: dict[str, int | None] = dict.fromkeys(CELLS)
    params = {c: param_count(c, settings.task, settings.hidden) for c in CELLS}
    started = time.perf_counter()
    last = [0]
    key = settings.key()
    seen(key)

    def state(status: str, step: int) -> RaceState:
        return RaceState(settings, status, step, {c: Curve(tuple(losses[c]), tuple(accs[c])) for c in CELLS},
                         dict(seconds), dict(params), dict(exploded), time.perf_counter() - started)

    def callback(step: int, infos: dict[str, StepInfo]) -> bool:
        for cell, info in infos.items():
            losses[cell].append(float(info.loss))
            if info.accuracy is not None:
                accs[cell].append(float(info.accuracy))
            seconds[cell] = float(info.seconds)
            if exploded[cell] is None and not (math.isfinite(info.loss) and math.isfinite(info.grad_norm)):
                exploded[cell] = int(info.step)
        last[0] = step
        if progress is not None:
            if step % publish_every == 0 and step < settings.steps:
                progress.publish(state("running", step))
            if progress.cancelled or time.monotonic() - _SEEN.get(key, 0.0) > IDLE_SECONDS:
                return False
        return True

    if progress is not None:
        progress.publish(state("running", 0))
    outcome = race(task=settings.task, length=settings.length, steps=settings.steps, seed=settings.seed,
                   hidden=settings.hidden, lr=settings.lr, clip=settings.clip, batch=settings.batch, callback=callback)
    for r in outcome:  # rnn_core's own numbers for what the callback cannot see
        params[r.cell] = int(r.params)
        seconds[r.cell] = float(r.seconds)
        if r.exploded_at and exploded.get(r.cell) is None:
            exploded[r.cell] = int(r.exploded_at)
    return state("done" if last[0] >= settings.steps else "stopped", last[0])


def submit(settings: Settings) -> Job:
    """The shared job for ``settings`` (started, joined or replayed: see ``services.jobs``)."""
    seen(settings.key())
    return jobs.JOBS.submit(settings.key(), lambda progress: train(settings, progress))


def seen(key: tuple) -> None:
    """A page is showing the race ``key`` right now. A running race that no page has shown for
    :data:`IDLE_SECONDS` (every watcher closed the tab or left the page) stops training: a
    viewer that vanished never says "stop", and its race would hold a training slot."""
    _SEEN[key] = time.monotonic()


def find(settings: Settings) -> Job | None:
    """The job for ``settings`` if the server still knows it (nothing is started)."""
    return jobs.JOBS.get(settings.key())


# --------------------------------------------------------------------------- what a state says


def results(state: RaceState) -> list[dict[str, Any]]:
    """Per-cell outcome of a (finished or stopped) race, computed like ``rnn_core.race``:
    ``final_loss`` = mean of the last 20 losses, ``solved_at_step`` = first step whose trailing
    20-step mean meets the task's threshold (adding: MSE < 0.01; latch, series: accuracy ≥ 0.99)."""
    spec = state.settings.spec
    out = []
    for cell in CELLS:
        curve = state.curves[cell]
        losses, accs = list(curve.loss), list(curve.accuracy)
        row = {
            "cell": cell,
            "final_loss": smoothed(losses)[-1] if losses else None,
            "solved_at_step": solved_step(spec, losses, accs) if losses else None,
            "seconds": round(float(state.seconds[cell]), 3),
            "params": int(state.params[cell]),
            "steps": len(losses),
            "exploded_at": state.exploded_at[cell],
        }
        if state.classification:
            row["final_accuracy"] = smoothed(accs)[-1] if accs else None
        out.append(row)
    return out


def export(state: RaceState) -> dict[str, Any]:
    """The JSON download: settings, status, wall time and results (the curves go in the CSV)."""
    return {
        "settings": state.settings.as_dict(),
        "status": state.status,
        "steps_done": state.step,
        "wall_seconds": round(float(state.wall_seconds), 3),
        "baseline": state.baseline,
        "results": results(state),
    }
