"""What the benchmarks read off a running server and how they sum it up.

* CPU: user + system seconds of the server process and its descendants, from ``/proc/<pid>/stat``
  (fields 14–17: utime, stime, cutime, cstime, in clock ticks), read before and after a phase.
* Memory: resident set size sampled every 0.2 s (``VmRSS``) and the kernel's own peak (``VmHWM``),
  from ``/proc/<pid>/status``.
* Script runs: the JSON lines ``app.py`` appends to ``RNNLAB_TIMING_LOG`` (page, ms, time).
* Percentiles: the nearest-rank value ``sorted(v)[round(q · (n − 1))]``, NaNs left out.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def percentile(values, q: float) -> float:
    """The ``q`` quantile (0–1) by nearest rank; NaN when there is no number."""
    ordered = sorted(v for v in values if v == v)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _stat_fields(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()  # fields from the 3rd on (state, ppid, ...)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat_fields(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its live descendants, each with its reaped children
    (a race process the server's zygote forked and reaped counts in the zygote's ``cutime``)."""
    total = 0.0
    for p in [pid, *_descendants(pid)]:
        try:
            f = _stat_fields(p)
        except OSError:
            continue
        # utime, stime, cutime, cstime are fields 14-17 of /proc/<pid>/stat (1-based) = f[11:15]
        total += sum(int(x) for x in f[11:15]) / _TICK
    return total


def status_kb(pid: int, key: str) -> int:
    """A ``/proc/<pid>/status`` entry in kB (``VmRSS``, ``VmHWM``); 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler(threading.Thread):
    """Samples the resident memory of the server (and its descendants) every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            kb = sum(status_kb(p, "VmRSS") for p in [self.pid, *_descendants(self.pid)])
            self.peak_kb = max(self.peak_kb, kb)
            self._halt.wait(self.every)

    def stop(self) -> float:
        self._halt.set()
        self.join(timeout=5)
        return self.peak_kb / 1024


def wait_cpu_idle(pid: int, *, below: float = 0.10, window: float = 1.0, windows: int = 3,
                  timeout: float = 300) -> float:
    """Wait until the server uses less than ``below`` of one core in ``windows`` consecutive windows of
    ``window`` s (a background warm-up starved by a busy machine can look idle for one window);
    returns the seconds waited."""
    start, quiet = time.perf_counter(), 0
    while time.perf_counter() - start < timeout and quiet < windows:
        before = cpu_seconds(pid)
        time.sleep(window)
        quiet = quiet + 1 if (cpu_seconds(pid) - before) / window < below else 0
    return time.perf_counter() - start


class ServerMeter:
    """One measured phase of a server: its CPU seconds and peak memory from :meth:`start` to
    :meth:`finish`. Without a ``pid`` (a server elsewhere) it only records the load average."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        self.sampler = RssSampler(pid) if pid else None
        self.cpu_before = 0.0

    def start(self) -> ServerMeter:
        if self.pid:
            self.sampler.start()
            self.cpu_before = cpu_seconds(self.pid)
        return self

    def finish(self, report: dict, server=None) -> None:
        """Write the phase's server CPU (total, per page view, cores used), peak memory, load average,
        and the server's log tail when there were errors. Needs ``report["page_views"]``,
        ``report["wall_s"]`` and ``report["errors"]``."""
        if self.pid:
            report["server_cpu_s"] = cpu_seconds(self.pid) - self.cpu_before
            report["server_cpu_per_view_s"] = report["server_cpu_s"] / max(1, report["page_views"])
            report["server_cores_used"] = report["server_cpu_s"] / report["wall_s"]  # of os.cpu_count()
            report["peak_rss_sampled_mb"] = self.sampler.stop()
            report["peak_rss_hwm_mb"] = status_kb(self.pid, "VmHWM") / 1024
        report["loadavg_after"] = os.getloadavg()
        if server is not None and report["errors"]:
            report["server_log_tail"] = server.log_tail()


def script_runs(log: Path | None, since: float = 0.0) -> dict[str, list[float]]:
    """Seconds of each script run ``app.py`` logged at or after ``since`` (epoch), by page URL path
    ("home" for the default page)."""
    runs: dict[str, list[float]] = {}
    if log is None or not Path(log).exists():
        return runs
    for line in Path(log).read_text().splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if row.get("t", 0) >= since:
            runs.setdefault(row.get("page") or "home", []).append(row["ms"] / 1e3)
    return runs
