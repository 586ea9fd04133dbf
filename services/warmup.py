"""Warm the server before the class arrives.

A freshly started server pays, on each page's first visit, for importing torch, loading the
pretrained models and computing the page's default view (3–6 s a page). Without a warm-up the
first students to arrive pay it, all at once. The first script run after a server start calls
:func:`start_once`, which starts one background thread that visits every page of the app, in
Portuguese and then in English, as a browser would: a real Streamlit session over the app's
own websocket (``/_stcore/stream`` on the loopback address), one page after another. Every
view is computed by the page's own code with its default controls, so the server-wide caches
(``st.cache_data`` / ``st.cache_resource``) hold exactly what a class opening the pages asks
for. Meanwhile ``/_stcore/health`` and the home page stay instant: the warm-up is one
ordinary session, run one page at a time.

Each visit is a :class:`services.st_client.Session` (the browserless client the class benchmarks
use): a view counts as warmed when its last full run finished with no error a student would see
(no exception element, no page-not-found, no compile error, no timeout).

``RNN_LAB_WARMUP=0`` turns it off (the tests do: AppTest has no server to visit).
The visit log (page, language, seconds, outcome) is kept in :data:`REPORT` for benchmarks.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable

# services never import the Streamlit runtime, so not streamlit.logger: a logger of our own, written to
# stderr in Streamlit's default log format, next to the server's own lines.
log = logging.getLogger(__name__)
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname) -7s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

_started = False
_lock = threading.Lock()

REPORT: list[dict] = []
"""One entry per visited page: {"page", "lang", "seconds", "ok"}; read-only for others."""


def enabled() -> bool:
    return os.environ.get("RNN_LAB_WARMUP", "1").strip().lower() not in ("0", "false", "no", "off")


def start_once(views: Iterable[tuple[str, str]], *, port: int, base_path: str = "", languages=("pt", "en")) -> bool:
    """Start the warm-up thread if this process has not started one yet; True if it started now.

    ``views``: (URL path, query string) pairs, visited in order in each language (the registry's
    ``WARM_VIEWS``: every journey page's default view, then the further views its rows name).
    """
    global _started
    if not enabled():
        return False
    with _lock:
        if _started:
            return False
        _started = True
    base = f"ws://127.0.0.1:{int(port)}/{base_path.strip('/')}".rstrip("/")
    thread = threading.Thread(target=_warm, args=(base, tuple(views), tuple(languages)), daemon=True,
                              name="rnnlab-warmup")
    thread.start()
    return True


def _warm(base: str, views: tuple[tuple[str, str], ...], languages: tuple[str, ...]) -> None:
    time.sleep(0.5)  # let the run that started us finish first
    began = time.perf_counter()
    for lang in languages:
        for page, query in views:
            started = time.perf_counter()
            try:
                ok = visit(base, page, f"lang={lang}" + (f"&{query}" if query else ""))
            except Exception as exc:  # a warm-up must never take the server down
                log.info("warm-up of %s (%s) failed: %s", page, lang, exc)
                ok = False
            REPORT.append({"page": page, "lang": lang, "seconds": time.perf_counter() - started, "ok": ok})
            if not ok and (page, query) == views[0]:
                return  # no server to talk to (e.g. a test harness): stop quietly
    failed = sum(not r["ok"] for r in REPORT)
    log.info("warm-up done: %d page views in %.1f s, %d failed", len(REPORT), time.perf_counter() - began, failed)


def visit(base_ws: str, page: str, query_string: str, timeout: float = 120) -> bool:
    """Open ``page`` (its URL path; "home" for the default page) in a new session and wait for its
    last full run to finish. True when it finished without an error a student would see (those are
    logged). The client is imported here: a server that never warms never loads it."""
    from services.st_client import Session

    session = Session(base_ws, connect_timeout=timeout)
    try:
        view = session.visit(page, query_string=query_string, timeout=timeout)
    finally:
        session.close()
    if not view.ok:
        log.info("warm-up of %s?%s: %s", page, query_string, "; ".join(view.errors) or "not finished")
    return view.ok
