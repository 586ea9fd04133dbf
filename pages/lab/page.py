"""Station 5: the lab race — a tanh RNN, an LSTM and a GRU trained side by side, live.

Read the controls (``pages.lab.controls``) → on **Start**, hand the race to the server's shared
trainings (``services.race_runner.submit``: one job per distinct settings, ``services.jobs``) → while
it trains, the job watcher (``ui.widgets.job_watcher``) polls it and draws its latest snapshot (the
live view ``pages.lab.view.live_view``, one per snapshot and language, shared by every student
watching); when it is done (or the student stops watching) → one cached view of the race (figures
styled for the language and presenter mode, results table, JSON) → show.

Sharing: a second student who starts the same race joins it and sees the same live curves; a
later one gets the finished race replayed at once; distinct races beyond the training slots
wait in a queue ("waiting: N races ahead"). **Stop** means "I stop watching": this student's
page freezes the race at the step it showed ("stopped at step N"); the training itself stops
only when nobody is watching any more. The race this student watches is ``pages.lab.session``.
"""

from __future__ import annotations

import dataclasses
from functools import partial

import streamlit as st

from pages.lab import predictions as lab_predictions
from pages.lab import session
from pages.lab import view as lab_view
from pages.lab.charts import LiveView
from pages.lab.controls import (
    CLIPS,
    DEFAULT_CLIP,
    DEFAULTS,
    HIDDEN_SIZES,
    LEARNING_RATES,
    LENGTH_MAX,
    LENGTH_MIN,
    LENGTH_STEP,
    STEPS_MAX,
    STEPS_MIN,
    STEPS_STEP,
    TASKS,
    option,
)
from services import race_runner as runner
from services.jobs import QUEUED, RUNNING, Job
from services.race_runner import RaceState, Settings
from ui.shell import state
from ui.shell.evidence import record as record_evidence
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, explain_text, header, presenting
from ui.widgets.chart import chart, figure
from ui.widgets.classroom import send_race
from ui.widgets.job_watcher import Stop, watch
from ui.widgets.prediction import ask


def expectation(task: str, length: int, lang: str) -> None:
    """What to expect from the race (the numbers of the series task from the weights manifest)."""
    heading, sentence, why = lab_view.expectation(task, length, lang)
    explain_text(why, lead=f"{heading}\n\n{sentence}")


def watch_race(rec: dict, job: Job, lang: str, present: bool) -> Job | None:
    """The race while it waits or trains: the progress bar and the live curves of its latest snapshot
    (one cached live view per snapshot and language, shared by everyone watching); the job once it ended."""

    def curves(job: Job, live: LiveView | None) -> None:
        runner.seen(job.key)  # a page shows this race: it keeps training (services.race_runner.IDLE_SECONDS)
        if live is None:
            return  # still waiting in the queue
        figure(live.figure, key="s5-live")
        if job.watchers > 1:
            st.caption(t("lab.watchers", n=job.watchers))

    return watch(job, waiting=lambda ahead: t("lab.waiting", ahead=ahead),
                 progress=partial(lab_view.live, job.key, rec["settings"], lang, present),
                 stop=Stop(t("lab.stop"), "_s5_stop", session.freeze, t("lab.stop_help")), more=curves)


def show_results(rec: dict, race: RaceState, settings: Settings, lang: str, present: bool) -> None:
    """A finished or stopped race: its cached view, shown as it is; records the evidence."""
    results = lab_view.results_view(tuple(rec["key"]), race.step, race.status, lang, present, race)
    st.subheader(t("lab.results_heading"))
    st.caption(results.heading_caption)
    if race.settings != settings:
        st.warning(t("lab.results_stale"), icon=":material/history:")
    if rec.get("how") == "replayed":
        st.caption(t("lab.replayed"))
    (st.warning if results.stopped else st.success)(
        results.status_text, icon=":material/stop_circle:" if results.stopped else ":material/sports_score:")
    st.markdown(f"**{results.verdict}**")
    st.caption(results.verdict_rule)
    chart(results.loss_figure, "lab.loss_caption", data=results.curves, name="s5-race-curves", styled=True)
    if results.accuracy_figure is not None:
        chart(results.accuracy_figure, "lab.acc_caption", name="s5-race-accuracy", styled=True)
    expectation(race.settings.task, race.settings.length, lang)
    st.table(results.table)
    st.caption(t("lab.table_caption"))
    explain("lab.cost_note")
    st.download_button(t("lab.download_json"), results.json_text, file_name="s5-race.json", mime="application/json",
                       key="s5-json", icon=":material/download:")
    record_evidence(results.evidence)
    send_race(lab_view.finite(dataclasses.asdict(results.evidence)))  # class mode (ui.widgets.classroom): no-op outside a class


