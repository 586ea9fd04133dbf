"""Station 4, this student's own state: the latch job watched, the biases tried, the cost measured
again, and the evidence recorded for the conclusion page.

* The latch retrain for a forget-gate bias is a shared job (``services.jobs``, key
  ``rnn_core.latch.latch_key(bias)``: one training per bias for the whole server). A student watches
  one at a time (:data:`LATCH_JOB` holds the ``Job``): moving the slider to another bias stops
  watching the previous one (it trains on only if someone else watches it).
* The biases tried, with their accuracy and the step the latch was solved at (:data:`TRIED`), feed
  the "biases tried" chart and the evidence.
* "Measure again" measures the cost for this student only (:data:`COSTS`); everyone else keeps the
  server's shared measurement.
* :func:`remember` builds ``pages.gates.evidence.Station4`` from the page's views; the bias section,
  a fragment, updates the bias part of it on its own (:func:`remember_bias`).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from pages.gates.cache import BIAS_RANGE, COST, PROBE, costs, measure_costs_now
from pages.gates.evidence import Station4
from rnn_core import latch as latch_core
from services import jobs
from services.jobs import Job
from ui.shell import numbers
from ui.shell.evidence import record, recorded
from ui.shell.i18n import t
from ui.widgets.job_watcher import Progress

LATCH_JOB = "_s4_latch_job"  # session: the services.jobs Job of the latch this student watches
TRIED = "_s4_tried"  # session: {bias: (accuracy, solved_at step or None)}
BIAS_EVIDENCE = "_s4_bias_evidence"  # session: (bias, {model: ‖∂L/∂c‖ at the far distance})
COSTS = "_s4_costs"  # session: this student's own cost measurement ("measure again")


def with_moods_on_first_visit() -> None:
    """The models here are the realistic-series ones: start the shared editor with moods on (first
    visit only: a shared link or the student's own switch always wins)."""
    if "moods" not in st.session_state and "moods" not in st.query_params:
        st.session_state["moods"] = True


def latch_job(bias: float) -> Job:
    """This student's latch job for ``bias`` (shared with everyone asking the same), watched once."""
    key = latch_core.latch_key(bias)
    watching = st.session_state.get(LATCH_JOB)
    if watching is not None and watching.key != key:
        watching.stop_watching()  # the student moved on: stop watching the other bias
        watching = None
    if watching is None or watching.status in ("failed", "stopped"):
        watching = jobs.JOBS.submit(key, latch_core.shared_run(bias))
        st.session_state[LATCH_JOB] = watching
    return watching


def latch_progress(snapshot, bias: float, lang: str) -> Progress:
    """The progress bar of a latch retrain (its snapshots are ``(step, accuracies so far)``)."""
    step, _accuracies = snapshot or (0, ())
    return Progress(step / latch_core.STEPS, t("gates.bias_training", b=numbers.setting(bias, lang), step=step,
                                               steps=latch_core.STEPS))


def tried(bias: float, run: latch_core.LatchRun) -> tuple[tuple[float, float, int | None], ...]:
    """Add ``run`` to the biases this student tried; all of them, sorted, as a hashable key."""
    biases = st.session_state.setdefault(TRIED, {})
    biases[bias] = (run.accuracy, run.solved_at)
    return tuple((b, a, s) for b, (a, s) in sorted(biases.items()))


def measurement(again: bool) -> dict:
    """The cost measurement this student sees: the server's shared one, or its own after "measure
    again" (``again``: measure now)."""
    if again:
        with st.spinner():
            st.session_state[COSTS] = measure_costs_now()
    with st.spinner():
        return st.session_state.get(COSTS) or costs()


def _evidence(memory_units: Mapping, cost_us: Mapping, params: Mapping, onednn: bool) -> Station4:
    bias, at_far = st.session_state.get(BIAS_EVIDENCE, (BIAS_RANGE[2], {}))
    biases = st.session_state.get(TRIED, {})
    return Station4(
        forget_bias=bias,
        latch={f"{b:g}": {"accuracy": round(a, 4), "solved_at": s} for b, (a, s) in sorted(biases.items())},
        latch_length=latch_core.LENGTH, cell_grad_distance=PROBE["length"] - 1, cell_grad_at_distance=at_far,
        memory_units=memory_units, cost_us_per_step=cost_us, params=params, lstm_onednn=onednn)


def remember_bias(bias: float, at_far: Mapping[str, float]) -> None:
    """The bias section showed ``bias``: keep its far-distance gradients, and update the evidence the
    rest of the page recorded (when it has: the section may rerun on its own)."""
    st.session_state[BIAS_EVIDENCE] = (bias, dict(at_far))
    previous = recorded(Station4)
    if previous is not None:
        record(_evidence(previous.memory_units, previous.cost_us_per_step, previous.params, previous.lstm_onednn))


def remember(inside, cost, measured: dict) -> None:
    """Record this student's evidence: the memory units found (part 2's view, ``None`` without
    models), the cost per step and parameters (part 4's view and its measurement), the bias part."""
    small = COST["batches"][0]
    record(_evidence(
        memory_units={kind: dict(view.evidence) for kind, view in inside.models.items()} if inside else {},
        cost_us={str(b): {k: {m: round(v, 3) for m, v in modes.items()} for k, modes in per.items()}
                 for b, per in cost.us.items()},
        params={k: c.params.numel for k, c in measured["rows"][small].items()},
        onednn=bool(measured["rows"][small]["lstm"].ops.onednn),
    ))
