"""rnn_core.latch: the online "solved" rule, and a run shared through the job board is bit-identical
to a private one."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rnn_core import latch
from rnn_core.race import RACE_TASKS, solved_step
from services.jobs import JobBoard


def _info(accuracy):
    return SimpleNamespace(accuracy=accuracy)


def test_solved_rule_stops_exactly_where_the_race_says_solved():
    accuracies = [0.5] * 30 + [1.0] * 25
    rule = latch.SolvedRule()
    stopped_at = next(i + 1 for i, a in enumerate(accuracies) if rule(_info(a)) is False)
    assert stopped_at == solved_step(RACE_TASKS["latch"], [0.0] * len(accuracies), accuracies)
    # 20 batches at 1.0 after 0.5s: the trailing mean first reaches 0.99 at step 50
    assert stopped_at == 50


def test_solved_rule_needs_a_full_window():
    rule = latch.SolvedRule(window=3, threshold=0.9)
    assert rule(_info(1.0)) is True and rule(_info(1.0)) is True  # only two batches so far: keep going
    assert rule(_info(1.0)) is False
    seen = []
    rule = latch.SolvedRule(window=2, on_step=seen.append)
    rule(_info(None))  # a step without accuracy counts as 0
    assert len(seen) == 1 and rule._recent == [0.0]


@pytest.mark.slow
def test_shared_run_is_bit_identical_to_a_private_one():
    private = latch.run_latch(1.0)
    board = JobBoard(slots=2)
    job = board.submit(latch.latch_key(1.0), latch.shared_run(1.0))
    again = board.submit(latch.latch_key(1.0), latch.shared_run(1.0))
    assert again is job  # a second student joins the same computation
    assert job.wait(120) and job.status == "done", job.error
    shared = job.result
    assert shared.accuracies == private.accuracies and shared.losses == private.losses  # exact, not approx
    assert shared.solved_at == private.solved_at is not None and shared.accuracy == private.accuracy
    step, accuracies = job.snapshot
    assert step % 10 == 0 and accuracies == private.accuracies[:step]


def test_a_run_nobody_watches_stops_early():
    board = JobBoard(slots=1)
    job = board.submit(latch.latch_key(0.0), latch.shared_run(0.0, every=1))
    board.stop(job)
    assert job.wait(120)
    assert job.status == "stopped"
    assert job.result is None or len(job.result.accuracies) < latch.STEPS


def test_the_key_describes_the_training_fully():
    assert latch.latch_key(1) == latch.latch_key(1.0) != latch.latch_key(1.0, seed=1)
    hash(latch.latch_key(0.25))
