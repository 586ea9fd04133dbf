"""Import rules between the project's layers, read from the source (AST), not from a running import.

Layers, bottom to top (a module imports only from its own layer or below)::

    rnn_core, classroom  →  services  →  ui.shell  →  ui.figures  →  ui.widgets  →  pages.<slug>  →  app
                                                                              bench, tests (on top)

Every project ``.py`` file is read, and every ``import`` / ``from … import`` in it counts, including
those inside functions (a lazy import is still a dependency). Further rules:

* ``bench`` never imports ``tests``: the benchmarks run without the test suite; what both need (the
  server starter, the Chromium settings) lives in ``bench/``.
* ``rnn_core``, ``classroom`` and ``services`` never import Streamlit (``streamlit`` or any submodule):
  they run outside the script runtime (a notebook, the class store, a background thread). One exception:
  ``services/st_client.py`` is a *client* of a Streamlit server and speaks its websocket protocol, whose
  messages are the protobuf classes Streamlit ships in ``streamlit.proto`` (``BackMsg``, ``ForwardMsg``,
  ``WidgetStates``). It may import exactly ``streamlit.proto.*``; it never calls ``st.*`` and never needs a
  script-run context.
* A station (``pages.<slug>``) never imports another station. One exception: ``pages.conclusion`` may
  import another station's ``evidence`` module, because the conclusion shows what the student found there.
* A station's ``bench.py`` (``pages.<slug>.bench``) is benchmark code kept in the station's folder (so a
  station is one place to read); it belongs to the ``bench`` layer, may use ``bench.scenarios``, and only
  the benchmarks reach it (through the registry's ``Station.part("bench")``).
* No import cycles among the project's modules (strongly connected components of the module graph).

The registry (``ui/shell/stations.py``) reaches a station's ``texts``/``evidence``/``bench`` modules
through ``importlib`` by slug: that is the registry's job and not a static import, so it is not counted.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {"__pycache__", "node_modules", "screenshots"}

# Layer rank by the first dotted parts of a module's name (longest prefix wins).
RANKS = {
    "rnn_core": 0,
    "classroom": 0,
    "services": 1,
    "ui": 2,  # the bare ``ui`` package (a docstring): the lowest of its sub-layers
    "ui.shell": 2,
    "ui.figures": 3,
    "ui.widgets": 4,
    "pages": 5,
    "app": 6,
    "bench": 7,
    "tests": 7,
}
NO_STREAMLIT = ("rnn_core", "classroom", "services")
STREAMLIT_PROTO_ALLOWED = {"services.st_client": "streamlit.proto"}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. "pages.lab.view"
    path: str  # its file, relative to the repository root
    line: int
    target: str  # the dotted name as written (made absolute), e.g. "pages.conclusion.charts"
    resolved: str | None  # the project module it reaches (None when it is not the project's)

    def where(self) -> str:
        return f"{self.path}:{self.line} imports {self.target}"


def project_files(root: Path = ROOT) -> dict[str, Path]:
    """Every project module by dotted name (``pkg/__init__.py`` is ``pkg``), hidden folders left out."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if any(part.startswith(".") or part in SKIP_DIRS for part in rel.parts[:-1]):
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts:
            modules[".".join(parts)] = rel
    return modules


def _package_of(module: str, rel: Path) -> str:
    return module if rel.name == "__init__.py" else module.rpartition(".")[0]


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is a project module (None for third-party names)."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in modules:
            return candidate
    return None


def imports_of(module: str, rel: Path, modules: dict[str, Path], root: Path = ROOT) -> list[Import]:
    """Every import in one file (any depth of nesting), each made absolute and resolved."""
    tree = ast.parse((root / rel).read_text(encoding="utf-8"), filename=str(rel))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, rel.as_posix(), node.lineno, alias.name,
                                    _resolve(alias.name, modules)))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(module, rel).split(".")
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                # ``from a.b import c`` reaches module a.b.c when there is one, else a name inside a.b.
                sub = f"{base}.{alias.name}"
                target = sub if sub in modules else base
                found.append(Import(module, rel.as_posix(), node.lineno, target, _resolve(target, modules)))
    return found


def layer_of(module: str) -> tuple[str, int] | None:
    """(layer name, rank) of a project module; a station's ``bench`` module is in the bench layer."""
    parts = module.split(".")
    if parts[0] == "pages" and len(parts) >= 3 and parts[2] == "bench":
        return "bench", RANKS["bench"]
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in RANKS:
            return prefix, RANKS[prefix]
    return None


def station_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "pages" and len(parts) >= 2 else None


