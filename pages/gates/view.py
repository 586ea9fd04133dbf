"""Station 4's views: measured numbers in, prepared figures, tables and sentences out.

Each function here is what one part of the page shows for one set of control values, in one
language and display mode. ``pages.gates.cache`` wraps them in Streamlit caches (one computation per
server for every student who asks the same thing) and the page only shows what they return, so everything
returned is immutable or a :class:`ui.figures.prepared.PreparedFigure` (never changed after it is built).
No Streamlit calls here except the catalog lookups of ``ui.shell.i18n.t`` with an explicit language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from pages.gates import charts
from pages.gates import sentences as words
from pages.gates.diagrams import GATE_COLORS, gru_diagram, lstm_diagram, scale_text
from pages.gates.step_through import step_through_figure
from rnn_core import memory_units as mu
from rnn_core.cost import MODES
from rnn_core.latch import LatchRun
from rnn_core.model_card import AccuracyCard
from rnn_core.tasks import encode_timeline
from ui.figures.prepared import PreparedFigure, prepare
from ui.shell import numbers
from ui.shell.i18n import t
from ui.shell.theme import MODEL_COLORS

CELL_LIMIT = 3.0  # colours of the LSTM cell-state heatmap saturate beyond ±3 (a few units reach ±12)


# --------------------------------------------------------------------------- 1 the two cells


@dataclass(frozen=True)
class CellsView:
    lstm: PreparedFigure
    gru: PreparedFigure
    lstm_bullets: str
    gru_bullets: str


def cells_view(lang: str, present: bool) -> CellsView:
    """The two static cell diagrams (hover on each block) and the list of gates under each."""
    texts = words.diagram_texts(lang)
    factor = 1.45 if present else 1.0  # the projector layout draws them full width
    height = 640 if present else 400
    return CellsView(
        lstm=prepare(scale_text(lstm_diagram(texts["lstm"]), factor), present=present, lang=lang, height=height),
        gru=prepare(scale_text(gru_diagram(texts["gru"]), factor), present=present, lang=lang, height=height),
        lstm_bullets=words.gate_bullets(words.LSTM_BULLETS, lang),
        gru_bullets=words.gate_bullets(words.GRU_BULLETS, lang),
    )


# --------------------------------------------------------------------------- 2 inside the trained models


@dataclass(frozen=True)
class ModelView:
    """One model's tab: figures with their CSV frames, fact bullets and evidence."""

    kind: str
    unit: int
    heatmaps: PreparedFigure
    heatmaps_frame: pd.DataFrame
    unit_fig: PreparedFigure
    unit_frame: pd.DataFrame
    bullets: tuple[str, ...]
    evidence: Mapping[str, object]
    p_happy: float


@dataclass(frozen=True)
class InsideView:
    models: Mapping[str, ModelView]
    summary: str
    how: str
    step_through: PreparedFigure | None
    step_frame: pd.DataFrame | None


def _panels(kind: str, run: mu.TimelineRun, lang: str) -> list[charts.Panel]:
    g = run.gates
    if kind == "lstm":
        return [charts.Panel(t("gates.row_forget", lang), g["forget"].T), charts.Panel(t("gates.row_input", lang), g["input"].T),
                charts.Panel(t("gates.row_output", lang), g["output"].T),
                charts.Panel(t("gates.row_candidate", lang), g["candidate"].T, signed=True),
                charts.Panel(t("gates.row_cell", lang), run.cell.T, signed=True, limit=CELL_LIMIT)]
    return [charts.Panel(t("gates.row_update", lang), g["update"].T), charts.Panel(t("gates.row_reset", lang), g["reset"].T),
            charts.Panel(t("gates.row_gru_candidate", lang), g["candidate"].T, signed=True),
            charts.Panel(t("gates.row_hidden", lang), run.hidden.T, signed=True)]


