"""The school's topology, for real: ``scripts/serve.sh --replicas 2`` (two app replicas, HAProxy, its own
PostgreSQL in a temp data folder), driven by Debian's Chromium, stopped with SIGTERM at the end.

One test, in steps, because the topology takes a while to start and the steps follow a class's day:

1. a browser's session stays on one replica (HAProxy's SERVERID cookie) across reruns and a reload,
   and its CSV download works; the same download asked of the other replica is a 404, so it is
   the stickiness that makes it work;
2. class mode across replicas: the teacher's board on replica 1 counts two students served by
   replica 2 (each browser is sent to its replica by setting the stickiness cookie), and their
   answers are in the one PostgreSQL;
3. replica 2 is killed mid-class (SIGKILL): HAProxy's health check marks it DOWN within 10 s (read
   on its stats socket), the students reload and are served by replica 1, still in the class (the
   same two students), and the store holds every answer given before the kill plus the new ones;
4. SIGTERM (what Ctrl-C, systemd or a container runtime sends) stops the script with its trap's exit
   status, and no process it started is left: the replicas and their children (the Lab race's
   zygote, the killed replica's orphans included), HAProxy's master and worker, PostgreSQL.

Not built here: a container image (a container would run this same script) and a cloud load
balancer; the script, HAProxy, PostgreSQL and the app are the real ones.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.server import School
from pages.conclusion import texts as station6
from pages.teacher import texts as classroom
from tests.browser.helpers import assert_no_exception, shot
from tests.browser.station_pages import answer_quiz, settle
from ui.shell.catalogs import in_language

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

CAT = {**in_language(classroom.TEXTS, "en"), **in_language(station6.TEXTS, "en")}
CODE_RE = r"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}"


@pytest.fixture(scope="module")
def school():
    if not (shutil.which("haproxy") or os.path.exists("/usr/sbin/haproxy")):
        pytest.skip("HAProxy is not installed: scripts/test.sh installs Debian's haproxy package")
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb") and not shutil.which("initdb"):
        pytest.skip("PostgreSQL is not installed: scripts/test.sh installs Debian's postgresql package")
    # No background warm-up: two replicas warming every page would hold both cores for a minute.
    with School(2, env={"RNN_LAB_WARMUP": "0"}) as topology:
        yield topology


def _settle(page) -> None:
    settle(page, 120_000)
    assert_no_exception(page)


def _replica(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == "SERVERID"), None)


def _stick(context, url: str, replica: str) -> None:
    """Send this browser to ``replica``: the cookie HAProxy would have set after its first answer."""
    context.add_cookies([{"name": "SERVERID", "value": replica, "url": url}])


def _stored(school, code: str) -> set[tuple[str, str, str]]:
    """(student, question, choice) of every answer the class store holds for ``code`` (its table, read
    straight from the topology's PostgreSQL)."""
    import sqlalchemy as sa

    from classroom.store import answers

    engine = sa.create_engine(school.db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.select(answers.c.student_id, answers.c.question_id, answers.c.choice)
                                .where(answers.c.code == code)).all()
    finally:
        engine.dispose()
    return {tuple(row) for row in rows}


def _wait_board(teacher, school, code: str, students: int, answers: int, timeout: float = 45) -> set:
    """The teacher's board refreshes itself every 2 s: wait until its board counts ``students`` and the
    store holds ``answers`` answers of the class; returns them."""
    deadline, shown, stored = time.monotonic() + timeout, "", set()
    while time.monotonic() < deadline:
        shown = teacher.locator("[data-testid='stMetricValue']").first.inner_text().strip()
        stored = _stored(school, code)
        if shown == str(students) and len(stored) == answers:
            break
        teacher.wait_for_timeout(500)
    assert shown == str(students), f"the teacher's board counts {shown!r} students"
    assert len(stored) == answers and len({student for student, _, _ in stored}) == students, stored
    return stored


def _proc_stat(pid: int) -> tuple[str, int, int, int] | None:
    """(state, ppid, process group, start time) of a live process from ``/proc/<pid>/stat``, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[2]), int(fields[19])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "(gone)"


def _started_by(school) -> dict[int, int]:
    """Every process the script started, pid → start time: its descendants, whatever is left in the
    replicas' and HAProxy's process groups (serve.sh starts each with setsid; a killed replica's
    children are orphans there), and PostgreSQL's postmaster with its children (pg_ctl detaches it)."""
    stats = {int(d): stat for d in os.listdir("/proc") if d.isdigit() and (stat := _proc_stat(int(d)))}
    groups = {*school.pids, school.haproxy_pid}
    postmaster = int((school.data / "postgres" / "data" / "postmaster.pid").read_text().split()[0])
    roots = {school.proc.pid, postmaster}
    found: dict[int, int] = {}
    for pid, (state, _, pgid, start) in stats.items():
        line, hops = pid, 0
        while line > 1 and line not in roots and hops < 64:
            line, hops = stats[line][1] if line in stats else 0, hops + 1
        if state != "Z" and (line in roots or pgid in groups):
            found[pid] = start
    found.pop(school.proc.pid, None)
    return found


def _answer(page, choices: dict[str, int]) -> None:
    page.get_by_role("button", name=CAT["conclusion.quiz_submit"]).wait_for(timeout=120_000)
    _settle(page)
    answer_quiz(page, CAT, choices)
    _settle(page)


def test_two_replicas_sticky_sessions_shared_class_and_failover(browser, school):
    url = school.url
    assert [r["name"] for r in school.replicas] == ["app1", "app2"]
    deadline = time.monotonic() + 30  # "UP 1/2": a check that came while a replica was busy starting
    while time.monotonic() < deadline and any(r["status"] != "UP" for r in school.stats().values()):
        time.sleep(0.5)
    assert {name: row["status"] for name, row in school.stats().items()} == {"app1": "UP", "app2": "UP"}
    contexts = []

    def new_context():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US", accept_downloads=True)
        contexts.append(context)
        return context

    try:
        # ---- 1. one browser stays on one replica; its CSV download works (and only there)
        reader = new_context()
        page = reader.new_page()
        page.goto(f"{url}/sequential?lang=en")
        _settle(page)
        mine = _replica(reader)
        assert mine in ("app1", "app2"), reader.cookies()
        other = "app2" if mine == "app1" else "app1"
        other_sessions = school.stats()[other]["stot"]
        for slug in ("series", "sequential"):  # reruns in the same session: the sidebar's links
            page.locator(f"[data-testid='stSidebarNav'] a[href*='/{slug}']").first.click()
            _settle(page)
        page.reload()  # a new Streamlit session, same browser: same replica
        _settle(page)
        button = page.locator("[data-testid='stMain'] [data-testid='stDownloadButton'] button").first
        with page.expect_download(timeout=60_000) as info:
            button.click()
        download = info.value
        csv_text = open(download.path(), encoding="utf-8").read()
        assert download.suggested_filename.endswith(".csv")
        assert len(csv_text.splitlines()) > 2 and "," in csv_text.splitlines()[0], csv_text[:200]
        assert _replica(reader) == mine
        assert school.stats()[other]["stot"] == other_sessions, "a request of this browser reached the other replica"
        print(f"download URL: {download.url}")
        if download.url.startswith(url):  # a media URL: the other replica does not have that file
            request = urllib.request.Request(download.url, headers={"Cookie": f"SERVERID={other}"})
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(request, timeout=10)
            assert missing.value.code == 404
        assert_no_exception(page)

        # ---- 2. the teacher on replica 1 counts the students served by replica 2
        teacher_ctx, alice_ctx, bob_ctx = new_context(), new_context(), new_context()
        _stick(teacher_ctx, url, "app1")
        _stick(alice_ctx, url, "app2")
        _stick(bob_ctx, url, "app2")
        teacher, alice, bob = teacher_ctx.new_page(), alice_ctx.new_page(), bob_ctx.new_page()
        teacher.goto(f"{url}/teacher?lang=en")
        _settle(teacher)
        teacher.get_by_role("button", name=CAT["teacher.create"]).click()
        teacher.locator("[data-testid='rnnlab-class-code']").wait_for(timeout=30_000)
        _settle(teacher)
        code = teacher.locator("[data-testid='rnnlab-class-code']").inner_text().strip()
        assert re.fullmatch(CODE_RE, code), code
        for student in (alice, bob):
            student.goto(f"{url}/conclusion?lang=en&class={code}")
            _settle(student)
            assert code in student.locator("[data-testid='stSidebar']").inner_text()
        _answer(alice, {"conclusion.q1": 2, "conclusion.q2": 0})
        _answer(bob, {"conclusion.q1": 2, "conclusion.q2": 1})
        before = _wait_board(teacher, school, code, students=2, answers=4)
        assert (_replica(teacher_ctx), _replica(alice_ctx), _replica(bob_ctx)) == ("app1", "app2", "app2")

        # ---- 3. replica 2 dies mid-class
        app2 = next(r for r in school.replicas if r["name"] == "app2")
        os.kill(app2["pid"], signal.SIGKILL)
        killed = time.monotonic()
        while school.stats()["app2"]["status"].startswith("UP") and time.monotonic() - killed < 15:
            time.sleep(0.25)
        out_after = time.monotonic() - killed
        assert school.stats()["app2"]["status"].startswith("DOWN"), school.stats()["app2"]
        assert out_after <= 10, f"HAProxy took {out_after:.1f} s to take the dead replica out"
        assert school.stats()["app1"]["status"] == "UP"
        for student in (alice, bob):
            student.reload()
            _settle(student)
            assert code in student.locator("[data-testid='stSidebar']").inner_text()  # same student (cookie)
        assert (_replica(alice_ctx), _replica(bob_ctx)) == ("app1", "app1")
        _answer(alice, {"conclusion.q3": 1})
        _answer(bob, {"conclusion.q3": 1})
        # Every answer from before the kill is still there, the new ones too, and still two students.
        after = _wait_board(teacher, school, code, students=2, answers=6)  # the same two students
        assert before <= after, before - after  # every answer from before the kill is still there
        assert_no_exception(teacher)
        shot(teacher, "school-teacher-after-failover")
        print(f"HAProxy marked the killed replica DOWN after {out_after:.1f} s")
    finally:
        for context in contexts:
            context.close()

    # ---- 4. SIGTERM stops everything the script started
    started = _started_by(school)
    names = sorted(_cmdline(pid)[:70] for pid in started)
    assert len(started) >= 1 + 2 + 1, names  # app1, HAProxy's master and worker, the postmaster at least
    school.stop()
    assert school.proc.returncode == 143, f"serve.sh exited with {school.proc.returncode} (its TERM trap: 143)"
    deadline = time.monotonic() + 5
    while (left := {pid for pid, start in started.items() if (now := _proc_stat(pid)) and now[0] != "Z"
                    and now[3] == start}) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, {pid: _cmdline(pid) for pid in left}
    print(f"SIGTERM stopped {len(started)} processes:", *names, sep="\n  ")
