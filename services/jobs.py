"""Shared, single-flight trainings: one computation per distinct request, for the whole server.

Every training in the app is seeded and deterministic (the Lab race, station 3's exploding
run, station 2's retrain, station 4's latch), so two students who ask for the same training
would get the same numbers. A class asks for the same thing thirty times in the same minute;
this board makes that one computation:

* :meth:`JobBoard.submit` ``(key, fn)``: ``key`` describes the training completely (kind and
  every parameter). The first request starts ``fn`` in a background thread; an identical
  request while it runs *joins* it (same :class:`Job`, same live snapshots); one that comes
  after it finished gets the finished job back at once (a replay). A job that was stopped or
  failed is started afresh by the next request.
* At most ``slots`` trainings run at once (``RNN_LAB_TRAINING_SLOTS``, default: one less than
  the number of cores, at least 1, so one core keeps serving pages); the others wait in a
  first-come queue, and :attr:`Job.ahead` says how many are in front.
* ``fn(progress)`` publishes immutable snapshots with ``progress.publish(obj)`` (build a new
  object each time; a page reads ``job.snapshot`` while the thread goes on) and returns its
  result. When every viewer has stopped watching (:meth:`JobBoard.stop`), ``progress.cancelled``
  turns true and ``fn`` should return early; the job ends as ``"stopped"``.
* Nothing a job hands out is copied: snapshots and results are shared by every session and
  must be treated as read-only.

This module does not import streamlit: pages watch a job through the one job watcher
(``ui.widgets.job_watcher.watch``: it polls only while the job is queued or running, and its Stop
is :meth:`Job.stop_watching`); the tests drive the board directly.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from typing import Any

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED, STOPPED = "queued", "running", "done", "failed", "stopped"
FINISHED = (DONE, FAILED, STOPPED)


class Progress:
    """What a running ``fn`` sees: a place to publish snapshots and a cancellation flag."""

    def __init__(self, job: Job) -> None:
        self._job = job

    def publish(self, snapshot: Any) -> None:
        """Make ``snapshot`` the job's latest state (never mutate it afterwards)."""
        self._job.snapshot = snapshot
        self._job.updated = time.monotonic()

    @property
    def cancelled(self) -> bool:
        """True once nobody watches this job any more: return early."""
        return self._job._cancel.is_set()


