"""Station 5: the lab race — a tanh RNN, an LSTM and a GRU trained side by side, live.

Read the controls → on **Start**, hand the race to the server's shared trainings
(``services.race_runner.submit``: one job per distinct settings, ``services.jobs``) → while it trains, a
fragment polls the job every second and draws its latest snapshot; when it is done (or
the student stops watching) → one cached view of the race (figures styled for the language and
presenter mode, results table, JSON) → show.

Sharing: a second student who starts the same race joins it and sees the same live curves; a
later one gets the finished race replayed at once; distinct races beyond the training slots
wait in a queue ("waiting: N races ahead"). **Stop** means "I stop watching": this student's
page freezes the race at the step it showed ("stopped at step N"); the training itself stops
only when nobody is watching any more.

The session keeps only ``{"key", "settings", "stopped_at", "how"}`` for its race; the curves
live in the job, shared and never changed.
"""

from __future__ import annotations

import dataclasses
import math

import streamlit as st

from pages.lab import view as lab_view
from rnn_core.race import RACE_TASKS
from services import race_runner as runner
from services.jobs import JOBS, QUEUED, RUNNING
from services.race_runner import RaceState, Settings
from ui.shell import state
from ui.shell.evidence import record as record_evidence
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.widgets.chart import figure
from ui.widgets.classroom import send_race

RECORD = "_s5_race"  # {"key": job key, "settings": dict, "stopped_at": step | None, "how": str}
PENDING = "_s5_pending"  # set by the Start button's callback: this run submits the race
DEFAULTS = runner.RACE_DEFAULTS
TASKS = tuple(RACE_TASKS)
LENGTH_MIN, LENGTH_MAX, LENGTH_STEP = 5, 100, 5
STEPS_MIN, STEPS_MAX, STEPS_STEP = 50, 2000, 50
POLL_SECONDS = 1.0  # how often a watching page looks at the shared race (each look costs the
# server ~15 ms of CPU, measured with bench.class_load: a class of 30 watching polls 30 times a second)


def _with_default(options: tuple, default) -> tuple:
    """The options, plus rnn_core's default if it is not one of them (so the default is always valid)."""
    return options if default in options else tuple(sorted((*options, default)))


HIDDEN_SIZES = _with_default((8, 16, 32, 64, 128), DEFAULTS["hidden"])
LEARNING_RATES = _with_default((0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1), DEFAULTS["lr"])
NO_CLIP = math.inf
CLIPS = _with_default((0.1, 0.5, 1.0, 2.0, 5.0, NO_CLIP), NO_CLIP if DEFAULTS["clip"] is None else DEFAULTS["clip"])


def _option(value: float) -> str:
    """Option labels are the same in both languages (Streamlit writes them into the URL)."""
    return "∞" if math.isinf(value) else f"{value:g}"


# --------------------------------------------------------------------------- watching a shared race


def _start() -> None:
    st.session_state[PENDING] = True


def _stop() -> None:
    """This student stops watching: freeze the race at the step shown (the job stops only when
    nobody watches any more)."""
    rec = st.session_state.get(RECORD)
    job = JOBS.get(tuple(rec["key"])) if rec else None
    if job is None:
        return
    JOBS.stop(job)
    if job.snapshot is None or job.snapshot.step == 0:
        st.session_state.pop(RECORD, None)  # stopped before the first step: nothing to show
    else:
        st.session_state[RECORD] = {**rec, "stopped_at": int(job.snapshot.step)}


def _watch(settings: Settings) -> None:
    """Start, join or replay the race of ``settings`` for this session (and stop watching the
    previous one if it was another)."""
    key = settings.key()
    old = st.session_state.get(RECORD)
    if old and old["stopped_at"] is None:
        old_job = JOBS.get(tuple(old["key"]))
        if tuple(old["key"]) == key and old_job is not None and old_job.status in (QUEUED, RUNNING):
            return  # already watching this very race
        if old_job is not None:
            JOBS.stop(old_job)
    known = runner.find(settings)
    how = ("replayed" if known is not None and known.status == "done" else
           "joined" if known is not None and known.status in (QUEUED, RUNNING) else "started")
    runner.submit(settings)
    st.session_state[RECORD] = {"key": key, "settings": settings.as_dict(), "stopped_at": None, "how": how}


@st.fragment(run_every=POLL_SECONDS)
def live_race(key: tuple) -> None:
    """The running race, redrawn from the shared job every second; a full rerun (which stops
    the polling) once it is done or this student stopped watching."""
    rec = st.session_state.get(RECORD)
    job = JOBS.get(key)
    if not rec or tuple(rec["key"]) != key or rec["stopped_at"] is not None or job is None \
            or job.status not in (QUEUED, RUNNING):
        st.rerun()
    runner.seen(key)
    lang = current_language()
    st.button(t("lab.stop"), key="_s5_stop", on_click=_stop, icon=":material/stop_circle:", help=t("lab.stop_help"))
    if job.status == QUEUED:
        st.info(t("lab.waiting", ahead=job.ahead), icon=":material/hourglass_top:")
        return
    race = job.snapshot or runner.empty_state(Settings.of(rec["settings"]))
    view = lab_view.live_view(key, race.step, lang, presenting(), race)
    st.progress(view.fraction, text=view.text)
    figure(view.figure, key="s5-live")
    if job.watchers > 1:
        st.caption(t("lab.watchers", n=job.watchers))


