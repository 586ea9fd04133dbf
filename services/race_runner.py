"""Station 5's race as a shared job: settings, immutable race states, and the training that
publishes them.

A race is fully described by its :class:`Settings` (task, length, steps, seed, hidden size,
learning rate, clipping, batch): ``rnn_core.race.race`` is deterministic, so two students who
ask for the same settings would get the same numbers. :func:`submit` hands the race to the
server's single-flight board (``services.jobs.JOBS``) under :meth:`Settings.key`: the first request
trains it in a background thread, a second one while it runs joins it (same live curves), a
later one gets the finished race back at once, and distinct races beyond the training slots
wait in a queue.

While it trains, a new :class:`RaceState` is published every :data:`PUBLISH_EVERY` steps (never
changed afterwards: every session reads the same object), and the race stops early when
``progress.cancelled`` (every watcher pressed Stop) or when no page has shown it for
:data:`IDLE_SECONDS` (every watcher closed the tab or left the page: see :func:`seen`). The curves
are ``rnn_core``'s own per-step losses and accuracies, so a shared race is bit-identical to a
private ``race(...)`` call.

Where it trains: a shared race runs in a child process (:func:`train_apart`, through
``services.child_process``), as ``python -m rnn_core race`` would, and the job's thread in the
server only records the steps the child streams and publishes the states. In a thread of the
server (:func:`train`, or every shared race with ``RNN_LAB_RACE_PROCESS=0``) the training shares
the interpreter lock with the page views: measured on the default race with one browser watching,
the training thread waited for the lock ~6 % of the race and held it ~28 % of its own time, time
the page views of a class wait in turn (``bench/bench_race.py --app`` compares the two with the
command line).

``clip`` is ``None`` for "no clipping" (the control shows it as ∞).
"""

from __future__ import annotations

import inspect
import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from rnn_core.models import recurrent_param_count
from rnn_core.race import RACE_TASKS, TaskSpec, race, solved_step
from rnn_core.training import StepInfo, smoothed
from services import child_process, jobs
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


