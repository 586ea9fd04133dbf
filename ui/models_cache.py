"""Pretrained models for the pages: loaded once per server, never mutated, retrained per session.

* :func:`get_model` returns the shared pretrained model (``st.cache_resource``: one copy for
  every session of the server), in ``eval()`` mode with its parameters frozen
  (``requires_grad=False``), so no optimizer can ever change it.
* "Retrain now" never touches that object: :func:`retrain` trains a fresh model with
  ``rnn_core.pretrained.retrain`` and keeps it in ``st.session_state`` for this student only;
  :func:`current_model` returns the session's copy when there is one.
* Missing or corrupt weights (``rnn_core.pretrained.WeightsError``) become a
  :class:`ModelProblem`, shown by :func:`show_problems` as a short bilingual message naming
  the file and offering the retrain button, never as a traceback.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
import torch
from torch import nn

from ui.i18n import t

_SESSION = "_retrained_models"
_PATH = re.compile(r"[\w./\\-]+\.(?:pt|pth|json)\b")


@dataclass(frozen=True)
class ModelProblem:
    """Why a pretrained model could not be loaded: ``reason`` is "missing", "corrupt" or "error"."""

    name: str
    file: str
    reason: str
    detail: str

    def message(self) -> str:
        return t(f"s2.weights_{self.reason}", file=self.file, name=self.name)


class ModelUnavailable(Exception):
    """Raised by :func:`get_model` when the weights cannot be loaded; carries the problem."""

    def __init__(self, problem: ModelProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def _pretrained():
    from rnn_core import pretrained

    return pretrained


def _problem(name: str, exc: BaseException) -> ModelProblem:
    """Turn a loader exception into a ModelProblem (reason from the message or the error type)."""
    detail = str(exc) or type(exc).__name__
    file = ""
    for attr in ("filename", "file", "path"):
        value = getattr(exc, attr, None)
        if value:
            file = Path(str(value)).name
            break
    named = _PATH.search(detail)
    if not file and named:
        file = Path(named.group(0)).name
    if not file:
        file = _file_of(name)
    text = f"{type(exc).__name__} {detail}".lower()
    if isinstance(exc, FileNotFoundError) or any(w in text for w in ("missing", "not found", "no such",
                                                                          "does not exist", "not listed")):
        reason = "missing"
    elif any(w in text for w in ("sha", "checksum", "hash", "corrupt", "mismatch", "truncat", "unpickl", "invalid")):
        reason = "corrupt"
    else:
        reason = "error"
    # keep file names, drop the server's directories
    detail = _PATH.sub(lambda m: Path(m.group(0)).name, detail)
    return ModelProblem(name=name, file=file, reason=reason, detail=detail[:300])


def _file_of(name: str) -> str:
    try:
        entry = manifest().get(name, {})
    except Exception:  # noqa: BLE001 - the manifest itself may be the broken file
        entry = {}
    return str(entry.get("file") or entry.get("path") or f"{name}.pt")


def _freeze(model: nn.Module) -> nn.Module:
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


@st.cache_resource(show_spinner=False, max_entries=32)
def _load(name: str) -> nn.Module:
    return _freeze(_pretrained().load_pretrained(name))


def get_model(name: str) -> nn.Module:
    """The shared pretrained model ``name`` (eval mode, frozen). Raises :class:`ModelUnavailable`.

    Never train or modify the returned object: every session shares it.
    """
    try:
        return _load(name)
    except Exception as exc:  # noqa: BLE001 - any loader failure becomes a message, not a traceback
        raise ModelUnavailable(_problem(name, exc)) from exc


def current_model(name: str) -> nn.Module:
    """This session's retrained copy of ``name`` if there is one, else the shared pretrained model."""
    own = st.session_state.get(_SESSION, {}).get(name)
    return own if own is not None else get_model(name)


def load_models(names: Iterable[str]) -> tuple[dict[str, nn.Module], list[ModelProblem]]:
    """:func:`current_model` for every name; failures are returned as problems, not raised."""
    models, problems = {}, []
    for name in names:
        try:
            models[name] = current_model(name)
        except ModelUnavailable as exc:
            problems.append(exc.problem)
    return models, problems


def is_retrained(name: str) -> bool:
    return name in st.session_state.get(_SESSION, {})


