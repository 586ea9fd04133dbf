"""Adding a station is one folder plus one line in the registry (issue #14): the proof.

A throwaway copy of the app gets one more row in ``ui/shell/stations.py`` (before the conclusion,
the journey's last station) and one new folder ``pages/demo/`` built from the registry's own parts:
``page.py`` (header, a URL-bound slider, one cached view, one chart through ``ui.widgets.chart``,
its evidence recorded), ``view.py``, ``texts.py`` (its keys, its navigation title and its home card),
``evidence.py`` (``EVIDENCE``) and ``bench.py`` (``SCENARIO``). Nothing else in the copy changes:
everything else is the repository's own files, linked. The checks run in a subprocess with the copy
first on ``sys.path`` (this process has the real registry imported and cached):

* the navigation knows the page (``AppTest.switch_page`` refuses a page ``st.navigation`` did not
  register), and it renders in Portuguese and English with its own title, its chart, no exception
  and no raw catalog key;
* home shows its card and a link to it; the journey station before it ends with a "next station"
  link to it, and the demo's own link goes on to the station after it;
* ``WARM_PAGES`` and the tests' ``PAGES`` list it; the catalogs have its keys under its area;
* ``ui.shell.evidence.record``/``recorded`` round-trip its ``EVIDENCE`` (and the page records it);
* ``bench.scenarios.load_scenarios()`` finds its ``SCENARIO``.

Each check fails if the place it looks at stopped deriving from the registry (e.g. a hard-coded
page list in ``app.py``, a card list on home, a catalog area list, a station list in the evidence
store or the benchmarks).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.apptest_helpers import ROOT

SLUG = "demo"
LINKED = (".streamlit", "services", "rnn_core", "classroom", "bench")  # used as they are

FILES = {
    "__init__.py": "",
    "texts.py": '''
        """Strings of the throwaway station."""

        TEXTS: dict[str, dict[str, str]] = {
            "common.nav_demo": {"pt": "Estação descartável", "en": "Throwaway station"},
            "home.card_demo": {"pt": "Uma memória que cai pela metade a cada passo.",
                               "en": "A memory that halves at every step."},
            "demo.title": {"pt": "Uma estação a mais", "en": "One more station"},
            "demo.subtitle": {"pt": "Uma pasta e uma linha no registro.", "en": "One folder and one registry line."},
            "demo.takeaway": {"pt": "A memória cai pela metade a cada passo.", "en": "Memory halves at every step."},
            "demo.steps": {"pt": "Passos", "en": "Steps"},
            "demo.chart_title": {"pt": "Memória ao longo dos passos", "en": "Memory over the steps"},
            "demo.x": {"pt": "passo", "en": "step"},
            "demo.y": {"pt": "memória", "en": "memory"},
            "demo.caption": {"pt": "Depois de {n} passos resta {left}.", "en": "After {n} steps, {left} is left."},
        }
    ''',
    "evidence.py": '''
        """What the student found on the throwaway station."""

        from dataclasses import dataclass

        from ui.shell.evidence import Frozen


        @dataclass(frozen=True)
        class DemoEvidence(Frozen):
            steps: int
            memory: float


        EVIDENCE = DemoEvidence
    ''',
    "bench.py": '''
        from bench.scenarios import Scenario

        SCENARIO = Scenario(page="pages/demo/page.py", interactions=[("slider", "steps", 8)], bare=lambda n: 0.5 ** n)
    ''',
    "view.py": '''
        """The throwaway station's one cached view: m_t = 0.5^t for t = 0..steps."""

        from dataclasses import dataclass

        import pandas as pd
        import plotly.graph_objects as go
        import streamlit as st

        from ui.shell.i18n import t
        from ui.shell.theme import style_figure


        @dataclass(frozen=True)
        class View:
            fig: go.Figure
            data: pd.DataFrame
            memory: float


        @st.cache_resource(max_entries=8, show_spinner=False)
        def view(steps: int, lang: str, present: bool) -> View:
            data = pd.DataFrame({"step": range(steps + 1), "memory": [0.5 ** s for s in range(steps + 1)]})
            fig = go.Figure(go.Scatter(x=data["step"], y=data["memory"], mode="lines+markers"))
            fig.update_layout(title=t("demo.chart_title", lang), xaxis_title=t("demo.x", lang),
                              yaxis_title=t("demo.y", lang))
            style_figure(fig, present=present, lang=lang)
            return View(fig, data, float(data["memory"].iloc[-1]))
    ''',
    "page.py": '''
        """A throwaway station: read the control, one cached view, show it, record the evidence."""

        from pages.demo.evidence import EVIDENCE
        from pages.demo.view import view
        from ui.shell import state
        from ui.shell.evidence import record
        from ui.shell.i18n import current_language
        from ui.shell.layout import header, presenting
        from ui.shell.numbers import percent
        from ui.widgets.chart import chart

        header("demo")
        steps = int(state.slider("demo.steps", "steps", 1, 12, 4))
        shown = view(steps, current_language(), presenting())
        chart(shown.fig, "demo.caption", data=shown.data, name="demo-memory", styled=True, n=steps,
              left=percent(shown.memory, current_language(), 1))
        record(EVIDENCE(steps=steps, memory=shown.memory))
    ''',
}

CHECKS = '''
import os
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

HERE = Path.cwd()
from bench.scenarios import load_scenarios
from pages.demo import bench as demo_bench
from pages.demo import texts as demo_texts
from pages.demo.evidence import EVIDENCE
from tests.apptest_helpers import PAGES, ROOT, assert_clean, figure_titles, run_page, visible_texts
from ui.shell import stations
from ui.shell.catalogs import AREAS, CATALOGS
from ui.shell.evidence import station_of

