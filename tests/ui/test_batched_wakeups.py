"""ui.shell.batched_wakeups: a session's callbacks reach the event loop in order, all of them, with one
wake-up per burst; and the Streamlit private API it replaces is still what it was written against."""

from __future__ import annotations

import asyncio
import inspect
import re
import threading

import pytest
import streamlit.runtime.app_session as app_session_module
from streamlit.runtime.app_session import AppSession

from ui.shell import batched_wakeups
from ui.shell.batched_wakeups import _call_soon


class Session:
    """What ``_call_soon`` and Streamlit's ``_call_soon_on_event_loop`` read of an AppSession."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._event_loop = loop


class CountingLoop(asyncio.SelectorEventLoop):
    """An event loop that counts its wake-ups from other threads."""

    def __init__(self):
        super().__init__()
        self.wakeups = 0

    def call_soon_threadsafe(self, callback, *args, **kwargs):
        self.wakeups += 1
        return super().call_soon_threadsafe(callback, *args, **kwargs)


@pytest.fixture
def loop():
    loop = CountingLoop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def _wait_until(loop, condition, seconds=5.0):
    done = threading.Event()

    def check():
        if condition():
            done.set()
        else:
            loop.call_later(0.01, check)

    loop.call_soon_threadsafe(check)
    assert done.wait(seconds), "the loop never got there"


def test_a_burst_queued_while_the_loop_is_busy_costs_one_wakeup_and_keeps_its_order(loop):
    session, ran = Session(loop), []
    release, busy = threading.Event(), threading.Event()

    def block():
        busy.set()
        release.wait(5)

    loop.call_soon_threadsafe(block)
    assert busy.wait(5)
    before = loop.wakeups
    for i in range(100):  # a script run's elements, while the loop is busy elsewhere
        _call_soon(session, lambda i=i: ran.append(i))
    wakeups = loop.wakeups - before
    release.set()
    _wait_until(loop, lambda: len(ran) == 100)
    assert ran == list(range(100))
    assert wakeups == 1  # Streamlit's own path: 100


def test_a_failing_callback_is_logged_and_the_rest_still_run(loop, caplog):
    session, ran = Session(loop), []

    def fail():
        raise ValueError("boom")

    release = threading.Event()
    loop.call_soon_threadsafe(release.wait, 5)
    _call_soon(session, lambda: ran.append("before"))
    _call_soon(session, fail)
    _call_soon(session, lambda: ran.append("after"))
    release.set()
    _wait_until(loop, lambda: len(ran) == 2)
    assert ran == ["before", "after"]
    _call_soon(session, lambda: ran.append("later"))  # the queue is not wedged by the failure
    _wait_until(loop, lambda: len(ran) == 3)
    assert "Event-loop callback of a session failed" in caplog.text


def test_callbacks_queued_during_a_drain_run_in_a_later_turn_of_the_loop(loop):
    """A session that keeps queueing does not hold the loop: the loop runs others between batches."""
    session, order = Session(loop), []

    def first():
        order.append("first")
        _call_soon(session, lambda: order.append("queued during the drain"))
        loop.call_soon(lambda: order.append("another session"))  # scheduled on the loop meanwhile

    _call_soon(session, first)
    _wait_until(loop, lambda: len(order) == 3)
    assert order == ["first", "another session", "queued during the drain"]


def test_two_threads_queueing_together_lose_nothing(loop):
    session, ran = Session(loop), []
    lock = threading.Lock()

    def add(tag):
        with lock:
            ran.append(tag)

    def producer(name):
        for i in range(500):
            _call_soon(session, lambda i=i: add((name, i)))

    threads = [threading.Thread(target=producer, args=(n,)) for n in ("script", "push")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    _wait_until(loop, lambda: len(ran) == 1000)
    for name in ("script", "push"):  # each thread's own callbacks in the order it queued them
        assert [i for n, i in ran if n == name] == list(range(500))


def test_a_closed_loop_drops_callbacks_without_raising_or_keeping_them():
    loop = asyncio.new_event_loop()
    loop.close()
    session = Session(loop)
    _call_soon(session, lambda: None)
    _call_soon(session, lambda: None)
    queue = session.__dict__[batched_wakeups._ATTRIBUTE]
    assert queue.callbacks == [] and queue.scheduled is False


def test_install_is_idempotent_and_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(AppSession, "_call_soon_on_event_loop", batched_wakeups._STREAMLIT_CALL_SOON)
    monkeypatch.setenv("RNN_LAB_BATCH_WAKEUPS", "0")
    assert batched_wakeups.install() is False
    assert AppSession._call_soon_on_event_loop is batched_wakeups._STREAMLIT_CALL_SOON
    monkeypatch.delenv("RNN_LAB_BATCH_WAKEUPS")
    assert batched_wakeups.install() is True and batched_wakeups.install() is True
    assert AppSession._call_soon_on_event_loop is _call_soon


def test_streamlit_private_api_is_still_what_the_batching_replaces():
    """Pinned: an upgrade that renames the method, changes its signature, or schedules a session's
    callbacks another way (which the batching would not see, and could reorder) fails here."""
    original = batched_wakeups._STREAMLIT_CALL_SOON
    assert original.__qualname__ == "AppSession._call_soon_on_event_loop"
    assert list(inspect.signature(original).parameters) == ["self", "callback"]
    assert "self._event_loop.call_soon_threadsafe(callback)" in inspect.getsource(original)
    assert "is_closed()" in inspect.getsource(original)  # it drops callbacks on a closed loop
    source = inspect.getsource(app_session_module)
    assert len(re.findall(r"call_soon_threadsafe\(", source)) == 1  # only inside that method
    assert len(re.findall(r"\bcall_soon\(", source)) == 0
    assert "self._call_soon_on_event_loop(" in inspect.getsource(AppSession._on_scriptrunner_event)
    assert "self._event_loop = " in inspect.getsource(AppSession.__init__)
