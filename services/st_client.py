"""A browserless Streamlit client: one real Streamlit session over the websocket, no browser.

It speaks the protocol of Streamlit 1.67 as its frontend does (``streamlit/static`` and
``streamlit/web/server/starlette/starlette_websocket.py``):

* connect to ``ws://HOST:PORT/_stcore/stream`` with the subprotocol ``streamlit`` (the second
  and third subprotocol entries, an XSRF token and a session id to resume, are optional: the
  XSRF token only guards the auth cookie, which this app does not use);
* ask for a script run with a ``BackMsg`` whose ``rerun_script`` is a ``ClientState``: the query
  string, the widget states, and the page — ``page_name`` (the page's URL path, what the browser
  sends for the first page it opens) or ``page_script_hash`` (what it sends when the student
  clicks another page in the sidebar; the hashes come in the ``navigation`` ForwardMsg);
* read ``ForwardMsg``s until ``script_finished``. ``FINISHED_EARLY_FOR_RERUN`` means another run
  follows (``st.rerun``); ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY`` ends a fragment run;
* answer ``auto_rerun`` (an ``st.fragment(run_every=...)`` on the page) as the browser does:
  every ``interval`` seconds send a rerun with that ``fragment_id`` and ``is_auto_rerun``,
  until ``stop_auto_rerun`` or the next full run of another page.

Errors counted (what a student would see as a broken page): an ``exception`` element in any
delta, a ``page_not_found``, a compile error (``FINISHED_WITH_COMPILE_ERROR`` or a session
event carrying ``script_compilation_exception``), a dropped socket, and a timeout.

A reader thread per session receives frames as soon as they arrive (so websocket pings are
answered even while the student waits for classmates), stamps each with its arrival time, and hands
a run's elements to the student's thread in one batch with the next message that is not an element.
"""

from __future__ import annotations

import collections
import queue
import threading
import time
from dataclasses import dataclass, field

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
_CLOSED = object()  # reader-thread sentinel: the socket is gone
_BATCH = 256  # at most this many messages per hand-off from the reader thread


def read_message(reader, pong) -> bytes | None:
    """The next data message from a server's websocket, or None once the server closes it.

    RFC 6455 §5.2: a frame is a 2-byte header (FIN bit, opcode; MASK bit, 7-bit length), 2 or 8 more
    bytes when that length is 126 or 127, then the payload, never masked from a server. Binary or text
    frames (opcodes 2, 1) start a message; continuation frames (0) extend it until one has FIN. A ping
    (9) is answered at once with ``pong(payload)``, between fragments too (§5.4); a pong (10) is
    skipped; a close (8) or the end of the stream ends it. ``reader``: a buffered binary file over the
    socket (``sock.makefile("rb")``): a small read costs no system call.
    """
    parts: list[bytes] = []
    while True:
        header = reader.read(2)
        if len(header) < 2:
            return None
        first, second = header
        if second & 0x80:
            raise ConnectionError("a server frame must not be masked (RFC 6455 §5.1)")
        length = second & 0x7F
        if length >= 126:
            extended = reader.read(2 if length == 126 else 8)
            length = int.from_bytes(extended, "big")
        payload = reader.read(length) if length else b""
        if len(payload) < length:
            return None
        opcode = first & 0x0F
        if opcode == 0x8:
            return None
        if opcode == 0x9:
            pong(payload)
            continue
        if opcode == 0xA:
            continue
        parts.append(payload)
        if first & 0x80:
            return parts[0] if len(parts) == 1 else b"".join(parts)