assert Path(stations.__file__).parent.parent.parent == HERE == ROOT, (stations.__file__, ROOT)  # the copy
demo = stations.station("demo")
index = stations.JOURNEY.index(demo)
before, after = stations.JOURNEY[index - 1], stations.JOURNEY[index + 1]

# lists derived from the registry
assert "demo" in stations.WARM_PAGES, f"WARM_PAGES misses the new station: {stations.WARM_PAGES}"
assert demo.path in PAGES, f"tests/apptest_helpers.PAGES misses it: {PAGES}"
assert stations.next_station(before.slug) == demo and stations.next_station("demo") == after
assert "demo" in AREAS, f"catalog areas miss it: {AREAS}"
for lang in ("pt", "en"):
    for key, pair in demo_texts.TEXTS.items():
        assert CATALOGS[lang].get(key) == pair[lang], f"catalog {lang} misses {key}"
scenarios = load_scenarios()
assert scenarios.get("demo") is demo_bench.SCENARIO, f"load_scenarios misses it: {list(scenarios)}"
assert list(scenarios).index("demo") == list(scenarios).index(before.slug) + 1
assert station_of(EVIDENCE) == "demo"


def roundtrip():
    import streamlit as st

    from pages.demo.evidence import EVIDENCE
    from pages.sequential.evidence import EVIDENCE as OTHER
    from ui.shell.evidence import record, recorded

    st.text(f"before={recorded(EVIDENCE)!r}")
    record(EVIDENCE(steps=3, memory=0.125))
    st.text(f"after={recorded(EVIDENCE)!r} other={recorded(OTHER)!r}")


at = AppTest.from_function(roundtrip).run()
assert not at.exception, [e.value for e in at.exception]
assert [el.value for el in at.text] == ["before=None", "after=DemoEvidence(steps=3, memory=0.125) other=None"], \\
    [el.value for el in at.text]

for lang in ("pt", "en"):
    tr = CATALOGS[lang]
    title = tr["common.nav_demo"]
    # home: the card with the station's title, its sentence and a link to its page
    home = run_page(stations.HOME.path, lang=lang)
    assert_clean(home)
    assert f"**{title}**" in visible_texts(home) and tr["home.card_demo"] in visible_texts(home), "no home card"
    assert "demo" in [link.proto.page for link in home.get("page_link")], "no home link to the station"
    # the page itself, through the navigation (switch_page refuses a page st.navigation did not register)
    at = run_page(demo.path, lang=lang)
    assert_clean(at)
    assert [el.value for el in at.title] == [tr["demo.title"]], [el.value for el in at.title]
    assert figure_titles(at) == [tr["demo.chart_title"]], figure_titles(at)
    assert at.session_state["_evidence"]["demo"] == EVIDENCE(steps=4, memory=0.0625)
    next_label = tr["common.next_station"].format(title=tr[after.title_key])
    assert [(link.value, link.proto.page) for link in at.get("page_link")] == [(next_label, after.url_path)]
    # the station before it on the journey now leads to it
    prev = run_page(before.path, lang=lang)
    assert_clean(prev)
    label = tr["common.next_station"].format(title=title)
    assert (label, "demo") in [(link.value, link.proto.page) for link in prev.get("page_link")], \\
        [(link.value, link.proto.page) for link in prev.get("page_link")]
print("new station: every check passed")
'''


def _link(src: Path, dst: Path) -> None:
    dst.symlink_to(src, target_is_directory=src.is_dir())


def build_copy(root: Path) -> Path:
    """The app under ``root``: the repository's own files linked, the registry with one more row,
    and the new station's folder. Returns the new station's folder."""
    shutil.copy(ROOT / "app.py", root / "app.py")  # the main script's folder is the app's root
    for name in LINKED:
        _link(ROOT / name, root / name)
    (root / "ui").mkdir()
    for child in (ROOT / "ui").iterdir():
        if child.name not in ("shell", "__pycache__"):
            _link(child, root / "ui" / child.name)
    (root / "ui" / "shell").mkdir()
    for child in (ROOT / "ui" / "shell").iterdir():
        if child.name not in ("stations.py", "__pycache__"):
            _link(child, root / "ui" / "shell" / child.name)
    registry = (ROOT / "ui" / "shell" / "stations.py").read_text(encoding="utf-8")
    row = re.search(r'^    Station\("conclusion".*\n', registry, re.M)
    assert row, "the registry has no conclusion row to insert before"
    registry = registry[: row.start()] + f'    Station("{SLUG}", ":material/experiment:"),\n' + registry[row.start():]
    (root / "ui" / "shell" / "stations.py").write_text(registry, encoding="utf-8")
    (root / "pages").mkdir()
    for child in (ROOT / "pages").iterdir():
        if child.name != "__pycache__":
            _link(child, root / "pages" / child.name)
    folder = root / "pages" / SLUG
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "__init__.py").write_text("", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "apptest_helpers.py", root / "tests" / "apptest_helpers.py")  # ROOT = the copy
    return folder


def test_one_folder_and_one_registry_line_make_a_station(tmp_path):
    build_copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1", "RNN_LAB_WARMUP": "0"}
    (tmp_path / "check_station.py").write_text(CHECKS, encoding="utf-8")
    done = subprocess.run([sys.executable, "check_station.py"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "every check passed" in done.stdout