def _model_view(kind: str, run: mu.TimelineRun, found: mu.MemoryUnit, episodes: Sequence[tuple[str, str | None]],
                codes: Sequence[str], lang: str, present: bool) -> ModelView:
    u = found.unit
    key = next(i for i, (k, _) in enumerate(episodes) if k == "key")
    mood = episodes[key][1]
    g = run.gates
    if kind == "lstm":
        lines = [(t("gates.mu_forget", lang), g["forget"][:, u], GATE_COLORS["forget"]),
                 (t("gates.mu_input", lang), g["input"][:, u], GATE_COLORS["input"]),
                 (t("gates.mu_output", lang), g["output"][:, u], GATE_COLORS["output"])]
        states = [(t("gates.mu_cell", lang), run.cell[:, u], MODEL_COLORS["lstm"], "solid"),
                  (t("gates.mu_hidden", lang), run.hidden[:, u], MODEL_COLORS["lstm"], "dot")]
    else:
        lines = [(t("gates.mu_update", lang), g["update"][:, u], GATE_COLORS["update"]),
                 (t("gates.mu_reset", lang), g["reset"][:, u], GATE_COLORS["reset"])]
        states = [(t("gates.mu_gru_hidden", lang), run.hidden[:, u], MODEL_COLORS["gru"], "solid")]
    panels = _panels(kind, run, lang)
    names = {"label": t("gates.strip_label", lang), **{grp: t(f"gates.strip_{grp}", lang) for grp in charts.STRIP_GROUPS}}
    strip = charts.Strip(kinds=[k for k, _ in episodes], moods=[m for _, m in episodes], codes=codes, names=names)
    marks = {"key": t("gates.hm_key", lang), "final": t("gates.hm_final", lang)}
    hm_texts = {"title": t(f"gates.hm_{kind}_title", lang), "x_title": t("gates.hm_x", lang), "y_title": t("gates.hm_y", lang),
                "gate_colorbar": t("gates.hm_gate_bar", lang), "signed_colorbar": t("gates.hm_signed_bar", lang),
                "clipped_colorbar": t("gates.hm_clipped_bar", lang),
                "memory": t("gates.hm_memory", lang, u=u), "hover": t("gates.hm_hover", lang), **marks}
    unit_texts = {"title": t(f"gates.mu_{kind}_title", lang, u=u), "x_title": t("gates.mu_x", lang),
                  "gate_y": t("gates.mu_gate_y", lang), "state_y": t("gates.mu_state_y", lang), **marks}
    n_ordinary = len(episodes) - 2 - key
    unit_gates = {k: v[:, u] for k, v in g.items()}
    if kind == "lstm":
        f = mu.lstm_unit_facts(unit_gates, run.cell[:, u], key)
        bullets = words.lstm_bullets(f, unit=u, key=key, n_ordinary=n_ordinary, mood=mood,
                                     batch_forget=found.forget_after, batch_n=found.n, lang=lang)
        bf = found.forget_after
        evidence = {"forget_after": f.forget_after, "belt_keeps": f.belt_keeps, "rewrite_share": f.rewrite_share,
                    "input_key": f.input_key, "input_else": f.input_else, "output_final": f.output_final,
                    "output_before": f.output_before, "cell_final": f.cell_final,
                    "batch_forget_after": bf[u] if bf else None, "batch_forget_max": max(bf) if bf else None}
    else:
        f = mu.gru_unit_facts(unit_gates, run.hidden[:, u], key)
        bullets = words.gru_bullets(f, key=key, n_ordinary=n_ordinary, mood=mood, lang=lang)
        evidence = {"keep_after": f.keep_after, "keep_product": f.keep_product, "update_key": f.update_key,
                    "reset_after": f.reset_after, "hidden_final": f.hidden_final}
    heat_height = 150 * len(panels) + 200
    heat = charts.heatmaps_figure(panels, key=key, memory_unit=u, texts=hm_texts, strip=strip)
    unit_fig = charts.unit_figure(lines, states, key=key, codes=codes, texts=unit_texts, strip=strip)
    return ModelView(
        kind=kind, unit=u,
        heatmaps=prepare(heat, present=present, lang=lang, height=heat_height),
        heatmaps_frame=charts.heatmaps_frame(panels).assign(model=kind),
        unit_fig=prepare(unit_fig, present=present, lang=lang, height=540),
        unit_frame=charts.unit_frame({n: v for n, v, _ in lines}, {n: v for n, v, _, _ in states}, codes),
        bullets=tuple(bullets), evidence={"unit": u, "dprime": found.dprime, **evidence}, p_happy=run.p_happy,
    )


