"""A class of browserless students (``services.st_client`` sessions), the pieces every class benchmark uses.

* :class:`Gate`: the barrier that releases the whole class at one instant (a class following the
  teacher: everyone opens the page when told to);
* :func:`connect`: one student's session, or the reason it could not connect;
* :func:`warm`: one student opens every page once, what a teacher does before class.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlparse

from services.st_client import Session


class Gate:
    """A barrier for ``parties`` students that never times out; students wait on an Event."""

    def __init__(self, parties: int) -> None:
        self.parties, self.count = parties, 0
        self.lock, self.open = threading.Lock(), threading.Event()
        self.opened_at = 0.0
        if parties <= 0:
            self.open.set()

    def arrive(self) -> None:
        with self.lock:
            self.count += 1
            if self.count >= self.parties:
                self.opened_at = time.perf_counter()
                self.open.set()
        self.open.wait()


def ws_base(url: str) -> str:
    """The websocket address of a server's http(s) URL (its path kept, as ``--server.baseUrlPath``)."""
    parsed = urlparse(url)
    scheme = "wss" if parsed.scheme == "https" else "ws"
    return f"{scheme}://{parsed.netloc}{parsed.path.rstrip('/')}"


def connect(ws: str, query: str = "") -> tuple[Session | None, str | None]:
    """A new student's session with ``query`` as its query string, or (None, why it failed)."""
    try:
        session = Session(ws)
    except Exception as error:  # a failed connection is a result to count
        return None, f"{type(error).__name__}: {error}"[:200]
    session.query_string = query
    return session, None


def warm(url: str, pages: list[str], query: str, timeout: float) -> list[dict]:
    """One student opens every page once (what a teacher does before class)."""
    session = Session(ws_base(url))
    try:
        return [{"page": v.page, "seconds": v.seconds, "errors": v.errors}
                for v in (session.visit(page, query_string=query, timeout=timeout) for page in pages)]
    finally:
        session.close()


def run_together(calls) -> None:
    """Run every ``(function, args)`` in its own thread, all at once, and return when all are done
    (each student is a thread: the server, not this process, is what the benchmark loads)."""
    threads = [threading.Thread(target=function, args=args, daemon=True) for function, args in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
