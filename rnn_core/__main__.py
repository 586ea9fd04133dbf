"""Command line: ``python -m rnn_core {race,latch,gradients,pretrain} ...``.

Examples::

    python -m rnn_core race --task adding --length 50 --steps 600 --seed 0 [--json]
    python -m rnn_core latch --forget-bias 1 [--json]
    python -m rnn_core gradients --kind rnn --length 100 --gain 0.9 --nonlinearity linear [--json]
    python -m rnn_core pretrain [--only order_rnn ...] [--weights-dir DIR]

``--json`` prints machine-readable output; non-finite numbers (an exploded
loss, an overflowing gradient norm) are written as ``null``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from typing import Any

from rnn_core.jsonable import finite


def _dump(obj: Any) -> None:
    print(json.dumps(finite(obj), indent=1, allow_nan=False))


def _fmt(x: float | None, spec: str = ".4g") -> str:
    return "-" if x is None else format(x, spec)


def cmd_race(a: argparse.Namespace) -> int:
    from .race import race

    kw = {} if a.lr is None else {"lr": a.lr}
    results = race(a.task, a.length, a.steps, a.seed, hidden=a.hidden, clip=None if a.clip <= 0 else a.clip,
                   batch=a.batch, forget_bias=a.forget_bias, **kw)
    if a.json:
        _dump([r.as_dict() for r in results])
        return 0
    base = results[0].baseline if results else float("nan")
    print(f"race: task={a.task} length={a.length} steps={a.steps} seed={a.seed} (memoryless baseline {base:.4g})")
    print(f"{'cell':5} {'final_loss':>11} {'solved_at':>10} {'seconds':>8} {'params':>7}")
    for r in results:
        print(f"{r.cell:5} {_fmt(r.final_loss):>11} {_fmt(r.solved_at_step, 'd'):>10} {r.seconds:8.2f} {r.params:7d}")
    return 0


def cmd_latch(a: argparse.Namespace) -> int:
    from .race import train_latch

    r = train_latch(a.forget_bias, a.length, a.steps, a.seed)
    out = {"forget_bias": r.forget_bias, "length": a.length, "steps": a.steps, "solved_at_step": r.solved_at_step,
           "final_accuracy": r.final_accuracy, "seconds": round(r.seconds, 3)}
    if a.json:
        _dump(out)
    else:
        for k, v in out.items():
            print(f"{k:15} {v}")
    return 0


def cmd_gradients(a: argparse.Namespace) -> int:
    try:
        from .gradients import gradient_norms
    except ImportError as exc:  # the probe lives in another module; keep the CLI usable without it
        print(f"rnn_core.gradients is not available: {exc}", file=sys.stderr)
        return 2
    norms = [float(v) for v in gradient_norms(a.kind, length=a.length, hidden=a.hidden, gain=a.gain,
                                              nonlinearity=a.nonlinearity, forget_bias=a.forget_bias,
                                              seed=a.seed)]
    if a.json:
        _dump({"kind": a.kind, "length": a.length, "hidden": a.hidden, "gain": a.gain,
               "nonlinearity": a.nonlinearity, "forget_bias": a.forget_bias, "seed": a.seed, "norms": norms})
        return 0
    T = len(norms)
    print(f"||dL/dh_t||: kind={a.kind} length={T} gain={a.gain} nonlinearity={a.nonlinearity}")
    print(f"{'t':>5} {'distance':>8} {'norm':>12}")
    stride = max(1, T // 20)
    rows = sorted(set(range(0, T, stride)) | {T - 1})
    for t in rows:
        print(f"{t:5d} {T - 1 - t:8d} {norms[t]:12.4e}")
    if norms[-1] and math.isfinite(norms[-1]):
        print(f"ratio ||dL/dh_0|| / ||dL/dh_T-1|| = {norms[0] / norms[-1]:.4e}")
    return 0


def cmd_pretrain(a: argparse.Namespace) -> int:
    from .pretrained import pretrain_all

    pretrain_all(a.weights_dir, only=a.only or None)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m rnn_core", description="RNN Memory Lab engine")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("race", help="train RNN, LSTM and GRU side by side on the same data")
    r.add_argument("--task", choices=["adding", "latch", "series"], default="adding")
    r.add_argument("--length", type=int, default=50)
    r.add_argument("--steps", type=int, default=600)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--hidden", type=int, default=32)
    r.add_argument("--lr", type=float, default=None, help="default 0.02 (cosine decay)")
    r.add_argument("--clip", type=float, default=1.0, help="gradient-norm threshold; <= 0 disables")
    r.add_argument("--batch", type=int, default=128)
    r.add_argument("--forget-bias", type=float, default=None, help="LSTM forget-gate bias")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_race)

    la = sub.add_parser("latch", help="LSTM on the latch task with a chosen forget-gate bias")
    la.add_argument("--forget-bias", type=float, default=1.0)
    la.add_argument("--length", type=int, default=30)
    la.add_argument("--steps", type=int, default=300)
    la.add_argument("--seed", type=int, default=0)
    la.add_argument("--json", action="store_true")
    la.set_defaults(func=cmd_latch)

    g = sub.add_parser("gradients", help="gradient norm ||dL/dh_t|| by time step")
    g.add_argument("--kind", choices=["rnn", "lstm", "gru"], default="rnn")
    g.add_argument("--length", type=int, default=100)
    g.add_argument("--hidden", type=int, default=32)
    g.add_argument("--gain", type=float, default=None)
    g.add_argument("--nonlinearity", choices=["tanh", "relu", "linear"], default="tanh")
    g.add_argument("--forget-bias", type=float, default=0.0)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--json", action="store_true")
    g.set_defaults(func=cmd_gradients)

    pt = sub.add_parser("pretrain", help="regenerate rnn_core/weights deterministically")
    pt.add_argument("--only", nargs="*", default=None, metavar="NAME")
    pt.add_argument("--weights-dir", default=None)
    pt.set_defaults(func=cmd_pretrain)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
