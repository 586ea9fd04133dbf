"""ui.widgets.job_watcher: the one watcher of shared trainings, in AppTest with real jobs on a real board.

What a page sees: "waiting: N ahead" while a job is queued, the progress bar while it runs, the stop
button (stop = stop watching: the job is cancelled only when nobody watches), the finished job handed
back; what the server does: a fragment timer of ``POLL_SECONDS`` while the job is live and none once
it has ended, and a poll that sees the end calls ``on_finish`` then reruns the whole page once. And
the policy is one: no other module of the app polls with its own ``run_every``.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue
from streamlit.testing.v1 import AppTest

from services import jobs
from services.jobs import DONE, RUNNING, STOPPED, JobBoard
from ui.widgets import job_watcher

ROOT = Path(__file__).resolve().parents[2]


def _page(poll_now: bool = False) -> None:
    """A page watching the job "watched" of ``services.jobs.JOBS`` (the test's board)."""
    import streamlit as st

    from services import jobs
    from ui.widgets import job_watcher
    from ui.widgets.job_watcher import Progress, Stop, watch

    def forget(job):
        st.session_state["forgot"] = job.key

    def finish(job):
        st.session_state["finished"] = st.session_state.get("finished", 0) + 1

    how = dict(waiting=lambda ahead: f"waiting: {ahead} ahead",
               progress=lambda snapshot: Progress((snapshot or 0) / 10, f"step {snapshot or 0} of 10"),
               stop=Stop("Stop watching", "stop", forget),
               more=lambda job, shown: st.caption(f"more: {shown.text if shown else 'queued'}"),
               on_finish=finish)
    job = jobs.JOBS.get("watched")
    if poll_now and job is not None and "finished" not in st.session_state:
        job_watcher._poll.__wrapped__(job, *how.values())  # one poll, as the fragment's timer runs it
    ended = watch(job, **how)
    st.markdown(f"ended: {ended.status if ended is not None else None}")


@pytest.fixture
def board(monkeypatch):
    board = JobBoard(slots=1)
    monkeypatch.setattr(jobs, "JOBS", board)
    return board


@pytest.fixture
def timers(monkeypatch):
    """The fragment timers the server asks the browser for (``auto_rerun`` messages): their intervals."""
    sent: list[float] = []
    real = ForwardMsgQueue.enqueue

    def record(self, msg):
        if msg.WhichOneof("type") == "auto_rerun":
            sent.append(msg.auto_rerun.interval)
        return real(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", record)
    return sent


def _gated(gate: threading.Event, steps: int = 3):
    def fn(progress):
        for step in range(1, steps + 1):
            progress.publish(step)
        gate.wait(30)
        return "result"

    return fn


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_no_job_draws_nothing_and_sets_no_timer(board, timers):
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert not at.exception
    assert _markdown(at) == ["ended: None"] and not at.button and not at.get("progress") and timers == []


def test_a_queued_job_says_how_many_are_ahead_and_polls(board, timers):
    gate = threading.Event()
    blocker = board.submit("blocker", _gated(gate))
    try:
        board.submit("watched", _gated(gate))
        at = AppTest.from_function(_page, default_timeout=30).run()
        assert not at.exception
        assert [i.value for i in at.info] == ["waiting: 1 ahead"]
        assert [c.value for c in at.caption] == ["more: queued"] and not at.get("progress")
        assert at.button(key="stop").label == "Stop watching"
        assert _markdown(at) == ["ended: None"]
        assert timers == [job_watcher.POLL_SECONDS]  # the one polling policy
    finally:
        gate.set()
        blocker.wait(10)


def test_a_running_job_shows_its_progress_and_the_finished_job_is_handed_back_without_a_timer(board, timers):
    gate = threading.Event()
    job = board.submit("watched", _gated(gate))
    while job.snapshot != 3:
        threading.Event().wait(0.01)
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert not at.exception and job.status == RUNNING
    (bar,) = at.get("progress")
    assert bar.value == 30 and bar.text == "step 3 of 10"
    assert [c.value for c in at.caption] == ["more: step 3 of 10"]
    assert timers == [job_watcher.POLL_SECONDS]
    gate.set()
    assert job.wait(10) and job.status == DONE
    timers.clear()
    at.run()
    assert not at.exception
    assert _markdown(at) == ["ended: done"] and not at.get("progress") and not at.button
    assert timers == []  # a finished job is not polled
    assert "finished" not in at.session_state  # on_finish is the poll's, not the page's


def test_the_poll_that_sees_the_end_hands_it_over_and_reruns_the_page_once(board):
    job = board.submit("watched", lambda progress: "result")
    assert job.wait(10) and job.status == DONE
    at = AppTest.from_function(_page, kwargs={"poll_now": True}, default_timeout=30).run()
    assert not at.exception
    assert at.session_state["finished"] == 1  # called once, before the full rerun
    assert _markdown(at) == ["ended: done"]  # the rerun drew the finished job


def test_stop_is_stop_watching_the_job_stops_when_nobody_watches(board):
    started = threading.Event()

    def fn(progress):
        started.set()
        while not progress.cancelled:
            threading.Event().wait(0.01)
        return None

    job = board.submit("watched", fn)
    board.submit("watched", fn)  # a second student watches the same job
    assert started.wait(10) and job.watchers == 2
    first, second = (AppTest.from_function(_page, default_timeout=30).run() for _ in range(2))
    first.button(key="stop").click().run()
    assert not first.exception and first.session_state["forgot"] == "watched"
    assert job.status == RUNNING and job.watchers == 1  # the other student still watches
    second.button(key="stop").click().run()
    assert job.wait(10) and job.status == STOPPED  # nobody watches any more: cancelled
    second.run()
    assert _markdown(second) == ["ended: stopped"]


def _run_every_calls(path: Path) -> list[int]:
    """Lines of ``path`` where a fragment is given a ``run_every``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and any(k.arg == "run_every" for k in node.keywords)]


def test_one_polling_policy_only_the_watcher_polls_a_job():
    """No page or widget polls a shared training with its own interval; the two other timers (the
    teacher's class board and the students' class-focus poll) read the class store, not a job."""
    pollers = {str(path.relative_to(ROOT)): lines for folder in ("pages", "ui", "app.py")
               for path in ((ROOT / folder).rglob("*.py") if (ROOT / folder).is_dir() else [ROOT / folder])
               if (lines := _run_every_calls(path))}
    assert set(pollers) == {"ui/widgets/job_watcher.py", "pages/teacher/page.py", "ui/widgets/classroom.py"}, pollers
    for other in ("pages/teacher/page.py", "ui/widgets/classroom.py"):
        text = (ROOT / other).read_text(encoding="utf-8")
        assert "services.jobs" not in text and "race_runner" not in text, other
