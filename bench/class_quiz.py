"""Class mode under load: a class answering the quiz, idling in teacher-paced mode, committing predictions.

    python -m bench.class_load --quiz-class --students 30 [--cold] [--port P | --url U --pid PID]
    python -m bench.class_quiz quiz|idle|predict [--students 60] [...]   (see the second half of this file)

The quiz scenario (``quiz``, also ``bench.class_load --quiz-class``):

The benchmark creates a class in the server's class store (as the teacher page does), then
every student, a real Streamlit session (``services.st_client``):

1. opens the conclusion page through the class link ``?lang=pt&class=CODE`` (which joins the
   class), all at the same instant — the "join" views;
2. answers the quiz one question at a time, as the page asks it (student *i* takes option
   ``(i + q) mod n`` of question *q*: a spread of right and wrong answers): presses the question's
   form's submit button (the first one at the same instant for the whole class) — the "submit"
   views: the radio's value (its option label, Streamlit's radio widget state) goes with the
   submit button's trigger, as a browser sends a form — then "next question" — the "next" views.

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
from bench.measure import ServerMeter, cpu_seconds, percentile, script_runs, wait_cpu_idle
from bench.server import APP, BENCH_PORTS, Server, free_port
from services.quiz import QUESTIONS
from services.st_client import RunView, find_button

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
        # One question at a time, as the page asks them: answer the form, then "next question".
        for q in range(len(QUESTIONS)):
            if form is None:
                record("submit", error=f"no quiz form for question {q + 1}")
                break
            button, radios = form
            values = {wid: options[(i + q) % len(options)] for wid, options in radios.items()}
            with out["lock"]:
                out["answers_sent"] += len(values)
            submitted = session.click(button, values=values, timeout=timeout, label="submit")
            record("submit", submitted)
            following = find_button(submitted.last_full, "_s6_quiz_next")
            if not submitted.ok or following is None:
                break
            moved = session.click(following, timeout=timeout, label="next")
            record("next", moved)
            form = _quiz_form(moved.last_full) if moved.ok else None
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
        for step in ("join", "submit", "next"):
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
    for step in ("join", "submit", "next"):
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


# =========================================================================== teacher-paced class mode
#
#     python -m bench.class_quiz idle [--students 60] [--seconds 60] [--page home] [--focus gradients.distance50]
#     python -m bench.class_quiz predict [--students 60] [--spread 2] [--question gradients.distance50]
#
# Issue #15's budgets for a class (2-core server): 60 joined students idle on a page cost the server
# ≤ 10 % of one core (the server wakes their pages when the focus changes: ui.widgets.class_push;
# where it cannot, the pages poll);
# 60 predictions submitted within the same 2 s are all stored, the board counts 60 within 3 s,
# and the p95 of those submissions is ≤ 1.5 s.

IDLE_BUDGET_PCT = 10.0  # % of one core for 60 idle joined students
SUBMIT_P95_BUDGET_S = 1.5
BOARD_BUDGET_S = 3.0
TEACHER_PAGE = Path(__file__).resolve().parents[1] / "pages" / "teacher" / "page.py"


def radio_key(question_id: str) -> str:
    """The prediction radio's user key (the contract: ``_pred_<id>`` with "." replaced by "_")."""
    return "_pred_" + question_id.replace(".", "_")


def prediction_widgets(run: RunView | None, question_id: str) -> tuple[str, list[str], str] | None:
    """(radio widget id, its option labels, commit button id) of ``question_id``'s prediction in a
    page run, or None when the page does not ask it (already committed, or another page)."""
    if run is None:
        return None
    key = radio_key(question_id)
    radio = next(((wid, options) for wid, (_form, options) in run.radios.items()
                  if (wid.endswith(f"-{key}") or wid == key) and options), None)
    commit = next((wid for wid in run.buttons if wid.endswith(f"-{key}_commit") or wid == f"{key}_commit"), None)
    if radio is None or commit is None:
        return None
    return radio[0], radio[1], commit


def spread_delays(n: int, window: float) -> list[float]:
    """``n`` submission instants evenly spread over ``[0, window)`` seconds (student i at
    ``i·window/n``): the class presses "commit" within the same ``window`` seconds."""
    if n <= 0:
        return []
    return [i * window / n for i in range(n)]