def violations(modules: dict[str, Path], all_imports: list[Import]) -> list[str]:
    """Every broken rule, one line each, naming the file, the line and the import."""
    found = []
    for imp in all_imports:
        source_layer = layer_of(imp.source)
        target_layer = layer_of(imp.resolved) if imp.resolved else None
        top = imp.target.split(".")[0]
        if imp.source.split(".")[0] in NO_STREAMLIT and top == "streamlit":
            allowed = STREAMLIT_PROTO_ALLOWED.get(imp.source)
            if not (allowed and (imp.target == allowed or imp.target.startswith(allowed + "."))):
                found.append(f"{imp.where()}: {imp.source.split('.')[0]} never imports Streamlit")
        if target_layer is None:
            continue
        if source_layer[1] < target_layer[1]:
            found.append(f"{imp.where()}: layer {source_layer[0]} may not import the higher layer "
                         f"{target_layer[0]}")
        if source_layer[0] == "bench" and target_layer[0] == "tests":
            found.append(f"{imp.where()}: bench never imports tests (move what both need into bench/)")
        src_station, dst_station = station_of(imp.source), station_of(imp.resolved)
        if src_station and dst_station and src_station != dst_station:
            exception = src_station == "conclusion" and imp.resolved == f"pages.{dst_station}.evidence"
            if not exception:
                found.append(f"{imp.where()}: station {src_station} may not import station {dst_station} "
                             "(only pages.conclusion may import another station's evidence module)")
    return list(dict.fromkeys(found))  # ``from m import a, b`` is one import line, said once


def cycles(modules: dict[str, Path], all_imports: list[Import]) -> list[list[str]]:
    """Strongly connected components with more than one module (or a module importing itself), Tarjan."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in all_imports:
        if imp.resolved:
            graph[imp.source].add(imp.resolved)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []

    def visit(v: str) -> None:  # iterative depth-first search (the graph can be deeper than recursion allows)
        work = [(v, iter(sorted(graph[v])))]
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return components


def _scan(root: Path = ROOT) -> tuple[dict[str, Path], list[Import]]:
    modules = project_files(root)
    return modules, [imp for module, rel in modules.items() for imp in imports_of(module, rel, modules, root)]


@pytest.fixture(scope="module")
def scanned():
    return _scan()


def test_every_project_module_has_a_layer(scanned):
    modules, _ = scanned
    unplaced = [f"{rel.as_posix()} ({module})" for module, rel in modules.items() if layer_of(module) is None]
    assert not unplaced, "modules outside every layer (add their package to RANKS): " + ", ".join(unplaced)


def test_imports_follow_the_layers(scanned):
    found = violations(*scanned)
    assert not found, "import rules broken:\n" + "\n".join(found)


def test_no_import_cycles(scanned):
    modules, all_imports = scanned
    found = cycles(modules, all_imports)
    lines = []
    for component in found:
        members = set(component)
        edges = [imp.where() for imp in all_imports if imp.source in members and imp.resolved in members]
        lines.append(" ⇄ ".join(component) + "\n    " + "\n    ".join(sorted(set(edges))))
    assert not found, "import cycles:\n" + "\n".join(lines)


# The checker itself, on a small throwaway tree: each rule must catch what it is there to catch.
def _tree(tmp_path: Path, files: dict[str, str]) -> tuple[dict[str, Path], list[Import]]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return _scan(tmp_path)


def test_checker_catches_each_kind_of_violation(tmp_path):
    modules, all_imports = _tree(tmp_path, {
        "rnn_core/__init__.py": "",
        "rnn_core/a.py": "def f():\n    import streamlit as st\n",
        "services/__init__.py": "",
        "services/st_client.py": "from streamlit.proto.BackMsg_pb2 import BackMsg\n",
        "services/warm.py": "from streamlit.logger import get_logger\n",
        "ui/__init__.py": "",
        "ui/shell/__init__.py": "",
        "ui/shell/x.py": "from pages.lab import charts\n",
        "pages/__init__.py": "",
        "pages/lab/__init__.py": "",
        "pages/lab/charts.py": "from . import view\n",
        "pages/lab/view.py": "from pages.lab.charts import f\nfrom pages.conclusion.charts import g\n",
        "pages/lab/bench.py": "from bench.scenarios import Scenario\n",
        "pages/conclusion/__init__.py": "",
        "pages/conclusion/charts.py": "from pages.lab import evidence\nfrom pages.lab.charts import h\n",
        "pages/lab/evidence.py": "",
        "bench/__init__.py": "",
        "bench/scenarios.py": "",
        "bench/run.py": "from tests.server import start\n",
        "tests/__init__.py": "",
        "tests/server.py": "from bench import run\n",
    })
    found = "\n".join(violations(modules, all_imports))
    assert "rnn_core/a.py:2 imports streamlit: rnn_core never imports Streamlit" in found
    assert "services/warm.py:1 imports streamlit.logger" in found
    assert "services/st_client.py" not in found
    assert "ui/shell/x.py:1 imports pages.lab.charts: layer ui.shell may not import the higher layer pages" in found
    assert "pages/lab/view.py:2 imports pages.conclusion.charts: station lab may not import station conclusion" in found
    assert "pages/conclusion/charts.py:2 imports pages.lab.charts" in found
    assert "pages/conclusion/charts.py:1" not in found  # the documented exception
    assert "pages/lab/bench.py" not in found  # a station's bench module is in the bench layer
    assert "bench/run.py:1 imports tests.server: bench never imports tests" in found
    assert "tests/server.py" not in found
    # lab.charts → (relative import) lab.view → conclusion.charts → lab.charts, and bench.run ⇄ tests.server
    assert cycles(modules, all_imports) == [
        ["bench.run", "tests.server"], ["pages.conclusion.charts", "pages.lab.charts", "pages.lab.view"]]
