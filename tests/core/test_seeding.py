"""rnn_core.seeding: seeded construction is reproducible, leaves the global RNG alone and is thread-safe.

The app draws from torch's global RNG only inside ``seeded`` (everything else uses explicit
``torch.Generator`` objects; ``test_no_bare_global_rng`` keeps it that way).
"""

from __future__ import annotations

import threading

import torch

from rnn_core.models import SequenceModel
from rnn_core.seeding import seeded


def _build(seed: int) -> SequenceModel:
    with seeded(seed):
        return SequenceModel("lstm", 2, 16, 1)


def _flat(model: torch.nn.Module) -> torch.Tensor:
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def test_same_seed_same_weights_and_equal_to_manual_seed():
    torch.manual_seed(3)
    expected = SequenceModel("lstm", 2, 16, 1)
    assert torch.equal(_flat(_build(3)), _flat(expected))
    assert not torch.equal(_flat(_build(3)), _flat(_build(4)))


def test_global_rng_state_is_restored():
    torch.manual_seed(123)
    before = torch.random.get_rng_state()
    _build(7)
    assert torch.equal(torch.random.get_rng_state(), before)


def test_threads_building_at_once_get_their_own_seeds():
    reference = {s: _flat(_build(s)) for s in range(6)}
    results: dict[tuple[int, int], torch.Tensor] = {}
    barrier = threading.Barrier(6)

    def worker(seed: int) -> None:
        barrier.wait()
        for round_ in range(10):
            results[(seed, round_)] = _flat(_build(seed))

    threads = [threading.Thread(target=worker, args=(s,)) for s in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(torch.equal(v, reference[s]) for (s, _), v in results.items())


def test_no_bare_global_rng_in_the_app():
    """Every global-RNG draw in the app goes through ``seeded`` (else threads could interleave)."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    draw = re.compile(r"torch\.manual_seed\(|torch\.(rand|randn|randint|randperm)\(")
    offenders = [f"{path.relative_to(root)}:{n}" for folder in ("rnn_core", "ui", "pages", "services", "classroom")
                 for path in sorted((root / folder).rglob("*.py")) if path.name != "seeding.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if draw.search(line) and "generator" not in line]
    assert offenders == []