def core_percent(cpu_s: float, wall_s: float) -> float:
    """CPU seconds used over ``wall_s`` seconds as a percentage of one core."""
    return 100.0 * cpu_s / wall_s if wall_s > 0 else float("nan")


def first_reaching(samples: list[tuple[float, int]], target: int) -> float | None:
    """The first time in ``samples`` ((time, count), in time order) at which the count reached ``target``."""
    return next((when for when, count in samples if count >= target), None)


def board_refresh(page: Path = TEACHER_PAGE) -> float | None:
    """The teacher board's refresh interval (``REFRESH = n`` in its page), read from the file (importing a
    Streamlit page would run it)."""
    import re

    try:
        found = re.search(r"^REFRESH\s*=\s*([0-9.]+)", page.read_text(), re.M)
    except OSError:
        return None
    return float(found.group(1)) if found else None


class _ClassServer:
    """A server with its own class store (a fresh SQLite file unless ``RNN_LAB_CLASS_DB`` is set), and the
    store as the benchmark reads it."""

    def __init__(self, *, port: int | None, url: str | None, pid: int | None, app: Path | None) -> None:
        from classroom.store import ClassStore

        self.db_dir = None
        db_url = os.environ.get("RNN_LAB_CLASS_DB", "").strip()
        if not db_url:
            self.db_dir = Path(tempfile.mkdtemp(prefix="class_quiz_"))
            db_url = f"sqlite:///{self.db_dir / 'class.sqlite3'}"
        self.server = None
        if url is None:
            self.server = Server(Path(app or APP), port or free_port(BENCH_PORTS), env={"RNN_LAB_CLASS_DB": db_url})
            url, pid = self.server.url, self.server.pid
        self.url, self.pid = url, pid
        self.store = ClassStore(db_url)

    def close(self) -> None:
        self.store.dispose()
        if self.server is not None:
            self.server.cleanup()
        if self.db_dir is not None:
            shutil.rmtree(self.db_dir, ignore_errors=True)


