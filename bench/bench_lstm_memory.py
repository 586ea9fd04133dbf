"""Where does a standard LSTM keep the key event's mood? The loop or the belt, across training variants.

Run from the repository root::

    python -m bench.bench_lstm_memory [--variants default,bias1,bias2,bias3,far60,long3000] [--json-only]

Station 4's "two ways a network can remember" chart compares the shipped ``series_moods_lstm``
(trained as usual) with ``series_moods_lstm_belt`` (every recurrent weight frozen at 0). This
benchmark asks whether the usual LSTM's choice of the loop h → gates → c depends on how it is
trained: it retrains the shipped recipe (:mod:`rnn_core.pretrained`: realistic series, hidden 32,
batch 128, Adam lr 3e-3, clipping 1.0, seed 0, distances 1–30, 1000 steps) with one change per
variant — the forget gate's total bias started at 1, 2 or 3 (``SequenceModel(forget_bias=…)``),
training distances up to 60, or 3000 steps — and measures each with
:func:`rnn_core.mechanism.mechanism_report` on station 4's batch (512 series, distances 1–40,
seed 123): clean accuracy, accuracy with the belt only (every gate hears a mood-free h̄), with
only the loop h → g → c cut, with the belt cut (f := 0 on every unit), and the memory unit's
forget gate after the key event.

A model that keeps the mood on the belt keeps its accuracy with the belt only; a model that uses
the loop falls to chance (0.5) with the belt only. ``tests/bench/test_lstm_memory.py`` (slow)
re-runs the bias variants; the numbers measured are in its docstring.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnn_core.mechanism import mechanism_report
from rnn_core.models import SequenceModel
from rnn_core.seeding import seeded
from rnn_core.tasks import SERIES_INPUT_SIZE, series_stream
from rnn_core.training import train

HIDDEN, BATCH, LR, CLIP, SEED = 32, 128, 3e-3, 1.0, 0  # the shipped series_moods_lstm recipe


@dataclass(frozen=True)
class Variant:
    name: str
    forget_bias: float | None = None  # None: PyTorch's default init (the shipped model)
    max_distance: int = 30
    steps: int = 1000


VARIANTS: dict[str, Variant] = {v.name: v for v in (
    Variant("default"),
    Variant("bias1", forget_bias=1.0),
    Variant("bias2", forget_bias=2.0),
    Variant("bias3", forget_bias=3.0),
    Variant("far60", max_distance=60),
    Variant("long3000", steps=3000),
)}


def measure(variant: Variant) -> dict:
    """Train one variant of the shipped recipe and report where its memory lives."""
    with seeded(SEED):
        model = SequenceModel("lstm", SERIES_INPUT_SIZE, HIDDEN, 2, forget_bias=variant.forget_bias)
    start = time.perf_counter()
    train(model, series_stream(BATCH, max_distance=variant.max_distance, max_prefix=30, moods=True),
          steps=variant.steps, lr=LR, clip=CLIP, seed=SEED, loss="ce")
    seconds = time.perf_counter() - start
    report = mechanism_report(model).as_dict()
    ab = report["ablations"]
    return {"variant": variant.name, "forget_bias": variant.forget_bias, "max_distance": variant.max_distance,
            "steps": variant.steps, "train_seconds": round(seconds, 1), "unit": report["unit"],
            "forget_after": round(report["forget_after"], 4), "accuracy": report["accuracy"],
            "belt_only": ab["belt_only"], "loop_cut": ab["candidate_loop_cut"], "belt_cut": ab["forget0_all"],
            "on_belt": report["on_belt"]}


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json-only", action="store_true")
    args = parser.parse_args(argv)
    rows = [measure(VARIANTS[name]) for name in args.variants.split(",")]
    if not args.json_only:
        print(f"{'variant':<10} {'b_f':>4} {'d max':>5} {'steps':>5} {'acc':>6} {'belt only':>9} {'loop cut':>8} "
              f"{'belt cut':>8} {'f after':>7} {'on belt':>7} {'s':>6}")
        for r in rows:
            print(f"{r['variant']:<10} {str(r['forget_bias']):>4} {r['max_distance']:>5} {r['steps']:>5} "
                  f"{r['accuracy']:>6.3f} {r['belt_only']:>9.3f} {r['loop_cut']:>8.3f} {r['belt_cut']:>8.3f} "
                  f"{r['forget_after']:>7.3f} {str(r['on_belt']):>7} {r['train_seconds']:>6.1f}")
    print(json.dumps(rows, indent=1))
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "lstm_memory.json").write_text(json.dumps(rows, indent=1))
    return rows


if __name__ == "__main__":
    main()