def version(name: str) -> str:
    """A cache key part: "pretrained", or a token that changes at every retrain of ``name``."""
    token = st.session_state.get(_SESSION + "_tokens", {}).get(name)
    return token or "pretrained"


def retrain(name: str, callback: Callable[[Any], Any] | None = None) -> nn.Module:
    """Retrain ``name`` from scratch for this session (``rnn_core.pretrained.retrain``).

    The result is stored in ``st.session_state`` and returned in eval mode; the shared
    pretrained model is left untouched. ``callback(step_info)`` reports progress.
    """
    result = _pretrained().retrain(name, callback=callback)
    model = result[0] if isinstance(result, tuple) else result
    model = getattr(model, "model", model)
    model.eval()
    st.session_state.setdefault(_SESSION, {})[name] = model
    st.session_state.setdefault(_SESSION + "_tokens", {})[name] = f"session-{time.time_ns()}"
    return model


def retrain_with_progress(names: list[str], *, label: Callable[[str], str], progress_key: str,
                          failed_key: str) -> int:
    """Retrain ``names`` for this session under one progress bar; returns how many succeeded.

    ``label(name)`` is what the student reads for a model; ``progress_key`` is a catalog
    template with ``{model}``, ``{step}`` and ``{total}``; a model whose training fails is
    reported with ``failed_key`` (``{model}``, ``{detail}``) and the others still train.
    """
    bar = st.progress(0.0, t(progress_key, model="…", step=0, total="…"))
    done = 0
    for index, name in enumerate(names):
        total = planned_steps(name)

        def report(info, index=index, name=name, total=total):
            step = int(getattr(info, "step", 0))
            fraction = min(1.0, step / total) if total else 0.5
            bar.progress(min(1.0, (index + fraction) / len(names)),
                         t(progress_key, model=label(name), step=step, total=total or "?"))

        try:
            retrain(name, report)
            done += 1
        except Exception as exc:  # noqa: BLE001 - a failed run is reported, the page goes on
            st.warning(t(failed_key, model=label(name), detail=str(exc)[:200]))
    bar.progress(1.0)
    return done


def planned_steps(name: str) -> int | None:
    """How many updates :func:`retrain` will run for ``name`` (None if unknown)."""
    try:
        return int(_pretrained().SPECS[name].steps)
    except Exception:  # noqa: BLE001 - an unknown total only makes a progress bar coarser
        return None


def forget_retrained(names: Iterable[str] | None = None) -> None:
    """Drop this session's retrained copies (all, or ``names``): back to the pretrained models."""
    own = st.session_state.get(_SESSION, {})
    tokens = st.session_state.get(_SESSION + "_tokens", {})
    for name in list(own) if names is None else names:
        own.pop(name, None)
        tokens.pop(name, None)


@st.cache_data(show_spinner=False)
def _manifest_cached(mtime: float) -> dict[str, Any]:
    return _pretrained().load_manifest().get("models", {})


def manifest() -> dict[str, Any]:
    """The weights manifest as ``{name: entry}``, read once per file version; ``{}`` if unreadable.

    A broken manifest is reported where it matters, by :func:`get_model` (it names the file).
    """
    pretrained = _pretrained()
    try:
        return _manifest_cached((Path(pretrained.WEIGHTS_DIR) / pretrained.MANIFEST_NAME).stat().st_mtime)
    except Exception:  # noqa: BLE001 - missing or corrupt: the loader's message explains it
        return {}


def clear() -> None:
    """Forget every loaded model (tests that swap the weights directory call this)."""
    _load.clear()
    _manifest_cached.clear()


def show_problems(problems: list[ModelProblem], *, retrain_hint: bool = True) -> None:
    """One error box listing what could not be loaded and how to get it back."""
    if not problems:
        return
    lines = [f"- {p.message()}" for p in problems]
    if retrain_hint:
        lines.append("\n" + t("s2.weights_hint"))
    st.error("\n".join(lines), icon=":material/report:")
    with st.expander(t("s2.weights_details")):
        st.code("\n".join(f"{p.name}: {p.detail}" for p in problems), language=None)


@torch.no_grad()
def probabilities(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """``softmax(model(x))`` for a batch, ``(B, classes)``, without touching autograd."""
    return torch.softmax(model(x), dim=-1)
