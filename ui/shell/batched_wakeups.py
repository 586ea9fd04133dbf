"""One event-loop wake-up per burst of a session's messages, instead of one per element.

Why: Streamlit 1.67 hands every message a script run produces (each element, each block, script
started and finished) from the script's thread to the server's event loop with its own
``loop.call_soon_threadsafe`` (``AppSession._on_scriptrunner_event`` →
``AppSession._call_soon_on_event_loop``). Each such call writes a byte to the loop's self-pipe
and wakes the loop for one callback. Under a class of 30 on station 4 (111 elements a view) that
path was the largest single item of the server's interpreter-lock time: 18 % in the pipe write
alone (``py-spy record --gil`` while ``bench.class_load`` drove 30 students, 2026-12-03).

What this changes: :func:`install` replaces ``AppSession._call_soon_on_event_loop`` with
:func:`_call_soon`, which appends the callback to the session's own queue and wakes the loop only
when no drain of that queue is already scheduled. The drain (on the loop) runs what was queued
when it started, in order, then schedules itself again with the loop-local ``call_soon`` (no pipe
write) if more came in meanwhile, so other sessions and the websocket get their turn between
batches. For one session nothing is reordered: its callbacks run in the order they were queued,
each no later than it would have before. A failing callback is logged and the ones after it still
run (as the loop does for separate callbacks). Measured A/B (``bench.class_load``, 30 students,
the whole tour, same machine, same quarter hour): README, *Speed*.

Private Streamlit API used here and nowhere else: ``AppSession._call_soon_on_event_loop`` (its
signature and its closed-loop handling) and ``AppSession._event_loop``.
``tests/ui/test_batched_wakeups.py`` pins both, and checks that every callback ``app_session.py``
schedules goes through that one method, so a Streamlit upgrade that changes the path fails that
test instead of silently bypassing (or breaking) the batching. ``RNN_LAB_BATCH_WAKEUPS=0`` keeps
Streamlit's own path (for A/B measurements, or if an upgrade ever needs it).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from streamlit.runtime.app_session import AppSession

_LOG = logging.getLogger(__name__)
_STREAMLIT_CALL_SOON = AppSession._call_soon_on_event_loop
_ATTRIBUTE = "_rnn_lab_wakeups"


class _Queue:
    """One session's callbacks waiting for the event loop, and whether a drain is scheduled."""

    __slots__ = ("lock", "callbacks", "scheduled")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.callbacks: list[Callable[[], None]] = []
        self.scheduled = False


def _queue_of(session: AppSession) -> _Queue:
    queue = session.__dict__.get(_ATTRIBUTE)
    if queue is None:  # setdefault is atomic: two threads arriving together get the same queue
        queue = session.__dict__.setdefault(_ATTRIBUTE, _Queue())
    return queue


def _drain(session: AppSession, queue: _Queue) -> None:
    """On the event loop: run what was queued when this drain started, then yield to the loop."""
    with queue.lock:
        batch, queue.callbacks = queue.callbacks, []
    for callback in batch:
        try:
            callback()
        except Exception:  # the loop logs a failing callback and goes on; so does the drain
            _LOG.exception("Event-loop callback of a session failed")
    with queue.lock:
        if not queue.callbacks:
            queue.scheduled = False
            return
    session._event_loop.call_soon(_drain, session, queue)  # on the loop's own thread: no wake-up


def _call_soon(self: AppSession, callback: Callable[[], None]) -> None:
    """``AppSession._call_soon_on_event_loop`` with one wake-up per burst (see the module)."""
    queue = _queue_of(self)
    with queue.lock:
        queue.callbacks.append(callback)
        if queue.scheduled:
            return
        queue.scheduled = True
    try:
        _STREAMLIT_CALL_SOON(self, lambda: _drain(self, queue))
    except BaseException:
        with queue.lock:  # not scheduled after all: the next call tries again
            queue.scheduled = False
        raise
    if self._event_loop.is_closed():  # Streamlit dropped the drain (shutdown): keep nothing behind
        with queue.lock:
            queue.callbacks.clear()
            queue.scheduled = False


def enabled() -> bool:
    """Batching is on unless ``RNN_LAB_BATCH_WAKEUPS=0``."""
    return os.environ.get("RNN_LAB_BATCH_WAKEUPS", "1") != "0"


def install() -> bool:
    """Batch the wake-ups of every session of this server (idempotent); False when switched off."""
    if not enabled():
        return False
    if AppSession._call_soon_on_event_loop is not _call_soon:
        AppSession._call_soon_on_event_loop = _call_soon
    return True
