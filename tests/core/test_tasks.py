"""rnn_core.tasks: shapes, labels, seeds and memoryless baselines."""

from __future__ import annotations

import math

import pytest
import torch

from rnn_core.tasks import (
    ADDING_BASELINE_MSE,
    EPISODE_KINDS,
    LATCH_BASELINE_LOSS,
    MOODS,
    ORDER_VOCAB,
    SERIES_INPUT_SIZE,
    Batch,
    Episode,
    adding_task,
    copy_baseline,
    encode_order_sequence,
    encode_timeline,
    latch_task,
    make_timeline,
    order_task,
    series_stream,
    series_task,
)


def test_order_task_shapes_labels_and_seed():
    b = order_task(512, 7, seed=3)
    assert isinstance(b, Batch) and len(b) == 512
    assert b.x.shape == (512, 7, len(ORDER_VOCAB)) and b.x.dtype == torch.float32
    assert b.y.dtype == torch.int64
    tokens = b.x.argmax(-1)
    assert torch.all((tokens == 0).sum(1) == 1) and torch.all((tokens == 1).sum(1) == 1)
    pos_a = (tokens == 0).float().argmax(1)
    pos_b = (tokens == 1).float().argmax(1)
    assert torch.equal(b.y, (pos_a < pos_b).long())
    assert torch.equal(b.pos_a, pos_a)
    assert 0.4 < b.y.float().mean() < 0.6
    again = order_task(512, 7, seed=3)
    assert torch.equal(again.x, b.x) and torch.equal(again.y, b.y)
    assert not torch.equal(order_task(512, 7, seed=4).x, b.x)


def test_order_bag_is_label_blind():
    # a bag of tokens cannot know the order: both labels have the same token counts
    b = order_task(256, 6, seed=0)
    counts = b.x.sum(1)
    assert torch.all(counts[:, 0] == 1) and torch.all(counts[:, 1] == 1)


def test_encode_order_sequence():
    x = encode_order_sequence(["c", "B", "A", "D"])
    assert x.shape == (1, 4, 5)
    assert x[0].argmax(-1).tolist() == [2, 1, 0, 3]
    with pytest.raises(ValueError):
        encode_order_sequence(["A", "Z"])
    with pytest.raises(ValueError):
        encode_order_sequence([])


@pytest.mark.parametrize("moods", [False, True])
def test_series_task_layout(moods):
    b = series_task(300, (1, 12), moods=moods, length=20, seed=1)
    assert b.x.shape == (300, 20, SERIES_INPUT_SIZE) and b.y.dtype == torch.int64
    n_kinds = len(EPISODE_KINDS)
    kinds = b.x[..., :n_kinds]
    mood = b.x[..., n_kinds:]
    assert torch.all(kinds.sum(-1) == 1)  # one episode type per step
    assert torch.all(kinds[:, -1].argmax(-1) == n_kinds - 1)  # final scene last
    assert torch.all(mood[:, -1] == 0)  # the final scene has no mood
    rows = torch.arange(300)
    assert torch.all(kinds[rows, b.key_position, 0] == 1)
    assert torch.all((kinds[..., 0]).sum(1) == 1)  # exactly one key event
    assert torch.equal(b.distance, 19 - b.key_position)
    assert int(b.distance.min()) >= 1 and int(b.distance.max()) <= 12
    assert torch.equal(mood[rows, b.key_position].argmax(-1), b.y)  # label = key mood
    per_step = mood.sum(-1)[:, :-1]
    if moods:
        assert torch.all(per_step == 1)  # every episode but the final carries a mood
    else:
        assert torch.all(per_step.sum(1) == 1)  # only the key event does


def test_series_ordinary_moods_are_independent_of_label():
    b = series_task(4000, (3, 3), moods=True, length=10, seed=2)
    happy_after_key = b.x[:, -3:-1, -1].mean(1)  # the two ordinary episodes after the key
    corr = torch.corrcoef(torch.stack([happy_after_key, b.y.float()]))[0, 1]
    assert abs(float(corr)) < 0.05


def test_series_explicit_distances_and_errors():
    b = series_task(50, [5], seed=0)
    assert torch.all(b.distance == 5) and b.x.shape[1] == 6
    with pytest.raises(ValueError):
        series_task(4, (0, 3))
    with pytest.raises(ValueError):
        series_task(4, (1, 10), length=5)