class _Record:
    """A race as its steps come in (``rnn_core``'s own per-step numbers), and :class:`RaceState`
    snapshots of it (new tuples every time: a published state never changes)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.losses: dict[str, list[float]] = {c: [] for c in CELLS}
        self.accs: dict[str, list[float]] = {c: [] for c in CELLS}
        self.seconds = dict.fromkeys(CELLS, 0.0)
        self.exploded: dict[str, int | None] = dict.fromkeys(CELLS)
        self.params = {c: param_count(c, settings.task, settings.hidden) for c in CELLS}
        self.step = 0
        self.started = time.perf_counter()

    def add(self, step: int, infos: Mapping[str, StepInfo]) -> None:
        for cell, info in infos.items():
            self.losses[cell].append(float(info.loss))
            if info.accuracy is not None:
                self.accs[cell].append(float(info.accuracy))
            self.seconds[cell] = float(info.seconds)
            if self.exploded[cell] is None and not (math.isfinite(info.loss) and math.isfinite(info.grad_norm)):
                self.exploded[cell] = int(info.step)
        self.step = step

    def finish(self, outcome: list[tuple[str, int, float, int | None]]) -> RaceState:
        """The final state, with ``rnn_core``'s own numbers for what the steps do not say
        (``outcome``: ``(cell, params, seconds, exploded_at)`` per cell, from :func:`_outcome`)."""
        for cell, params, seconds, exploded_at in outcome:
            self.params[cell] = int(params)
            self.seconds[cell] = float(seconds)
            if exploded_at and self.exploded.get(cell) is None:
                self.exploded[cell] = int(exploded_at)
        return self.state("done" if self.step >= self.settings.steps else "stopped")

    def state(self, status: str) -> RaceState:
        curves = {c: Curve(tuple(self.losses[c]), tuple(self.accs[c])) for c in CELLS}
        return RaceState(self.settings, status, self.step, curves, dict(self.seconds), dict(self.params),
                         dict(self.exploded), time.perf_counter() - self.started)


def _outcome(results: list) -> list[tuple[str, int, float, int | None]]:
    return [(r.cell, int(r.params), float(r.seconds), r.exploded_at) for r in results]


def _race(settings: Settings, callback) -> list:
    return race(task=settings.task, length=settings.length, steps=settings.steps, seed=settings.seed,
                hidden=settings.hidden, lr=settings.lr, clip=settings.clip, batch=settings.batch, callback=callback)


def _stop_asked(key: tuple, progress: Any) -> bool:
    """Every watcher pressed Stop, or no page has shown the race for :data:`IDLE_SECONDS`."""
    return progress.cancelled or time.monotonic() - _SEEN.get(key, 0.0) > IDLE_SECONDS


def train(settings: Settings, progress: Any = None, *, publish_every: int = PUBLISH_EVERY) -> RaceState:
    """Run ``rnn_core.race.race`` for ``settings`` in this thread; publish a :class:`RaceState` every
    ``publish_every`` steps through ``progress.publish`` and stop at the first step where
    :func:`_stop_asked`. Returns the final state (``"done"``, or ``"stopped"`` if cancelled)."""
    record, key = _Record(settings), settings.key()
    seen(key)

    def callback(step: int, infos: dict[str, StepInfo]) -> bool:
        record.add(step, infos)
        if progress is None:
            return True
        if step % publish_every == 0 and step < settings.steps:
            progress.publish(record.state("running"))
        return not _stop_asked(key, progress)

    if progress is not None:
        progress.publish(record.state("running"))
    return record.finish(_outcome(_race(settings, callback)))


def train_apart(settings: Settings, progress: Any = None, *, publish_every: int = PUBLISH_EVERY) -> RaceState:
    """:func:`train` with the training in a child process (``services.child_process``): the same
    ``rnn_core.race`` call, the same snapshots at the same steps, bit for bit the same numbers;
    the child runs as ``python -m rnn_core race`` would, not sharing the server's interpreter lock.

    The child streams its steps every ``publish_every`` steps; this thread records them and
    publishes. A stop is asked here (:func:`_stop_asked`, checked at least every 0.2 s) and
    honoured by the child at its next step, so a stopped race may end a few steps later than
    the step at which it was asked."""
    record, key = _Record(settings), settings.key()
    seen(key)

    def received(steps: list[tuple[int, dict[str, StepInfo]]]) -> None:
        for step, infos in steps:
            record.add(step, infos)
            if progress is not None and step % publish_every == 0 and step < settings.steps:
                progress.publish(record.state("running"))

    if progress is not None:
        progress.publish(record.state("running"))
    child_process.prepare(PRELOAD)
    outcome = child_process.run(_race_in_child, settings, publish_every, on_message=received,
                                should_stop=None if progress is None else lambda: _stop_asked(key, progress))
    return record.finish(outcome)


def _race_in_child(settings: Settings, publish_every: int, channel: child_process.Channel) -> list:
    """The child's side of :func:`train_apart`: the race, its steps sent in batches of
    ``publish_every`` (and at once when a stop is asked), then the outcome."""
    pending: list[tuple[int, dict[str, StepInfo]]] = []

    def callback(step: int, infos: dict[str, StepInfo]) -> bool:
        pending.append((step, infos))
        stop = channel.stopping()
        if stop or step % publish_every == 0:
            channel.send(pending[:])
            pending.clear()
        return not stop

    results = _race(settings, callback)
    if pending:
        channel.send(pending)
    return _outcome(results)


def apart() -> bool:
    """Shared races train in a child process (:func:`train_apart`) unless ``RNN_LAB_RACE_PROCESS`` is
    ``0`` (then in a thread of the server: :func:`train`)."""
    return os.environ.get("RNN_LAB_RACE_PROCESS", "1").strip().lower() not in ("0", "false", "no", "off")


PRELOAD = ("torch", "services.race_runner:warm_up")  # what a race child needs, done once in the zygote


def warm_up() -> None:
    """A one-step race of each task on tiny models: the first training step of a process imports
    ~800 modules (torch's optimiser and autograd machinery, ~3.5 s measured); done once in the
    zygote, no race child pays it. Seeded like every race: it leaves no state a race reads."""
    for task in RACE_TASKS:
        race(task=task, length=4, steps=1, hidden=4, batch=4)


def prepare() -> None:
    """Start the zygote the race children are forked from (once; returns at once), so that the first
    race does not wait for its ``import torch``. The Lab page calls it."""
    if apart():
        child_process.prepare(PRELOAD)


def submit(settings: Settings) -> Job:
    """The shared job for ``settings`` (started, joined or replayed: see ``services.jobs``)."""
    seen(settings.key())
    runner = train_apart if apart() else train
    return jobs.JOBS.submit(settings.key(), lambda progress: runner(settings, progress))


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
