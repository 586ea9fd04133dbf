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


# --------------------------------------------------------------------------- a school: scripts/serve.sh


def free_ports(count: int, lowest: int = 20000, highest: int = 40000) -> int:
    """The first of ``count`` consecutive free loopback ports (a school's replicas), tried at random."""
    import random

    for _ in range(200):
        first = random.randrange(lowest, highest - count)
        try:
            if all(free_port([p]) == p for p in range(first, first + count)):
                return first
        except RuntimeError:
            continue
    raise RuntimeError(f"no {count} consecutive free ports in {lowest}-{highest}")


def read_serve_dir(run_dir: Path) -> dict:
    """What ``scripts/serve.sh`` wrote in its run folder (``<data>/serve``): ``replicas`` (a list of
    {name, port, pid}) and ``haproxy_pid``."""
    run_dir = Path(run_dir)
    rows = (run_dir / "replicas.tsv").read_text().split("\n")[1:]
    replicas = [dict(zip(("name", "port", "pid"), line.split("\t"), strict=True)) for line in rows if line]
    for row in replicas:
        row["port"], row["pid"] = int(row["port"]), int(row["pid"])
    return {"replicas": replicas, "haproxy_pid": int((run_dir / "haproxy.pid").read_text())}


class School:
    """``bash scripts/serve.sh --replicas N``: N app replicas behind HAProxy, one PostgreSQL, started by
    the very script a school runs, on free loopback ports, with its data folder (``data``, default a new
    temp folder, deleted by :meth:`cleanup`). Read the topology from what the script writes in
    ``<data>/serve/``: ``replicas`` (name, port, pid), ``haproxy_pid``, and :meth:`stats` (HAProxy's
    stats socket). :meth:`stop` sends SIGTERM, what Ctrl-C or a container runtime does."""

    def __init__(self, replicas: int = 2, *, data: Path | None = None, env: dict[str, str] | None = None,
                 db: str | None = None, timeout: float = 300) -> None:
        self.own_data = data is None
        self.data = Path(data) if data is not None else Path(tempfile.mkdtemp(prefix="rnnlab_school_"))
        self.data.chmod(0o755)  # PostgreSQL runs as `postgres` when we are root: it must reach its folder
        self.port = free_port()
        self.first_replica_port = free_ports(replicas)
        self.run_dir = self.data / "serve"
        self.log_path = self.data / "serve.log"
        cmd = ["bash", str(ROOT / "scripts" / "serve.sh"), "--replicas", str(replicas), "--port", str(self.port),
               "--bind", "127.0.0.1", "--replica-port", str(self.first_replica_port), "--data", str(self.data)]
        if db:
            cmd += ["--db", db]
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                         env={**os.environ, **(env or {})})
        deadline = time.time() + timeout
        while not (self.run_dir / "ready").exists():
            if self.proc.poll() is not None or time.time() > deadline:
                tail = self.log_tail()
                self.cleanup()
                raise RuntimeError("scripts/serve.sh did not become ready:\n" + tail)
            time.sleep(0.3)
        state = read_serve_dir(self.run_dir)
        self.replicas, self.haproxy_pid = state["replicas"], state["haproxy_pid"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_url(self) -> str:
        """The class store's URL when the script runs its own PostgreSQL (no ``db`` given)."""
        return f"postgresql+psycopg://postgres@/rnnlab?host={self.data / 'postgres'}&port=5432"

    @property
    def pids(self) -> list[int]:
        return [row["pid"] for row in self.replicas]

    def replica_url(self, name: str) -> str:
        return next(f"http://127.0.0.1:{r['port']}" for r in self.replicas if r["name"] == name)

    def stats(self) -> dict[str, dict[str, str]]:
        """HAProxy's ``show stat`` for the replicas' backend: server name → its CSV row as a dict
        (``status`` UP/DOWN…, ``stot`` sessions so far, ``scur`` open now, ``check_status``…)."""
        import csv

        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.run_dir / "haproxy.sock"))
            sock.sendall(b"show stat\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        lines = b"".join(chunks).decode().lstrip("# ").splitlines()
        return {row["svname"]: row for row in csv.DictReader(lines)
                if row.get("pxname") == "replicas" and row["svname"] not in ("BACKEND", "FRONTEND")}

    def log_tail(self, chars: int = 4000) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        for path in sorted(self.run_dir.glob("*.log")) if self.run_dir.exists() else []:
            text += f"\n--- {path.name}\n" + path.read_text(errors="replace")[-1500:]
        return text[-chars:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # serve.sh traps it and stops HAProxy, the replicas and PostgreSQL
            try:
                self.proc.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def cleanup(self) -> None:
        self.stop()
        if self.own_data:
            shutil.rmtree(self.data, ignore_errors=True)

    def __enter__(self) -> School:
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()