# --------------------------------------------------------------------------- page

header("lab")
runner.prepare()  # once per server: the process races are forked from, ready before the first Start
lang, present = current_language(), presenting()
explain("lab.intro", batch=DEFAULTS["batch"])

with st.container(border=True):
    # the Start button sits in the heading row (filled below, once the settings are read): above the fold
    h1, h2 = st.columns([3, 2], vertical_alignment="center")
    h1.markdown(f"**{t('lab.controls_heading')}**")
    start_slot = h2.container()
    c1, c2 = st.columns([3, 2])
    with c1:
        task = state.radio("lab.task_label", "task", TASKS, DEFAULTS["task"], captions=[t(f"lab.task_{k}") for k in TASKS],
                           format_func=lambda k: t(f"lab.taskname_{k}", lang), help=t("lab.task_help"))
    with c2:
        length = state.slider("lab.length_label", "length", LENGTH_MIN, LENGTH_MAX, DEFAULTS["length"], LENGTH_STEP,
                              help=t("lab.length_help"))
        steps = state.slider("lab.steps_label", "steps", STEPS_MIN, STEPS_MAX, DEFAULTS["steps"], STEPS_STEP,
                             help=t("lab.steps_help"))
    c3, c4, c5, c6 = st.columns(4)
    with c3:
        hidden = state.select("lab.hidden_label", "hidden", HIDDEN_SIZES, DEFAULTS["hidden"], help=t("lab.hidden_help"))
    with c4:
        lr = state.select("lab.lr_label", "lr", LEARNING_RATES, DEFAULTS["lr"], format_func=option,
                          help=t("lab.lr_help"))
    with c5:
        clip = state.select("lab.clip_label", "clip", CLIPS, DEFAULT_CLIP, format_func=option, help=t("lab.clip_help"))
    with c6:
        seed = state.number("lab.seed_label", "seed", 0, 999, DEFAULTS["seed"], help=t("lab.seed_help"))
    st.caption(t("lab.fixed_note", batch=DEFAULTS["batch"]) + " " + t("common.share_hint"))

settings = Settings.of({"task": task, "length": length, "steps": steps, "seed": seed, "hidden": hidden, "lr": lr,
                        "clip": clip, "batch": DEFAULTS["batch"]})
blocked = lab_predictions.asks(settings) and not ask(lab_predictions.ID, folded_key="lab.pred_folded")  # predict, then race (ui.widgets.prediction)
if start_slot.button(t("lab.start"), key="_s5_start", type="primary", icon=":material/play_arrow:",
                     help=t("lab.start_help"), width="stretch", disabled=blocked):
    session.start(settings)
if blocked:  # say why the button at the top is grey: the prediction sits below the settings
    start_slot.caption(t("lab.start_blocked"))

rec, job = session.watched()
live = rec is not None and job is not None and rec["stopped_at"] is None and job.status in (QUEUED, RUNNING)
if live:
    st.caption(t("lab.running_caption"))
    if rec.get("how") == "joined":
        st.caption(t("lab.joined"))
if live and watch_race(rec, job, lang, present) is None:
    expectation(settings.task, settings.length, lang)
elif job is not None and job.status == "failed":
    st.error(t("lab.failed", error=job.error), icon=":material/error:")
    expectation(settings.task, settings.length, lang)
elif (race := session.finished(rec) if rec else None) is not None:
    show_results(rec, race, settings, lang, present)
else:
    session.forget()
    st.info(t("lab.hint"), icon=":material/sports_score:")
    expectation(task, length, lang)

st.caption(t("lab.references"))
