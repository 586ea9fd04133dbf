"""Station 5: the lab race — a tanh RNN, an LSTM and a GRU trained side by side, live.

Read the controls → on **Start**, run ``rnn_core.race`` through ``ui.race_runner`` (progress
bar, live chart, Stop button; every step lands in ``st.session_state``) → show the stored race
with the builders of ``ui.charts.lab``: loss curves with the memoryless baseline, accuracy for
the classification tasks, the results table, CSV and JSON downloads.

How Stop works: the Stop button exists only while a race runs. Clicking it makes Streamlit
rerun the script; the running script is interrupted at its next ``st.*`` call (the progress
update in the race callback, every few steps). The race record is already in the session
with every step trained so far, so the new run shows it as "stopped at step N".
"""

from __future__ import annotations

import dataclasses
import json
import math

import streamlit as st

from rnn_core.race import RACE_TASKS
from ui import race_runner as runner
from ui import state
from ui.charts import lab as charts
from ui.classroom_ui import send_race
from ui.evidence import record as record_evidence
from ui.i18n import current_language, t
from ui.layout import explain, header, presenting
from ui.theme import style_figure
from ui.widgets import PLOTLY_CONFIG, chart

RECORD = "_s5_race"  # the race record (see ui.race_runner), kept across pages
PENDING = "_s5_pending"  # set by the Start button's callback: this run trains
DEFAULTS = runner.RACE_DEFAULTS
TASKS = tuple(RACE_TASKS)
LENGTH_MIN, LENGTH_MAX, LENGTH_STEP = 5, 100, 5
STEPS_MIN, STEPS_MAX, STEPS_STEP = 50, 2000, 50
PROGRESS_EVERY = 5  # steps between progress updates (where a Stop click lands)
CHART_EVERY = 25  # steps between live chart redraws


def _with_default(options: tuple, default) -> tuple:
    """The options, plus rnn_core's default if it is not one of them (so the default is always valid)."""
    return options if default in options else tuple(sorted((*options, default)))


HIDDEN_SIZES = _with_default((8, 16, 32, 64, 128), DEFAULTS["hidden"])
LEARNING_RATES = _with_default((0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1), DEFAULTS["lr"])
NO_CLIP = math.inf
CLIPS = _with_default((0.1, 0.5, 1.0, 2.0, 5.0, NO_CLIP), NO_CLIP if DEFAULTS["clip"] is None else DEFAULTS["clip"])


def _start() -> None:
    st.session_state[PENDING] = True


def _labels() -> dict[str, str]:
    return {cell: t(f"s5.model_{cell}") for cell in runner.CELLS}


def _option(value: float) -> str:
    """Option labels are the same in both languages (Streamlit writes them into the URL)."""
    return "∞" if math.isinf(value) else f"{value:g}"


