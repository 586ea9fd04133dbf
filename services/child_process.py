"""Run a long computation in a child process of the server and stream its messages back.

Why a process and not a thread: the server is one Python process, and its threads share one
interpreter lock (GIL). A PyTorch training releases the lock inside each kernel and takes it back
after, thousands of times a second; while a page view runs Python code (building a figure,
serialising a message) the training waits for the lock at each of those returns — up to the
interpreter's switch interval (5 ms) each time — and the page view waits for the training's
Python parts in turn. Measured on the default Lab race (``py-spy``, 2-core machine): the training
thread holds the lock ~28 % of its time, and spent ~6 % of a watched race waiting for it. A child
process has its own interpreter: the computation runs as it would from the command line, and the
server's page views never queue behind it.

How. A *zygote* — one small process per server, started by :func:`prepare` with ``python -c`` in
the project's folder — imports ``preload`` (torch, the engine) once, then waits on a socket. For
each :func:`run` the server sends it one end of a fresh socket pair; the zygote forks a child that
reads ``(fn, args)`` from it, runs ``fn(*args, channel)`` and sends its result back. A child so
starts in milliseconds (not the ~3 s of an ``import torch``), from a process that runs nothing
else (forking the multi-threaded server itself would be unsafe), and nothing of the server's
``__main__`` is re-imported (``multiprocessing``'s spawn and forkserver methods do that).

In the child, ``channel.send(obj)`` streams a message and ``channel.stopping()`` says whether the
server asked it to stop. In the server, the calling thread waits on the socket (without the lock),
hands each message to ``on_message``, asks ``should_stop()`` at least every ``poll`` seconds (and
sends "stop" once it says yes), and returns what ``fn`` returned. An exception in ``fn`` comes back
as :class:`ChildFailed` with its type and message; a child that dies without a word too. If the
server stops listening (an error in ``on_message``, the server exits), the child ends at its next
``send`` (broken pipe).

``fn``, its arguments, the messages and the result cross the socket pickled: ``fn`` must be a
module-level function, and floats arrive bit for bit.

This module does not import streamlit (nor torch: the zygote imports what it is told, by name).
"""

from __future__ import annotations

import importlib
import os
import signal
import socket
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PRELOAD = ("torch",)
POLL_SECONDS = 0.2  # how often the waiting thread asks should_stop() when no message came
_STOP = "stop"


class ChildFailed(RuntimeError):
    """The child's computation raised (message: ``"<type>: <message>"``) or the child died."""