def step_texts(lang: str) -> dict[str, str]:
    """The words of the step-through (``pages.gates.step_through.TEXT_KEYS``)."""
    keys = ("title", "episode", "mean", "belief", "play", "pause", "step", "hm_title", "gate_rows", "state_row",
            "belief_row", "hover")
    return {**{k: t(f"gates.st_{k}", lang) for k in keys}, "key": t("gates.hm_key", lang), "final": t("gates.hm_final", lang)}


def step_frame(models: Mapping[str, mu.UnitSteps], codes: Sequence[str]) -> pd.DataFrame:
    """The step-through's numbers as a table: one row per (model, episode)."""
    rows = []
    for kind, s in models.items():
        for i in range(len(s)):
            rows.append({"model": kind, "episode": i + 1, "code": codes[i], "unit": s.unit,
                         **{name: float(v[i]) for name, v in s.gates.items()},
                         **{f"{name}_mean": float(v[i]) for name, v in s.gate_means.items()},
                         "state_before": float(s.state_before[i]), "state_after": float(s.state_after[i]),
                         "h": float(s.output[i]), "p_happy": float(s.belief[i])})
    return pd.DataFrame(rows)


def inside_view(models: Mapping[str, tuple[torch.nn.Module, mu.MemoryUnit]], episodes: tuple, moods: bool,
                codes: tuple, lang: str, present: bool) -> InsideView:
    """Everything part 2 shows for one timeline: per model a tab, the summary and the step-through."""
    x = encode_timeline(list(episodes), moods=moods)
    runs = {kind: mu.run_timeline(model, x) for kind, (model, _) in models.items()}
    views = {kind: _model_view(kind, runs[kind], found, episodes, codes, lang, present)
             for kind, (_, found) in models.items()}
    key = next(i for i, (k, _) in enumerate(episodes) if k == "key")
    n = len(episodes)
    summary = t("gates.timeline_summary", lang, n=n, mood=t(f"gates.mood_{episodes[key][1]}", lang), at=key + 1,
                code=codes[key], d=n - 1 - key,
                answers=words.answers_sentence({k: v.p_happy for k, v in views.items()}, lang))
    found = {k: f for k, (_, f) in models.items()}
    lu, gu = found.get("lstm"), found.get("gru")
    how = t("gates.mu_how", lang, n=mu.UNIT_BATCH, u=lu.unit if lu else "—",
            d=numbers.fixed(abs(lu.dprime), 1, lang) if lu else "—", ug=gu.unit if gu else "—",
            dg=numbers.fixed(abs(gu.dprime), 1, lang) if gu else "—")
    steps = {kind: mu.unit_steps(runs[kind], found[kind].unit) for kind in models}
    step_fig = frame = None
    height = 1900 if present else 860
    if steps:
        fig = step_through_figure(steps, codes=codes, key=key, texts=step_texts(lang),
                                  diagram_texts=words.diagram_texts(lang), lang=lang, present=present)
        step_fig = prepare(fig, present=present, lang=lang, height=height)
        frame = step_frame(steps, codes)
    return InsideView(models=views, summary=summary, how=how, step_through=step_fig, step_frame=frame)


# --------------------------------------------------------------------------- 3 the forget-gate bias


