"""bench.class_load: its browserless students really load pages, and it counts what goes wrong.

Not a timing test: the numbers it measures are not asserted, only what it counts.
"""

from __future__ import annotations

import textwrap

import pytest

from bench import class_load
from bench.server import Server

pytestmark = pytest.mark.slow


def test_two_students_two_pages_of_the_app():
    report = class_load.run(students=2, pages=["home", "lab"], timeout=120)
    assert report["errors"] == 0, report["error_messages"]
    assert report["page_views"] == 4
    assert {page: row["views"] for page, row in report["pages"].items()} == {"home": 2, "lab": 2}
    assert all(row["errors"] == 0 for row in report["pages"].values())
    assert report["server_cpu_s"] > 0 and report["peak_rss_sampled_mb"] > 0  # it read the server's /proc
    assert [w["page"] for w in report["warm_up"]] == ["home", "lab"]


@pytest.fixture
def broken_server(tmp_path):
    """A one-page Streamlit app that raises (?mode=raise) or hangs (?mode=hang)."""
    app = tmp_path / "broken.py"
    app.write_text(textwrap.dedent("""
        import time
        import streamlit as st

        st.write("before the failure")
        if st.query_params.get("mode") == "hang":
            for _ in range(300):
                time.sleep(0.1)
        raise RuntimeError("boom")
    """))
    server = Server(app)
    yield server
    server.cleanup()


def test_counts_exception_elements_as_errors(broken_server):
    report = class_load.run(students=2, pages=["home"], url=broken_server.url, pid=broken_server.pid,
                            query="mode=raise", cold=True)
    assert report["page_views"] == 2
    assert report["errors"] == 2
    assert report["pages"]["home"]["errors"] == 2
    assert all("exception element" in message for message in report["error_messages"])


def test_counts_timeouts_as_errors(broken_server):
    report = class_load.run(students=1, pages=["home"], url=broken_server.url, pid=broken_server.pid,
                            query="mode=hang", cold=True, timeout=1)
    assert report["page_views"] == 1 and report["errors"] == 1
    assert "timeout" in report["error_messages"][0]


def test_quiz_class_stores_every_answer(tmp_path, monkeypatch):
    from bench.class_quiz import run_quiz_class
    from services.quiz import QUESTIONS

    monkeypatch.setenv("RNN_LAB_CLASS_DB", f"sqlite:///{tmp_path / 'class.sqlite3'}")
    report = run_quiz_class(students=2, timeout=120)
    assert report["errors"] == 0, report["error_messages"]
    assert report["join"]["views"] == 2
    assert report["submit"]["views"] == 2 * len(QUESTIONS) and report["next"]["views"] == 2 * (len(QUESTIONS) - 1)
    assert report["students_registered"] == 2
    assert report["answers_sent"] == report["answers_stored"] == 2 * len(QUESTIONS)


def test_several_replicas_are_measured_each():
    """Two servers standing for two replicas behind one address: each one's CPU and memory, summed."""
    env = {"RNN_LAB_WARMUP": "0"}
    with Server(env=env) as first, Server(env=env) as second:
        report = class_load.run(students=2, pages=["home"], url=first.url, pid=[first.pid, second.pid],
                                replica_urls=[first.url, second.url], timeout=120)
    assert report["errors"] == 0, report["error_messages"]
    assert [row["pid"] for row in report["replicas"]] == [first.pid, second.pid]
    assert len(report["warm_up"]) == 2  # each replica warmed on its own address
    assert report["replicas"][0]["cpu_s"] > 0 and all(row["peak_rss_sampled_mb"] > 0 for row in report["replicas"])
    assert report["server_cpu_s"] == sum(row["cpu_s"] for row in report["replicas"])
    assert report["peak_rss_sampled_mb"] == sum(row["peak_rss_sampled_mb"] for row in report["replicas"])


def test_school_budget_reads_the_rows_of_one_run():
    from bench.school import budget

    def row(config, students, p95, errors=0):
        return {"config": config, "students": students, "p95_s": p95, "errors": errors}

    checks = budget([row("single", 60, 4.0), row("2", 60, 2.2), row("2", 120, 5.0, errors=1)])
    assert [ok for _, ok in checks] == [True, True, False]
    checks = budget([row("single", 60, 3.0), row("2", 60, 2.2)])
    assert [ok for _, ok in checks] == [True, False]  # 2.2 > 0.6 × 3.0