class Channel:
    """The child's end of the socket: stream messages, learn whether the server asked it to stop."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._stop = False

    def send(self, message: Any) -> None:
        self._conn.send(("message", message))

    def stopping(self) -> bool:
        """True once the server asked to stop (a non-blocking look at the socket)."""
        if not self._stop and self._conn.poll():
            try:
                self._stop = self._conn.recv() == _STOP
            except EOFError:  # the server is gone: nobody to compute for
                self._stop = True
        return self._stop


# --------------------------------------------------------------------------- the zygote


class _Zygote:
    """The server's handle on its zygote process: a control socket and the process."""

    def __init__(self, preload: Iterable[str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        code = f"import services.child_process as c; c._zygote_main({theirs.fileno()}, {list(preload)!r})"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        try:
            self.process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                            pass_fds=(theirs.fileno(),))
        finally:
            theirs.close()
        self.control = ours

    def alive(self) -> bool:
        return self.process.poll() is None

    def fork(self, fd: int) -> None:
        """Ask for a child that talks on ``fd`` (the zygote gets its own copy of it)."""
        socket.send_fds(self.control, [b"f"], [fd])

    def close(self) -> None:
        self.control.close()  # the zygote reads the end of its socket and exits
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


_lock = threading.Lock()
_zygote: _Zygote | None = None
_preload: tuple[str, ...] = PRELOAD


def prepare(preload: Iterable[str] = PRELOAD) -> int:
    """Start the zygote (once per server process, again if it died) with ``preload`` done in it:
    ``"pkg.mod"`` imports a module, ``"pkg.mod:fn"`` also calls ``fn()`` (a warm-up: torch imports
    ~800 more modules on a first training step, ~3.5 s, which every child would pay again).
    Returns the zygote's pid, at once: the zygote works in its own process, and the first
    :func:`run` waits for it only if it comes before the zygote is ready. Asking for a name the
    running zygote lacks replaces it (children already forked go on)."""
    global _zygote, _preload
    with _lock:
        wanted = tuple(dict.fromkeys((*_preload, *preload)))
        if _zygote is not None and (wanted != _preload or not _zygote.alive()):
            _zygote.close()  # it lacks a name now asked for (or died): children must not pay for it
            _zygote = None
        _preload = wanted
        if _zygote is None:
            _zygote = _Zygote(_preload)
        return _zygote.process.pid


def shutdown() -> None:
    """Stop the zygote (running children finish on their own); the next :func:`run` starts another."""
    global _zygote
    with _lock:
        if _zygote is not None:
            _zygote.close()
            _zygote = None


def _fork(fd: int) -> None:
    global _zygote
    with _lock:
        for attempt in (1, 2):
            if _zygote is None or not _zygote.alive():
                _zygote = _Zygote(_preload)
            try:
                _zygote.fork(fd)
                return
            except OSError:  # the zygote died between the check and the send: start another, once
                _zygote.close()
                _zygote = None
                if attempt == 2:
                    raise


def _reap(*_signal) -> None:
    """Collect every child that ended (on SIGCHLD): no zombies, and their CPU time is added to the
    zygote's (``cutime``/``cstime`` in ``/proc/<pid>/stat``), where the benchmarks count it."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _zygote_main(fd: int, preload: list[str]) -> None:
    """The zygote: do ``preload`` (see :func:`prepare`), then fork one child per socket end the server
    sends, until the server closes the control socket. Ended children are reaped at once (:func:`_reap`)."""
    for name in preload:
        module, _, function = name.partition(":")
        try:
            loaded = importlib.import_module(module)
            if function:
                getattr(loaded, function)()
        except Exception:  # noqa: BLE001 - a child does what it needs anyway (slower, not broken)
            traceback.print_exc()
    signal.signal(signal.SIGCHLD, _reap)
    control = socket.socket(fileno=fd)
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(control, 1, 1)
        except OSError:
            break
        if not fds:  # the server closed its end (it exited or called shutdown)
            break
        if os.fork() == 0:
            code = 1
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _child(Connection(fds[0]))
                code = 0
            finally:
                os._exit(code)
        os.close(fds[0])


def _child(conn: Connection) -> None:
    """A child's whole life: read ``(fn, args)``, run it, send the result or the failure."""
    try:
        fn, args = conn.recv()
        result = fn(*args, Channel(conn))
    except BaseException as exc:  # noqa: BLE001 - whatever happened, the server must hear of it
        traceback.print_exc()
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
    else:
        conn.send(("result", result))
    finally:
        conn.close()


# --------------------------------------------------------------------------- the server's side


def run(fn: Callable, *args: Any, on_message: Callable[[Any], None],
        should_stop: Callable[[], bool] | None = None, poll: float = POLL_SECONDS) -> Any:
    """``fn(*args, channel)`` in a child process; every ``channel.send(m)`` becomes ``on_message(m)``
    here, in order, and ``fn``'s return value is returned. See the module docstring."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        _fork(theirs.fileno())
    finally:
        theirs.close()  # the child has its own copy: once it exits, reading here ends (EOFError)
    conn = Connection(ours.detach())
    try:
        conn.send((fn, args))
        stop_sent = False
        while True:
            if not stop_sent and should_stop is not None and should_stop():
                try:
                    conn.send(_STOP)
                except OSError:  # the child is already gone: its last messages are still to read
                    pass
                stop_sent = True
            if not conn.poll(poll):
                continue
            try:
                kind, payload = conn.recv()
            except EOFError:
                raise ChildFailed("the child process ended without an answer") from None
            if kind == "message":
                on_message(payload)
            elif kind == "result":
                return payload
            else:
                raise ChildFailed(payload)
    finally:
        conn.close()  # a child still running ends at its next send
