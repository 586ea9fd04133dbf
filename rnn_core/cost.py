"""What a recurrent cell costs: parameters (counted two ways) and measured time per step.

Parameters of a one-layer PyTorch cell with its two bias vectors (``b_ih`` and ``b_hh``)::

    P = G · (h·x + h² + 2h),    G = 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n)

each of the G blocks has an input matrix (h × x), a recurrent matrix (h × h) and two biases.
:func:`param_counts` gives the formula and ``sum(p.numel())`` of a real module side by side, so
the page can show that they agree (h = 32, x = 7: RNN 1,312, LSTM 5,248, GRU 3,936).

Time per step is *measured*, never assumed: a seeded module runs on a seeded input
``[batch, length, x]`` under ``torch.no_grad()``; each mode is timed ``repeats`` times after
one warm-up run, and the median wall time is divided by ``length``. Three ways to run the very
same maths:

* ``"fused"``: ``module(x)``, PyTorch's own kernel. On CPU, ``nn.LSTM`` in float32 is handed
  to oneDNN (one ``aten::mkldnn_rnn_layer`` call for the whole sequence) while ``nn.GRU`` and
  ``nn.RNN`` run ATen's generic loop: a few small operators per time step (a matrix product,
  chunks, sigmoids, tanh, products, sums), each paying the dispatcher's overhead.
* ``"fused_plain"``: the same call with ``torch.backends.mkldnn.flags(enabled=False)``, so
  every cell runs ATen's generic loop. Comparing the two modes shows how much of the LSTM's
  speed comes from the kernel rather than from the maths.
* ``"transparent"``: :func:`rnn_core.cells.trace`, the Python step loop that keeps every gate
  (what the heatmaps use).

:func:`dispatched_ops` counts the ATen operators a fused forward pass dispatches (with a
``TorchDispatchMode``), the direct evidence for the kernel difference: measured here, ``nn.LSTM``
dispatches 9 operators for a whole 20-step sequence (one of them ``aten::mkldnn_rnn_layer``),
``nn.GRU`` about 14.5 per step. Note: the oneDNN switch
is process-wide for the few milliseconds of a ``"fused_plain"`` measurement; another thread
running an LSTM at that moment gets the (equally correct) generic loop.
"""

from __future__ import annotations

import statistics
import time
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

import torch
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

from rnn_core.cells import KINDS, param_count_formula, trace
from rnn_core.seeding import seeded

__all__ = ["MODES", "ParamCount", "CellCost", "OpCount", "param_counts", "build", "time_per_step",
           "dispatched_ops", "measure_costs"]

MODES = ("fused", "fused_plain", "transparent")
_MODULES = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
_GATES = {"rnn": 1, "lstm": 4, "gru": 3}


@dataclass(frozen=True)
class ParamCount:
    """``formula`` = G·(h·x + h² + 2h); ``numel`` = ``sum(p.numel())`` of a real module."""

    kind: str
    gates: int
    hidden: int
    input_size: int
    formula: int
    numel: int


@dataclass(frozen=True)
class OpCount:
    """ATen operators dispatched by one fused forward pass over ``length`` steps.

    ``total``: every ``aten::`` event; ``per_step``: ``total / length``; ``onednn``: whether
    ``aten::mkldnn_rnn_layer`` ran; ``top``: the most frequent operators as ``(name, count)``.
    """

    kind: str
    length: int
    total: int
    per_step: float
    onednn: bool
    top: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CellCost:
    """One cell's cost: parameters and milliseconds per time step in each mode of :data:`MODES`."""

    kind: str
    params: ParamCount
    ms_per_step: dict[str, float]
    batch: int
    length: int
    ops: OpCount


