"""Station 4's cached views: one computation per server for every student who asks the same thing.

Each function is a pure function of its (hashable) parameters, wrapped in ``st.cache_resource``
(bounded in entries): the first student to ask for a timeline, a bias or a language pays, everyone
after gets the very same object, which nobody may change (``ui.figures.prepared.PreparedFigure`` and frozen
dataclasses). Parameters starting with ``_`` are not hashed: each stands for the parameter before it
(a model for its name and version, a measurement for its time stamp). Decorated once, at import,
rather than at every run of the page script (Streamlit hashes a cached function's source when it
is decorated).
"""

from __future__ import annotations

import time

import streamlit as st

from pages.gates import view as gates_view
from rnn_core import latch as latch_core
from rnn_core import memory_units as mu
from rnn_core.cost import measure_costs, param_counts
from rnn_core.gradients import probe
from rnn_core.mechanism import mechanism_report
from rnn_core.model_card import accuracy_card
from rnn_core.tasks import SERIES_INPUT_SIZE
from ui.shell import models as models_cache

MODEL_NAMES = {"lstm": "series_moods_lstm", "gru": "series_moods_gru"}  # rnn_core.pretrained names
BELT_MODEL = "series_moods_lstm_belt"  # the LSTM whose gates never see h (rnn_core.mechanism)
BIAS_RANGE = (0.0, 3.0, 0.0, 0.25)  # min, max, default, step of the forget-gate bias slider
REFERENCE_BIASES = (0.0, 1.0, 2.0, 3.0)  # always drawn in the gradient chart
PROBE = {"length": 101, "hidden": 32, "seed": 0}  # distance 100 at the far end
COST = {"hidden": 32, "input_size": SERIES_INPUT_SIZE, "batches": (1, 128), "length": 100, "repeats": 5}


# --------------------------------------------------------------------------- cached views (shared by the server)


@st.cache_resource(max_entries=4, show_spinner=False)
def cells(lang: str, present: bool) -> gates_view.CellsView:
    return gates_view.cells_view(lang, present)


@st.cache_resource(max_entries=8, show_spinner=False)
def memory_unit(name: str, version: str, _model) -> mu.MemoryUnit:
    """The memory unit of one model version, found once on the seeded batch."""
    return mu.find_memory_unit(_model)


@st.cache_resource(max_entries=32, show_spinner=False)
def inside(versions: tuple, episodes: tuple, moods: bool, codes: tuple, lang: str, present: bool,
           _models: dict) -> gates_view.InsideView:
    """Part 2 for one timeline (``versions``: (kind, name, version) of the models shown)."""
    found = {kind: (_models[kind], memory_unit(name, version, _models[kind])) for kind, name, version in versions}
    return gates_view.inside_view(found, episodes, moods, codes, lang, present)


@st.cache_resource(max_entries=8, show_spinner=False)
def mechanism(name: str, version: str, _model) -> dict:
    """``rnn_core.mechanism.mechanism_report`` of one model version (shared: read-only)."""
    return mechanism_report(_model).as_dict()


@st.cache_resource(max_entries=8, show_spinner=False)
def two_ways(versions: tuple, lang: str, present: bool, _models: dict) -> gates_view.TwoWaysView:
    """Today's LSTM beside the belt LSTM, both measured (``versions``: (name, version) of each)."""
    (default, v_default), (belt, v_belt) = versions
    return gates_view.two_ways_view(mechanism(default, v_default, _models[default]),
                               mechanism(belt, v_belt, _models[belt]), lang, present)


@st.cache_resource(max_entries=32, show_spinner=False)
def bias_part(bias: float, lang: str, present: bool, _run: latch_core.LatchRun) -> gates_view.BiasView:
    """The latch view at ``bias`` (its run is deterministic: same bias, same numbers)."""
    return gates_view.bias_view(_run, lang, present, length=latch_core.LENGTH)


@st.cache_resource(max_entries=64, show_spinner=False)
def tried_part(tried: tuple, bias: float, lang: str, present: bool):
    return gates_view.tried_view(tried, bias, lang, present)


@st.cache_resource(max_entries=16, show_spinner=False)
def cell_gradient(bias: float):
    """(distance, ‖∂L/∂c_t‖) of a default-init LSTM with forget-gate bias ``bias`` (float64 probe)."""
    p = probe("lstm", length=PROBE["length"], hidden=PROBE["hidden"], seed=PROBE["seed"], forget_bias=float(bias))
    return p.distance, p.cell_backward


@st.cache_resource(max_entries=32, show_spinner=False)
def gradient_part(bias: float, lang: str, present: bool) -> gates_view.GradientView:
    curves, distance = {}, None
    for b in sorted({*REFERENCE_BIASES, bias}):
        distance, curves[b] = cell_gradient(b)
    return gates_view.gradient_view(curves, distance, bias, REFERENCE_BIASES, lang, present)


def measure_costs_now() -> dict:
    """Parameters and µs per step of LSTM and GRU at batch 1 and 128 (forward passes only)."""
    rows = {batch: {c.kind: c for c in measure_costs(("lstm", "gru"), hidden=COST["hidden"],
                                                     input_size=COST["input_size"], batch=batch,
                                                     length=COST["length"], repeats=COST["repeats"])}
            for batch in COST["batches"]}
    return {"rows": rows, "stamp": time.time()}


# Measured once per server and shared; "measure again" measures for this student only, so that
# one click never wipes the shared numbers or starts a benchmark for the whole class.
costs = st.cache_resource(show_spinner=False)(measure_costs_now)


@st.cache_resource(max_entries=8, show_spinner=False)
def cost_part(stamp: float, weights_dir: str, lang: str, present: bool, _measurement: dict) -> gates_view.CostView:
    """Part 4 for the measurement taken at ``stamp`` (which stands for its numbers)."""
    manifest = models_cache.manifest()  # {} when missing or broken: the accuracy columns then say "—"
    counts = {k: param_counts(k, COST["hidden"], COST["input_size"]) for k in ("lstm", "gru")}
    cards = {k: accuracy_card(manifest.get(name)) for k, name in MODEL_NAMES.items()}
    return gates_view.cost_view(_measurement["rows"], counts, cards, hidden=COST["hidden"], input_size=COST["input_size"],
                           length=COST["length"], lang=lang, present=present)
