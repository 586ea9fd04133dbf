"""ui.widgets.class_push: which pages the server wakes when a class's focus changes, and the Streamlit
private API it relies on (so an upgrade that removes it fails here, not in a classroom)."""

from __future__ import annotations

import inspect

import pytest

from ui.widgets import class_push
from ui.widgets.class_push import RETRY, Watchers


class Focus:
    """A class's focus as the shared cache would give it."""

    def __init__(self, value):
        self.value, self.reads = value, 0

    def __call__(self):
        self.reads += 1
        return self.value


def test_only_pages_showing_another_focus_are_woken_once_per_retry():
    w, focus = Watchers(), Focus(None)
    w.register("A", "s1", None, focus)
    w.register("A", "s2", None, focus)
    assert w.due(10.0) == []  # both show what the class has: nobody is woken
    focus.value = ("gradients.distance50", False)
    assert sorted(w.due(10.0)) == ["s1", "s2"]
    assert w.due(10.0 + RETRY / 2) == []  # just woken: not again before RETRY
    w.register("A", "s1", ("gradients.distance50", False), focus)  # s1's rerun showed the new focus
    assert w.due(10.0 + RETRY) == ["s2"]  # s2 was busy: woken again
    assert focus.reads == 4  # one read per class per look, whatever the number of pages


def test_skipped_values_wake_nobody_and_a_broken_read_is_survived():
    w = Watchers()
    w.register("A", "s1", ("q", False), Focus("down"), skip=("down", "unknown"))
    assert w.due(5.0) == []

    def broken():
        raise RuntimeError("database gone")

    w.register("B", "s2", None, broken)
    assert w.due(5.0) == []


def test_a_page_is_in_one_class_and_forgetting_empties_it():
    w = Watchers()
    w.register("A", "s1", None, Focus(None))
    w.register("B", "s1", None, Focus(("q", True)))  # the student joined another class
    assert list(w.classes) == ["B"] and len(w) == 1
    assert w.due(1.0) == ["s1"]
    w.forget("s1")
    w.forget("never-seen")
    assert len(w) == 0 and w.classes == {}


def test_heartbeats_report_the_open_pages_of_each_class_every_period():
    w, sent = Watchers(), []
    w.register("A", "s1", None, Focus(None), visit=("alice", "gates"), report=sent.append)
    w.register("A", "s2", None, Focus(None), visit=("bob", "lab"), report=sent.append)
    w.register("B", "s3", None, Focus(None))  # no report: never in a heartbeat
    start = w.classes["A"].reported
    assert w.heartbeats(start + 1.0, every=30.0) == []
    beats = w.heartbeats(start + 30.0, every=30.0)
    assert len(beats) == 1
    report, visits = beats[0]
    report(visits)
    assert sent == [[("alice", "gates"), ("bob", "lab")]]
    assert w.heartbeats(start + 45.0, every=30.0) == []  # next one 30 s later


def test_wake_without_a_server_runtime_says_the_page_is_gone():
    assert class_push.wake("no-such-session") is False


def test_the_private_api_it_uses_is_there():
    """What wake() calls: AppSession.request_rerun(client_state) (as "run on save" does) scheduled with
    AppSession._call_soon_on_event_loop, and the session's saved _client_state / _scriptrunner."""
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.session_manager import SessionManager

    assert class_push.available()
    assert list(inspect.signature(AppSession.request_rerun).parameters) == ["self", "client_state"]
    assert list(inspect.signature(AppSession._call_soon_on_event_loop).parameters) == ["self", "callback"]
    init = inspect.getsource(AppSession.__init__)
    assert "self._client_state" in init and "self._scriptrunner" in init
    assert callable(getattr(SessionManager, "get_active_session_info", None))
    state = ClientState()
    for field in ("fragment_id", "is_auto_rerun", "cached_message_hashes", "page_script_hash", "query_string"):
        assert field in ClientState.DESCRIPTOR.fields_by_name, field
    state.ClearField("cached_message_hashes")


@pytest.mark.parametrize("junk", [None, "", "x" * 1000])
def test_junk_session_ids_are_harmless(junk):
    w = Watchers()
    w.forget(junk)
    assert class_push.wake(junk) is False


def test_a_teachers_change_on_this_server_is_read_at_the_next_look():
    """The shared read lasts FOCUS_TTL s; the teacher page drops it after set_focus (focus_changed), so the
    push thread's next look (TICK s later) reads the store again."""
    from ui.widgets.classroom import _FocusCache

    class Store:
        value = {"question_id": "gradients.distance50", "revealed": False}

        def focus(self, code):
            return dict(self.value)

    store, cache = Store(), _FocusCache(ttl=60.0)
    assert cache.get(store, "url", "ABCDEF") == ("gradients.distance50", False)
    Store.value = {"question_id": "gradients.distance50", "revealed": True}
    assert cache.get(store, "url", "ABCDEF") == ("gradients.distance50", False)  # still the shared read
    cache.drop("url", "ABCDEF")
    cache.drop("url", "never-read")
    assert cache.get(store, "url", "ABCDEF") == ("gradients.distance50", True)
    assert cache.reads == 2


def test_the_heartbeat_reaches_the_stations_panel_and_survives_a_closed_class(tmp_path):
    """What the push thread hands to each class's report every HEARTBEAT s (ui.widgets.classroom._visit_many)."""
    from classroom.store import ClassStore
    from ui.widgets.classroom import _visit_many

    store = ClassStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    k = store.create_class()
    store.visit(k.code, "alice", "home")
    _visit_many(store, k.code, [("alice", "gates"), ("stranger", "lab")])
    assert store.results(k.code, k.teacher_key)["stations"] == {"gates": 1}
    store.close_class(k.code, k.teacher_key)
    _visit_many(store, k.code, [("alice", "gates")])  # logged, never raised into the push thread
    store.dispose()