def _head(kind: str, students: int, cls: _ClassServer) -> dict:
    return {"scenario": kind, "students": students, "cores": os.cpu_count(), "loadavg_before": os.getloadavg(),
            "url": cls.url, "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}


def _idle_student(i: int, ws: str, page: str, query: str, seconds: float, timeout: float, gates: list[Gate],
                  out: dict) -> None:
    session, failure = connect(ws)
    errors: list[str] = [f"connect: {failure}"] if failure else []
    gates[0].arrive()
    if session is not None:
        join = session.visit(page, query_string=query, timeout=timeout)
        errors += join.errors
    gates[1].arrive()
    polls = full = 0
    seen_at = None
    if session is not None:
        # The teacher focuses a question now: the server runs the page again (or, without push, the page's
        # poll sees it) with the banner (an info box; the sidebar's "in class" box is a success alert too).
        started = time.perf_counter()
        first = session.wait_for(lambda run: not run.fragment and run.kinds.get("alert", 0) >= 2, timeout=seconds)
        seen_at = first.ended if first.ok else None
        # Then stay on the page, answering its fragments' timers (if any) as a browser does, for the whole window.
        stay = session.wait_for(lambda run: False, timeout=max(1.0, seconds - (time.perf_counter() - started)))
        errors += [e for e in first.errors + stay.errors if not e.startswith("timeout")]
        polls = sum(1 for run in first.runs + stay.runs if run.fragment)
        full = sum(1 for run in first.runs + stay.runs if not run.fragment)
        session.close()
    with out["lock"]:
        if seen_at is not None:
            out["seen_at"].append(seen_at)
        out["polls"] += polls
        out["full_runs"] += full
        out["errors"] += [f"student {i}: {e}" for e in errors]


def run_idle_class(*, students: int = 60, seconds: float = 60, page: str = "sequential", focus: str = "gradients.distance50",
                   settle: float = 8.0, baseline: float = 10.0, port: int | None = None, url: str | None = None,
                   pid: int | None = None, app: Path | None = None, timeout: float = 120, lang: str = "pt") -> dict:
    """``students`` join one class on ``page``; the teacher focuses ``focus`` (a question on another
    station, so every banner shows its prompt, a "go there" button and the follow toggle); after
    ``settle`` s (the focus change reruns every page once) the server's CPU is measured for
    ``seconds`` s while the students stay idle (their pages open). ``baseline`` s of the server
    alone (nobody connected) are measured first and reported beside it."""
    cls = _ClassServer(port=port, url=url, pid=pid, app=app)
    report = _head("idle-class", students, cls)
    report.update(page=page, focus=focus, seconds=seconds)
    try:
        keys = cls.store.create_class("bench.class_quiz idle")
        report["warm_up"] = warm(cls.url, [page, focus.split(".")[0]], f"lang={lang}", max(timeout, 120))
        if cls.pid:
            report["idle_wait_s"] = wait_cpu_idle(cls.pid)
            before = cpu_seconds(cls.pid)
            time.sleep(baseline)
            report["baseline_pct"] = core_percent(cpu_seconds(cls.pid) - before, baseline)
        out: dict = {"lock": threading.Lock(), "polls": 0, "full_runs": 0, "errors": [], "seen_at": []}
        gates = [Gate(students), Gate(students)]
        query = f"lang={lang}&class={keys.code}"
        stay = settle + seconds + 2.0
        threads = [threading.Thread(target=_idle_student, args=(i, ws_base(cls.url), page, query, stay, timeout,
                                                                 gates, out), daemon=True) for i in range(students)]
        for thread in threads:
            thread.start()
        gates[1].open.wait()
        cls.store.set_focus(keys.code, keys.teacher_key, focus)
        focus_at = time.perf_counter()
        time.sleep(settle)
        before, started = (cpu_seconds(cls.pid) if cls.pid else 0.0), time.perf_counter()
        time.sleep(seconds)
        wall = time.perf_counter() - started
        cpu = cpu_seconds(cls.pid) - before if cls.pid else float("nan")
        for thread in threads:
            thread.join(timeout=timeout)
        report.update(wall_s=wall, server_cpu_s=cpu, idle_pct=core_percent(cpu, wall),
                      polls=out["polls"], full_runs=out["full_runs"],
                      joined=cls.store.results(keys.code, keys.teacher_key)["joined"])
        report["polls_per_s"] = report["polls"] / stay  # fragment runs over the students' whole stay
        lags = [at - focus_at for at in out["seen_at"]]  # set_focus → the student's page shows the banner
        report.update(focus_seen=len(lags), focus_seen_p50_s=percentile(lags, 0.5),
                      focus_seen_p95_s=percentile(lags, 0.95), focus_seen_max_s=max(lags, default=float("nan")))
        if "baseline_pct" in report:
            report["net_pct"] = report["idle_pct"] - report["baseline_pct"]
        errors = out["errors"][:]
        if report["joined"] != students:
            errors.append(f"{report['joined']} of {students} students joined")
        report["errors"], report["error_messages"] = len(errors), errors[:50]
        report["within_budget"] = report["idle_pct"] <= IDLE_BUDGET_PCT * students / 60
        report["loadavg_after"] = os.getloadavg()
        cls.store.close_class(keys.code, keys.teacher_key)
    finally:
        cls.close()
    return report


def _predicting_student(i: int, ws: str, page: str, query: str, question: str, delay: float, timeout: float,
                        gates: list[Gate], out: dict) -> None:
    session, failure = connect(ws)
    error = f"connect: {failure}" if failure else None
    gates[0].arrive()
    widgets = None
    if session is not None:
        join = session.visit(page, query_string=query, timeout=timeout)
        widgets = prediction_widgets(join.last_full, question)
        error = error or (join.errors[0] if join.errors else None) or (None if widgets else "no prediction on the page")
    gates[1].arrive()
    if session is not None and widgets is not None:
        time.sleep(delay)
        radio, options, commit = widgets
        # services.st_client answers a fragment's timer with a rerun that carries no widget states (a
        # browser sends them all): if one reached the server while the click's rerun was still pending,
        # Streamlit would merge the two and drop the radio's value. A click's full run restarts the page's
        # timers anyway, so the client pauses them for the click (what a browser's rerun amounts to).
        session.auto_reruns.clear()
        sent = time.perf_counter()
        visit = session.click(commit, values={radio: options[i % len(options)]}, timeout=timeout, label="commit")
        with out["lock"]:
            out["sent"].append(sent)
            out["submits"].append(visit.seconds)
            if visit.errors:  # with the runs it saw: (fragment run?, Streamlit's finish status)
                seen = [(run.fragment, run.status) for run in visit.runs][-6:]
                out["errors"].append(f"student {i} commit: {visit.errors[0]}; runs seen {seen}")
    if error:
        with out["lock"]:
            out["errors"].append(f"student {i}: {error}")
    if session is not None:
        session.close()


def run_predictions(*, students: int = 60, spread: float = 2.0, question: str = "gradients.distance50",
                    port: int | None = None, url: str | None = None, pid: int | None = None, app: Path | None = None,
                    timeout: float = 120, lang: str = "pt") -> dict:
    """``students`` join a class on the page that asks ``question``, then commit their predictions
    within the same ``spread`` seconds (evenly spread); the store is read every 0.1 s as the board
    reads it (``ClassStore.results``) until it counts them all."""
    page = question.split(".")[0]
    cls = _ClassServer(port=port, url=url, pid=pid, app=app)
    report = _head("predictions", students, cls)
    report.update(question=question, spread_s=spread, board_refresh_s=board_refresh())
    try:
        keys = cls.store.create_class("bench.class_quiz predictions")
        report["warm_up"] = warm(cls.url, [page], f"lang={lang}", max(timeout, 120))
        if cls.pid:
            report["idle_wait_s"] = wait_cpu_idle(cls.pid)
        out: dict = {"lock": threading.Lock(), "sent": [], "submits": [], "errors": []}
        gates = [Gate(students), Gate(students)]
        query = f"lang={lang}&class={keys.code}"
        delays = spread_delays(students, spread)
        threads = [threading.Thread(target=_predicting_student, args=(i, ws_base(cls.url), page, query, question,
                                                                       delays[i], timeout, gates, out), daemon=True)
                   for i in range(students)]
        for thread in threads:
            thread.start()
        gates[1].open.wait()
        released, released_epoch = gates[1].opened_at, time.time()
        meter = ServerMeter(cls.pid).start()  # the submissions only (the joins are done)
        samples: list[tuple[float, int]] = []
        deadline = released + spread + 30
        while time.perf_counter() < deadline:
            answered = cls.store.results(keys.code, keys.teacher_key)["answered"].get(question, 0)
            samples.append((time.perf_counter() - released, answered))
            if answered >= students:
                break
            time.sleep(0.1)
        for thread in threads:
            thread.join(timeout=timeout)
        report["wall_s"] = time.perf_counter() - released
        stored = samples[-1][1] if samples else 0
        all_at = first_reaching(samples, students)
        last_sent = (max(out["sent"]) - released) if out["sent"] else float("nan")
        report.update(submitted=len(out["submits"]), stored=stored,
                      submit_p50_s=percentile(out["submits"], 0.5), submit_p95_s=percentile(out["submits"], 0.95),
                      submit_max_s=max(out["submits"], default=float("nan")),
                      stored_all_after_release_s=all_at, last_sent_after_release_s=last_sent,
                      stored_all_after_last_sent_s=None if all_at is None else all_at - last_sent)
        if all_at is not None and report["board_refresh_s"]:
            # the board reads the store every REFRESH s: it shows the count at its first read after that
            report["board_shows_all_by_s"] = all_at - last_sent + report["board_refresh_s"]
        errors = out["errors"][:]
        if stored != students:
            errors.append(f"{stored} of {students} predictions stored")
        report["errors"], report["error_messages"] = len(errors), errors[:50]
        report["page_views"] = len(out["submits"])
        meter.finish(report, cls.server)
        runs = script_runs(cls.server.timing_log if cls.server else None, released_epoch).get(page, [])
        report.update(page_runs=len(runs), page_run_p50_s=percentile(runs, 0.5), page_run_p95_s=percentile(runs, 0.95))
        report["within_budget"] = (stored == students and report["submit_p95_s"] <= SUBMIT_P95_BUDGET_S
                                   and all_at is not None and all_at - last_sent <= BOARD_BUDGET_S)
        cls.store.close_class(keys.code, keys.teacher_key)
    finally:
        cls.close()
    return report


def print_idle_report(r: dict) -> None:
    print(f"idle class: {r['students']} students on /{r['page']} for {r['wall_s']:.0f} s, focus {r['focus']}; "
          f"{r['cores']} cores, load {r['loadavg_before'][0]:.1f} → {r['loadavg_after'][0]:.1f} (shared: noisy)")
    print(f"server CPU {r['server_cpu_s']:.2f} s = {r['idle_pct']:.1f} % of one core (budget {IDLE_BUDGET_PCT:g} %); "
          f"alone before: {r.get('baseline_pct', float('nan')):.1f} %; {r['polls_per_s']:.1f} polls/s "
          f"(fragment runs the pages asked for; 0 when the server pushes), {r['full_runs']} full runs; "
          f"{r['joined']} joined, {r['errors']} errors")
    print(f"the focus reached {r['focus_seen']} of {r['students']} pages: p50 {r['focus_seen_p50_s']:.2f} s, p95 "
          f"{r['focus_seen_p95_s']:.2f} s, max {r['focus_seen_max_s']:.2f} s after set_focus (budget 3 s)")
    for message in r["error_messages"][:10]:
        print("error:", message)


def print_predictions_report(r: dict) -> None:
    print(f"predictions: {r['students']} students commit {r['question']} within {r['spread_s']:g} s; {r['cores']} "
          f"cores, load {r['loadavg_before'][0]:.1f} → {r['loadavg_after'][0]:.1f} (shared: noisy)")
    print(f"stored {r['stored']} of {r['students']} ({r['submitted']} submitted); submission p50 "
          f"{r['submit_p50_s']:.2f} s, p95 {r['submit_p95_s']:.2f} s (budget {SUBMIT_P95_BUDGET_S:g}), max "
          f"{r['submit_max_s']:.2f} s")
    print(f"all stored {r['stored_all_after_release_s']} s after release, last sent at "
          f"{r['last_sent_after_release_s']:.2f} s; board (refresh {r['board_refresh_s']} s) shows all by "
          f"{r.get('board_shows_all_by_s', float('nan')):.2f} s after the last submission (budget {BOARD_BUDGET_S:g})")
    if "server_cpu_s" in r:
        print(f"server CPU {r['server_cpu_s']:.1f} s over {r['wall_s']:.1f} s = {r['server_cpu_per_view_s'] * 1e3:.0f} ms "
              f"per submission; the page's script run (app.py's log) p50 {r['page_run_p50_s'] * 1e3:.0f} ms, "
              f"p95 {r['page_run_p95_s'] * 1e3:.0f} ms over {r['page_runs']} runs")
    for message in r["error_messages"][:10]:
        print("error:", message)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m bench.class_quiz", description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", choices=["idle", "predict", "quiz"])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=60, help="idle: the measured window")
    parser.add_argument("--page", default="sequential", help="idle: the page the students stay on")
    parser.add_argument("--focus", default="gradients.distance50", help="idle: the question the teacher focuses")
    parser.add_argument("--spread", type=float, default=2.0, help="predict: seconds the submissions are spread over")
    parser.add_argument("--question", default="gradients.distance50", help="predict: the prediction committed")
    parser.add_argument("--port", type=int)
    parser.add_argument("--url")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    common = {"students": args.students, "port": args.port, "url": args.url, "pid": args.pid}
    if args.scenario == "idle":
        report = run_idle_class(seconds=args.seconds, page=args.page, focus=args.focus, **common)
        print_idle_report(report)
    elif args.scenario == "predict":
        report = run_predictions(spread=args.spread, question=args.question, **common)
        print_predictions_report(report)
    else:
        report = run_quiz_class(**common)
        print_quiz_report(report)
    out = args.json or Path(__file__).resolve().parent / "results" / f"class_quiz_{args.scenario}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, default=str))
    print(f"JSON: {out}")
    return 0 if not report.get("errors") else 1


if __name__ == "__main__":
    raise SystemExit(main())
