"""services.warmup: the first visit to a fresh server warms every page of the journey, in both languages."""

from __future__ import annotations

import re
import time

from bench.server import free_port, start_server
from services import warmup
from ui.shell.stations import JOURNEY, WARM_VIEWS


def test_warm_views_are_the_journey_then_the_rows_further_views():
    assert WARM_VIEWS[:len(JOURNEY)] == tuple((s.url_path, "") for s in JOURNEY)
    assert ("series", "moods=true") in WARM_VIEWS[len(JOURNEY):]
    assert "teacher" not in {page for page, _ in WARM_VIEWS}


def test_disabled_by_env(monkeypatch):
    monkeypatch.setenv("RNN_LAB_WARMUP", "0")
    assert warmup.start_once([("home", "")], port=1) is False


def test_first_visit_warms_every_page_without_errors():
    port = free_port()
    proc = start_server(port, env={"RNN_LAB_WARMUP": "1"})
    try:
        assert warmup.visit(f"ws://127.0.0.1:{port}", "home", "lang=pt")  # the first student
        deadline, log = time.time() + 420, ""
        while time.time() < deadline and "warm-up done" not in log:
            time.sleep(1)
            log += _drain(proc)
        done = re.search(r"warm-up done: (\d+) page views in [\d.]+ s, (\d+) failed", log)
        assert done, log[-2000:]
        assert int(done.group(1)) == 2 * len(WARM_VIEWS) and done.group(2) == "0"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _drain(proc) -> str:
    """What the server wrote to stderr so far (non-blocking)."""
    import os

    os.set_blocking(proc.stderr.fileno(), False)
    chunk = proc.stderr.read()
    return chunk.decode(errors="replace") if chunk else ""
