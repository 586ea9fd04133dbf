"""The first visitors of a freshly started server see their page, never "Page not found".

Why it happened (Streamlit 1.67, read in its source): ``PagesManager.__init__`` sets the class-wide
``PagesManager.uses_pages_directory`` to "a ``pages/`` folder sits beside the main script" when the
first browser session is created, and ``ScriptRunner._run_script`` checks that flag before it runs
anything: while it is True, a run goes through ``_mpa_v1``, the old router, which lists
``pages/*.py`` and calls ``_navigation`` with them. Our pages are packages (``pages/<slug>/page.py``),
so that list had only app.py: ``/teacher`` or ``/gradients`` was unknown, ``_navigation`` sent
``page_not_found`` (the browser's modal dialog) and ran app.py as the main page, whose first lines
then set the flag to False for every later run. So the very first visitor, and anyone whose first run
started before that line had executed, got the dialog. Nothing of the app can run earlier: Streamlit
has no start-up hook that runs app code before the first session.

The fix keeps ``pages/``: one tiny ``pages/0_<slug>.py`` per page besides home (the old router names
it ``<slug>``, the same URL path, hence the same page hash as the ``st.Page``) that only runs app.py.
So the old router finds every page, and app.py's ``st.navigation`` takes over inside that first run.

Tests here: every page has its file with exactly that content; a class's first visitors opening deep
links all at once on a fresh server (websocket sessions, no browser); and real Chromium on a fresh
server with the teacher as the very first visitor, and with a student's deep link first.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from bench.server import free_port, start_server
from services.st_client import Session
from ui.shell.stations import HOME, STATIONS

ROOT = Path(__file__).resolve().parents[2]

# Records every dialog the page ever shows, even one closed again before the test looks.
DIALOG_WATCH = """
window.__dialogs = [];
new MutationObserver(() => {
  for (const d of document.querySelectorAll('[role="dialog"]')) {
    const text = d.innerText || '';
    if (text && !window.__dialogs.includes(text)) window.__dialogs.push(text);
  }
}).observe(document, {childList: true, subtree: true});
"""


def cold_start_file(slug: str) -> Path:
    return ROOT / "pages" / f"0_{slug}.py"


def test_every_page_has_its_cold_start_file_and_nothing_else_is_a_page_file():
    expected = {cold_start_file(s.slug).name for s in STATIONS if s != HOME}
    found = {p.name for p in (ROOT / "pages").glob("*.py") if p.name != "__init__.py"}
    assert found == expected, "add pages/0_<slug>.py (a copy of pages/0_teacher.py) for a new page"
    runner = 'runpy.run_path(str(Path(__file__).resolve().parents[1] / "app.py"), run_name="__main__")'
    for name in expected:
        code = (ROOT / "pages" / name).read_text(encoding="utf-8")
        assert code.rstrip().endswith(runner), name
        assert "import" in code and code.count("\nimport ") + code.count("\nfrom ") == 2, name


def test_students_opening_deep_links_at_once_on_a_fresh_server_get_their_page():
    """No visit before: the teacher and twelve students arrive on a cold server in the same instant."""
    port = free_port()
    proc = start_server(port, env={"RNN_LAB_WARMUP": "0"})
    try:
        pages = ["teacher"] + ["gradients", "series", "gates", "lab", "conclusion", "sequential"] * 2
        visits, barrier = [None] * len(pages), threading.Barrier(len(pages))

        def student(i: int) -> None:
            session = Session(f"ws://127.0.0.1:{port}")
            try:
                barrier.wait()
                visits[i] = session.visit(pages[i], query_string="lang=pt", timeout=240)
            finally:
                session.close()

        threads = [threading.Thread(target=student, args=(i,)) for i in range(len(pages))]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        errors = [(pages[i], v.errors) for i, v in enumerate(visits) if v is None or v.errors]
        assert errors == []
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.browser
@pytest.mark.parametrize(("path", "title"), [
    ("teacher?lang=en", "Live class"),
    ("gradients?lang=pt", "Desvanecimento e explosão do gradiente"),
])
def test_first_visitor_of_a_fresh_server_in_chromium(browser, path, title):
    """A fresh server per case; the visitor is the very first: no dialog at any moment, the right page
    drawn by the router (sidebar with the language switch, the station's own title)."""
    from bench.browser import wait_idle

    folder = tempfile.mkdtemp(prefix="rnnlab-cold-")
    port = free_port()
    proc = start_server(port, env={"RNN_LAB_DATA_DIR": folder, "RNN_LAB_WARMUP": "0"})
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.add_init_script(DIALOG_WATCH)
        page.goto(f"http://127.0.0.1:{port}/{path}")
        wait_idle(page, timeout=180_000)
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__dialogs") == []
        slug = path.split("?")[0]
        assert page.url.split("?")[0].endswith(f"/{slug}")
        assert title in page.locator("[data-testid='stMain'] h1").first.inner_text()
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert ("Language" in sidebar) if "lang=en" in path else ("Idioma" in sidebar)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
