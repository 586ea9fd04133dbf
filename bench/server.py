"""A real ``streamlit run app.py`` server, for the benchmarks and for the tests that need one.

One way to start it: :func:`start_server` runs Streamlit headless on the loopback address and returns
once ``/_stcore/health`` answers (or raises with the end of the server's output). :class:`Server`
adds what a benchmark wants around it: a temporary folder holding the server's log and the app's
script-run log (``RNNLAB_TIMING_LOG``, one JSON line per run, written by ``app.py``), and a clean
stop. The tests import it from here (the benchmarks never import the tests).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BENCH_PORTS = range(8520, 8530)  # the class benchmarks' ports on the shared machine (tests take any free one)


def free_port(candidates: Iterable[int] | None = None) -> int:
    """A free loopback port: any (the system picks) or, with ``candidates``, the first one free."""
    for port in (0,) if candidates is None else candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in {candidates}")


def start_server(port: int, env: dict[str, str] | None = None, timeout: float = 60, *, app: Path = APP,
                 log_path: Path | None = None) -> subprocess.Popen:
    """Start ``streamlit run <app>`` headless on ``port`` and wait for ``/_stcore/health``.

    The server runs in the app's folder with that folder on ``PYTHONPATH`` (so another checkout's
    ``app.py`` imports its own code). Its output goes to ``log_path`` when given, else its stderr
    is a pipe the caller may read (``proc.stderr``) and its stdout is dropped."""
    app = Path(app).resolve()
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    full_env = {**os.environ, "PYTHONPATH": str(app.parent), **(env or {})}
    if log_path is None:
        proc = subprocess.Popen(cmd, cwd=app.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env)
    else:
        with Path(log_path).open("wb") as log:  # the child keeps its own copy of the file
            proc = subprocess.Popen(cmd, cwd=app.parent, stdout=log, stderr=subprocess.STDOUT, env=full_env)
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    proc.wait(timeout=10)
    output = (Path(log_path).read_bytes() if log_path is not None else proc.stderr.read()) or b""
    raise RuntimeError("streamlit did not become healthy:\n" + output.decode(errors="replace")[-3000:])


class Server:
    """``streamlit run <app>`` headless on ``port`` (default: a free one), its logs in a temp folder.

    ``timing_log`` is where ``app.py`` writes one JSON line per script run (page, ms, time)."""

    def __init__(self, app: Path = APP, port: int | None = None, env: dict[str, str] | None = None,
                 timeout: float = 90) -> None:
        self.app, self.port = Path(app).resolve(), port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="rnnlab_server_"))
        self.log_path = self.dir / "server.log"
        self.timing_log = self.dir / "runs.jsonl"
        try:
            self.proc = start_server(self.port, {"RNNLAB_TIMING_LOG": str(self.timing_log), **(env or {})},
                                     timeout, app=self.app, log_path=self.log_path)
        except RuntimeError:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        self.pid = self.proc.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def cleanup(self) -> None:
        """Stop the server and delete its folder (read :meth:`log_tail` or ``timing_log`` first)."""
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()
