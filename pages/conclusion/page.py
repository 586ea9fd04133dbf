"""Station 6 — Conclusion (seed §5): the three lessons next to their evidence, a quiz, references.

Page shape: read the session's evidence (``ui.shell.evidence``, one typed value per station) → turn it
into plain tuples (``pages.conclusion.view``) → one cached view per lesson (``pages.conclusion.view``:
language and presenter mode are parameters, the figures come back styled, shared by the whole
server) → show them as they are. The latch measurement is the shared Lab race
(``services.race_runner``), watched with ``ui.widgets.job_watcher``; the quiz is
``pages.conclusion.quiz_form``.
"""

from __future__ import annotations

import streamlit as st

from pages.conclusion import view as conclusion_view
from pages.conclusion.charts import Panel
from pages.conclusion.quiz_form import predictions_summary, quiz_section
from pages.conclusion.view import LATCH
from pages.gradients.evidence import Station3
from pages.lab.evidence import Station5
from pages.sequential.evidence import Station1
from pages.series.evidence import Station2
from services import race_runner as runner
from ui.shell.evidence import recorded
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, explain_text, header, presenting
from ui.shell.stations import station
from ui.widgets.chart import csv_download, figure
from ui.widgets.job_watcher import Progress, watch

VIDEO_URL = "https://github.com/user-attachments/assets/80d1150b-3fa6-48a9-84fa-7017cc38e0cb"
REFERENCES = ("bengio1994", "hochreiter1997", "gers2000", "pascanu2013", "cho2014", "chung2014",
              "jozefowicz2015", "le2015", "arjovsky2016")


# --------------------------------------------------------------------------- show


def _measure_latch() -> None:
    runner.submit(LATCH)


def _latch_progress(snapshot) -> Progress:
    step = snapshot.step if snapshot is not None else 0
    return Progress(step / LATCH.steps, t("conclusion.l3_latch_running", length=LATCH.length, step=step,
                                          steps=LATCH.steps))


def latch_note(lang: str) -> None:
    """Gates are no cure: the default LSTM and GRU on the latch at T = 50, measured by the shared Lab
    race when someone asked for it (here or in the Lab), watched while it trains, else a button
    that asks for it."""
    found = runner.find(LATCH)
    job = watch(found, waiting=lambda ahead: t("conclusion.l3_latch_queued", length=LATCH.length, ahead=ahead),
                progress=_latch_progress,
                more=lambda job, _shown: runner.seen(job.key))  # shown on a page: it keeps training
    if found is not None and job is None:
        return  # the watcher shows it while it waits or trains
    if job is not None and job.status == "done" and job.result is not None:
        st.markdown(conclusion_view.latch_done(lang, LATCH.key(), job.result))
        return
    if job is not None and job.status == "failed":
        st.caption(t("conclusion.l3_latch_failed", length=LATCH.length, error=job.error))
    st.markdown(t("conclusion.l3_latch_ask", length=LATCH.length))
    with st.container(horizontal=True):
        st.button(t("conclusion.l3_latch_run"), on_click=_measure_latch, key="_s6_latch", icon=":material/play_arrow:")
        st.page_link(station("lab").path, label=t("conclusion.l3_latch_link"), icon=":material/science:",
                     query_params={"task": LATCH.task, "length": str(LATCH.length)})


def badge(kind: str, station: int | None = None) -> None:
    """Where the evidence below comes from: the student's own run, a live measurement, or the
    pretrained models."""
    if kind == "own":
        st.badge(t("conclusion.source_own", station=station), icon=":material/person:", color="green")
    elif kind == "live":
        st.badge(t("conclusion.source_live"), icon=":material/bolt:", color="blue")
    else:
        st.badge(t("conclusion.source_pretrained"), icon=":material/inventory_2:", color="violet")


def show(panel: Panel) -> None:
    """A cached panel as it is (already styled): badges, chart, caption, notes, CSV download."""
    for kind, number in panel.badges:
        badge(kind, number)
    figure(panel.figure, key=f"chart-{panel.name}")
    st.caption(panel.caption)
    for note in panel.notes:
        st.markdown(note)
    if panel.data is not None:
        csv_download(panel.data, panel.name)


def lesson(n: int, links: tuple[tuple[str, str], ...], more: str | None = None) -> None:
    """One lesson: the claim, its explanation, links to its stations (the evidence follows)."""
    st.divider()
    st.subheader(t(f"conclusion.lesson{n}_title"))
    claim = t(f"conclusion.lesson{n}_claim")
    if more is None:
        explain(f"conclusion.lesson{n}_more", lead=claim)
    else:
        explain_text(more, lead=claim)
    with st.container(horizontal=True, gap="medium"):
        for path, key in links:
            st.page_link(path, label=t(key), icon=":material/arrow_back:")


# --------------------------------------------------------------------------- the page

header("conclusion")
st.markdown(t("conclusion.intro"))
predictions_summary()  # the student's predictions (stations 1–5) and the link down to the quiz
lang, present = current_language(), presenting()
s1, s2, s3, s5 = recorded(Station1), recorded(Station2), recorded(Station3), recorded(Station5)

lesson(1, ((station("sequential").path, "conclusion.lesson1_link"), (station("series").path, "conclusion.lesson1_link2")))
panels = conclusion_view.lesson1_view(lang, present, conclusion_view.order(s1), conclusion_view.bins(s2, "simple"))
for panel in panels:
    show(panel)
if not panels:
    st.info(t("conclusion.l1_missing"), icon=":material/format_list_numbered:")

lesson(2, ((station("gradients").path, "conclusion.lesson2_link"),))
telephone = conclusion_view.lesson2_view(lang, present, *conclusion_view.telephone(s3))
if telephone is None:
    st.info(t("conclusion.l2_unavailable"), icon=":material/campaign:")
else:
    show(telephone)

lesson(3, ((station("gates").path, "conclusion.lesson3_link"), (station("lab").path, "conclusion.lesson3_link2")),
       conclusion_view.lesson3_more(lang))
latch_note(lang)
for panel in conclusion_view.lesson3_view(lang, present, conclusion_view.race_tuple(s5), conclusion_view.bins(s2, "realistic")):
    show(panel)

quiz_section()
st.divider()
st.header(t("conclusion.legacy_title"))
st.markdown(t("conclusion.legacy"))
st.link_button(t("conclusion.video"), VIDEO_URL, help=t("conclusion.video_help"), icon=":material/play_circle:", type="primary")
if not present:
    st.subheader(t("conclusion.refs_title"))
# On a projector the reference list is folded: it is for reading later, not for the class.
references = t("conclusion.refs_intro") + "\n\n" + "\n".join(f"- {t(f'conclusion.ref_{ref}')}" for ref in REFERENCES)
if present:
    with st.expander(t("conclusion.refs_title")):
        st.markdown(references)
else:
    st.markdown(references)
