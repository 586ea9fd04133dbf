"""Class mode without polling: when the teacher changes a class's focus (a new question, its reveal, the
class closed), the server itself runs every joined student's page again.

Before this module each student's page polled: an empty ``st.fragment(run_every=2 s)`` cost the server a
script run (~4 ms of CPU) every 2 s per student, 60 idle students ≈ 12 % of one core for nothing, and a
new focus needed up to one poll period to arrive. Now:

* every full run of a joined student's page tells :data:`WATCHERS` which class it is in and which focus
  it showed (:func:`watch`, called by ``ui.widgets.classroom.focus_banner``);
* ONE daemon thread per server process wakes every :data:`TICK` s and, for each class with a page open
  in this process, reads the class's focus through the same shared, short-lived cache the pages read
  (``ui.widgets.classroom.FOCUS_CACHE``: one store read per class per second for the whole server,
  whatever the number of students);
* a page whose shown focus differs is run again by the server (:func:`wake`), as Streamlit's own
  "run on save" does: ``AppSession.request_rerun`` with the session's last client state (its page and
  query string; the widgets keep their values), scheduled on the server's event loop. A page that is
  running already is left alone and tried again :data:`RETRY` s later (the run under way may show the
  new focus itself and say so through :func:`watch`).

Idle students cost nothing per student: measured with ``python -m bench.class_quiz idle`` (README).

This and ``ui/widgets/figure_element.py`` are the only modules that use Streamlit private API:
``runtime.get_instance()._session_mgr.get_active_session_info(id).session`` (an ``AppSession``), its
``_client_state``, ``_scriptrunner``, ``_call_soon_on_event_loop`` and ``request_rerun``.
``tests/ui/test_class_push.py`` checks they exist, and ``tests/ui/test_classroom_live.py`` that a real
server's idle page shows a new focus by itself, so a Streamlit upgrade that changes them fails loudly.
When they are missing, :func:`available` is False and ``ui.widgets.classroom`` falls back to the poll.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

LOG = logging.getLogger(__name__)
TICK = 0.5  # seconds between two looks at the classes' focus (each look reads a shared, ≤ 1 s old value)
RETRY = 1.5  # seconds before a page that was woken (or busy) and still shows the old focus is woken again
HEARTBEAT = 30.0  # seconds between two reports of the open pages' stations (store.VISIT_WINDOW is 120 s)
IDLE_EXIT = 60.0  # seconds without any watched page after which the thread ends (the next watch restarts it)


class Watchers:
    """Which page shows which focus, by class; thread-safe, no Streamlit.

    ``register(key, session_id, shown, read, skip=(), visit=None, report=None)``: the page of
    ``session_id`` shows ``shown`` for the class ``key``; ``read()`` gives the class's focus now.
    :meth:`due` returns the pages to wake: those whose shown focus differs from what ``read`` says
    (values listed in ``skip``, e.g. "store down", wake nobody), each at most once per :data:`RETRY` s.
    ``visit`` (student id, station) is what :meth:`heartbeats` hands to the class's ``report`` every
    ``every`` s while the page stays open, so an idle student still counts on the teacher's station panel."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.classes: dict[Hashable, _Class] = {}
        self.where: dict[str, Hashable] = {}  # session id → its class key (a page is in one class at a time)

    def register(self, key: Hashable, session_id: str, shown: Any, read: Callable[[], Any], skip: tuple = (),
                 visit: tuple[str, str] | None = None, report: Callable[[list], None] | None = None) -> None:
        with self.lock:
            old = self.where.get(session_id)
            if old is not None and old != key:
                self._drop(session_id)
            entry = self.classes.get(key)
            if entry is None:
                entry = self.classes[key] = _Class(read, skip, report, time.monotonic())
            entry.read, entry.skip, entry.report = read, skip, report or entry.report
            entry.pages[session_id] = _Page(shown, -RETRY, visit)
            self.where[session_id] = key

    def forget(self, session_id: str) -> None:
        with self.lock:
            self._drop(session_id)

    def _drop(self, session_id: str) -> None:
        key = self.where.pop(session_id, None)
        entry = self.classes.get(key) if key is not None else None
        if entry is None:
            return
        entry.pages.pop(session_id, None)
        if not entry.pages:
            del self.classes[key]

    def __len__(self) -> int:
        with self.lock:
            return len(self.where)

    def due(self, now: float) -> list[str]:
        """The pages to wake now (and note that they were woken at ``now``)."""
        with self.lock:
            classes = list(self.classes.values())
        woken: list[str] = []
        for entry in classes:
            try:
                value = entry.read()  # outside the lock: a slow database delays nobody's watch()
            except Exception:  # a broken read wakes nobody; the pages keep what they show
                LOG.exception("class push: focus read failed")
                continue
            if any(value == s for s in entry.skip):
                continue
            with self.lock:
                for session_id, page in entry.pages.items():
                    if page.shown != value and now - page.woken >= RETRY:
                        page.woken = now
                        woken.append(session_id)
        return woken

    def heartbeats(self, now: float, every: float) -> list[tuple[Callable[[list], None], list[tuple[str, str]]]]:
        """For each class last reported ``every`` s ago or more: (its report, the (student, station) of its
        open pages). Marks them reported at ``now``."""
        out = []
        with self.lock:
            for entry in self.classes.values():
                if entry.report is None or now - entry.reported < every:
                    continue
                entry.reported = now
                visits = [page.visit for page in entry.pages.values() if page.visit is not None]
                if visits:
                    out.append((entry.report, visits))
        return out


