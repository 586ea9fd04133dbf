"""The "retrain now" panel of stations 1 and 2: one shared retrain job, watched by the one job watcher.

The button submits (or joins, or replays) the shared retrain of the page's models
(``ui.shell.models.submit_retrain``: one computation for every student who asks the same); while it
is queued or running, :func:`ui.widgets.job_watcher.watch` polls it and shows the queue or the
progress (model ``index + 1`` of ``count``, its update ``step`` of ``total``), with a stop button
(this student stops watching; the training stops when nobody watches). When it has finished, this
session adopts the retrained models (``ui.shell.models.adopt``: for this session only) and the page
reruns once with them. "Back to the pretrained models" forgets them, for this session only.

Catalog keys under ``prefix``: ``retrain`` (button), ``retrain_progress`` ({model}, {step},
{total}), ``retrain_queued`` ({n}), ``retrain_stop``, ``retrain_failed`` ({model}, {detail}),
``retrain_done`` ({n}), ``retrain_reset``, ``retrain_shared``. Widget keys: ``_<prefix>_retrain``,
``_<prefix>_retrain_stop``, ``_<prefix>_reset``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import streamlit as st

from services.jobs import Job
from ui.shell import models
from ui.shell.i18n import t
from ui.widgets.job_watcher import Progress, Stop, watch

_PENDING = "_retrain_pending"  # session: {panel prefix: job key of the retrain this session watches}


def progress(snapshot, prefix: str, labels: Mapping[str, str]) -> Progress:
    """The bar of a running retrain: models done plus the share of the current one's updates."""
    if not isinstance(snapshot, models.RetrainProgress):
        return Progress(0.0, t(f"{prefix}.retrain_progress", model="…", step=0, total="…"))
    part = min(1.0, snapshot.step / snapshot.total) if snapshot.total else 0.5
    return Progress(min(1.0, (snapshot.index + part) / snapshot.count),
                    t(f"{prefix}.retrain_progress", model=labels.get(snapshot.name, snapshot.name),
                      step=snapshot.step, total=snapshot.total or "?"))


def _finish(job: Job, names: list[str], prefix: str, labels: Mapping[str, str]) -> None:
    """The watched retrain has ended: this session adopts its models (or keeps the reason it failed)."""
    st.session_state.setdefault(_PENDING, {}).pop(prefix, None)
    if job.status == "done" and job.result:
        models.adopt(names, job.key)
        st.session_state[f"_{prefix}_retrained_msg"] = t(f"{prefix}.retrain_done", n=len(job.result))
    elif job.status == "failed":
        st.session_state[f"_{prefix}_retrain_error"] = t(f"{prefix}.retrain_failed", model=", ".join(labels.values()),
                                                           detail=(job.error or "")[:200])


def _forget(prefix: str) -> None:
    st.session_state.setdefault(_PENDING, {}).pop(prefix, None)


def retrain_panel(names: Iterable[str], *, labels: Mapping[str, str], prefix: str, help: str | None = None,
                  primary: bool = True) -> None:
    """The retrain button, or the shared job's live state while this session watches it. ``primary`` False draws
    a plain button (station 2 folds retraining as an aside: its page's main actions are elsewhere)."""
    names = list(names)
    key = models.retrain_key(names)
    pending = st.session_state.setdefault(_PENDING, {})
    job = models.find_retrain(names) if pending.get(prefix) == key else None
    ended = watch(job, waiting=lambda ahead: t(f"{prefix}.retrain_queued", n=ahead),
                  progress=lambda snapshot: progress(snapshot, prefix, labels),
                  stop=Stop(t(f"{prefix}.retrain_stop"), f"_{prefix}_retrain_stop", lambda _job: _forget(prefix)),
                  more=lambda _job, _shown: st.caption(t(f"{prefix}.retrain_shared")),
                  on_finish=lambda done: _finish(done, names, prefix, labels))
    if ended is not None:  # ended before a poll saw it (a replay): adopt it, and redraw the page with it
        _finish(ended, names, prefix, labels)
        st.rerun()
    if job is not None:
        return  # the watcher shows it
    pending.pop(prefix, None)  # nothing to watch (or the board forgot it)
    if message := st.session_state.pop(f"_{prefix}_retrained_msg", None):
        st.success(message)
    if message := st.session_state.pop(f"_{prefix}_retrain_error", None):
        st.warning(message)
    c1, c2 = st.columns(2)
    if c1.button(t(f"{prefix}.retrain"), key=f"_{prefix}_retrain", type="primary" if primary else "secondary", icon=":material/model_training:",
                 help=help, width="stretch"):
        pending[prefix] = key
        models.submit_retrain(names)
        st.rerun()
    if any(models.is_retrained(n) for n in names) and c2.button(
            t(f"{prefix}.retrain_reset"), key=f"_{prefix}_reset", icon=":material/undo:", width="stretch"):
        models.forget_retrained(names)
        st.rerun()
