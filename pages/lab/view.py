"""Station 5's views: a race as the page shows it, computed once per server.

``live_view`` (one per published snapshot and language: every student watching a race shares
it) and ``results_view`` (a finished or stopped race) are pure functions of their hashed
parameters — the job key, the step, the language and presenter mode — and of the race state
passed unhashed (``_race``: immutable, and fully determined by the key and step). Cached with
``st.cache_resource``: the figures come styled and must not be modified by whoever shows them.
Nothing here reads session state.
"""

from __future__ import annotations

import json
import math

import streamlit as st

from pages.lab import charts
from pages.lab import evidence as lab_evidence
from pages.lab.charts import LiveView, ResultsView
from rnn_core.jsonable import finite
from rnn_core.manifest import NEAR_CHANCE, is_realistic_series, manifest_accuracy_at
from rnn_core.race import AT_BASELINE, CellVerdict, race_verdict
from services import race_runner as runner
from services.race_runner import RaceState
from ui.figures.parts import legend_room
from ui.shell import models as models_cache
from ui.shell import numbers
from ui.shell.i18n import t
from ui.shell.theme import style_figure


def _labels(lang: str) -> dict[str, str]:
    return {cell: t(f"lab.model_{cell}", lang) for cell in runner.CELLS}


def _loss_figure(race: RaceState, lang: str, *, raw: bool, solved: dict | None = None):
    """The loss chart; a stopped race is drawn up to where it stopped (a live one to the end)."""
    s = race.settings
    ce = s.spec.loss == "ce"
    texts = {
        "title": t("lab.loss_title", lang, task=t(f"lab.taskname_{s.task}", lang), length=s.length),
        "x_title": t("lab.x_title", lang),
        "y_title": t("lab.y_ce" if ce else "lab.y_mse", lang),
        "baseline_name": t("lab.baseline_ce" if ce else "lab.baseline_adding", lang),
        "threshold_name": t("lab.threshold_mse", lang, threshold=charts.setting(s.spec.threshold, lang)),
        "solved": t("lab.solved", lang, model="{model}", step="{step}"),
        "exploded": t("lab.exploded_marker", lang, model="{model}", step="{step}"),
        "hover": t("lab.hover_loss", lang, model="{model}", step="{step}", loss="{loss}"),
    }
    curves = {c: {"loss": v.loss, "accuracy": v.accuracy} for c, v in race.curves.items()}
    shown_steps = max(race.step, 10) if race.status == "stopped" else s.steps
    return charts.loss_figure(
        curves, labels=_labels(lang), texts=texts, baseline=race.baseline,
        baseline_label=t("lab.baseline_label_ce" if ce else "lab.baseline_label_adding", lang), total_steps=shown_steps,
        lang=lang, threshold=None if s.spec.metric == "accuracy" else s.spec.threshold, solved=solved,
        exploded=dict(race.exploded_at), raw=raw)


@st.cache_resource(max_entries=64, show_spinner=False)
def live_view(key: tuple, step: int, lang: str, present: bool, _race: RaceState) -> LiveView:
    """The live chart and progress text of the race ``key`` at ``step`` (one per published snapshot
    and language: every student watching the race shares it)."""
    labels = _labels(lang)
    losses = " · ".join(f"{labels[c]} {charts.num(float(charts.smooth(_race.curves[c].loss[-20:])[-1]), lang)}"
                        for c in runner.CELLS if _race.curves[c].loss)
    text = (t("lab.progress", lang, step=step, steps=_race.settings.steps, losses=losses) if step
            else t("lab.progress_start", lang))
    fig = legend_room(style_figure(_loss_figure(_race, lang, raw=False), present=present, lang=lang), present)
    return LiveView(fig, min(1.0, step / _race.settings.steps), text)


@st.cache_resource(max_entries=64, show_spinner=False)
def results_view(key: tuple, step: int, status: str, lang: str, present: bool, _race: RaceState) -> ResultsView:
    """Everything the page shows for a finished or stopped race (figures styled, texts translated)."""
    s, labels = _race.settings, _labels(lang)
    rows = runner.results(_race)
    solved = {r["cell"]: r["solved_at_step"] for r in rows}
    stopped = _race.status == "stopped"
    caption = t("lab.results_for", lang, task=t(f"lab.taskname_{s.task}", lang), length=s.length, steps=s.steps,
                hidden=s.hidden, lr=charts.setting(s.lr, lang),
                clip=charts.setting(math.inf if s.clip is None else s.clip, lang), seed=s.seed)
    wall = charts.seconds(_race.wall_seconds, lang)
    status_text = (t("lab.status_stopped", lang, step=_race.step, steps=s.steps, seconds=wall) if stopped
                   else t("lab.status_done", lang, steps=_race.step, seconds=wall))
    loss_fig = legend_room(style_figure(_loss_figure(_race, lang, raw=True, solved=solved), present=present,
                                        lang=lang), present)
    curves = {c: {"loss": v.loss, "accuracy": v.accuracy} for c, v in _race.curves.items()}
    acc_fig = None
    if _race.classification:
        acc_texts = {"title": t("lab.acc_title", lang, task=t(f"lab.taskname_{s.task}", lang), length=s.length),
                     "x_title": t("lab.x_title", lang), "y_title": t("lab.acc_y", lang), "chance_name": t("lab.chance", lang),
                     "threshold_name": t("lab.threshold_acc", lang),
                     "solved": t("lab.solved", lang, model="{model}", step="{step}"),
                     "hover": t("lab.hover_acc", lang, model="{model}", step="{step}", acc="{acc}")}
        acc_fig = style_figure(charts.accuracy_figure(curves, labels=labels, texts=acc_texts,
                                                      total_steps=max(_race.step, 10) if stopped else s.steps,
                                                      solved=solved),
                               present=present, lang=lang, height=340)
    table_texts = {key: t(f"lab.{key}", lang) for key in (
        "col_model", "col_final_loss", "col_vs_baseline", "col_accuracy", "col_solved", "col_steps", "col_seconds",
        "col_params", "never", "not_yet", "stopped", "finished", "exploded")}
    table = charts.results_table(rows, labels=labels, texts=table_texts, lang=lang, total_steps=s.steps,
                                 stopped=stopped, classification=_race.classification, baseline=_race.baseline)
    verdicts = race_verdict([(r["cell"], r["solved_at_step"], r["final_loss"]) for r in rows], _race.baseline)
    return ResultsView(caption, status_text, stopped, loss_fig, charts.curves_frame(curves, labels), acc_fig,
                       table.set_index(table_texts["col_model"]),
                       json.dumps(finite(runner.export(_race)), indent=2, ensure_ascii=False), lab_evidence.from_race(_race),
                       verdict_sentence(verdicts, lang, stopped_at=_race.step if stopped else None),
                       verdict_rule(s.spec.metric, s.spec.threshold, _race.baseline, s.task, lang))


