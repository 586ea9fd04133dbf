"""The hallucinating network: the unclipped run explodes (NaN/∞ reported, no exception), the
clipped run with the same seed and data stays finite and learns below the memoryless baseline."""

from __future__ import annotations

import math

import pytest
import torch

from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE, Pair, build_model, explode_pair, hallucination_run


def test_model_starts_with_the_recipe_gain():
    model = build_model(RECIPE.gain, RECIPE.hidden, seed=3)
    sigma = torch.linalg.svdvals(model.rnn.weight_hh_l0.detach().double())
    assert torch.allclose(sigma, torch.full_like(sigma, RECIPE.gain), atol=1e-5)


def test_building_does_not_touch_the_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    build_model(2.0, 8, seed=0)
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.slow
def test_unclipped_explodes_and_clipped_learns():
    wild = hallucination_run(clip=False, seed=0)
    tame = hallucination_run(clip=True, seed=0)
    assert wild.exploded_at is not None and 20 < wild.exploded_at < RECIPE.steps
    assert wild.steps == wild.exploded_at
    last = wild.exploded_at - 1
    assert not (math.isfinite(wild.losses[last]) and math.isfinite(wild.grad_norms[last]))
    assert max(x for x in wild.losses if math.isfinite(x)) > 1e6  # the loss spiked before the NaN
    assert tame.exploded_at is None and tame.steps == RECIPE.steps
    assert all(math.isfinite(x) for x in tame.losses + tame.grad_norms)
    assert tame.final_loss < ADDING_BASELINE_MSE


def test_same_seed_same_curve_and_callback_can_stop():
    seen = []
    result = hallucination_run(clip=True, seed=1, callback=lambda info: seen.append(info.step) or info.step < 5)
    assert result.stopped and result.steps == 5 and seen == [1, 2, 3, 4, 5]
    again = hallucination_run(clip=True, seed=1, callback=lambda info: info.step < 5)
    assert again.losses == result.losses


def _bits(values) -> bytes:
    """The exact float64 bits of a curve (NaN compares equal to itself here)."""
    import numpy as np

    return np.asarray(values, dtype=np.float64).tobytes()


@pytest.mark.slow
def test_shared_job_is_bit_identical_to_a_private_run_and_single_flight():
    """Through the shared job board (as the page runs it): two identical requests get one job, and
    its curves are bit for bit those of two private runs."""
    from services.jobs import JobBoard

    board = JobBoard(slots=1)
    key = ("s3-explode", RECIPE, 3)
    first = board.submit(key, lambda progress: explode_pair(3, should_stop=lambda: progress.cancelled))
    second = board.submit(key, lambda progress: explode_pair(3))
    assert second is first and first.watchers == 2
    assert first.wait(600) and first.status == "done"
    pair = first.result
    assert isinstance(pair, Pair) and pair.seed == 3 and not pair.stopped
    private_free = hallucination_run(clip=False, seed=3)
    private_clipped = hallucination_run(clip=True, seed=3)
    assert _bits(pair.free.losses) == _bits(private_free.losses)
    assert _bits(pair.free.grad_norms) == _bits(private_free.grad_norms)
    assert _bits(pair.clipped.losses) == _bits(private_clipped.losses)
    assert pair.free.exploded_at == private_free.exploded_at
    assert board.submit(key, lambda progress: explode_pair(3)) is first  # a later request: the replay


def test_pair_can_be_stopped_early_and_reports_progress():
    calls = []
    pair = explode_pair(0, on_step=lambda index, info: calls.append((index, info.step)),
                        should_stop=lambda: len(calls) >= 3)
    assert pair.stopped and calls[:3] == [(0, 1), (0, 2), (0, 3)]
    assert pair.free.steps == 3 and pair.clipped.steps == 0
