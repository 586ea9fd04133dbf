"""Training speed: ms per step per cell, the default race, the live latch run.

Run from the repository root::

    python bench/bench_training.py [--steps 100] [--no-race] [--json-only]

Per cell: median milliseconds of one training step (forward, BPTT, clipping,
Adam) on the race's default workload (adding problem T = 50, batch 128,
hidden 32) after 10 warm-up steps. Then the default race (600 steps, three
cells) and one ``train_latch`` run (T = 30, 300 steps), each with wall-clock
and CPU seconds (CPU is what the machine would need if nothing else ran).
One torch thread, as set in ``rnn_core/__init__``. Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch

from rnn_core.models import SequenceModel
from rnn_core.race import race, train_latch
from rnn_core.tasks import adding_task
from rnn_core.training import Trainer

LENGTH, BATCH, HIDDEN = 50, 128, 32


def ms_per_step(kind: str, steps: int) -> dict:
    torch.manual_seed(0)
    model = SequenceModel(kind, 2, HIDDEN, 1)
    trainer = Trainer(model, lambda g: adding_task(BATCH, LENGTH, g), lr=0.02, clip=1.0, loss="mse")
    batch = adding_task(BATCH, LENGTH, seed=0)
    for _ in range(10):
        trainer.step(batch)
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        trainer.step(batch)
        times.append(1000 * (time.perf_counter() - t0))
    return {"cell": kind, "ms_per_step": round(statistics.median(times), 3),
            "ms_p90": round(sorted(times)[int(0.9 * len(times))], 3), "params": model.param_count()}


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, round(time.perf_counter() - w, 2), round(time.process_time() - c, 2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--no-race", action="store_true")
    ap.add_argument("--json-only", action="store_true")
    a = ap.parse_args()
    report: dict = {"torch": torch.__version__, "threads": torch.get_num_threads(),
                    "workload": {"task": "adding", "length": LENGTH, "batch": BATCH, "hidden": HIDDEN},
                    "cells": [ms_per_step(k, a.steps) for k in ("rnn", "lstm", "gru")]}
    if not a.no_race:
        results, wall, cpu = timed(lambda: race("adding", LENGTH, 600, 0))
        report["race"] = {"wall_s": wall, "cpu_s": cpu,
                          "results": [r.as_dict() for r in results]}
        latch, wall, cpu = timed(lambda: train_latch(1.0, 30, 300, 0))
        report["latch"] = {"wall_s": wall, "cpu_s": cpu, "solved_at_step": latch.solved_at_step}
    if not a.json_only:
        print(f"torch {report['torch']}, {report['threads']} thread(s); adding T={LENGTH}, batch {BATCH}, hidden {HIDDEN}")
        print(f"{'cell':5} {'ms/step':>8} {'p90':>8} {'params':>7}")
        for c in report["cells"]:
            print(f"{c['cell']:5} {c['ms_per_step']:8.2f} {c['ms_p90']:8.2f} {c['params']:7d}")
        if "race" in report:
            r = report["race"]
            print(f"default race (600 steps x 3 cells): wall {r['wall_s']} s, CPU {r['cpu_s']} s")
            for x in r["results"]:
                print(f"  {x['cell']:5} final_loss {x['final_loss']:.4f} solved_at {x['solved_at_step']} "
                      f"{x['seconds']:.2f} s")
            la = report["latch"]
            print(f"latch (b_f = 1, T = 30, 300 steps): wall {la['wall_s']} s, CPU {la['cpu_s']} s, "
                  f"solved at {la['solved_at_step']}")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
