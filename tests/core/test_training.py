"""rnn_core.training: determinism, clipping (Pascanu Alg. 1), explosion detection, callbacks."""

from __future__ import annotations

import math

import pytest
import torch

from rnn_core.models import SequenceModel
from rnn_core.tasks import adding_task, latch_task, order_task
from rnn_core.training import StopTraining, Trainer, clip_grad_norm, smoothed, train


def _adding(g):
    return adding_task(32, 10, g)


def _model(kind="gru", seed=0, out=1, inp=2):
    torch.manual_seed(seed)
    return SequenceModel(kind, inp, 8, out)


def test_same_seed_same_curve():
    a = train(_model(), _adding, steps=25, lr=1e-2, clip=1.0, seed=3, loss="mse")
    b = train(_model(), _adding, steps=25, lr=1e-2, clip=1.0, seed=3, loss="mse")
    c = train(_model(), _adding, steps=25, lr=1e-2, clip=1.0, seed=4, loss="mse")
    assert a.losses == b.losses and a.grad_norms == b.grad_norms
    assert a.losses != c.losses
    assert a.steps == 25 and a.exploded_at is None and not a.stopped and a.seconds > 0
    assert a.accuracy is None  # regression


def test_learns_and_reports_accuracy():
    torch.manual_seed(0)
    m = SequenceModel("rnn", 5, 16, 2)
    r = train(m, lambda g: order_task(64, 6, g), steps=300, lr=1e-2, clip=1.0, loss="ce",
              eval_fn=lambda model: float((model(order_task(500, 6, 99).x).argmax(-1) == order_task(500, 6, 99).y)
                                          .float().mean()))
    assert len(r.accuracies) == 300
    assert r.accuracy > 0.95 and r.eval > 0.95
    assert r.final_loss < r.losses[0]


def test_clip_grad_norm_is_pascanu_algorithm_1():
    p = torch.nn.Parameter(torch.zeros(3))
    q = torch.nn.Parameter(torch.zeros(2))
    p.grad = torch.tensor([3.0, 0.0, 0.0])
    q.grad = torch.tensor([0.0, 4.0])
    norm = clip_grad_norm([p, q], 1.0)
    assert norm == pytest.approx(5.0)  # reported before clipping
    total = math.sqrt(float((p.grad**2).sum() + (q.grad**2).sum()))
    assert total == pytest.approx(1.0)
    assert torch.allclose(p.grad, torch.tensor([0.6, 0.0, 0.0]))
    p.grad = torch.tensor([0.3, 0.0, 0.0])
    q.grad = torch.tensor([0.0, 0.4])
    assert clip_grad_norm([p, q], 1.0) == pytest.approx(0.5)
    assert torch.allclose(q.grad, torch.tensor([0.0, 0.4]))  # below the threshold: untouched
    assert clip_grad_norm([p, q], None) == pytest.approx(0.5)


def test_grad_norms_are_before_clipping():
    r = train(_model("rnn"), _adding, steps=10, lr=1e-3, clip=1e-6, seed=0, loss="mse")
    assert all(n > 1e-6 for n in r.grad_norms)


def test_explosion_is_detected_not_raised():
    torch.manual_seed(0)
    m = SequenceModel("rnn", 2, 16, 1, nonlinearity="relu")
    with torch.no_grad():
        m.rnn.weight_hh_l0.copy_(3.0 * torch.eye(16))
    r = train(m, lambda g: adding_task(16, 40, g), steps=50, lr=1.0, optimizer="sgd", loss="mse")
    assert r.exploded_at is not None and r.exploded_at <= 50
    assert r.steps == r.exploded_at  # training stopped there
    last = r.losses[-1], r.grad_norms[-1]
    assert not all(math.isfinite(v) for v in last)


def test_callback_stop_and_stoptraining():
    seen = []
    r = train(_model(), _adding, steps=50, loss="mse", callback=lambda info: seen.append(info.step) or info.step < 5)
    assert r.stopped and r.steps == 5 and seen == [1, 2, 3, 4, 5]

    def raiser(info):
        if info.step == 3:
            raise StopTraining

    r = train(_model(), _adding, steps=50, loss="mse", callback=raiser)
    assert r.stopped and r.steps == 3


def test_callback_receives_step_info():
    infos = []
    train(_model(out=2), lambda g: latch_task(16, 5, g), steps=3, loss="ce", callback=infos.append)
    assert [i.step for i in infos] == [1, 2, 3]
    assert all(0 <= i.accuracy <= 1 and i.grad_norm > 0 and i.seconds > 0 for i in infos)


def test_cosine_schedule_and_validation():
    t = Trainer(_model(), _adding, lr=0.1, loss="mse", schedule="cosine", total_steps=4)
    lrs = []
    for _ in range(4):
        lrs.append(t.current_lr())
        t.step()
    assert lrs[0] == pytest.approx(0.1) and lrs[2] == pytest.approx(0.05)
    assert t.opt.param_groups[0]["lr"] == pytest.approx(lrs[-1])
    with pytest.raises(ValueError):
        Trainer(_model(), _adding, schedule="cosine")
    with pytest.raises(ValueError):
        Trainer(_model(), _adding, optimizer="rmsprop")
    with pytest.raises(ValueError):
        train(_model(), _adding, steps=1, loss="hinge")


def test_fixed_batch_training():
    batch = adding_task(16, 8, seed=0)
    r = train(_model(), batch, steps=30, lr=1e-2, loss="mse")
    assert r.losses[-1] < r.losses[0]


def test_smoothed():
    assert smoothed([1.0, 3.0, 5.0], window=2) == [1.0, 2.0, 4.0]
    assert smoothed([]) == []