def _expectation(task: str, length: int) -> None:
    st.markdown(f"**{t('lab.expect_heading')}**")
    st.markdown(t(f"lab.expect_{task}", far=max(1, length - 1)))
    if task == "series":
        d1 = lab_view.series_d1(current_language())
        if d1 is None:  # no pretrained numbers to quote: say only what holds without them
            explain("lab.why_baseline_ce")
        else:
            explain("lab.why_series" if d1.pop("near_chance") else "lab.why_series_trained", **d1)
        return
    explain(f"lab.why_{task}", near=length - length // 2, far=max(1, length - 1))


def _finished(rec: dict) -> RaceState | None:
    """The race this session looks at, finished or frozen where it stopped watching (None if the
    server no longer has it)."""
    job = JOBS.get(tuple(rec["key"]))
    if job is None:
        return None
    race = job.result if job.result is not None else job.snapshot
    if race is None:
        return None
    if rec["stopped_at"] is not None:
        return race.upto(rec["stopped_at"])
    return race if race.status != "running" else race.upto(race.step)


# --------------------------------------------------------------------------- page

header("lab")
lang, present = current_language(), presenting()
explain("lab.intro", batch=DEFAULTS["batch"])

with st.container(border=True):
    st.markdown(f"**{t('lab.controls_heading')}**")
    c1, c2 = st.columns([3, 2])
    with c1:
        task = state.radio("lab.task_label", "task", TASKS, DEFAULTS["task"], captions=[t(f"lab.task_{k}") for k in TASKS],
                           help=t("lab.task_help"))
    with c2:
        length = state.slider("lab.length_label", "length", LENGTH_MIN, LENGTH_MAX, DEFAULTS["length"], LENGTH_STEP,
                              help=t("lab.length_help"))
        steps = state.slider("lab.steps_label", "steps", STEPS_MIN, STEPS_MAX, DEFAULTS["steps"], STEPS_STEP,
                             help=t("lab.steps_help"))
    c3, c4, c5, c6 = st.columns(4)
    with c3:
        hidden = state.select("lab.hidden_label", "hidden", HIDDEN_SIZES, DEFAULTS["hidden"], help=t("lab.hidden_help"))
    with c4:
        lr = state.select("lab.lr_label", "lr", LEARNING_RATES, DEFAULTS["lr"], format_func=_option,
                          help=t("lab.lr_help"))
    with c5:
        clip = state.select("lab.clip_label", "clip", CLIPS, NO_CLIP if DEFAULTS["clip"] is None else DEFAULTS["clip"],
                            format_func=_option, help=t("lab.clip_help"))
    with c6:
        seed = state.number("lab.seed_label", "seed", 0, 999, DEFAULTS["seed"], help=t("lab.seed_help"))
    st.caption(t("lab.fixed_note", batch=DEFAULTS["batch"]) + " " + t("common.share_hint"))

settings = Settings.of({"task": task, "length": length, "steps": steps, "seed": seed, "hidden": hidden, "lr": lr,
                        "clip": clip, "batch": DEFAULTS["batch"]})
st.button(t("lab.start"), key="_s5_start", on_click=_start, type="primary", icon=":material/play_arrow:",
          help=t("lab.start_help"))
if st.session_state.pop(PENDING, False):
    _watch(settings)

rec = st.session_state.get(RECORD)
job = JOBS.get(tuple(rec["key"])) if rec else None
if rec and job is None and rec["stopped_at"] is None:
    runner.submit(Settings.of(rec["settings"]))  # the server forgot it: the same seed replays it exactly
    job = JOBS.get(tuple(rec["key"]))

if rec and job is not None and rec["stopped_at"] is None and job.status in (QUEUED, RUNNING):
    st.caption(t("lab.running_caption"))
    if rec.get("how") == "joined":
        st.caption(t("lab.joined"))
    live_race(tuple(rec["key"]))
    _expectation(settings.task, settings.length)
elif rec and job is not None and job.status == "failed":
    st.error(t("lab.failed", error=job.error), icon=":material/error:")
    _expectation(settings.task, settings.length)
else:
    race = _finished(rec) if rec else None
    if race is None:
        st.session_state.pop(RECORD, None)
        st.info(t("lab.hint"), icon=":material/sports_score:")
        _expectation(task, length)
    else:
        view = lab_view.results_view(tuple(rec["key"]), race.step, race.status, lang, present, race)
        st.subheader(t("lab.results_heading"))
        st.caption(view.heading_caption)
        if race.settings != settings:
            st.warning(t("lab.results_stale"), icon=":material/history:")
        if rec.get("how") == "replayed":
            st.caption(t("lab.replayed"))
        (st.warning if view.stopped else st.success)(
            view.status_text, icon=":material/stop_circle:" if view.stopped else ":material/sports_score:")
        figure(view.loss_figure, key="chart-s5-race-curves")
        st.caption(t("lab.loss_caption"))
        curves = view.curves
        st.download_button(t("common.download_csv"), lambda: curves.to_csv(index=False).encode("utf-8"),
                           file_name="s5-race-curves.csv", mime="text/csv", key="csv-s5-race-curves",
                           icon=":material/download:")
        if view.accuracy_figure is not None:
            figure(view.accuracy_figure, key="chart-s5-race-accuracy")
            st.caption(t("lab.acc_caption"))
        _expectation(race.settings.task, race.settings.length)
        st.table(view.table)
        st.caption(t("lab.table_caption"))
        explain("lab.cost_note")
        st.download_button(t("lab.download_json"), view.json_text, file_name="s5-race.json", mime="application/json",
                           key="s5-json", icon=":material/download:")
        record_evidence(view.evidence)
        send_race(lab_view.finite(dataclasses.asdict(view.evidence)))  # class mode (ui.widgets.classroom): no-op outside a class

st.caption(t("lab.references"))