def build(kind: str, *, hidden: int = 32, input_size: int = 7, seed: int = 0) -> nn.Module:
    """A seeded single-layer batch-first float32 ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    with seeded(seed):
        return _MODULES[kind](input_size, hidden, batch_first=True).eval()


def param_counts(kind: str, hidden: int = 32, input_size: int = 7) -> ParamCount:
    """The formula G·(h·x + h² + 2h) next to ``numel`` of a freshly built module."""
    module = build(kind, hidden=hidden, input_size=input_size)
    return ParamCount(kind=kind, gates=_GATES[kind], hidden=hidden, input_size=input_size,
                      formula=param_count_formula(kind, hidden, input_size),
                      numel=sum(p.numel() for p in module.parameters()))


@contextmanager
def _onednn(enabled: bool):
    with warnings.catch_warnings():  # torch warns about Intel-GPU TF32 whenever the flags change
        warnings.simplefilter("ignore", UserWarning)
        with torch.backends.mkldnn.flags(enabled=enabled):
            yield


def _runner(kind: str, mode: str, module: nn.Module, x: torch.Tensor):
    if mode == "fused":
        return lambda: module(x)
    if mode == "fused_plain":
        def plain():
            with _onednn(False):
                return module(x)
        return plain
    if mode == "transparent":
        return lambda: trace(module, x)
    raise ValueError(f"mode must be one of {MODES}, got {mode!r}")


def time_per_step(kind: str, mode: str = "fused", *, hidden: int = 32, input_size: int = 7, batch: int = 1,
                  length: int = 100, repeats: int = 5, seed: int = 0) -> float:
    """Median wall time of one forward pass divided by ``length``, in seconds per time step.

    One warm-up run first (allocations, oneDNN primitive creation), then ``repeats`` timed runs
    under ``torch.no_grad()`` with ``time.perf_counter``. Always positive and finite.
    """
    if length < 1 or repeats < 1 or batch < 1:
        raise ValueError("length, repeats and batch must be at least 1")
    module = build(kind, hidden=hidden, input_size=input_size, seed=seed)
    gen = torch.Generator().manual_seed(seed + 1)
    x = torch.randn(batch, length, input_size, generator=gen)
    run = _runner(kind, mode, module, x)
    times = []
    with torch.no_grad():
        run()
        for _ in range(repeats):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return max(statistics.median(times), 1e-12) / length


class _CountOps(TorchDispatchMode):
    """Count every ATen operator that reaches the dispatcher (composite ops seen decomposed)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        self.counts[f"aten::{func.overloadpacket.__name__}"] += 1
        return func(*args, **(kwargs or {}))


def dispatched_ops(kind: str, *, hidden: int = 32, input_size: int = 7, batch: int = 1,
                   length: int = 100, top: int = 6) -> OpCount:
    """Count the ATen operators one fused ``module(x)`` dispatches.

    Uses a ``TorchDispatchMode`` (no profiler, no threads): composite operators such as
    ``aten::gru`` are seen through, as the kernels they call (``addmm``, ``sigmoid_``, …), while
    oneDNN's LSTM is one ``aten::mkldnn_rnn_layer`` call.
    """
    module = build(kind, hidden=hidden, input_size=input_size)
    x = torch.randn(batch, length, input_size, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        module(x)
        with _CountOps() as mode:
            module(x)
    counts = mode.counts
    total = sum(counts.values())
    return OpCount(kind=kind, length=length, total=total, per_step=total / length,
                   onednn=counts.get("aten::mkldnn_rnn_layer", 0) > 0,
                   top=tuple(counts.most_common(top)))


def measure_costs(kinds: tuple[str, ...] = ("lstm", "gru"), *, hidden: int = 32, input_size: int = 7,
                  batch: int = 1, length: int = 100, repeats: int = 5) -> list[CellCost]:
    """Parameters, ms per step in every mode and the operator count, for each of ``kinds``.

    Modes are interleaved cell by cell (LSTM fused, GRU fused, LSTM plain, …) so a burst of load
    from another process hits both cells alike.
    """
    ms: dict[str, dict[str, float]] = {k: {} for k in kinds}
    for mode in MODES:
        for kind in kinds:
            ms[kind][mode] = 1e3 * time_per_step(kind, mode, hidden=hidden, input_size=input_size, batch=batch,
                                                 length=length, repeats=repeats)
    return [CellCost(kind=k, params=param_counts(k, hidden, input_size), ms_per_step=ms[k], batch=batch,
                     length=length, ops=dispatched_ops(k, hidden=hidden, input_size=input_size, batch=batch,
                                                       length=length))
            for k in kinds]