@dataclass(frozen=True)
class BiasView:
    latch: PreparedFigure
    latch_frame: pd.DataFrame
    verdict: tuple[str, str]
    accuracy: str
    solved: str
    seconds: str


def bias_view(run: LatchRun, lang: str, present: bool, *, length: int) -> BiasView:
    """The latch run at one bias: training curve, verdict and metric texts."""
    texts = {"title": t("gates.latch_title", lang, length=length, b=numbers.setting(run.bias, lang)),
             "x_title": t("gates.latch_x", lang), "y_title": t("gates.latch_y", lang), "batch": t("gates.latch_batch", lang),
             "trailing": t("gates.latch_trailing", lang), "chance": t("gates.latch_chance", lang),
             "solved": t("gates.latch_solved", lang)}
    fig = charts.latch_figure(run.accuracies, solved_at=run.solved_at, texts=texts)
    return BiasView(latch=prepare(fig, present=present, lang=lang, height=380),
                    latch_frame=charts.latch_frame(run.accuracies, run.losses).assign(forget_bias=run.bias),
                    verdict=words.latch_verdict(run, lang, length - 1), accuracy=numbers.percent(run.accuracy, lang),
                    solved=str(run.solved_at) if run.solved_at is not None else t("gates.bias_never", lang),
                    seconds=f"{numbers.fixed(run.seconds, 1, lang)} s")


def tried_view(tried: tuple[tuple[float, float, int | None], ...], bias: float, lang: str,
               present: bool) -> tuple[PreparedFigure, pd.DataFrame, str | None]:
    """Final accuracy of every bias this student tried (``(b_f, accuracy, solved_at)``), current one ringed."""
    texts = {"title": t("gates.tried_title", lang), "x_title": t("gates.tried_x", lang), "y_title": t("gates.tried_y", lang),
             "chance": t("gates.latch_chance", lang), "hover": t("gates.tried_hover", lang),
             "current": t("gates.tried_current", lang)}
    table = {b: {"accuracy": a, "solved_at": s} for b, a, s in tried}
    return prepare(charts.tried_figure(table, bias, texts=texts), present=present, lang=lang, height=380), \
        charts.tried_frame(table), jump_sentence(tried, lang)


def jump_sentence(tried: Sequence[tuple[float, float, int | None]], lang: str) -> str | None:
    """Where the accuracy rises most between two neighbouring biases tried (None with fewer than two,
    or when no neighbour is better by at least 10 points)."""
    ordered = sorted(tried)
    if len(ordered) < 2:
        return None
    rise, (lo, hi) = max(((b[1] - a[1], (a, b)) for a, b in zip(ordered, ordered[1:], strict=False)),
                         key=lambda r: r[0])
    if rise < 0.1:
        return None
    return t("gates.tried_jump", lang, lo=numbers.setting(lo[0], lang), hi=numbers.setting(hi[0], lang),
             acc_lo=numbers.percent(lo[1], lang), acc_hi=numbers.percent(hi[1], lang))


@dataclass(frozen=True)
class GradientView:
    figure: PreparedFigure
    frame: pd.DataFrame
    fact: str
    at_far: Mapping[str, float]


def gradient_view(curves: Mapping[float, np.ndarray], distance: np.ndarray, bias: float, references: Sequence[float],
                  lang: str, present: bool) -> GradientView:
    """‖∂L/∂c_t‖ by distance for the reference biases and the chosen one; the fact at the far end."""
    texts = {"title": t("gates.cgrad_title", lang), "x_title": t("gates.cgrad_x", lang), "y_title": t("gates.cgrad_y", lang),
             "name": t("gates.cgrad_name", lang)}
    far = int(np.max(distance))
    at_far = {b: float(v[int(np.argmax(distance))]) for b, v in curves.items()}
    refs = " · ".join(f"$b_f = {numbers.setting(b, lang)}$: {numbers.measured(v, lang)}"
                      for b, v in sorted(at_far.items()) if b in references)
    sigma = {f"s{b}": numbers.fixed(1 / (1 + np.exp(-b)), 2, lang) for b in (0, 2, 3)}  # where f starts: σ(b_f)
    fact = t("gates.cgrad_fact", lang, d=far, v=numbers.measured(at_far[bias], lang), b=numbers.setting(bias, lang),
             refs=refs, **sigma)
    fig = charts.cell_grad_figure(distance, curves, bias, texts=texts, lang=lang)
    return GradientView(figure=prepare(fig, present=present, lang=lang, height=420),
                        frame=charts.cell_grad_frame(distance, curves), fact=fact,
                        at_far={f"{b:g}": v for b, v in sorted(at_far.items())})