@dataclass
class RunView:
    """What one script run (full or fragment) drew: element kinds, counts, texts of interest."""

    fragment: bool = False
    status: int | None = None
    kinds: dict[str, int] = field(default_factory=dict)
    buttons: dict[str, str] = field(default_factory=dict)  # widget id -> label
    submitters: dict[str, str] = field(default_factory=dict)  # form submit button id -> form id
    radios: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # widget id -> (form id, options)
    texts: list[str] = field(default_factory=list)  # markdown bodies, alert bodies, headings

    def add(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind is None:
            return
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if kind == "button":
            self.buttons[element.button.id] = element.button.label
            if element.button.is_form_submitter:
                self.submitters[element.button.id] = element.button.form_id
        elif kind == "radio":
            self.radios[element.radio.id] = (element.radio.form_id, list(element.radio.options))
        elif kind == "markdown":
            self.texts.append(element.markdown.body)
        elif kind == "alert":
            self.texts.append(element.alert.body)
        elif kind == "heading":
            self.texts.append(element.heading.body)


@dataclass
class Visit:
    """One page view (or one wait) as the student saw it."""

    page: str
    seconds: float = float("nan")
    ok: bool = False
    errors: list[str] = field(default_factory=list)
    runs: list[RunView] = field(default_factory=list)
    bytes: int = 0
    started: float = 0.0  # perf_counter at send
    ended: float = 0.0  # perf_counter at the last message that finished it

    @property
    def last_full(self) -> RunView | None:
        full = [r for r in self.runs if not r.fragment]
        return full[-1] if full else None


class Session:
    """One student: one websocket, one Streamlit session, pages visited in turn."""

    def __init__(self, base_ws: str, *, connect_timeout: float = 30, ws=None) -> None:
        """Connect to the server at ``base_ws`` (``ws://host:port``); ``ws``: an already open
        websocket (``websocket.WebSocket``-like: ``sock``, ``send``, ``pong``), e.g. in tests."""
        self.url = base_ws.rstrip("/") + "/_stcore/stream"
        self.ws = ws or websocket.create_connection(self.url, subprotocols=["streamlit"], timeout=connect_timeout,
                                                    enable_multithread=True)
        self.ws.settimeout(None)
        self.inbox: queue.Queue = queue.Queue()  # batches of (arrival time, ForwardMsg, size) from the reader
        self._pending: collections.deque = collections.deque()  # the current batch, not yet pumped
        self.pages: dict[str, str] = {}  # url path -> page script hash (from the last navigation message)
        self.default_page = ""  # url path of the default page ("" when it is served at /)
        self.closed_reason: str | None = None
        self.query_string = ""
        self.page_hash = ""
        self.auto_reruns: dict[str, tuple[float, float]] = {}  # fragment id -> (interval, next due)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # ------------------------------------------------------------------ transport

    def _read(self) -> None:
        # Frames are read straight off the socket through one buffer (read_message), not through
        # websocket-client's recv(): the simulated class shares the server's cores in a benchmark,
        # and a lighter client leaves them to the server (bench.class_load prints its CPU).
        # The elements of a run (deltas) are handed to the student's thread in one batch with the
        # next message that is not one (script_finished, a session event, ...): what the pump acts
        # on comes with everything before it, and the student's thread wakes a few times per page
        # instead of once per element. Each message keeps the time it arrived.
        batch: list = []
        try:
            reader = self.ws.sock.makefile("rb", buffering=1 << 16)
            while True:
                data = read_message(reader, self.ws.pong)
                if data is None:
                    break
                stamp = time.perf_counter()
                msg = ForwardMsg()
                msg.ParseFromString(data)
                batch.append((stamp, msg, len(data)))
                if msg.WhichOneof("type") != "delta" or len(batch) >= _BATCH:
                    self.inbox.put(batch)
                    batch = []
        except Exception as error:  # any end of the socket ends the session
            self.closed_reason = f"{type(error).__name__}: {error}"[:200]
        batch.append((time.perf_counter(), _CLOSED, 0))
        self.inbox.put(batch)

    def _next(self, timeout: float) -> tuple:
        """The next (arrival time, message, size) for the pump; raises ``queue.Empty`` after ``timeout``."""
        if not self._pending:
            self._pending.extend(self.inbox.get(timeout=timeout))
        return self._pending.popleft()

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:
            pass

    def _send_rerun(self, *, page_name: str = "", page_hash: str = "", widgets=(), fragment_id: str = "",
                    auto: bool = False) -> None:
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = page_hash
        state.page_name = page_name
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        for widget in widgets:
            state.widget_states.widgets.append(widget)
        self.ws.send(back.SerializeToString(), opcode=websocket.ABNF.OPCODE_BINARY)

    def _due_auto_rerun(self) -> float | None:
        return min((due for _, due in self.auto_reruns.values()), default=None)

    def _fire_auto_reruns(self) -> None:
        now = time.perf_counter()
        for fid, (interval, due) in list(self.auto_reruns.items()):
            if due <= now:
                self.auto_reruns[fid] = (interval, now + interval)
                self._send_rerun(page_hash=self.page_hash, fragment_id=fid, auto=True)

    # ------------------------------------------------------------------ receiving

    def _pump(self, visit: Visit, deadline: float, until) -> bool:
        """Read messages into ``visit`` until ``until(visit, msg)`` says done; False on timeout or close."""
        current: RunView | None = None
        while True:
            now = time.perf_counter()
            if now >= deadline:
                visit.errors.append(f"timeout after {deadline - visit.started:.0f} s")
                return False
            due = self._due_auto_rerun()
            wait = deadline - now if due is None else max(0.0, min(deadline, due) - now)
            try:
                stamp, msg, size = self._next(wait)
            except queue.Empty:
                self._fire_auto_reruns()
                continue
            if msg is _CLOSED:
                visit.errors.append(f"socket closed ({self.closed_reason or 'by the server'})")
                return False
            visit.bytes += size
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                fragment = bool(msg.metadata.run.fragment_ids)
                if not fragment:
                    self.auto_reruns.clear()  # the browser drops its timers on every full run
                current = RunView(fragment=fragment)
                visit.runs.append(current)
            elif kind == "navigation":  # the app's st.navigation: every page's URL path and hash
                self.pages = {page.url_pathname: page.page_script_hash for page in msg.navigation.app_pages}
                self.default_page = next((p.url_pathname for p in msg.navigation.app_pages if p.is_default), "")
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "delta":
                if current is None:  # a fragment run starts without new_session in some versions
                    current = RunView(fragment=bool(msg.delta.fragment_id))
                    visit.runs.append(current)
                delta = msg.delta
                which = delta.WhichOneof("type")
                elements = []
                if which == "new_element":
                    elements = [delta.new_element]
                elif which == "new_transient":
                    elements = list(delta.new_transient.elements)
                for element in elements:
                    current.add(element)
                    if element.WhichOneof("type") == "exception":
                        exc = element.exception
                        visit.errors.append(f"exception element: {exc.type}: {exc.message[:160]}")
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                visit.errors.append(f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
                exc = msg.session_event.script_compilation_exception
                visit.errors.append(f"compile error: {exc.type}: {exc.message[:160]}")
            elif kind == "auto_rerun" and msg.auto_rerun.fragment_id:
                fid, interval = msg.auto_rerun.fragment_id, max(0.05, msg.auto_rerun.interval)
                if self.auto_reruns.get(fid, (None,))[0] != interval:
                    self.auto_reruns[fid] = (interval, time.perf_counter() + interval)
            elif kind == "stop_auto_rerun":
                for fid in msg.stop_auto_rerun.fragment_ids:
                    self.auto_reruns.pop(fid, None)
            elif kind == "script_finished":
                status = msg.script_finished
                if current is not None:
                    current.status = status
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    visit.errors.append("script finished with a compile error")
                current = None
                visit.ended = stamp
                if until(visit, status):
                    return True

    # ------------------------------------------------------------------ what a student does

    def visit(self, page: str, *, query_string: str | None = None, timeout: float = 60) -> Visit:
        """Open ``page`` (URL path) and wait for its run to finish; as a sidebar click would."""
        if query_string is not None:
            self.query_string = query_string
        self.auto_reruns.clear()  # leaving a page stops its fragments' timers
        view = Visit(page=page, started=time.perf_counter())
        page_hash = self.pages.get(page, "")
        if not page_hash and page == "home" and self.pages:  # the default page is served at "/"
            page_hash = self.pages.get(self.default_page, "")
        self._send_rerun(page_name="" if page_hash or page == "home" else page, page_hash=page_hash)
        done = self._pump(view, view.started + timeout, _full_run_done)
        view.seconds = view.ended - view.started if done else time.perf_counter() - view.started
        view.ok = done and not view.errors
        return view

    def click(self, widget_id: str, *, timeout: float = 60, values: dict[str, str] | None = None,
              label: str = "(click)") -> Visit:
        """Click a button (its trigger value for one run), sending ``values`` (widget id -> string
        value, e.g. radio choices in the button's form) with it; wait for the full run it starts."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        view = Visit(page=label, started=time.perf_counter())
        widgets = [WidgetState(id=wid, string_value=value) for wid, value in (values or {}).items()]
        self._send_rerun(page_hash=self.page_hash, widgets=[*widgets, WidgetState(id=widget_id, trigger_value=True)])
        done = self._pump(view, view.started + timeout, _full_run_done)
        view.seconds = view.ended - view.started if done else time.perf_counter() - view.started
        view.ok = done and not view.errors
        return view

    def wait_for(self, predicate, *, timeout: float = 120, label: str = "(wait)") -> Visit:
        """Stay on the page (answering auto-reruns) until a finished run satisfies ``predicate(run)``."""
        view = Visit(page=label, started=time.perf_counter())

        def until(v: Visit, status) -> bool:
            run = v.runs[-1] if v.runs else None
            if v.errors:  # an exception on the page: what the student waits for will not come
                return True
            return run is not None and status != FINISHED.FINISHED_EARLY_FOR_RERUN and predicate(run)

        done = self._pump(view, view.started + timeout, until)
        view.seconds = view.ended - view.started if done else time.perf_counter() - view.started
        view.ok = done and not view.errors
        return view


def _full_run_done(visit: Visit, status) -> bool:
    """A page view ends with its last full run: not one interrupted for a rerun, not a fragment run."""
    return status in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR)


def find_button(run: RunView | None, key: str) -> str | None:
    """The widget id of the button whose user key is ``key`` (Streamlit ids end with ``-<key>``)."""
    if run is None:
        return None
    for widget_id in run.buttons:
        if widget_id.endswith(f"-{key}") or widget_id == key:
            return widget_id
    return None