@dataclass(slots=True)
class _Page:
    """One watched page: the focus it shows, when it was last woken (monotonic s), its (student, station)."""

    shown: Any
    woken: float
    visit: tuple[str, str] | None


@dataclass(slots=True)
class _Class:
    """One class: how to read its focus (and which values wake nobody), where its heartbeat goes, its pages."""

    read: Callable[[], Any]
    skip: tuple
    report: Callable[[list], None] | None
    reported: float
    pages: dict[str, _Page] = field(default_factory=dict)


WATCHERS = Watchers()
_THREAD_LOCK = threading.Lock()
_thread: threading.Thread | None = None


# --------------------------------------------------------------------------- Streamlit's private API


def _session(session_id: str) -> Any:
    """The live ``AppSession`` of ``session_id``, or None (gone, or no server runtime: AppTest, bare mode)."""
    from streamlit import runtime

    if not runtime.exists():
        return None
    info = runtime.get_instance()._session_mgr.get_active_session_info(session_id)
    return info.session if info is not None else None


@functools.cache
def available() -> bool:
    """Whether this Streamlit has what :func:`wake` uses (else class mode polls instead)."""
    try:
        from streamlit.proto.ClientState_pb2 import ClientState  # noqa: F401
        from streamlit.runtime import Runtime
        from streamlit.runtime.app_session import AppSession
    except ImportError:
        return False
    needed = ("_call_soon_on_event_loop", "request_rerun")
    return all(callable(getattr(AppSession, name, None)) for name in needed) and hasattr(Runtime, "exists")


def _rerun_when_idle(session: Any) -> None:
    """On the server's event loop: run ``session``'s page again with its last client state (page, query
    string; widget values stay in its session state), unless a run is under way."""
    from streamlit.proto.ClientState_pb2 import ClientState

    if getattr(session, "_scriptrunner", None) is not None:
        return  # busy: RETRY s later, if that run did not show the new focus itself
    state = ClientState()
    state.CopyFrom(session._client_state)
    state.fragment_id = ""  # the whole page, never a fragment of it
    state.is_auto_rerun = False
    state.ClearField("cached_message_hashes")  # send every element in full: the browser may have dropped some
    session.request_rerun(state)


def wake(session_id: str) -> bool:
    """Ask the server to run ``session_id``'s page again (soon, on its event loop); False when that
    session is gone (or there is no server runtime)."""
    try:
        session = _session(session_id)
        if session is None:
            return False
        session._call_soon_on_event_loop(lambda: _guarded(session))
        return True
    except Exception:
        LOG.exception("class push: could not wake a page")
        return False


def _guarded(session: Any) -> None:
    try:
        _rerun_when_idle(session)
    except Exception:  # never into the event loop
        LOG.exception("class push: rerun failed")


# --------------------------------------------------------------------------- the thread


def _loop() -> None:
    global _thread
    quiet_since = time.monotonic()
    while True:
        time.sleep(TICK)
        now = time.monotonic()
        for session_id in WATCHERS.due(now):
            if not wake(session_id):
                WATCHERS.forget(session_id)
        for report, visits in WATCHERS.heartbeats(now, HEARTBEAT):
            try:
                report(visits)
            except Exception:  # the station panel is best effort
                LOG.warning("class push: station report failed", exc_info=True)
        if len(WATCHERS):
            quiet_since = now
        elif now - quiet_since > IDLE_EXIT:
            with _THREAD_LOCK:
                if not len(WATCHERS):
                    _thread = None
                    return
                quiet_since = now


def watch(key: Hashable, session_id: str, shown: Any, read: Callable[[], Any], skip: tuple = (),
          visit: tuple[str, str] | None = None, report: Callable[[list], None] | None = None) -> None:
    """The page of ``session_id`` shows ``shown`` for the class ``key`` (``read()``: its focus now, a
    shared read); starts the server's push thread if it is not running. ``skip``: values of ``read()``
    that must wake nobody (no answer yet, store down). ``visit``: (student id, station) of this page,
    handed with the class's other open pages to ``report`` every :data:`HEARTBEAT` s."""
    global _thread
    WATCHERS.register(key, session_id, shown, read, skip, visit, report)
    with _THREAD_LOCK:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, name="rnnlab-class-push", daemon=True)
            _thread.start()


def forget(session_id: str) -> None:
    """The page of ``session_id`` left its class (or the class ended): stop watching it."""
    WATCHERS.forget(session_id)
