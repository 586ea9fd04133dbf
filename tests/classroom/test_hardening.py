"""Issue 16, class mode under bad input: what is not a store call or a page run.

* Input is checked by real code, never by ``assert`` (``python -O`` strips asserts, and a forged
  cookie or URL would then reach the store unchecked).
* ``.streamlit/secrets.toml``, where the README puts the PostgreSQL password, is git-ignored.
* The README says, in both languages, that "one vote per student" is one vote per browser cookie,
  and what the teacher has against stuffing (lock joining, answered / joined).
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLASS_MODE = sorted([*(ROOT / "classroom").glob("*.py"), ROOT / "ui" / "widgets" / "classroom.py",
                     ROOT / "ui" / "widgets" / "class_push.py", *(ROOT / "pages" / "teacher").glob("*.py")])


@pytest.mark.parametrize("path", CLASS_MODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_class_mode_guards_input_without_assert(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert lines == [], f"{path.relative_to(ROOT)}: assert at lines {lines} (vanishes under python -O)"


def test_secrets_file_is_git_ignored():
    result = subprocess.run(["git", "check-ignore", "-q", "--no-index", ".streamlit/secrets.toml"], cwd=ROOT,
                            check=False)
    assert result.returncode == 0, ".streamlit/secrets.toml is not in .gitignore"


def test_readme_says_one_vote_per_cookie_and_what_shows_stuffing():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())  # lines wrap anywhere
    for needles in (("One vote per browser cookie", "lock joining", "*answered*", "*joined*", "per session"),
                    ("Um voto por cookie do navegador",)):
        for needle in needles:
            assert needle in readme, needle
    pt = readme[readme.index("Um voto por cookie do navegador"):][:900]
    for needle in ("por sessão", "*responderam*", "*entraram*", "fechar a entrada"):
        assert needle in pt, needle


@pytest.mark.parametrize(("url", "detail"), [("mysql://u:pw@h/db", "'mysql'"),
                                           ("postgresql+nosuchdriver://u:pw@h/db", "nosuchdriver")])
def test_a_store_failure_goes_to_the_log_with_its_details(caplog, url, detail):
    """The page shows only "class mode unavailable" (tests/pages/teacher/test_app.py,
    tests/ui/test_classroom_banner.py); what went wrong is in the server log."""
    import logging

    from ui.widgets import classroom as classroom_ui

    classroom_ui._store_for.clear()
    with caplog.at_level(logging.ERROR, logger=classroom_ui.LOG.name):
        store, _why = classroom_ui._store_for(url)
    classroom_ui._store_for.clear()
    assert store is None
    assert "class mode unavailable" in caplog.text and detail in caplog.text
