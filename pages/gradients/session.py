"""Station 3, this student's own state: the exploding pair asked for, the cliff's jump, the evidence.

* The exploding pair (``rnn_core.explode.explode_pair``: the same run with and without gradient
  clipping) is a shared job (``services.jobs``) keyed by everything that defines it, the recipe and
  the seed: every student who asks for a seed gets the same computation (joined while it runs,
  replayed when done). The session keeps only the key of the pair it asked for (:data:`JOB_KEY`).
* The evidence for the conclusion page (``pages.gradients.evidence.Station3``) is the row's
  evidence from the cached view plus the cliff's jump and the pair's outcome, recorded as a new
  value each time (``ui.shell.evidence``).
"""

from __future__ import annotations

import streamlit as st

from pages.gradients.evidence import Station3
from pages.gradients.view import with_results
from rnn_core.explode import RECIPE, explode_pair
from services import jobs
from services.jobs import FINISHED, Job
from ui.shell.evidence import record, recorded
from ui.shell.i18n import t
from ui.widgets.job_watcher import Progress

JOB_KEY = "_s3_job"  # session: the services.jobs key of the pair this student asked for
CLIFF_JUMP = "_s3_cliff_jump"  # session: the largest loss jump of the cliff's free path, as last shown
PUBLISH_EVERY = 20  # training steps between two progress snapshots


def pair_key(seed: int) -> tuple:
    """The shared job of one seed's pair of runs: everything that defines it."""
    return ("s3-explode", RECIPE, int(seed))


def _submit(seed: int) -> Job:
    def run(progress):
        def on_step(index: int, info) -> None:
            if info.step % PUBLISH_EVERY == 0:
                progress.publish((index, info.step))

        return explode_pair(seed, on_step=on_step, should_stop=lambda: progress.cancelled)

    return jobs.JOBS.submit(pair_key(seed), run)


def ask(seed: int) -> None:
    """This student asks for the pair of ``seed`` (started, joined or replayed); the pair asked for
    before, if it is another one still training, is no longer watched by this student."""
    key = pair_key(seed)
    before = asked()
    if before is not None and before.status not in FINISHED:
        if before.key == key:
            return  # already watching this very pair
        before.stop_watching()
    _submit(seed)
    st.session_state[JOB_KEY] = key


def asked() -> Job | None:
    """The pair this student asked for (asked again if the board forgot it: same seed, same runs)."""
    key = st.session_state.get(JOB_KEY)
    if key is None:
        return None
    return jobs.JOBS.get(key) or _submit(key[-1])


def forget(_job: Job | None = None) -> None:
    """This student no longer looks at a pair (it stopped watching)."""
    st.session_state.pop(JOB_KEY, None)


def progress(snapshot) -> Progress:
    """The progress bar of a training pair: the free run is the first half, the clipped run the second."""
    index, step = snapshot or (0, 0)
    label = t("gradients.train_progress_clipped" if index else "gradients.train_progress_free")
    return Progress((index + step / RECIPE.steps) / 2, label)


def remember(evidence: Station3) -> None:
    """Record this student's evidence: the row's, with the cliff's jump and the pair's outcome."""
    job = jobs.JOBS.get(st.session_state[JOB_KEY]) if JOB_KEY in st.session_state else None
    record(with_results(evidence, cliff_jump=st.session_state.get(CLIFF_JUMP),
                        pair=job.result if job is not None and job.status == "done" else None))


def remember_jump(jump: float) -> None:
    """The cliff reran on its own (a fragment): update the evidence the last full run recorded."""
    st.session_state[CLIFF_JUMP] = jump
    evidence = recorded(Station3)
    if evidence is not None:
        record(with_results(evidence, cliff_jump=jump))