def _names(cells: list[str], lang: str) -> str:
    """``A``, ``A and B``, ``A, B and C`` in ``lang``."""
    names = [t(f"lab.model_{c}", lang) for c in cells]
    return names[0] if len(names) == 1 else t("lab.verdict_and", lang, first=", ".join(names[:-1]), last=names[-1])


def verdict_sentence(verdicts: list[CellVerdict], lang: str, *, stopped_at: int | None = None) -> str:
    """The race in one computed sentence, e.g. "GRU solved it at step 127, LSTM at step 247; the tanh RNN
    stayed at the baseline." (``rnn_core.race.race_verdict``, best first)."""
    solved = [v for v in verdicts if v.outcome == "solved"]
    parts = []
    if solved:
        first, *rest = solved
        parts.append(", ".join([t("lab.verdict_solved", lang, model=t(f"lab.model_{first.cell}", lang), step=first.step)]
                               + [t("lab.verdict_solved_next", lang, model=t(f"lab.model_{v.cell}", lang), step=v.step)
                                  for v in rest]))
    else:
        parts.append(t("lab.verdict_none", lang))
    parts += [t("lab.verdict_partial", lang, model=t(f"lab.model_{v.cell}", lang), ratio=numbers.percent(v.ratio, lang))
              for v in verdicts if v.outcome == "partial"]
    for outcome in ("baseline", "diverged"):
        cells = [v.cell for v in verdicts if v.outcome == outcome]
        if cells:
            parts.append(t(f"lab.verdict_{outcome}_{'one' if len(cells) == 1 else 'many'}", lang, models=_names(cells, lang)))
    sentence = "; ".join(parts) + "."
    sentence = sentence[0].upper() + sentence[1:]
    return t("lab.verdict_stopped", lang, step=stopped_at, sentence=sentence) if stopped_at is not None else sentence


def verdict_rule(metric: str, threshold: float, baseline: float, task: str, lang: str) -> str:
    """What "solved" and "stayed at the baseline" mean for this task, with its numbers."""
    solved = (t("lab.verdict_rule_loss", lang, threshold=charts.setting(threshold, lang),
                share=numbers.percent(threshold / baseline, lang))
              if metric == "loss" else t("lab.verdict_rule_acc", lang, threshold=numbers.percent(threshold, lang)))
    return t("lab.verdict_rule", lang, solved=solved, at=numbers.percent(AT_BASELINE, lang),
             baseline=t("lab.baseline_label_adding" if task == "adding" else "lab.baseline_label_ce", lang))


def series_d1(lang: str) -> dict[str, str] | None:
    """The pretrained realistic-series models' accuracy at distance 1 (from the weights manifest)."""
    manifest = models_cache.manifest()
    rnn = manifest_accuracy_at(manifest, is_realistic_series, "rnn", 1)
    gated = [a for m in ("lstm", "gru")
             if (a := manifest_accuracy_at(manifest, is_realistic_series, m, 1)) is not None]
    if rnn is None or not gated:
        return None
    return {"rnn_d1": numbers.percent(rnn, lang), "gated_d1": numbers.percent(min(gated), lang),
            "near_chance": rnn < NEAR_CHANCE}


def live(key: tuple, settings: dict, lang: str, present: bool, snapshot: RaceState | None) -> LiveView:
    """:func:`live_view` of the race ``key`` at its latest ``snapshot`` (an empty race before the first)."""
    race = snapshot or runner.empty_state(runner.Settings.of(settings))
    return live_view(key, race.step, lang, present, race)


def expectation(task: str, length: int, lang: str) -> tuple[str, str, str]:
    """What to expect from a race of ``task`` at ``length``: heading, the sentence, and why (markdown)."""
    heading = f"**{t('lab.expect_heading', lang)}**"
    sentence = t(f"lab.expect_{task}", lang, far=max(1, length - 1))
    if task != "series":
        return heading, sentence, t(f"lab.why_{task}", lang, near=length - length // 2, far=max(1, length - 1))
    d1 = series_d1(lang)
    if d1 is None:  # no pretrained numbers to quote: say only what holds without them
        return heading, sentence, t("lab.why_baseline_ce", lang)
    near_chance = d1.pop("near_chance")
    return heading, sentence, t("lab.why_series" if near_chance else "lab.why_series_trained", lang, **d1)
