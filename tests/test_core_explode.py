"""The hallucinating network: the unclipped run explodes (NaN/∞ reported, no exception), the
clipped run with the same seed and data stays finite and learns below the memoryless baseline."""

from __future__ import annotations

import math

import pytest
import torch

from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE, build_model, hallucination_run


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
