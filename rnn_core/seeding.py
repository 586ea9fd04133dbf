"""Seeded model construction that is safe when several trainings run at once.

PyTorch initialises ``nn.Linear``/``nn.LSTM``/... parameters from its *global* random
generator. A Streamlit server runs many sessions in threads of one process, and the app
trains models in background threads (``services.jobs``); two threads that each do
``torch.manual_seed(s); build()`` can interleave and draw each other's numbers, so a
"seeded" model would depend on timing. :func:`seeded` makes the pair atomic:

    with seeded(0):
        model = SequenceModel("lstm", 2, 32, 1)

holds a process-wide lock, forks the global RNG (so the caller's RNG state is left as it
was), seeds it, and restores it on exit. Everything after construction (batches, training)
draws from explicit ``torch.Generator`` objects and needs no lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import torch

_INIT_LOCK = threading.RLock()


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run the block with torch's global RNG seeded by ``seed``, atomically and without side effects."""
    with _INIT_LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(int(seed))
        yield