def test_series_stream_varies_prefix_and_distance():
    sample = series_stream(16, max_distance=30, max_prefix=30, moods=True)
    g = torch.Generator().manual_seed(0)
    seen = [sample(g) for _ in range(50)]
    lengths = {b.x.shape[1] for b in seen}
    assert len(lengths) > 10 and max(lengths) <= 61
    for b in seen:
        assert torch.all(b.distance == b.distance[0])
        assert int(b.distance[0]) <= 30


def test_encode_timeline_matches_generator():
    b = series_task(1, [3], moods=True, length=6, seed=5)
    n_kinds = len(EPISODE_KINDS)
    eps = []
    for t in range(6):
        kind = EPISODE_KINDS[int(b.x[0, t, :n_kinds].argmax())]
        mood = MOODS[int(b.x[0, t, n_kinds:].argmax())] if b.x[0, t, n_kinds:].sum() else None
        eps.append(Episode(kind, mood))
    assert torch.equal(encode_timeline(eps, moods=True), b.x)
    # simple series drops the moods of ordinary episodes, keeps the key's
    simple = encode_timeline(eps, moods=False)
    assert simple[0, :, n_kinds:].sum() == 1
    assert int(simple[0, 2, n_kinds:].argmax()) == int(b.y)


def test_encode_timeline_inputs_and_errors():
    x = encode_timeline(["ordinary1", ("key", "happy"), "ordinary2", "final"], moods=True)
    assert x.shape == (1, 4, 7) and x[0, 1, 6] == 1
    with pytest.raises(ValueError):
        encode_timeline(["key", "final"], moods=True)  # key without mood
    with pytest.raises(ValueError):
        encode_timeline([("war", "sad")], moods=True)
    with pytest.raises(ValueError):
        encode_timeline([("key", "angry")], moods=True)
    with pytest.raises(ValueError):
        encode_timeline([], moods=True)


def test_make_timeline():
    tl = make_timeline("sad", 4, before=2, seed=1)
    assert len(tl) == 2 + 4 + 1
    assert tl[2] == Episode("key", "sad") and tl[-1] == Episode("final", None)
    assert all(e.kind.startswith("ordinary") for i, e in enumerate(tl) if i not in (2, len(tl) - 1))
    fixed = make_timeline("happy", 3, ordinary_moods=["sad"])
    assert [e.mood for e in fixed] == ["happy", "sad", "sad", None]
    assert make_timeline("happy", 1) == [Episode("key", "happy"), Episode("final", None)]
    with pytest.raises(ValueError):
        make_timeline("angry", 2)


def test_adding_task_target_and_baseline():
    b = adding_task(20000, 50, seed=0)
    assert b.x.shape == (20000, 50, 2) and b.y.shape == (20000, 1) and b.y.dtype == torch.float32
    marks = b.x[..., 1]
    assert torch.all(marks.sum(1) == 2)
    assert torch.all(b.first < 25) and torch.all(b.second >= 25)
    assert torch.allclose((b.x[..., 0] * marks).sum(1, keepdim=True), b.y)
    assert torch.all((b.x[..., 0] >= 0) & (b.x[..., 0] <= 1))
    mse_of_mean = float(((b.y - 1.0) ** 2).mean())
    assert mse_of_mean == pytest.approx(ADDING_BASELINE_MSE, rel=0.03)
    assert ADDING_BASELINE_MSE == pytest.approx(1 / 6)


def test_latch_task():
    b = latch_task(1000, 30, seed=0)
    assert b.x.shape == (1000, 30, 2)
    assert torch.equal((b.x[:, 0, 0] > 0).long(), b.y)
    assert torch.all(b.x[:, 1:, 0] == 0) and torch.all(b.x[:, 0, 1] == 0)
    assert b.x[:, 1:, 1].std() > 0.9  # noise distractor
    assert LATCH_BASELINE_LOSS == pytest.approx(math.log(2))


def test_copy_baseline():
    assert copy_baseline(100) == pytest.approx(10 * math.log(8) / 120)
    assert copy_baseline(0) == pytest.approx(math.log(8) / 2)
