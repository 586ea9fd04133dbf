"""Gradient-probe speed: median milliseconds of ``rnn_core.gradients.probe`` per cell kind.

    python -m bench.bench_core_gradients [--runs 20] [--length 300] [--hidden 64]

Budget: the whole probe (backward view, forward view, Pascanu numbers) under 150 ms at
length 300, hidden 64, on one torch thread (set in ``rnn_core/__init__.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch

from rnn_core.gradients import probe

CASES = [("rnn", "tanh"), ("rnn", "relu"), ("rnn", "linear"), ("lstm", "tanh"), ("gru", "tanh")]


def bench(runs: int = 20, length: int = 300, hidden: int = 64) -> dict[str, float]:
    """Median wall time in ms of ``probe`` for every case (one warm-up call each)."""
    results = {}
    for kind, nonlinearity in CASES:
        probe(kind, length=length, hidden=hidden, nonlinearity=nonlinearity, gain=1.0)
        times = []
        for seed in range(runs):
            start = time.perf_counter()
            probe(kind, length=length, hidden=hidden, nonlinearity=nonlinearity, gain=1.0, seed=seed)
            times.append(time.perf_counter() - start)
        results[kind if kind != "rnn" else f"rnn-{nonlinearity}"] = 1e3 * statistics.median(times)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--length", type=int, default=300)
    parser.add_argument("--hidden", type=int, default=64)
    args = parser.parse_args()
    print(f"probe, length {args.length}, hidden {args.hidden}, {torch.get_num_threads()} torch thread(s)")
    for name, ms in bench(args.runs, args.length, args.hidden).items():
        print(f"  {name:12s} {ms:7.1f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
