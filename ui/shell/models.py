"""Pretrained models for the pages: loaded once per server, never mutated, retrained as shared jobs.

* :func:`get_model` returns the shared pretrained model (``st.cache_resource``: one copy for
  every session of the server), in ``eval()`` mode with its parameters frozen
  (``requires_grad=False``), so no optimizer can ever change it.
* "Retrain now" (the widget ``ui.widgets.retrain.retrain_panel``) never touches that object: it
  submits (:func:`submit_retrain`) one job to the server's single-flight board
  (``services.jobs.JOBS``) whose key describes the training completely (every model's name and
  ``rnn_core.pretrained`` spec): identical requests from several students share one computation,
  queued behind at most ``RNN_LAB_TRAINING_SLOTS`` others. The job runs
  ``rnn_core.pretrained.retrain`` (seeded, deterministic), so its models are bit-identical to a
  private run. When it is done, *this* session points at the result by version (:func:`adopt`;
  :func:`version`: ``"pretrained"`` or ``"job:<hash of the key>"``); other sessions keep the
  pretrained models until they retrain too.
* :func:`model_for` ``(name, version)`` needs no session, so cached views can take the
  version as a parameter; :func:`current_model` is the model this session sees.
* Missing or corrupt weights (``rnn_core.pretrained.WeightsError``) become a
  :class:`ModelProblem`, shown by :func:`show_problems` as a short bilingual message naming
  the file and offering the retrain button, never as a traceback.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import streamlit as st
from torch import nn

from services.jobs import JOBS
from ui.shell.i18n import t

_SESSION = "_retrained_versions"  # session: {model name: version}
_PATH = re.compile(r"[\w./\\-]+\.(?:pt|pth|json)\b")


@dataclass(frozen=True)
class ModelProblem:
    """Why a pretrained model could not be loaded: ``reason`` is "missing", "corrupt" or "error"."""

    name: str
    file: str
    reason: str
    detail: str

    def message(self) -> str:
        return t(f"common.weights_{self.reason}", file=self.file, name=self.name)


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
    """The model this session sees: its retrained version of ``name`` if any, else the pretrained one."""
    return model_for(name, version(name))


# --------------------------------------------------------------------------- shared retraining


class RetrainProgress(NamedTuple):
    """A retrain job's published snapshot (immutable): model ``index`` of ``count``, its update ``step``."""

    index: int
    count: int
    name: str
    step: int
    total: int | None


_VERSIONS: dict[str, tuple] = {}  # version -> job key (server-wide; tiny: one entry per distinct retrain)


def retrain_key(names: Iterable[str]) -> tuple:
    """The job key of retraining ``names``: every model's name and full training spec."""
    pretrained = _pretrained()
    return ("pretrained.retrain", tuple((name, repr(sorted(asdict(pretrained.SPECS[name]).items())))
                                        for name in names))


def _version_of(key: tuple) -> str:
    version = "job:" + hashlib.sha256(repr(key).encode()).hexdigest()[:16]
    _VERSIONS[version] = key
    return version


def _retrain_job(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """The job body: ``rnn_core.pretrained.retrain`` of each name in turn; result {name: frozen model}."""
    def run(progress) -> MappingProxyType | None:
        pretrained = _pretrained()
        models = {}
        for index, name in enumerate(names):
            total = planned_steps(name)
            progress.publish(RetrainProgress(index, len(names), name, 0, total))

            def report(info, index=index, name=name, total=total):
                progress.publish(RetrainProgress(index, len(names), name, int(info.step), total))
                return not progress.cancelled  # False stops the training early

            result = pretrained.retrain(name, callback=report)
            if progress.cancelled:
                return None
            models[name] = _freeze(getattr(result, "model", result))
        return MappingProxyType(models)

    return run


def submit_retrain(names: Iterable[str]):
    """Submit (or join, or replay) the shared retrain of ``names``; returns the ``services.jobs.Job``."""
    names = tuple(names)
    return JOBS.submit(retrain_key(names), _retrain_job(names))


def find_retrain(names: Iterable[str]):
    """The shared retrain job of ``names`` if the board still knows it (nothing is started)."""
    return JOBS.get(retrain_key(names))


def model_for(name: str, version: str) -> nn.Module:
    """The model ``name`` at ``version`` ("pretrained" or a retrain's), without any session state.

    A retrained version whose job the board has forgotten is retrained again (deterministic:
    the same weights), so a version stays valid for the life of the server.
    """
    if version == "pretrained":
        return get_model(name)
    key = _VERSIONS.get(version)
    if key is None:
        raise ModelUnavailable(ModelProblem(name=name, file=_file_of(name), reason="error",
                                            detail=f"unknown retrained version {version}"))
    job = JOBS.get(key)
    if job is None or job.status != "done":
        job = JOBS.submit(key, _retrain_job(tuple(n for n, _ in key[1])))
        job.wait()
    if job.status != "done" or name not in (job.result or {}):
        raise ModelUnavailable(ModelProblem(name=name, file=_file_of(name), reason="error",
                                            detail=job.error or f"retraining {name} did not finish"))
    return job.result[name]


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
    """Whether this session uses a retrained version of ``name``."""
    return name in st.session_state.get(_SESSION, {})


def version(name: str) -> str:
    """The version of ``name`` this session uses: "pretrained" or the retrain job's version."""
    return st.session_state.get(_SESSION, {}).get(name, "pretrained")


def adopt(names: Iterable[str], key: tuple) -> None:
    """From now on this session sees the retrained ``names`` of the finished job ``key``."""
    chosen = st.session_state.setdefault(_SESSION, {})
    for name in names:
        chosen[name] = _version_of(key)


def planned_steps(name: str) -> int | None:
    """How many updates :func:`retrain` will run for ``name`` (None if unknown)."""
    try:
        return int(_pretrained().SPECS[name].steps)
    except Exception:  # noqa: BLE001 - an unknown total only makes a progress bar coarser
        return None


def forget_retrained(names: Iterable[str] | None = None) -> None:
    """This session goes back to the pretrained models (all, or ``names``); shared results stay."""
    own = st.session_state.get(_SESSION, {})
    for name in list(own) if names is None else names:
        own.pop(name, None)


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
        lines.append("\n" + t("common.weights_hint"))
    st.error("\n".join(lines), icon=":material/report:")
    with st.expander(t("common.weights_details")):
        st.code("\n".join(f"{p.name}: {p.detail}" for p in problems), language=None)