class Job:
    """One shared training. Read its fields; only the board changes them."""

    def __init__(self, board: JobBoard, key: Hashable) -> None:
        self._board = board
        self.key = key
        self.status = QUEUED
        self.snapshot: Any = None
        self.result: Any = None
        self.error: str | None = None
        self.watchers = 1
        self.created = self.updated = time.monotonic()
        self.started: float | None = None
        self.finished: float | None = None
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def ahead(self) -> int:
        """Trainings in front of this queued job, running ones included (0 once it runs)."""
        return self._board.position(self)

    @property
    def seconds(self) -> float | None:
        """Wall time of the computation, once it finished (None before)."""
        if self.started is None or self.finished is None:
            return None
        return self.finished - self.started

    def stop_watching(self) -> None:
        """One viewer stops watching this job (:meth:`JobBoard.stop` on the board that holds it)."""
        self._board.stop(self)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished (True) or ``timeout`` seconds passed (False)."""
        return self._done.wait(timeout)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Job({self.key!r}, {self.status}, watchers={self.watchers})"


def default_slots() -> int:
    """``RNN_LAB_TRAINING_SLOTS`` as a positive int, else one less than the cores (at least 1)."""
    try:
        return max(1, int(os.environ["RNN_LAB_TRAINING_SLOTS"]))
    except (KeyError, ValueError):
        return max(1, (os.cpu_count() or 2) - 1)


_BOARDS: weakref.WeakSet[JobBoard] = weakref.WeakSet()


@atexit.register
def _shutdown_all() -> None:
    for board in list(_BOARDS):
        board.shutdown()


class JobBoard:
    """The server's trainings: keyed, single-flight, at most ``slots`` at once, the rest queued."""

    def __init__(self, slots: int | None = None, keep_finished: int = 64) -> None:
        _BOARDS.add(self)
        self.slots = max(1, int(slots)) if slots is not None else default_slots()
        self.keep_finished = keep_finished
        self._lock = threading.Lock()
        self._jobs: OrderedDict[Hashable, Job] = OrderedDict()
        self._queue: deque[tuple[Job, Callable[[Progress], Any]]] = deque()
        self._running = 0

    # ------------------------------------------------------------------ asking
    def submit(self, key: Hashable, fn: Callable[[Progress], Any]) -> Job:
        """The job for ``key``: joined if it is queued or running, replayed if done, else started."""
        hash(key)  # a TypeError here, in the caller, rather than in a thread
        with self._lock:
            job = self._jobs.get(key)
            if job is not None and job.status not in (FAILED, STOPPED):
                if job.status in (QUEUED, RUNNING):
                    job.watchers += 1
                    job._cancel.clear()
                self._jobs.move_to_end(key)
                return job
            job = Job(self, key)
            self._jobs[key] = job
            self._queue.append((job, fn))
            self._start_what_fits()
            self._forget_old()
            return job

    def get(self, key: Hashable) -> Job | None:
        """The job for ``key`` if the board still knows it (no side effect)."""
        with self._lock:
            return self._jobs.get(key)

    def stop(self, job: Job) -> None:
        """One viewer stops watching; with nobody left the job is cancelled (or leaves the queue)."""
        with self._lock:
            if job.status not in (QUEUED, RUNNING):
                return
            job.watchers = max(0, job.watchers - 1)
            if job.watchers:
                return
            job._cancel.set()
            for i, (queued, _) in enumerate(self._queue):
                if queued is job:
                    del self._queue[i]
                    job.status = STOPPED
                    job.finished = time.monotonic()
                    job._done.set()
                    break

    def position(self, job: Job) -> int:
        """Trainings ahead of a queued ``job``: the running ones plus those queued before it."""
        with self._lock:
            for i, (queued, _) in enumerate(self._queue):
                if queued is job:
                    return self._running + i
            return 0

    def shutdown(self, timeout: float = 20.0) -> None:
        """Cancel every queued and running job and wait (up to ``timeout`` s) for the threads.

        Called at interpreter exit: a daemon thread still inside a torch kernel while Python
        finalises can abort the process ("terminate called without an active exception").
        """
        with self._lock:
            for job, _ in self._queue:
                job.status, job.finished = STOPPED, time.monotonic()
                job._done.set()
            self._queue.clear()
            running = [j for j in self._jobs.values() if j.status == RUNNING]
            for job in running:
                job._cancel.set()
        deadline = time.monotonic() + timeout
        for job in running:
            if job._thread is not None:
                job._thread.join(max(0.0, deadline - time.monotonic()))

    def stats(self) -> dict[str, int]:
        """Counts for tests and benchmarks: running, queued, known jobs."""
        with self._lock:
            return {"running": self._running, "queued": len(self._queue), "known": len(self._jobs)}

    # ------------------------------------------------------------------ running
    def _start_what_fits(self) -> None:
        while self._running < self.slots and self._queue:
            job, fn = self._queue.popleft()
            self._running += 1
            job.status = RUNNING
            job.started = time.monotonic()
            job._thread = threading.Thread(target=self._run, args=(job, fn), daemon=True,
                                           name=f"rnnlab-job-{len(self._jobs)}")
            job._thread.start()

    def _run(self, job: Job, fn: Callable[[Progress], Any]) -> None:
        status, result, error = DONE, None, None
        try:
            result = fn(Progress(job))
            if job._cancel.is_set():
                status = STOPPED
        except Exception as exc:  # a failed training is a result to show, not a dead thread
            log.exception("shared job %r failed", job.key)
            status, error = FAILED, f"{type(exc).__name__}: {exc}"
        with self._lock:
            job.result, job.error, job.status = result, error, status
            job.finished = time.monotonic()
            self._running -= 1
            self._start_what_fits()
        job._done.set()

    def _forget_old(self) -> None:
        """Keep at most ``keep_finished`` finished jobs (least recently asked for go first)."""
        finished = [k for k, j in self._jobs.items() if j.status in FINISHED]
        for key in finished[: max(0, len(finished) - self.keep_finished)]:
            del self._jobs[key]


JOBS = JobBoard()
"""The board every session of this server shares."""