# --------------------------------------------------------------------------- 4 cost


def markdown_table(frame: pd.DataFrame) -> str:
    """A small table as Markdown (shown as text: no Arrow conversion on every page view)."""
    def cell(value) -> str:
        return str(value).replace("|", "\\|")

    head = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *rows])


@dataclass(frozen=True)
class CostView:
    figures: Mapping[int, PreparedFigure]
    frames: Mapping[int, pd.DataFrame]
    params_md: str
    table_md: str
    table_caption: str
    why: str
    why_math: str
    accuracy_md: str | None
    us: Mapping[str, Mapping[str, Mapping[str, float]]]


def cost_view(rows: Mapping[int, Mapping[str, object]], counts: Mapping[str, object], cards: Mapping[str, AccuracyCard],
              *, hidden: int, input_size: int, length: int, lang: str, present: bool) -> CostView:
    """Parameters (formula and numel), measured µs per step at every batch size, accuracy from the manifest.

    ``rows``: batch → cell → ``rnn_core.cost.CellCost``; ``counts``: cell → ``ParamCount``.
    """
    us = {b: {k: {m: 1e3 * v for m, v in c.ms_per_step.items()} for k, c in per.items()} for b, per in rows.items()}
    small, large = min(us), max(us)
    figures, frames = {}, {}
    for batch, per in rows.items():
        texts = {"title": t("gates.cost_title", lang, batch=batch, length=length), "x_title": t("gates.cost_x", lang),
                 "y_title": t("gates.cost_y", lang)}
        fig = charts.cost_figure(us[batch], mode_names={m: t(f"gates.mode_{m}", lang) for m in MODES},
                                 cell_names={"lstm": "LSTM", "gru": "GRU"}, texts=texts, lang=lang)
        figures[batch] = prepare(fig, present=present, lang=lang, height=420)
        frames[batch] = charts.cost_frame(us[batch], {k: c.params.numel for k, c in per.items()}).assign(batch=batch)
    integer = lambda v: numbers.integer(v, lang)  # noqa: E731
    params_md = t("gates.cost_params_md", lang, h=hidden, x=input_size, lstm=integer(counts["lstm"].numel),
                  gru=integer(counts["gru"].numel), less=numbers.percent(1 - counts["gru"].numel / counts["lstm"].numel,
                                                                         lang))
    table = pd.DataFrame([{
        t("gates.col_cell", lang): k.upper(), t("gates.col_blocks", lang): counts[k].gates,
        t("gates.col_formula", lang): f"{counts[k].gates}·({hidden}·{input_size} + {hidden}² + 2·{hidden})"
                                   f" = {integer(counts[k].formula)}",
        t("gates.col_numel", lang): integer(counts[k].numel),
        t("gates.col_acc_near", lang): numbers.percent(cards[k].near, lang),
        t("gates.col_acc_far", lang): numbers.percent(cards[k].far, lang),
        t("gates.col_train", lang): numbers.fixed(cards[k].seconds, 1, lang),
    } for k in ("lstm", "gru")])
    steps = cards["lstm"].steps or cards["gru"].steps
    ops = {k: c.ops for k, c in rows[small].items()}
    why = words.cost_sentences(us, ops, small=small, large=large, length=length, lang=lang)
    fmt_us = {f"{k}{suffix}": numbers.fixed(us[small][k][mode], 1, lang) for k in ("lstm", "gru")
              for suffix, mode in (("", "fused"), ("_plain", "fused_plain"), ("_t", "transparent"))}
    accuracy_md = None
    if cards["lstm"].near is not None and cards["gru"].near is not None:
        accuracy_md = t("gates.cost_acc_md", lang, lstm_near=numbers.percent(cards["lstm"].near, lang),
                        gru_near=numbers.percent(cards["gru"].near, lang),
                        lstm_far=numbers.percent(cards["lstm"].far, lang), gru_far=numbers.percent(cards["gru"].far, lang))
    return CostView(figures=figures, frames=frames, params_md=params_md, table_md=markdown_table(table),
                    table_caption=t("gates.cost_table_caption", lang, steps=steps or "—"), why=why,
                    why_math=t("gates.cost_why_math", lang, **fmt_us), accuracy_md=accuracy_md, us=us)


