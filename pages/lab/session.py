"""Station 5, this student's own state: the race it watches (a shared job) and where it stopped.

The session keeps only ``{"key", "settings", "stopped_at", "how"}`` for its race (:data:`RECORD`):
the job key (``services.race_runner.Settings.key``), the settings as a dict, the step at which this
student stopped watching (``None`` while watching or once finished) and how the race came
("started", "joined" a running one, or "replayed" a finished one). The curves live in the job,
shared and never changed.

**Stop** means "I stop watching" (``ui.widgets.job_watcher``): this student's page freezes the race
at the step it reached (:func:`freeze`); the training itself stops only when nobody watches.
"""

from __future__ import annotations

import streamlit as st

from services import jobs
from services import race_runner as runner
from services.jobs import QUEUED, RUNNING, Job
from services.race_runner import RaceState, Settings

RECORD = "_s5_race"  # session: {"key": job key, "settings": dict, "stopped_at": step | None, "how": str}


def start(settings: Settings) -> None:
    """Start, join or replay the race of ``settings`` for this student (and stop watching the
    previous one if it was another)."""
    key = settings.key()
    old = st.session_state.get(RECORD)
    if old and old["stopped_at"] is None:
        old_job = jobs.JOBS.get(tuple(old["key"]))
        if tuple(old["key"]) == key and old_job is not None and old_job.status in (QUEUED, RUNNING):
            return  # already watching this very race
        if old_job is not None:
            old_job.stop_watching()
    known = runner.find(settings)
    how = ("replayed" if known is not None and known.status == "done" else
           "joined" if known is not None and known.status in (QUEUED, RUNNING) else "started")
    runner.submit(settings)
    st.session_state[RECORD] = {"key": key, "settings": settings.as_dict(), "stopped_at": None, "how": how}


def watched() -> tuple[dict | None, Job | None]:
    """This student's race record and its job (asked again if the server forgot a race this student
    still watches: the same seed replays it exactly)."""
    rec = st.session_state.get(RECORD)
    if not rec:
        return None, None
    job = jobs.JOBS.get(tuple(rec["key"]))
    if job is None and rec["stopped_at"] is None:
        job = runner.submit(Settings.of(rec["settings"]))
    return rec, job


def freeze(job: Job) -> None:
    """This student stopped watching ``job``: keep the race as it stood (nothing, before its first step)."""
    rec = st.session_state.get(RECORD)
    if not rec or tuple(rec["key"]) != job.key:
        return
    if job.snapshot is None or job.snapshot.step == 0:
        st.session_state.pop(RECORD, None)
    else:
        st.session_state[RECORD] = {**rec, "stopped_at": int(job.snapshot.step)}


def finished(rec: dict) -> RaceState | None:
    """The race this student looks at, finished or frozen where it stopped watching (None if the
    server no longer has it, or it never got to a first step)."""
    job = jobs.JOBS.get(tuple(rec["key"]))
    race = None if job is None else job.result if job.result is not None else job.snapshot
    if race is None:
        return None
    if rec["stopped_at"] is not None:
        return race.upto(rec["stopped_at"])
    return race if race.status != "running" else race.upto(race.step)


def forget() -> None:
    """This student has no race any more (the server forgot it)."""
    st.session_state.pop(RECORD, None)
