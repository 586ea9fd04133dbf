"""`/teacher` on a freshly started server, before any run of app.py: Streamlit 1.67 routes a session's
first runs through its old `pages/*.py` list until app.py's first line says otherwise, and that
list must know `/teacher` or the browser shows "Page not found". This file only runs app.py, the
router (see its first lines; tests/ui/test_cold_deep_links.py)."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[1] / "app.py"), run_name="__main__")