__all__ = ["CellsView", "cells_view", "ModelView", "InsideView", "inside_view", "step_texts", "step_frame",
           "BiasView", "bias_view", "tried_view", "GradientView", "gradient_view", "CostView", "cost_view",
           "TWO_WAYS_MEASURES", "TwoWaysView", "two_ways_view"]


# --------------------------------------------------------------------------- two ways to remember (issue 10 §2)

TWO_WAYS_MEASURES = ("forget_after", "input_after", "rewrite_share", "accuracy", "belt_only", "forget0_all")


@dataclass(frozen=True)
class TwoWaysView:
    figure: PreparedFigure
    frame: pd.DataFrame
    caption: str


def two_ways_view(default: Mapping[str, object], belt: Mapping[str, object], lang: str,
                  present: bool) -> TwoWaysView:
    """Today's LSTM beside the LSTM whose gates never see h, each measured by
    ``rnn_core.mechanism.mechanism_report(model).as_dict()`` (numbers in, never typed)."""

    def flat(report: Mapping[str, object]) -> dict[str, float]:
        return {"forget_after": report["forget_after"], "input_after": report["input_after"],
                "rewrite_share": report["rewrite_share"], "accuracy": report["accuracy"],
                **{k: report["ablations"][k] for k in ("belt_only", "forget0_all")}}

    reports = {"default": flat(default), "belt": flat(belt)}
    measures = {m: t(f"gates.tw_m_{m}", lang) for m in TWO_WAYS_MEASURES}
    models = {"default": t("gates.tw_default", lang, u=default["unit"]), "belt": t("gates.tw_belt", lang, u=belt["unit"])}
    texts = {"title": t("gates.tw_title", lang), "y_title": t("gates.tw_y", lang), "chance": t("gates.latch_chance", lang)}
    fig = charts.two_ways_figure(reports, measures=measures, models=models, texts=texts, lang=lang)
    pct = lambda v: numbers.percent(v, lang)  # noqa: E731
    norm = sum(float(v) for v in belt["recurrent_norms"].values())
    caption = t("gates.tw_caption", lang, f_default=numbers.fixed(default["forget_after"], 2, lang),
                share_default=pct(default["rewrite_share"]), acc_default=pct(default["accuracy"]),
                belt_only_default=pct(default["ablations"]["belt_only"]),
                forget0_default=pct(default["ablations"]["forget0_all"]),
                loop_cut_default=pct(default["ablations"]["candidate_loop_cut"]),
                f_belt=numbers.fixed(belt["forget_after"], 2, lang), share_belt=pct(belt["rewrite_share"]),
                acc_belt=pct(belt["accuracy"]), forget0_belt=pct(belt["ablations"]["forget0_all"]),
                norm_belt=numbers.fixed(norm, 1, lang), n=default["n"])
    return TwoWaysView(figure=prepare(fig, present=present, lang=lang, height=460),
                       frame=charts.two_ways_frame(reports, TWO_WAYS_MEASURES), caption=caption)
