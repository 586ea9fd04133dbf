"""The one watcher of a shared training (``services.jobs``): the Lab race, the retrain panel, station
3's exploding pair, station 4's latch, the conclusion's latch measurement.

A page calls :func:`watch` where the training's state belongs on the page:

* **no job** (``None``): nothing is drawn; returns ``None``.
* **queued or running**: a fragment that reruns on its own every :data:`POLL_SECONDS` (only it,
  never the page) and draws "waiting: N ahead" while the job is queued
  (:attr:`services.jobs.Job.ahead`), or, while it runs, a progress bar from its latest snapshot
  (``progress(snapshot)`` returns anything with a ``fraction`` and a ``text``, a :class:`Progress`
  or e.g. the Lab's cached live view; the snapshot is ``None`` before the first one is published),
  then the stop button if the page offers one, then the page's own live part (``more(job, shown)``
  with what ``progress`` returned, ``None`` while queued: e.g. the Lab's live curves). Returns
  ``None``.
* the poll that first sees the job **finished** calls ``on_finish(job)`` (the page hands the result
  to this session, e.g. adopts retrained models) and reruns the whole page once. That full run finds
  the job finished, so no fragment is drawn and the polling stops.
* **finished** (done, failed or stopped): nothing is drawn; the job is returned, and the page shows
  ``job.result`` (shared by every session: read only) or ``job.error``.

Stop means "I stop watching" (:meth:`services.jobs.Job.stop_watching`): the training itself is
cancelled only when nobody watches it any more. ``Stop.forget(job)`` lets the page forget the job
for this session (or freeze what it showed), then the whole page reruns.

Everything a poll draws comes from the job (its status, queue position and immutable snapshot) and
from the page's callables, which close over the values of the page's last full run (language,
presenter mode, controls): a poll never reads a control.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import streamlit as st

from services.jobs import FINISHED, QUEUED, Job

POLL_SECONDS = 1.0
"""How often a page looks at a queued or running job: one policy for every watcher. Each poll costs
the server CPU; measured with ``python -m bench.poll_cost`` (20 students watching one Lab race, the
server process's CPU less the training's, per poll, median of 4 windows, 2-core server): ~6 ms while
the race runs (5.0 and 5.2 ms with the race trained in the server's threads, 5.8 ms with it in its
own process: the bar, the stop button and the live curves, the costliest watcher) and ~3 ms while it
is queued (the waiting line). So a class of 30 watching at once spends ~0.18 of a core at 1 s, under
10 % of the server, while the other students keep browsing; 0.5 s (what station 3 and the retrain
panel polled at before) would double that, and a race publishes a snapshot every 10 training steps,
so a poll a second already redraws the curves with new points."""


class Progress(NamedTuple):
    """What a running job's progress bar shows: the fraction done (0–1) and its text."""

    fraction: float
    text: str


class Stop(NamedTuple):
    """The stop button: its label, widget key and help; ``forget(job)`` is what this session drops
    (or freezes) when it stops watching."""

    label: str
    key: str
    forget: Callable[[Job], None] | None = None
    help: str | None = None


def watch(job: Job | None, *, waiting: Callable[[int], str], progress: Callable[[Any], Any],
          stop: Stop | None = None, more: Callable[[Job, Any], None] | None = None,
          on_finish: Callable[[Job], None] | None = None) -> Job | None:
    """Show a shared job while it is queued or running (polling); return it once it has finished.

    ``waiting(ahead)`` is the text shown while the job waits behind ``ahead`` trainings;
    ``progress(snapshot)`` is the bar while it runs (``.fraction`` in [0, 1], ``.text``). See the
    module docstring for ``stop``, ``more`` and ``on_finish``."""
    if job is None:
        return None
    if job.status in FINISHED:
        return job
    _poll(job, waiting, progress, stop, more, on_finish)
    return None


@st.fragment(run_every=POLL_SECONDS)
def _poll(job: Job, waiting, progress, stop: Stop | None, more, on_finish) -> None:
    """One look at the job: its state now, or (once it has finished) one full rerun of the page."""
    status, shown = job.status, None
    if status in FINISHED:
        if on_finish is not None:
            on_finish(job)
        st.rerun(scope="app")
    if status == QUEUED:
        st.info(waiting(job.ahead), icon=":material/hourglass_top:")
    else:
        shown = progress(job.snapshot)
        st.progress(min(1.0, max(0.0, float(shown.fraction))), text=shown.text)
    if stop is not None and st.button(stop.label, key=stop.key, icon=":material/stop_circle:", help=stop.help):
        job.stop_watching()
        if stop.forget is not None:
            stop.forget(job)
        st.rerun(scope="app")
    if more is not None:
        more(job, shown)
