"""Isolation between students: one session's retraining, race or language never changes what
another session sees, and the models cached for the whole server are never mutated."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from tests.apptest_helpers import assert_clean, figures, run_page

SERIES = "pages/series/page.py"


def _weights_digest() -> str:
    """sha256 over every shared (cached) pretrained model's parameters and buffers."""
    from rnn_core.pretrained import names
    from ui.shell import models as models_cache

    digest = hashlib.sha256()
    for name in names():
        for key, tensor in sorted(models_cache.get_model(name).state_dict().items()):
            digest.update(key.encode())
            digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def _view(at) -> tuple:
    """What a student sees on a page: every text element and every figure's data."""
    texts = tuple(m.value for m in at.markdown) + tuple(m.value for m in at.caption)
    data = tuple(str(fig.get("data")) for fig in figures(at))
    return texts, data


@pytest.mark.slow
def test_one_students_retraining_does_not_change_another_students_page(monkeypatch):
    from rnn_core import pretrained

    for name in pretrained.names():
        if name.startswith("series_simple"):
            monkeypatch.setitem(pretrained.SPECS, name, dataclasses.replace(pretrained.SPECS[name], steps=3))
    student_b = run_page(SERIES)
    before_view, before_digest = _view(student_b), _weights_digest()

    student_a = run_page(SERIES)
    student_a.button(key="_series_retrain").click().run(timeout=300)
    assert_clean(student_a)
    from ui.shell import (
        models as models_cache,  # the retrain runs as a shared job: wait for it, then A's page uses it
    )

    job = models_cache.JOBS.get(models_cache.retrain_key([n for n in pretrained.names()
                                                           if n.startswith("series_simple") and "stable" not in n]))
    assert job is not None and job.wait(300) and job.status == "done"
    student_a.run(timeout=300)
    assert_clean(student_a)
    assert _view(student_a)[1] != before_view[1], "three training steps should change A's charts"

    student_b.run()
    assert_clean(student_b)
    assert _view(student_b) == before_view
    assert _weights_digest() == before_digest


def test_one_students_language_does_not_change_another_students():
    student_a = run_page(lang="en")
    student_b = run_page(lang="en")
    student_a.sidebar.radio[0].set_value("pt").run()
    assert student_a.title[0].value.startswith("Desvendando")
    student_b.run()
    assert student_b.title[0].value.startswith("Unravelling")


def test_one_students_race_is_not_shown_to_another_student(monkeypatch):
    """The race is a shared job, but only a student who asks for it sees it."""
    import time

    from services import jobs

    monkeypatch.setattr(jobs, "JOBS", jobs.JobBoard(slots=1))
    student_a = run_page("pages/lab/page.py", params={"steps": "50", "length": "5"})
    student_b = run_page("pages/lab/page.py", params={"steps": "50", "length": "5"})
    before = _view(student_b)
    student_a.button(key="_s5_start").click().run(timeout=300)
    deadline = time.monotonic() + 240
    while not student_a.table:
        assert time.monotonic() < deadline
        time.sleep(0.2)
        student_a.run()
    assert_clean(student_a)
    assert "_evidence" in student_a.session_state and "_evidence" not in student_b.session_state
    student_b.run()
    assert _view(student_b) == before
