"""services.jobs: single-flight shared trainings, bounded slots with a queue, stop and replay."""

from __future__ import annotations

import threading

import pytest

from rnn_core.race import race
from services.jobs import DONE, FAILED, QUEUED, RUNNING, STOPPED, JobBoard


def _gate_fn(gate: threading.Event, calls: list, value=1):
    def fn(progress):
        calls.append(1)
        progress.publish({"step": 0})
        gate.wait(10)
        progress.publish({"step": 1})
        return value

    return fn


def test_identical_requests_share_one_computation_and_replay():
    board = JobBoard(slots=2)
    gate, calls = threading.Event(), []
    first = board.submit(("x", 1), _gate_fn(gate, calls))
    second = board.submit(("x", 1), _gate_fn(gate, calls))
    assert second is first and first.watchers == 2
    gate.set()
    assert first.wait(10) and first.status == DONE and first.result == 1
    later = board.submit(("x", 1), _gate_fn(gate, calls, value=2))
    assert later is first and later.result == 1  # replayed, not recomputed
    assert len(calls) == 1 and first.snapshot == {"step": 1}


def test_slots_bound_running_jobs_and_the_queue_says_who_is_ahead():
    board = JobBoard(slots=1)
    gate, calls = threading.Event(), []
    a = board.submit("a", _gate_fn(gate, calls))
    b = board.submit("b", _gate_fn(gate, calls))
    c = board.submit("c", _gate_fn(gate, calls))
    assert (a.status, b.status, c.status) == (RUNNING, QUEUED, QUEUED)
    assert (a.ahead, b.ahead, c.ahead) == (0, 1, 2)
    assert board.stats() == {"running": 1, "queued": 2, "known": 3}
    gate.set()
    assert all(j.wait(10) for j in (a, b, c))
    assert [j.status for j in (a, b, c)] == [DONE] * 3 and len(calls) == 3


def test_stop_cancels_only_when_nobody_watches():
    board = JobBoard(slots=1)
    started = threading.Event()

    def fn(progress):
        started.set()
        step = 0
        while not progress.cancelled and step < 10_000:
            step += 1
            progress.publish({"step": step})
            threading.Event().wait(0.001)
        return {"step": step}

    job = board.submit("long", fn)
    board.submit("long", fn)  # a second viewer
    assert started.wait(5)
    board.stop(job)
    assert not job.wait(0.05) and job.status == RUNNING  # one viewer is still there
    board.stop(job)
    assert job.wait(5) and job.status == STOPPED and job.result["step"] < 10_000
    again = board.submit("long", fn)
    assert again is not job  # a stopped job is started afresh
    board.stop(again)
    assert again.wait(5)


def test_a_queued_job_nobody_watches_leaves_the_queue():
    board = JobBoard(slots=1)
    gate = threading.Event()
    running = board.submit("a", _gate_fn(gate, []))
    queued = board.submit("b", _gate_fn(gate, []))
    board.stop(queued)
    assert queued.status == STOPPED and board.stats()["queued"] == 0
    gate.set()
    assert running.wait(5) and running.status == DONE


def test_a_failing_training_is_reported_not_raised():
    board = JobBoard(slots=1)

    def boom(progress):
        raise FloatingPointError("loss is nan")

    job = board.submit("boom", boom)
    assert job.wait(5) and job.status == FAILED and "loss is nan" in job.error
    assert board.submit("next", lambda p: 3).wait(5)  # the slot was given back


def test_unhashable_key_is_refused_in_the_caller():
    with pytest.raises(TypeError):
        JobBoard(slots=1).submit(["not", "hashable"], lambda p: 1)


def test_finished_jobs_are_bounded():
    board = JobBoard(slots=2, keep_finished=3)
    for i in range(8):
        assert board.submit(i, lambda p, i=i: i).wait(5)
    board.submit("last", lambda p: 0).wait(5)
    assert board.stats()["known"] <= 4


def test_shared_race_is_bit_identical_to_a_private_run():
    """Two trainings at once in threads (and the same one joined) equal private runs exactly."""
    settings = dict(task="adding", length=10, steps=15, seed=3, hidden=8, batch=16)
    other = dict(settings, seed=4)
    private = race(**settings)
    private_other = race(**other)
    board = JobBoard(slots=2)
    job = board.submit(("race", tuple(settings.items())), lambda p: race(**settings))
    joined = board.submit(("race", tuple(settings.items())), lambda p: race(**settings))
    job_other = board.submit(("race", tuple(other.items())), lambda p: race(**other))
    assert joined is job and job.wait(60) and job_other.wait(60)
    for shared, mine in ((job.result, private), (job_other.result, private_other)):
        for a, b in zip(shared, mine, strict=True):
            assert a.cell == b.cell and a.losses == b.losses and a.grad_norms == b.grad_norms


def test_shutdown_cancels_running_and_queued_jobs_and_waits_for_them():
    board = JobBoard(slots=1)

    def long(progress):
        while not progress.cancelled:
            threading.Event().wait(0.005)
        return "cancelled"

    running = board.submit("long", long)
    queued = board.submit("next", long)
    board.shutdown(timeout=5)
    assert running.status == STOPPED and running.result == "cancelled" and not running._thread.is_alive()
    assert queued.status == STOPPED and board.stats()["queued"] == 0


def test_stop_watching_goes_to_the_board_that_holds_the_job():
    """A page stops watching through the job itself (ui.widgets.job_watcher), whichever board is global."""
    board, other = JobBoard(slots=1), JobBoard(slots=1)
    gate = threading.Event()
    running = board.submit("a", _gate_fn(gate, []))
    queued = board.submit("b", _gate_fn(gate, []))
    board.submit("b", _gate_fn(gate, []))  # two students wait for b
    queued.stop_watching()
    assert queued.status == QUEUED and queued.watchers == 1 and other.stats()["known"] == 0
    queued.stop_watching()
    assert queued.status == STOPPED and board.stats()["queued"] == 0  # nobody waits: it left the queue
    gate.set()
    assert running.wait(5) and running.status == DONE
    running.stop_watching()  # a finished job: nothing to stop
    assert running.status == DONE