def _finite(value):
    """JSON has no NaN or ∞: write them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _loss_texts(task: str, length: int) -> dict[str, str]:
    ce = RACE_TASKS[task].loss == "ce"
    return {
        "title": t("s5.loss_title", task=t(f"s5.taskname_{task}"), length=length),
        "x_title": t("s5.x_title"),
        "y_title": t("s5.y_ce" if ce else "s5.y_mse"),
        "baseline_name": t("s5.baseline_ce" if ce else "s5.baseline_adding"),
        "threshold_name": t("s5.threshold_mse", threshold=charts.setting(RACE_TASKS[task].threshold, current_language())),
        "solved": t("s5.solved", model="{model}", step="{step}"),
        "exploded": t("s5.exploded_marker", model="{model}", step="{step}"),
        "hover": t("s5.hover_loss", model="{model}", step="{step}", loss="{loss}"),
    }


def _loss_figure(rec: dict, *, raw: bool, solved: dict | None = None):
    """The loss chart; a stopped race is drawn up to where it stopped (the live one to the end)."""
    s = rec["settings"]
    shown_steps = max(rec["step"], 10) if rec["status"] == "stopped" else s["steps"]
    spec = RACE_TASKS[s["task"]]
    ce = spec.loss == "ce"
    return charts.loss_figure(
        rec["curves"], labels=_labels(), texts=_loss_texts(s["task"], s["length"]), baseline=rec["baseline"],
        baseline_label=t("s5.baseline_label_ce" if ce else "s5.baseline_label_adding"), total_steps=shown_steps,
        lang=current_language(), threshold=None if spec.metric == "accuracy" else spec.threshold,
        solved=solved, exploded=rec["exploded_at"], raw=raw)


def _progress_text(rec: dict) -> str:
    lang, labels = current_language(), _labels()
    losses = " · ".join(f"{labels[c]} {charts.num(float(charts.smooth(rec['curves'][c]['loss'][-20:])[-1]), lang)}"
                        for c in runner.CELLS if rec["curves"][c]["loss"])
    return t("s5.progress", step=rec["step"], steps=rec["settings"]["steps"], losses=losses)


def _expectation(task: str, length: int) -> None:
    st.markdown(f"**{t('s5.expect_heading')}**")
    st.markdown(t(f"s5.expect_{task}", far=max(1, length - 1)))
    explain(f"s5.why_{task}")


# --------------------------------------------------------------------------- page

header("s5")
lang = current_language()
running = bool(st.session_state.pop(PENDING, False))
explain("s5.intro", batch=DEFAULTS["batch"])

with st.container(border=True):
    st.markdown(f"**{t('s5.controls_heading')}**")
    c1, c2 = st.columns([3, 2])
    with c1:
        task = state.radio("s5.task_label", "task", TASKS, DEFAULTS["task"], captions=[t(f"s5.task_{k}") for k in TASKS],
                           help=t("s5.task_help"), disabled=running)
    with c2:
        length = state.slider("s5.length_label", "length", LENGTH_MIN, LENGTH_MAX, DEFAULTS["length"], LENGTH_STEP,
                              help=t("s5.length_help"), disabled=running)
        steps = state.slider("s5.steps_label", "steps", STEPS_MIN, STEPS_MAX, DEFAULTS["steps"], STEPS_STEP,
                             help=t("s5.steps_help"), disabled=running)
    c3, c4, c5, c6 = st.columns(4)
    with c3:
        hidden = state.select("s5.hidden_label", "hidden", HIDDEN_SIZES, DEFAULTS["hidden"], help=t("s5.hidden_help"),
                              disabled=running)
    with c4:
        lr = state.select("s5.lr_label", "lr", LEARNING_RATES, DEFAULTS["lr"], format_func=_option,
                          help=t("s5.lr_help"), disabled=running)
    with c5:
        clip = state.select("s5.clip_label", "clip", CLIPS, NO_CLIP if DEFAULTS["clip"] is None else DEFAULTS["clip"],
                            format_func=_option, help=t("s5.clip_help"), disabled=running)
    with c6:
        seed = state.number("s5.seed_label", "seed", 0, 999, DEFAULTS["seed"], help=t("s5.seed_help"), disabled=running)
    st.caption(t("s5.fixed_note", batch=DEFAULTS["batch"]) + " " + t("common.share_hint"))

settings = {"task": task, "length": int(length), "steps": int(steps), "seed": int(seed), "hidden": int(hidden),
            "lr": float(lr), "clip": None if math.isinf(clip) else float(clip), "batch": int(DEFAULTS["batch"])}

with st.container(horizontal=True):
    st.button(t("s5.start"), key="_s5_start", on_click=_start, type="primary", icon=":material/play_arrow:",
              help=t("s5.start_help"), disabled=running)
    if running:
        st.button(t("s5.stop"), key="_s5_stop", icon=":material/stop_circle:", help=t("s5.stop_help"))

# --------------------------------------------------------------------------- the live race

if running:
    rec = runner.new_record(settings)
    st.session_state[RECORD] = rec  # mutated in place by the callback: a Stop keeps every step so far
    st.caption(t("s5.running_caption"))
    bar = st.progress(0.0, text=t("s5.progress_start"))
    slot = st.empty()

    def on_progress(step: int) -> None:
        bar.progress(min(1.0, step / settings["steps"]), text=_progress_text(rec))

    def on_chart(step: int) -> None:
        fig = style_figure(_loss_figure(rec, raw=False), present=presenting())
        slot.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=f"s5-live-{step}")

    on_chart(0)
    _expectation(task, length)  # drawn now, so that it is not a faded leftover while the race runs
    runner.run(rec, on_progress=on_progress, on_chart=on_chart, progress_every=PROGRESS_EVERY,
               chart_every=CHART_EVERY)
    st.rerun()  # redraw the page with the finished race and the controls unlocked

# --------------------------------------------------------------------------- results

rec = runner.settle(st.session_state.get(RECORD))
if rec is None:
    st.info(t("s5.hint"), icon=":material/sports_score:")
    _expectation(task, length)
else:
    s = rec["settings"]
    classification = rec["classification"]
    rows = runner.results(rec)
    solved = {r["cell"]: r["solved_at_step"] for r in rows}
    st.subheader(t("s5.results_heading"))
    st.caption(t("s5.results_for", task=t(f"s5.taskname_{s['task']}"), length=s["length"], steps=s["steps"],
                 hidden=s["hidden"], lr=charts.setting(s["lr"], lang),
                 clip=charts.setting(math.inf if s["clip"] is None else s["clip"], lang), seed=s["seed"]))
    if s != settings:
        st.warning(t("s5.results_stale"), icon=":material/history:")
    wall = charts.seconds(rec["wall_seconds"], lang)
    if rec["status"] == "stopped":
        st.warning(t("s5.status_stopped", step=rec["step"], steps=s["steps"], seconds=wall), icon=":material/stop_circle:")
    else:
        st.success(t("s5.status_done", steps=rec["step"], seconds=wall), icon=":material/sports_score:")
    frame = charts.curves_frame(rec["curves"], _labels())
    chart(_loss_figure(rec, raw=True, solved=solved), "s5.loss_caption", data=frame, name="s5-race-curves")
    if classification:
        acc_texts = {"title": t("s5.acc_title", task=t(f"s5.taskname_{s['task']}"), length=s["length"]),
                     "x_title": t("s5.x_title"), "y_title": t("s5.acc_y"), "chance_name": t("s5.chance"),
                     "threshold_name": t("s5.threshold_acc"), "solved": t("s5.solved", model="{model}", step="{step}"),
                     "hover": t("s5.hover_acc", model="{model}", step="{step}", acc="{acc}")}
        shown_steps = max(rec["step"], 10) if rec["status"] == "stopped" else s["steps"]
        chart(charts.accuracy_figure(rec["curves"], labels=_labels(), texts=acc_texts, total_steps=shown_steps,
                                     solved=solved), "s5.acc_caption", name="s5-race-accuracy", height=340)
    _expectation(s["task"], s["length"])

    table_texts = {key: t(f"s5.{key}") for key in (
        "col_model", "col_final_loss", "col_vs_baseline", "col_accuracy", "col_solved", "col_steps", "col_seconds",
        "col_params", "never", "not_yet", "stopped", "finished", "exploded")}
    table = charts.results_table(rows, labels=_labels(), texts=table_texts, lang=lang, total_steps=s["steps"],
                                 stopped=rec["status"] == "stopped", classification=classification,
                                 baseline=rec["baseline"])
    st.table(table.set_index(table_texts["col_model"]))
    st.caption(t("s5.table_caption"))
    explain("s5.cost_note")
    st.download_button(t("s5.download_json"), json.dumps(_finite(runner.export(rec)), indent=2, ensure_ascii=False),
                       file_name="s5-race.json", mime="application/json", key="s5-json", icon=":material/download:")
    found = runner.evidence(rec)
    record_evidence(found)
    send_race(_finite(dataclasses.asdict(found)))  # class mode (ui.classroom_ui): no-op outside a class

st.caption(t("s5.references"))
