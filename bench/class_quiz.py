"""Class mode under load: one class answers the conclusion page's quiz at the same instant.

    python -m bench.class_load --quiz-class --students 30 [--cold] [--port P | --url U --pid PID]

The benchmark creates a class in the server's class store (as the teacher page does), then
every student, a real Streamlit session (``services.st_client``):

1. opens the conclusion page through the class link ``?lang=pt&class=CODE`` (which joins the
   class), all at the same instant — the "join" views;
2. picks an answer for every quiz question (student *i* takes option ``(i + q) mod n`` of
   question *q*: a spread of right and wrong answers) and presses the quiz form's submit
   button, all at the same instant — the "submit" views: the radios' values (their option
   labels, Streamlit's radio widget state) go with the submit button's trigger, as a browser
   sends a form.

Then it reads the class's tally back from the store (``ClassStore.results``) and checks that
every student was registered and every answer stored. Reports p50/p95 of both steps, errors
(exception elements, timeouts, dropped sockets, a missing quiz form, answers not stored), the
server's CPU per view and peak memory. The store is a fresh SQLite file in a temporary
directory unless ``RNN_LAB_CLASS_DB`` is set (with ``--url``, set it to the server's store).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from bench.crowd import Gate, connect, run_together, warm, ws_base
from bench.measure import ServerMeter, percentile, wait_cpu_idle
from bench.server import APP, BENCH_PORTS, Server, free_port
from services.st_client import RunView

PAGE = "conclusion"


def _quiz_form(run: RunView | None) -> tuple[str, dict[str, list[str]]] | None:
    """The quiz form's submit button id and its radios (id -> option labels), from a page run."""
    if run is None:
        return None
    for button, form in run.submitters.items():
        radios = {wid: options for wid, (form_id, options) in run.radios.items() if form_id == form and options}
        if radios:
            return button, radios
    return None


def _student(i: int, ws: str, query: str, timeout: float, gates: list[Gate], out: dict) -> None:
    def record(step: str, visit=None, error: str | None = None) -> None:
        with out["lock"]:
            errors = ([error] if error else []) + (visit.errors if visit else [])
            out["views"].append({"student": i, "step": step, "ok": visit is not None and visit.ok and not error,
                                 "seconds": visit.seconds if visit else float("nan"), "errors": errors})

    session, failure = connect(ws)
    if failure:
        record("join", error=f"connect: {failure}")
    gates[0].arrive()
    form = None
    if session is not None:
        join = session.visit(PAGE, query_string=query, timeout=timeout)
        form = _quiz_form(join.last_full)
        record("join", join, None if form or not join.ok else "no quiz form on the page")
    gates[1].arrive()
    if session is not None and form is not None:
        button, radios = form
        values = {wid: options[(i + q) % len(options)] for q, (wid, options) in enumerate(radios.items())}
        with out["lock"]:
            out["answers_sent"] += len(values)
        record("submit", session.click(button, values=values, timeout=timeout, label="submit"))
    elif session is not None:
        record("submit", error="not submitted (no quiz form)")
    if session is not None:
        session.close()


def run_quiz_class(*, students: int, port: int | None = None, url: str | None = None, pid: int | None = None,
                   app: Path | None = None, timeout: float = 60, cold: bool = False, lang: str = "pt") -> dict:
    """The quiz-class scenario; returns the report."""
    from classroom.store import ClassStore

    app = Path(app or APP)
    db_url = os.environ.get("RNN_LAB_CLASS_DB", "").strip()
    db_dir = None
    if not db_url:
        db_dir = Path(tempfile.mkdtemp(prefix="class_quiz_"))
        db_url = f"sqlite:///{db_dir / 'class.sqlite3'}"
    server = None
    if url is None:
        server = Server(app, port or free_port(BENCH_PORTS), env={"RNN_LAB_CLASS_DB": db_url})
        url, pid = server.url, server.pid
    store = ClassStore(db_url)
    report: dict = {"scenario": "quiz-class", "students": students, "cold": cold, "page": PAGE, "app": str(app),
                    "cores": os.cpu_count(), "loadavg_before": os.getloadavg(),
                    "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    try:
        keys = store.create_class("bench.class_quiz")
        query = f"lang={lang}&class={keys.code}"
        if not cold:
            report["warm_up"] = warm(url, [PAGE], f"lang={lang}", max(timeout, 120))
            if pid:
                report["idle_wait_s"] = wait_cpu_idle(pid)
        meter = ServerMeter(pid).start()
        out: dict = {"lock": threading.Lock(), "views": [], "answers_sent": 0}
        gates = [Gate(students), Gate(students)]
        ws = ws_base(url)
        started = time.perf_counter()
        run_together([(_student, (i, ws, query, timeout, gates, out)) for i in range(students)])
        report["wall_s"] = time.perf_counter() - started
        views = out["views"]
        for step in ("join", "submit"):
            times = [v["seconds"] for v in views if v["step"] == step]
            report[step] = {"views": len(times), "errors": sum(1 for v in views if v["step"] == step and not v["ok"]),
                            "p50_s": percentile(times, 0.5), "p95_s": percentile(times, 0.95),
                            "max_s": max(times, default=float("nan"))}
        tally = store.results(keys.code, keys.teacher_key)
        stored = sum(sum(choices.values()) for choices in tally["answers"].values())
        report.update(students_registered=tally["students"], answers_sent=out["answers_sent"], answers_stored=stored)
        errors = [f"student {v['student']} {v['step']}: {e}" for v in views for e in v["errors"]]
        if tally["students"] != students:
            errors.append(f"{tally['students']} of {students} students registered in the class")
        if stored != out["answers_sent"]:
            errors.append(f"{stored} of {out['answers_sent']} answers stored")
        report["errors"] = sum(1 for v in views if not v["ok"]) + (tally["students"] != students) \
            + (stored != out["answers_sent"])
        report["error_messages"] = errors[:50]
        report["page_views"] = len(views)
        meter.finish(report, server)
        try:
            store.close_class(keys.code, keys.teacher_key)
        except Exception:  # cleanup only
            pass
    finally:
        store.dispose()
        if server is not None:
            server.cleanup()
        if db_dir is not None:
            shutil.rmtree(db_dir, ignore_errors=True)
    return report


def print_quiz_report(r: dict) -> None:
    print(f"quiz class: {r['students']} students, {'cold' if r['cold'] else 'warm'}, {r['cores']} cores, load "
          f"average {r['loadavg_before'][0]:.1f} → {r['loadavg_after'][0]:.1f} (shared machine: numbers are noisy)")
    for step in ("join", "submit"):
        row = r[step]
        print(f"{step:7} {row['views']:3d} views, {row['errors']} errors, p50 {row['p50_s']:.2f} s, "
              f"p95 {row['p95_s']:.2f} s, max {row['max_s']:.2f} s")
    print(f"class: {r['students_registered']} students registered, {r['answers_stored']} of {r['answers_sent']} "
          f"answers stored")
    if "server_cpu_s" in r:
        print(f"server CPU {r['server_cpu_s']:.1f} s = {r['server_cpu_per_view_s'] * 1e3:.0f} ms per view; peak RSS "
              f"{r['peak_rss_sampled_mb']:.0f} MB sampled, {r['peak_rss_hwm_mb']:.0f} MB VmHWM")
    for message in r["error_messages"][:10]:
        print("error:", message)
