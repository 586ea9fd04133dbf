"""Pretrained weights for what the pages show instantly, with checksums and deterministic retraining.

Every entry of :data:`SPECS` names an architecture, a task stream and its
hyper-parameters. ``pretrain_all()`` (``python -m rnn_core pretrain``) trains
each one from its seed, saves the ``state_dict`` to ``weights/<name>.pt`` and
records in ``weights/manifest.json``: task, hyper-parameters, seed, metrics
measured on held-out seeded data, file size and ``sha256``.

``load_pretrained(name)`` re-hashes the file and compares it with the manifest
before ``torch.load(..., weights_only=True)``; anything wrong (manifest
missing, file missing, checksum mismatch, unreadable or incompatible file)
raises :class:`WeightsError` naming the file, so the app can offer
``retrain(name)`` instead.

Series models are trained on :func:`rnn_core.tasks.series_stream` (distance
1..30, prefix 0..30, batch 128), Adam, clip 1, hidden 32.

``series_moods_lstm_belt`` is a teaching variant of ``series_moods_lstm`` (same task, init seed,
stream and steps) whose recurrent weights ``W_h*`` are frozen at zero
(``SequenceModel(..., frozen_recurrent=BELT_ONLY)``): no gate sees ``h_{t-1}``, so the cell state
is the only path between steps and the memory must ride on it (measured: its memory unit's forget
gate ≈ 1 after the key event). The default LSTM keeps the same memory in a loop through h
instead. Both LSTM entries record ``metrics["mechanism"]``, :func:`rnn_core.mechanism.mechanism_report`
on station 4's batch.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .mechanism import mechanism_report
from .models import BELT_ONLY, FeedForwardBlock, SequenceModel
from .seeding import seeded
from .series_eval import accuracy_by_distance, distance_buckets
from .tasks import ORDER_VOCAB, SERIES_INPUT_SIZE, Batch, order_task, series_stream
from .training import StepInfo, TrainResult, train

__all__ = [
    "WeightsError",
    "PretrainedSpec",
    "SPECS",
    "WEIGHTS_DIR",
    "MANIFEST",
    "names",
    "build_model",
    "load_pretrained",
    "load_manifest",
    "evaluate",
    "retrain",
    "Retrained",
    "pretrain_all",
    "sha256_of",
]

WEIGHTS_DIR = Path(__file__).with_name("weights")
MANIFEST_NAME = "manifest.json"
MANIFEST = WEIGHTS_DIR / MANIFEST_NAME
"""The shipped manifest (``load_manifest(weights_dir)`` reads any directory's)."""


class WeightsError(RuntimeError):
    """Pretrained weights are missing, corrupt or do not match the manifest (message names the file)."""


@dataclass(frozen=True)
class PretrainedSpec:
    """How to build and train one pretrained model.

    ``arch``: ``{"model": "rnn"|"lstm"|"gru"|"ff", "hidden": int, "stable": bool,
    "k": int, "mode": "block"|"bag"}``; ``task``: ``"order"``,
    ``"series_simple"`` or ``"series_moods"``.
    """

    name: str
    task: str
    arch: dict[str, Any]
    steps: int
    lr: float = 3e-3
    clip: float | None = 1.0
    batch: int = 128
    seed: int = 0
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _series_specs(moods: bool) -> list[PretrainedSpec]:
    task = "series_moods" if moods else "series_simple"
    rec_steps = 1000 if moods else 600
    # The FF block only learns from the 1 batch in 10 with d < 4, and with moods it must learn an
    # interaction (mood counts only where the type is "key"): 3000 steps at lr 1e-2 (measured:
    # 1000 steps at 3e-3 leave d = 1, 2 near chance). 3000 FF steps cost less than 1000 GRU steps.
    ff_steps, ff_lr = (3000, 1e-2) if moods else (1000, 3e-3)
    what = "realistic series (every episode has a mood)" if moods else "simple series"
    return [
        PretrainedSpec(f"{task}_ff4", task, {"model": "ff", "k": 4, "hidden": 32, "mode": "block"},
                       ff_steps, lr=ff_lr, description=f"feedforward on the last 4 episodes, {what}"),
        PretrainedSpec(f"{task}_rnn", task, {"model": "rnn", "hidden": 32},
                       rec_steps, description=f"tanh RNN, {what}"),
        PretrainedSpec(f"{task}_stable_rnn", task, {"model": "rnn", "hidden": 32, "stable": True},
                       rec_steps, description=f"tanh RNN with spectral norm of W_hh = 1, {what}"),
        PretrainedSpec(f"{task}_lstm", task, {"model": "lstm", "hidden": 32},
                       rec_steps, description=f"LSTM, {what}"),
        PretrainedSpec(f"{task}_gru", task, {"model": "gru", "hidden": 32},
                       rec_steps, description=f"GRU, {what}"),
    ]


SPECS: dict[str, PretrainedSpec] = {
    s.name: s
    for s in [
        PretrainedSpec("order_ff_bag", "order", {"model": "ff", "hidden": 16, "mode": "bag"}, 500,
                       description="feedforward on the bag (mean) of tokens: blind to order",
                       extra={"lengths": [4, 8]}),
        PretrainedSpec("order_rnn", "order", {"model": "rnn", "hidden": 16}, 500,
                       description="tanh RNN, hidden 16", extra={"lengths": [4, 8]}),
        *_series_specs(False),
        *_series_specs(True),
        PretrainedSpec("series_moods_lstm_belt", "series_moods",
                       {"model": "lstm", "hidden": 32, "frozen_recurrent": list(BELT_ONLY)}, 1000,
                       description="LSTM whose gates see only the current episode (recurrent weights frozen at 0): "
                                   "the cell state is the only memory path; realistic series"),
    ]
}


def names() -> list[str]:
    """All pretrained model names, in display order."""
    return list(SPECS)


def _spec(name: str) -> PretrainedSpec:
    try:
        return SPECS[name]
    except KeyError:
        raise ValueError(f"unknown pretrained model {name!r}; known: {', '.join(SPECS)}") from None


def _sizes(task: str) -> tuple[int, int]:
    return (len(ORDER_VOCAB), 2) if task == "order" else (SERIES_INPUT_SIZE, 2)


def build_model(name: str) -> nn.Module:
    """The untrained architecture of ``name`` (initialised from its seed, as training starts)."""
    spec = _spec(name)
    n_in, n_out = _sizes(spec.task)
    a = spec.arch
    with seeded(spec.seed):
        if a["model"] == "ff":
            return FeedForwardBlock(a.get("k", 1), n_in, a["hidden"], n_out, mode=a.get("mode", "block"))
        return SequenceModel(a["model"], n_in, a["hidden"], n_out, stable=a.get("stable", False),
                             forget_bias=a.get("forget_bias"), frozen_recurrent=tuple(a.get("frozen_recurrent", ())))


def _stream(spec: PretrainedSpec) -> Callable[[torch.Generator], Batch]:
    if spec.task == "order":
        lo, hi = spec.extra.get("lengths", [6, 6])

        def sample(g: torch.Generator) -> Batch:
            T = int(torch.randint(lo, hi + 1, (1,), generator=g))
            return order_task(spec.batch, T, seed=g)

        return sample
    return series_stream(spec.batch, max_distance=30, max_prefix=30, moods=spec.task == "series_moods")


@torch.no_grad()
def evaluate(name: str, model: nn.Module) -> dict[str, Any]:
    """Held-out metrics for a model of ``name``'s task.

    Order: accuracy on 4000 fresh sequences of length 6 (seed 12345).
    Series: ``accuracy_by_distance`` for d = 1..90 (200 examples each, seed 1),
    its bucket means and the minimum over the trained distances 1..30; for an LSTM on the
    realistic series also ``mechanism`` (:func:`rnn_core.mechanism.mechanism_report`: memory
    unit, its gates after the key event, d′ and the accuracy under each intervention).
    """
    spec = _spec(name)
    model.eval()
    if spec.task == "order":
        b = order_task(4000, 6, seed=12345)
        return {"accuracy": round(float((model(b.x).argmax(-1) == b.y).float().mean()), 4)}
    acc = accuracy_by_distance(model, range(1, 91), spec.task == "series_moods", 200, seed=1)
    out = {
        "accuracy_by_distance": {str(d): round(v, 4) for d, v in acc.items()},
        "buckets": {k: round(v, 4) for k, v in distance_buckets(acc).items()},
        "min_accuracy_d1_30": round(min(acc[d] for d in range(1, 31)), 4),
    }
    if spec.task == "series_moods" and spec.arch["model"] == "lstm":
        out["mechanism"] = mechanism_report(model).as_dict()
    return out


@dataclass
class Retrained:
    """Result of :func:`retrain`: the trained model (eval mode), its curves and held-out metrics."""

    name: str
    model: nn.Module
    result: TrainResult
    metrics: dict[str, Any]


def retrain(
    name: str,
    callback: Callable[[StepInfo], bool | None] | None = None,
    *,
    save: bool = False,
    weights_dir: str | Path | None = None,
) -> Retrained:
    """Retrain ``name`` from scratch, deterministically (same seed, same stream, same weights).

    With ``save=True`` the state_dict is written to ``weights_dir`` and the
    manifest entry updated (use :func:`pretrain_all` to regenerate everything).
    """
    spec = _spec(name)
    model = build_model(name)
    result = train(model, _stream(spec), steps=spec.steps, lr=spec.lr, clip=spec.clip, seed=spec.seed,
                   loss="ce", callback=callback)
    model.eval()
    metrics = evaluate(name, model)
    out = Retrained(name, model, result, metrics)
    if save:
        _save(out, Path(weights_dir) if weights_dir else WEIGHTS_DIR)
    return out


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def load_manifest(weights_dir: str | Path | None = None) -> dict[str, Any]:
    """The parsed manifest (``{"models": {name: entry}}``); WeightsError if missing or unreadable."""
    path = Path(weights_dir or WEIGHTS_DIR) / MANIFEST_NAME
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WeightsError(f"weights manifest missing: {path}") from None
    except (OSError, ValueError) as exc:
        raise WeightsError(f"weights manifest unreadable: {path} ({exc})") from None


def load_pretrained(name: str, weights_dir: str | Path | None = None) -> nn.Module:
    """Load ``name`` in eval mode after verifying its sha256 against the manifest.

    Raises :class:`WeightsError` (naming the file) when the manifest or file is
    missing, the checksum differs, or the file cannot be loaded into the
    architecture.
    """
    spec = _spec(name)
    wdir = Path(weights_dir or WEIGHTS_DIR)
    entry = load_manifest(wdir).get("models", {}).get(name)
    if entry is None:
        raise WeightsError(f"{name!r} is not listed in {wdir / MANIFEST_NAME}")
    path = wdir / entry["file"]
    if not path.is_file():
        raise WeightsError(f"weights file missing: {path}")
    digest = sha256_of(path)
    if digest != entry["sha256"]:
        raise WeightsError(
            f"checksum mismatch for {path}: sha256 {digest[:12]}… but the manifest says {entry['sha256'][:12]}…"
        )
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
        model = build_model(spec.name)
        model.load_state_dict(state)
    except Exception as exc:  # any failure here means a corrupt file
        raise WeightsError(f"weights file corrupt or incompatible: {path} ({type(exc).__name__}: {exc})") from None
    return model.eval()


def _entry(r: Retrained, path: Path) -> dict[str, Any]:
    spec = _spec(r.name)
    return {
        "name": r.name,
        "file": path.name,
        "task": spec.task,
        "description": spec.description,
        "arch": spec.arch,
        "hyperparameters": {"steps": spec.steps, "lr": spec.lr, "clip": spec.clip, "batch": spec.batch,
                            "optimizer": "adam", "loss": "ce", **spec.extra},
        "seed": spec.seed,
        "params": sum(p.numel() for p in r.model.parameters()),
        "train_seconds": round(r.result.seconds, 2),
        "train_accuracy_last20": round(r.result.accuracy or 0.0, 4),
        "metrics": r.metrics,
        "bytes": path.stat().st_size,
        "sha256": sha256_of(path),
        "torch": torch.__version__.split("+")[0],
    }


def _save(r: Retrained, wdir: Path) -> dict[str, Any]:
    wdir.mkdir(parents=True, exist_ok=True)
    path = wdir / f"{r.name}.pt"
    torch.save(r.model.state_dict(), path)
    try:
        manifest = load_manifest(wdir)
    except WeightsError:
        manifest = {}
    manifest.setdefault("models", {})[r.name] = _entry(r, path)
    manifest["note"] = "Generated by `python -m rnn_core pretrain`; sha256 is checked by load_pretrained()."
    manifest["models"] = {n: manifest["models"][n] for n in SPECS if n in manifest["models"]}
    (wdir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest["models"][r.name]


def pretrain_all(
    weights_dir: str | Path | None = None,
    only: list[str] | None = None,
    log: Callable[[str], None] | None = print,
) -> dict[str, Any]:
    """Retrain every (or ``only`` the listed) pretrained model deterministically and save it.

    Returns the manifest. Run one process at a time: each model trains on one
    torch thread (``rnn_core/__init__``).
    """
    wdir = Path(weights_dir or WEIGHTS_DIR)
    t0 = time.perf_counter()
    for n in only or names():
        r = retrain(n)
        entry = _save(r, wdir)
        if log:
            m = r.metrics
            summary = m.get("accuracy", m.get("buckets"))
            log(f"{n:28s} {r.result.seconds:6.1f}s {entry['bytes'] / 1024:5.1f} KB  {summary}")
    if log:
        log(f"total {time.perf_counter() - t0:.1f}s")
    return load_manifest(wdir)


def spec_dict(name: str) -> dict[str, Any]:
    """The spec of ``name`` as a plain dict (for the CLI and pages)."""
    return asdict(_spec(name))
