"""Station 5 race benchmark: how long the default race takes, bare and with the page's live updates.

    python -m bench.bench_race [--runs 1] [--steps 600] [--length 50] [--task adding] [--json out.json]

* ``bare``: ``rnn_core.race`` with its defaults (adding problem, T = 50, 600 steps, hidden 32,
  batch 128, seed 0) and no callback.
* ``page``: the same race through ``services.race_runner.train`` (in this thread, as a shared job ran
  before it had a process of its own): an immutable snapshot published every ``PUBLISH_EVERY``
  steps, and here the live loss figure built and serialised to JSON for each snapshot (what the
  page's fragment sends; the page builds it once per snapshot and language, shared by every
  student watching). The figures are built in the training's own thread: their time adds up.
* ``apart``: the same through ``services.race_runner.train_apart``, as a shared job runs it now: the
  race trains in a child process and this thread builds the figures meanwhile.

The in-app race (a real server, a student pressing Start) against ``python -m rnn_core race`` is
``python -m bench.race_vs_cli``.

Both print per-cell training seconds, final loss and the step where each cell solved the task.
Timings depend on the machine and on what else runs on it (the dev box has 2 shared cores).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pages.lab import charts  # noqa: E402
from rnn_core.race import race  # noqa: E402
from services import race_runner as runner  # noqa: E402
from ui.shell.theme import style_figure  # noqa: E402

LABELS = {"rnn": "tanh RNN", "lstm": "LSTM", "gru": "GRU"}
TEXTS = {"title": "Training loss", "x_title": "training step", "y_title": "loss (MSE, log scale)",
         "baseline_name": "memoryless baseline", "threshold_name": "solved", "solved": "{model} {step}",
         "exploded": "{model} {step}", "hover": "{model} {step} {loss}"}


def bare(settings: dict) -> dict:
    start = time.perf_counter()
    results = race(**settings)
    return {"seconds": time.perf_counter() - start,
            "cells": {r.cell: {"final_loss": r.final_loss, "solved_at_step": r.solved_at_step,
                               "train_seconds": r.seconds} for r in results}}


class _Progress:
    """What ``services.jobs`` hands the training: here, a live figure built for every published snapshot."""

    cancelled = False

    def __init__(self) -> None:
        self.chart_seconds: list[float] = []

    def publish(self, race: runner.RaceState) -> None:
        start = time.perf_counter()
        curves = {c: {"loss": v.loss, "accuracy": v.accuracy} for c, v in race.curves.items()}
        fig = charts.loss_figure(curves, labels=LABELS, texts=TEXTS, baseline=race.baseline,
                                 baseline_label="1/6", total_steps=race.settings.steps, raw=False)
        style_figure(fig).to_json()
        self.chart_seconds.append(time.perf_counter() - start)


def page(settings: dict, train=runner.train) -> dict:
    progress = _Progress()
    start = time.perf_counter()
    final = train(runner.Settings.of(settings), progress)
    chart_seconds = progress.chart_seconds
    return {"seconds": time.perf_counter() - start, "live_charts": len(chart_seconds),
            "live_chart_ms_median": statistics.median(chart_seconds) * 1e3 if chart_seconds else 0.0,
            "live_chart_seconds_total": sum(chart_seconds),
            "cells": {r["cell"]: {"final_loss": r["final_loss"], "solved_at_step": r["solved_at_step"],
                                  "train_seconds": r["seconds"]} for r in runner.results(final)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--task", default=runner.RACE_DEFAULTS["task"])
    parser.add_argument("--length", type=int, default=runner.RACE_DEFAULTS["length"])
    parser.add_argument("--steps", type=int, default=runner.RACE_DEFAULTS["steps"])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    settings = {**runner.RACE_DEFAULTS, "task": args.task, "length": args.length, "steps": args.steps}
    out = {"settings": settings, "bare": [], "page": [], "apart": []}
    runner.prepare()  # the race processes' zygote imports torch meanwhile
    runner.warm_up()  # a process's first training step imports ~800 modules: not part of any race here
    for _ in range(args.runs):
        out["bare"].append(bare(settings))
        out["page"].append(page(settings))
        out["apart"].append(page(settings, runner.train_apart))
    print(f"race {settings['task']}, T = {settings['length']}, {settings['steps']} steps "
          f"(hidden {settings['hidden']}, batch {settings['batch']}, seed {settings['seed']})")
    for kind in ("bare", "page", "apart"):
        for run in out[kind]:
            extra = (f"  live charts: {run['live_charts']} × {run['live_chart_ms_median']:.0f} ms median"
                     f" = {run['live_chart_seconds_total']:.2f} s" if kind != "bare" else "")
            print(f"  {kind:5} {run['seconds']:6.1f} s{extra}")
            for cell, r in run["cells"].items():
                print(f"        {cell:5} final loss {r['final_loss']:.4g}  solved at {r['solved_at_step']}  "
                      f"train {r['train_seconds']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
