"""Station 4 — Gates: LSTM & GRU (seed §4: keep what matters, forget what is irrelevant).

Read the controls → measure with ``rnn_core`` (cached) → hand the numbers to the builders of
``ui.charts.gates`` and ``ui.diagrams``. Four parts:

1. The two cells drawn (``ui.diagrams``), every gate named in both languages, PyTorch's equations.
2. The pretrained realistic-series LSTM and GRU (``ui.models_cache``) re-run step by step on the
   student's own timeline (``ui.timeline`` editor, shared with station 2) by
   ``rnn_core.trace``: heatmaps of every gate and state, the automatically picked memory unit
   (``ui.charts.gates.pick_memory_unit`` on a cached batch of the task generator) and the facts
   measured on it.
3. The forget-gate bias: ``rnn_core.race.train_latch`` retrains an LSTM on the latch task for the
   chosen ``b_f`` (``st.cache_data`` per value, so going back is instant) and
   ``rnn_core.gradients.probe("lstm", forget_bias=b_f)`` measures ‖∂L/∂c_t‖ by distance.
4. GRU versus LSTM cost: parameters (formula and ``numel``), time per step measured once per
   server (``rnn_core.cost``), accuracy from the weights manifest.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd
import streamlit as st
import torch

from rnn_core.cells import trace
from rnn_core.cost import MODES, measure_costs, param_counts
from rnn_core.gradients import probe
from rnn_core.race import RACE_TASKS, SMOOTH, train_latch
from rnn_core.tasks import MOODS, SERIES_INPUT_SIZE, encode_timeline, series_task
from ui import models_cache, numbers, state
from ui.charts import gates as charts
from ui.charts.gradients import sci
from ui.diagrams import GATE_COLORS, gru_diagram, lstm_diagram, scale_text
from ui.evidence import record
from ui.i18n import current_language, t
from ui.layout import explain, header, presenting
from ui.theme import MODEL_COLORS
from ui.timeline import timeline_editor
from ui.widgets import chart

MODEL_NAMES = {"lstm": "series_moods_lstm", "gru": "series_moods_gru"}  # rnn_core.pretrained names
UNIT_BATCH, UNIT_LENGTH, UNIT_SEED = 512, 41, 123  # the batch that picks the memory unit
LATCH = {"length": 30, "steps": 300, "hidden": 16, "batch": 64, "seed": 0}  # rnn_core.race.train_latch defaults
LATCH_SOLVED = RACE_TASKS["latch"].threshold  # 0.99
BIAS_RANGE = (0.0, 3.0, 0.0, 0.25)  # min, max, default, step of the slider
REFERENCE_BIASES = (0.0, 1.0, 2.0, 3.0)  # always drawn in the gradient chart
PROBE = {"length": 101, "hidden": 32, "seed": 0}  # distance 100 at the far end
COST = {"hidden": 32, "input_size": SERIES_INPUT_SIZE, "batches": (1, 128), "length": 100, "repeats": 5}
CELL_LIMIT = 3.0  # colours of the LSTM cell-state heatmap saturate beyond ±3 (a few units count up to ±12)
TEXTBOOK_FORGET = 0.9  # a forget gate this open counts as "the belt holds the memory"
OPENS = {"input": 0.2, "output": 0.1}  # how much above its mean elsewhere a gate must be to "open"
TRIED = "_s4_tried"
DIAGRAM_HEIGHT = 400


# --------------------------------------------------------------------------- cached measurements


@st.cache_data(max_entries=16, show_spinner=False)
def memory_unit(name: str, version: str, _model: torch.nn.Module) -> dict:
    """Pick the memory unit of ``name`` on a seeded batch of the realistic series (cached per model version).

    LSTM: cell state; GRU: hidden state (``ui.charts.gates.pick_memory_unit``). Also the mean
    forget gate after the key event of every LSTM unit, for the "not a quirk" sentence.
    """
    batch = series_task(UNIT_BATCH, (1, UNIT_LENGTH - 1), moods=True, length=UNIT_LENGTH,
                        seed=torch.Generator().manual_seed(UNIT_SEED))
    tr = trace(_model.rnn, batch.x)
    states = (tr.cell if tr.cell is not None else tr.hidden).numpy()
    unit, dprime = charts.pick_memory_unit(states, batch.y.numpy(), batch.key_position.numpy())
    out = {"unit": unit, "dprime": float(dprime[unit]), "n": UNIT_BATCH, "hidden": states.shape[-1]}
    if "forget" in tr.gates:
        steps = np.arange(UNIT_LENGTH)
        after = (steps[None, :] > batch.key_position.numpy()[:, None]) & (steps[None, :] < UNIT_LENGTH - 1)
        forget = tr.gates["forget"].numpy()[after]  # [N, H]
        out["forget_after"] = forget.mean(axis=0).tolist()
    return out


@st.cache_data(max_entries=64, show_spinner=False)
def run_timeline(name: str, version: str, episodes: tuple, moods: bool, _model: torch.nn.Module) -> dict:
    """Trace ``name`` on the timeline: every gate and state ``[T, H]`` and P(happy) at the final scene."""
    x = encode_timeline(list(episodes), moods=moods)
    tr = trace(_model.rnn, x)
    with torch.no_grad():
        p_happy = float(torch.softmax(_model(x), dim=-1)[0, MOODS.index("happy")])
    return {"gates": {k: v[0].numpy() for k, v in tr.gates.items()}, "hidden": tr.hidden[0].numpy(),
            "cell": None if tr.cell is None else tr.cell[0].numpy(), "p_happy": p_happy}


@st.cache_data(max_entries=32, show_spinner=False)
def latch_run(bias: float) -> dict:
    """Train the latch LSTM with total forget-gate bias ``bias`` (``rnn_core.race.train_latch``).

    Training stops as soon as the task is solved (trailing-20 batch accuracy ≥ 99 %, the same rule
    as ``solved_at_step``), so a good bias answers in a fraction of the 300 steps.
    """
    window: list[float] = []

    def stop_when_solved(info) -> bool:
        window.append(float(info.accuracy or 0.0))
        del window[:-SMOOTH]
        return not (len(window) == SMOOTH and sum(window) / SMOOTH >= LATCH_SOLVED)

    r = train_latch(float(bias), length=LATCH["length"], steps=LATCH["steps"], seed=LATCH["seed"],
                    hidden=LATCH["hidden"], batch=LATCH["batch"], callback=stop_when_solved)
    return {"accuracies": list(r.accuracies), "losses": list(r.losses), "solved_at": r.solved_at_step,
            "accuracy": float(r.final_accuracy), "seconds": float(r.seconds)}


@st.cache_data(max_entries=32, show_spinner=False)
def cell_gradient(bias: float) -> tuple[np.ndarray, np.ndarray]:
    """(distance, ‖∂L/∂c_t‖) of a default-init LSTM with forget-gate bias ``bias`` (float64 probe)."""
    p = probe("lstm", length=PROBE["length"], hidden=PROBE["hidden"], seed=PROBE["seed"], forget_bias=float(bias))
    return p.distance, p.cell_backward


def measure_costs_now() -> dict:
    """Parameters and measured ms per step of LSTM and GRU (see :func:`costs` for the cached one).

    Batch 1 (one timeline, as on this page) and batch 128 (a training batch). ``stamp`` (the
    wall-clock time of the measurement) keys the cached charts of these numbers.
    """
    rows = {batch: {c.kind: c for c in measure_costs(("lstm", "gru"), hidden=COST["hidden"],
                                                     input_size=COST["input_size"], batch=batch,
                                                     length=COST["length"], repeats=COST["repeats"])}
            for batch in COST["batches"]}
    return {"rows": rows, "stamp": time.time()}


# Measured once per server and shared; "measure again" measures for this student only, so that
# one click never wipes the shared numbers or starts a benchmark for the whole class.
costs = st.cache_resource(show_spinner=False)(measure_costs_now)


# --------------------------------------------------------------------------- small helpers


def num(value: float | None, digits: int = 2, lang: str | None = None) -> str:
    return numbers.fixed(value, digits, lang or current_language())


def integer(value: int, lang: str | None = None) -> str:
    return numbers.integer(value, lang or current_language())


def signed(value: float, lang: str | None = None) -> str:
    return ("+" if value >= 0 else "−") + num(abs(value), 2, lang)


def pct(value: float | None, lang: str | None = None) -> str:
    return numbers.percent(value, lang or current_language())


def tiny(value: float | None, lang: str) -> str:
    """A share that may be astronomically small: a percentage above 1 %, scientific below."""
    if value is None:
        return "—"
    return pct(value, lang) if value >= 0.01 else sci(value, lang, 2)


def latex_sci(value: float) -> str:
    """``9.3 \\times 10^{-10}`` for st.markdown's LaTeX (``9{,}3`` in Portuguese)."""
    exponent = math.floor(math.log10(abs(value)))
    mantissa = f"{value / 10 ** exponent:.1f}"
    if current_language() == "pt":
        mantissa = mantissa.replace(".", "{,}")
    return f"{mantissa} \\times 10^{{{exponent}}}"


def gate_bullets(names: tuple[tuple[str, str, str], ...]) -> str:
    """Markdown list: coloured symbol, bilingual name and what the gate decides."""
    lines = []
    for key, symbol, color_key in names:
        color = GATE_COLORS.get(color_key, MODEL_COLORS["lstm"])
        lines.append(f"- <span style='color:{color}'>**${symbol}$**</span> **{t(f's4.gate_{key}_name')}**: "
                     f"{t(f's4.gate_{key}_does')}")
    return "\n".join(lines)


def with_moods_on_first_visit() -> None:
    """The models here are the realistic-series ones: start the shared editor with moods on.

    Only on a first visit (no ``?moods=`` in the link, no earlier choice in this session), so a
    shared link or the student's own switch always wins.
    """
    if "moods" not in st.session_state and "moods" not in st.query_params:
        st.session_state["moods"] = True


def localized(fig, lang: str):
    """Plotly's decimal and thousands separators for the language (``0,5`` in Portuguese)."""
    fig.update_layout(separators=",." if lang == "pt" else ".,")
    return fig


# --------------------------------------------------------------------------- cached figures
# Plotly figures with many shapes take a few hundred ms to build; they depend only on hashable
# inputs (language, model version, timeline, b_f), so they are built once and unpickled after.


@st.cache_data(max_entries=4, show_spinner=False)
def diagrams(lang: str, present: bool):
    def hover(key: str) -> str:
        return f"<b>{t(f's4.gate_{key}_name', lang)}</b><br>{t(f's4.gate_{key}_does', lang)}".replace("$", "")

    lstm_texts = {"title": t("s4.dg_lstm_title", lang), "belt": t("s4.dg_belt", lang), "h_out": t("s4.dg_h_out", lang),
                  **{g: t(f"s4.dg_short_{g}", lang) for g in ("forget", "input", "candidate", "output")},
                  **{f"{g}_hover": hover(g) for g in ("forget", "input", "candidate", "output")}}
    gru_texts = {"title": t("s4.dg_gru_title", lang), "rail": t("s4.dg_rail", lang), "h_out": t("s4.dg_h_out", lang),
                 **{g: t(f"s4.dg_short_{g}", lang) for g in ("update", "reset", "candidate")},
                 "update_hover": hover("update"), "reset_hover": hover("reset"),
                 "candidate_hover": hover("gru_candidate")}
    factor = 1.45 if present else 1.0  # the projector layout draws them full width
    return (localized(scale_text(lstm_diagram(lstm_texts), factor), lang),
            localized(scale_text(gru_diagram(gru_texts), factor), lang))


def settle_sentence(settled: int, key: int, state: str, mood: str, lang: str) -> str:
    """When the memory unit took the sign it ends with: after the key event, or already before it."""
    if settled > key:
        return t("s4.fact_settle_after", lang, state=t(f"s4.state_{state}", lang), settled=settled + 1, at=key + 1)
    return t("s4.fact_settle_before", lang, state=t(f"s4.state_{state}", lang), mood=t(f"s4.mood_{mood}", lang))


def _lstm_facts(g: dict, cell: np.ndarray, u: int, key: int, n_ordinary: int, batch_forget, lang: str,
                mood: str):
    f = charts.lstm_unit_facts({k: v[:, u] for k, v in g.items()}, cell[:, u], key)
    bullets = []
    if f.forget_after is None:
        bullets.append(t("s4.fact_forget_none", lang))
    else:
        high = f.forget_after >= TEXTBOOK_FORGET
        bullets.append(t("s4.fact_forget_high" if high else "s4.fact_forget_low", lang, f=num(f.forget_after, 2, lang),
                         n=n_ordinary, keep=tiny(f.belt_keeps, lang)))
        bullets.append(t("s4.fact_rewrite_high" if high else "s4.fact_rewrite_low", lang,
                         c_key=signed(f.cell_key, lang), c_final=signed(f.cell_final, lang),
                         share=pct(f.rewrite_share, lang)))
    if f.input_else is not None and f.input_key - f.input_else >= OPENS["input"]:
        bullets.append(t("s4.fact_input_opens", lang, ik=num(f.input_key, 2, lang), ie=num(f.input_else, 2, lang)))
    else:
        bullets.append(t("s4.fact_input_flat", lang, ik=num(f.input_key, 2, lang), inext=num(f.input_next, 2, lang),
                         ie=num(f.input_else, 2, lang)))
    bullets.append(settle_sentence(f.settled_at, key, "cell", mood, lang))
    if f.output_before is not None and f.output_final - f.output_before >= OPENS["output"]:
        bullets.append(t("s4.fact_output_opens", lang, of=num(f.output_final, 2, lang),
                         ob=num(f.output_before, 2, lang)))
    else:
        bullets.append(t("s4.fact_output_flat", lang, of=num(f.output_final, 2, lang),
                         ob=num(f.output_before, 2, lang)))
    if batch_forget:
        bullets.append(t("s4.fact_batch", lang, n=UNIT_BATCH, u=u, f=num(batch_forget[u], 2, lang),
                         h=len(batch_forget), fmax=num(max(batch_forget), 2, lang)))
    evidence = {"forget_after": f.forget_after, "belt_keeps": f.belt_keeps, "rewrite_share": f.rewrite_share,
                "input_key": f.input_key, "input_else": f.input_else, "output_final": f.output_final,
                "output_before": f.output_before, "cell_final": f.cell_final,
                "batch_forget_after": batch_forget[u] if batch_forget else None,
                "batch_forget_max": max(batch_forget) if batch_forget else None}
    return bullets, evidence


def _gru_facts(g: dict, hidden: np.ndarray, u: int, key: int, n_ordinary: int, lang: str, mood: str):
    f = charts.gru_unit_facts({k: v[:, u] for k, v in g.items()}, hidden[:, u], key)
    bullets = []
    if f.keep_after is None:
        bullets.append(t("s4.fact_gru_keep_none", lang))
    else:
        bullets.append(t("s4.fact_gru_keep", lang, z=num(f.keep_after, 2, lang), n=n_ordinary,
                         keep=tiny(f.keep_product, lang)))
    hold = f.keep_after is not None and f.keep_after >= TEXTBOOK_FORGET
    bullets.append(t("s4.fact_gru_hold" if hold else "s4.fact_gru_rewrite", lang, h_key=signed(f.hidden_key, lang),
                     h_final=signed(f.hidden_final, lang)))
    bullets.append(settle_sentence(f.settled_at, key, "hidden", mood, lang))
    evidence = {"keep_after": f.keep_after, "keep_product": f.keep_product, "update_key": f.update_key,
                "reset_after": f.reset_after, "hidden_final": f.hidden_final}
    return bullets, evidence


@st.cache_data(max_entries=64, show_spinner=False)
def model_view(kind: str, name: str, version: str, episodes: tuple, moods: bool, codes: tuple, lang: str,
               _model: torch.nn.Module) -> dict:
    """Everything a model's tab shows for one timeline: figures, CSV frames, fact bullets, evidence."""
    run = run_timeline(name, version, episodes, moods, _model)
    found = memory_unit(name, version, _model)
    u = found["unit"]
    key = next(i for i, (k, _) in enumerate(episodes) if k == "key")
    mood = episodes[key][1]
    g = run["gates"]
    if kind == "lstm":
        panels = [charts.Panel(t("s4.row_forget", lang), g["forget"].T),
                  charts.Panel(t("s4.row_input", lang), g["input"].T),
                  charts.Panel(t("s4.row_output", lang), g["output"].T),
                  charts.Panel(t("s4.row_candidate", lang), g["candidate"].T, signed=True),
                  charts.Panel(t("s4.row_cell", lang), run["cell"].T, signed=True, limit=CELL_LIMIT)]
        lines = [(t("s4.mu_forget", lang), g["forget"][:, u], GATE_COLORS["forget"]),
                 (t("s4.mu_input", lang), g["input"][:, u], GATE_COLORS["input"]),
                 (t("s4.mu_output", lang), g["output"][:, u], GATE_COLORS["output"])]
        states = [(t("s4.mu_cell", lang), run["cell"][:, u], MODEL_COLORS["lstm"], "solid"),
                  (t("s4.mu_hidden", lang), run["hidden"][:, u], MODEL_COLORS["lstm"], "dot")]
    else:
        panels = [charts.Panel(t("s4.row_update", lang), g["update"].T),
                  charts.Panel(t("s4.row_reset", lang), g["reset"].T),
                  charts.Panel(t("s4.row_gru_candidate", lang), g["candidate"].T, signed=True),
                  charts.Panel(t("s4.row_hidden", lang), run["hidden"].T, signed=True)]
        lines = [(t("s4.mu_update", lang), g["update"][:, u], GATE_COLORS["update"]),
                 (t("s4.mu_reset", lang), g["reset"][:, u], GATE_COLORS["reset"])]
        states = [(t("s4.mu_gru_hidden", lang), run["hidden"][:, u], MODEL_COLORS["gru"], "solid")]
    names = {"label": t("s4.strip_label", lang), **{grp: t(f"s4.strip_{grp}", lang) for grp in charts.STRIP_GROUPS}}
    strip = charts.Strip(kinds=[k for k, _ in episodes], moods=[m for _, m in episodes], codes=codes, names=names)
    marks = {"key": t("s4.hm_key", lang), "final": t("s4.hm_final", lang)}
    hm_texts = {"title": t(f"s4.hm_{kind}_title", lang), "x_title": t("s4.hm_x", lang), "y_title": t("s4.hm_y", lang),
                "gate_colorbar": t("s4.hm_gate_bar", lang), "signed_colorbar": t("s4.hm_signed_bar", lang),
                "clipped_colorbar": t("s4.hm_clipped_bar", lang),
                "memory": t("s4.hm_memory", lang, u=u), "hover": t("s4.hm_hover", lang), **marks}
    unit_texts = {"title": t(f"s4.mu_{kind}_title", lang, u=u), "x_title": t("s4.mu_x", lang),
                  "gate_y": t("s4.mu_gate_y", lang), "state_y": t("s4.mu_state_y", lang), **marks}
    n_ordinary = len(episodes) - 2 - key
    if kind == "lstm":
        bullets, evidence = _lstm_facts(g, run["cell"], u, key, n_ordinary, found.get("forget_after"), lang, mood)
    else:
        bullets, evidence = _gru_facts(g, run["hidden"], u, key, n_ordinary, lang, mood)
    return {
        "unit": u, "panels": len(panels), "shape": tuple(panels[0].values.shape),
        "heatmaps": localized(charts.heatmaps_figure(panels, key=key, memory_unit=u, texts=hm_texts, strip=strip), lang),
        "heatmaps_frame": charts.heatmaps_frame(panels).assign(model=kind),
        "unit_fig": localized(charts.unit_figure(lines, states, key=key, codes=codes, texts=unit_texts, strip=strip),
                              lang),
        "unit_frame": charts.unit_frame({n: v for n, v, _ in lines}, {n: v for n, v, _, _ in states}, codes),
        "bullets": bullets,
        "evidence": {"unit": u, "dprime": found["dprime"], **evidence},
        "p_happy": run["p_happy"],
    }


@st.cache_data(max_entries=64, show_spinner=False)
def latch_figures(bias: float, lang: str):
    latch = latch_run(bias)
    texts = {"title": t("s4.latch_title", lang, length=LATCH["length"], b=charts.bias_text(bias, lang)),
             "x_title": t("s4.latch_x", lang), "y_title": t("s4.latch_y", lang), "batch": t("s4.latch_batch", lang),
             "trailing": t("s4.latch_trailing", lang), "chance": t("s4.latch_chance", lang),
             "solved": t("s4.latch_solved", lang)}
    return (localized(charts.latch_figure(latch["accuracies"], solved_at=latch["solved_at"], texts=texts), lang),
            charts.latch_frame(latch["accuracies"], latch["losses"]).assign(forget_bias=bias))


@st.cache_data(max_entries=256, show_spinner=False)
def tried_view(tried: tuple, bias: float, lang: str):
    texts = {"title": t("s4.tried_title", lang), "x_title": t("s4.tried_x", lang), "y_title": t("s4.tried_y", lang),
             "chance": t("s4.latch_chance", lang), "hover": t("s4.tried_hover", lang),
             "current": t("s4.tried_current", lang)}
    table = {b: {"accuracy": a, "solved_at": s} for b, a, s in tried}
    return localized(charts.tried_figure(table, bias, texts=texts), lang), charts.tried_frame(table)


@st.cache_data(max_entries=64, show_spinner=False)
def gradient_view(bias: float, lang: str):
    curves = {}
    for b in sorted({*REFERENCE_BIASES, bias}):
        distance, norms = cell_gradient(b)
        curves[b] = norms
    texts = {"title": t("s4.cgrad_title", lang), "x_title": t("s4.cgrad_x", lang), "y_title": t("s4.cgrad_y", lang),
             "name": t("s4.cgrad_name", lang)}
    return (localized(charts.cell_grad_figure(distance, curves, bias, texts=texts, lang=lang), lang),
            charts.cell_grad_frame(distance, curves), {b: float(v[0]) for b, v in curves.items()})


@st.cache_data(max_entries=16, show_spinner=False)
def cost_view(stamp: float, batch: int, lang: str, _ms: dict, _params: dict):
    """The cost chart of one batch size for the measurement taken at ``stamp`` (which stands for the numbers)."""
    texts = {"title": t("s4.cost_title", lang, batch=batch, length=COST["length"]),
             "x_title": t("s4.cost_x", lang), "y_title": t("s4.cost_y", lang)}
    fig = charts.cost_figure(_ms, mode_names={m: t(f"s4.mode_{m}", lang) for m in MODES},
                             cell_names={"lstm": "LSTM", "gru": "GRU"}, texts=texts, lang=lang)
    return localized(fig, lang), charts.cost_frame(_ms, _params).assign(batch=batch)


# --------------------------------------------------------------------------- page: 1 the cells

header("s4")
lang = current_language()
explain("s4.intro")

st.subheader(t("s4.cells_heading"))
explain("s4.cells_explain")
lstm_fig, gru_fig = diagrams(lang, presenting())
diagram_height = 640 if presenting() else DIAGRAM_HEIGHT  # stacked full width on a projector
d1, d2 = (st.container(), st.container()) if presenting() else st.columns(2)
with d1:
    chart(lstm_fig, "s4.lstm_diagram_caption", name="s4-lstm-diagram", height=diagram_height)
    st.markdown(gate_bullets((("forget", "f_t", "forget"), ("input", "i_t", "input"), ("output", "o_t", "output"),
                              ("candidate", "g_t", "candidate"), ("cell", "c_t", "belt"))), unsafe_allow_html=True)
with d2:
    chart(gru_fig, "s4.gru_diagram_caption", name="s4-gru-diagram", height=diagram_height)
    st.markdown(gate_bullets((("update", "z_t", "update"), ("reset", "r_t", "reset"),
                              ("gru_candidate", "n_t", "candidate"))), unsafe_allow_html=True)

with st.expander(t("s4.eq_heading"), icon=":material/functions:", expanded=not presenting()):
    e1, e2 = st.columns(2)
    with e1:
        st.markdown(t("s4.eq_lstm"))
        st.latex(r"""\begin{aligned}
i_t &= \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \\
f_t &= \sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf}) \\
g_t &= \tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) \\
o_t &= \sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho}) \\
c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\
h_t &= o_t \odot \tanh(c_t)
\end{aligned}""")
    with e2:
        st.markdown(t("s4.eq_gru"))
        st.latex(r"""\begin{aligned}
r_t &= \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr}) \\
z_t &= \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz}) \\
n_t &= \tanh\big(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn})\big) \\
h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}
\end{aligned}""")
    st.markdown(t("s4.eq_gru_convention"))

# --------------------------------------------------------------------------- page: 2 inside the models

st.subheader(t("s4.inside_heading"))
explain("s4.inside_explain")
with st.container(border=True):
    st.markdown(f"**{t('s4.editor_heading')}**")
    st.caption(t("s4.editor_note"))
    with_moods_on_first_visit()
    timeline = timeline_editor()

models, problems = models_cache.load_models(MODEL_NAMES.values())
if problems:
    models_cache.show_problems(problems)
    st.caption(t("s4.weights_note"))
episodes = tuple((ep.kind, ep.mood) for ep in timeline)
codes = tuple(timeline.codes())
key = timeline.key_index
views, units = {}, {}
for kind, name in MODEL_NAMES.items():
    if name in models:
        version = models_cache.version(name)
        views[kind] = model_view(kind, name, version, episodes, timeline.moods, codes, lang, models[name])
        units[kind] = memory_unit(name, version, models[name])

if views:
    answers = []
    for kind, view in views.items():
        label = "happy" if view["p_happy"] >= 0.5 else "sad"
        answers.append(t("s4.answer", model=kind.upper(), label=t(f"s4.label_{label}"),
                         p=pct(max(view["p_happy"], 1 - view["p_happy"]))))
    st.markdown(t("s4.timeline_summary", n=len(timeline), mood=t(f"s4.mood_{timeline.key_mood}"), at=key + 1,
                  code=timeline.code(key), d=timeline.distance, answers="; ".join(answers)))
    lu, gu = units.get("lstm"), units.get("gru")
    explain("s4.mu_how", n=UNIT_BATCH, u=lu["unit"] if lu else "—", d=num(abs(lu["dprime"]), 1) if lu else "—",
            ug=gu["unit"] if gu else "—", dg=num(abs(gu["dprime"]), 1) if gu else "—")

for tab, (kind, view) in zip(st.tabs([t(f"s4.tab_{k}") for k in views]) if views else [], views.items(),
                             strict=True):
    with tab:
        u = view["unit"]
        chart(view["heatmaps"], f"s4.hm_{kind}_caption", data=view["heatmaps_frame"], name=f"s4-heatmaps-{kind}",
              height=150 * view["panels"] + 200, u=u)
        st.markdown(f"##### {t('s4.mu_heading')}")
        chart(view["unit_fig"], f"s4.mu_{kind}_caption", data=view["unit_frame"], name=f"s4-unit-{kind}",
              height=540, u=u)
        st.markdown(t("s4.facts_intro", u=u) + "\n\n" + "\n".join(f"- {b}" for b in view["bullets"]))

# --------------------------------------------------------------------------- page: 3 forget-gate bias

st.subheader(t("s4.bias_heading"))
explain("s4.bias_explain", steps=LATCH["length"] - 1, hidden=LATCH["hidden"], train=LATCH["steps"],
        batch=LATCH["batch"], length=LATCH["length"] - 1,
        decay=latex_sci(0.5 ** (LATCH["length"] - 1)))
lo, hi, default, step = BIAS_RANGE
bias = float(state.slider("s4.bias_label", "forget_bias", lo, hi, default, step, help=t("s4.bias_help")))
with st.spinner(t("s4.bias_training", b=charts.bias_text(bias, lang))):
    latch = latch_run(bias)
tried = st.session_state.setdefault(TRIED, {})
tried[bias] = {"accuracy": latch["accuracy"], "solved_at": latch["solved_at"], "seconds": latch["seconds"]}
b_text = charts.bias_text(bias, lang)
m1, m2, m3 = st.columns(3)
m1.metric(t("s4.bias_acc"), pct(latch["accuracy"]), help=t("s4.bias_acc_help"))
m2.metric(t("s4.bias_solved"), latch["solved_at"] or t("s4.bias_never"), help=t("s4.bias_solved_help"))
m3.metric(t("s4.bias_seconds"), f"{num(latch['seconds'], 1)} s")
if latch["solved_at"] is not None:
    st.success(t("s4.bias_verdict_solved", b=b_text, acc=pct(latch["accuracy"]), step=latch["solved_at"]),
               icon=":material/check_circle:")
elif latch["accuracy"] < 0.6:
    st.warning(t("s4.bias_verdict_chance", b=b_text, acc=pct(latch["accuracy"]), length=LATCH["length"]),
               icon=":material/volume_mute:")
else:
    st.info(t("s4.bias_verdict_partial", b=b_text, acc=pct(latch["accuracy"])), icon=":material/trending_up:")

c1, c2 = st.columns([3, 2])
with c1:
    latch_fig, latch_data = latch_figures(bias, lang)
    chart(latch_fig, "s4.latch_caption", data=latch_data, name="s4-latch", height=380, steps=LATCH["steps"])
with c2:
    tried_key = tuple((b, v["accuracy"], v["solved_at"]) for b, v in sorted(tried.items()))
    tried_fig, tried_data = tried_view(tried_key, bias, lang)
    chart(tried_fig, "s4.tried_caption", data=tried_data, name="s4-tried", height=380)

explain("s4.cgrad_explain", hidden=PROBE["hidden"], length=PROBE["length"])
grad_fig, grad_data, at_far = gradient_view(bias, lang)
far = PROBE["length"] - 1
chart(grad_fig, "s4.cgrad_caption", data=grad_data, name="s4-cell-gradient", height=420, d=far)
refs = " · ".join(f"$b_f = {charts.bias_text(b, lang)}$: {sci(v, lang)}" for b, v in sorted(at_far.items())
                  if b in REFERENCE_BIASES)
st.markdown(t("s4.cgrad_fact", d=far, v=sci(at_far[bias], lang), b=b_text, refs=refs))

# --------------------------------------------------------------------------- page: 4 cost

st.subheader(t("s4.cost_heading"))
explain("s4.cost_explain")
st.latex(r"P = G\,(h\,x + h^2 + 2h), \qquad G_{\text{LSTM}} = 4,\quad G_{\text{GRU}} = 3")
counts = {k: param_counts(k, COST["hidden"], COST["input_size"]) for k in ("lstm", "gru")}
st.markdown(t("s4.cost_params_md", h=COST["hidden"], x=COST["input_size"], lstm=integer(counts["lstm"].numel),
              gru=integer(counts["gru"].numel), less=pct(1 - counts["gru"].numel / counts["lstm"].numel)))

manifest = models_cache.manifest()  # {} when missing or broken: the accuracy columns then say "—"


def accuracy_columns(kind: str) -> dict:
    metrics = manifest.get(MODEL_NAMES[kind], {}).get("metrics", {}) or {}
    by_distance = metrics.get("accuracy_by_distance", {}) or {}
    far_values = [float(v) for d, v in by_distance.items() if 31 <= int(d) <= 90]
    entry = manifest.get(MODEL_NAMES[kind], {})
    return {"near": metrics.get("min_accuracy_d1_30"), "far": float(np.mean(far_values)) if far_values else None,
            "seconds": entry.get("train_seconds"), "steps": (entry.get("hyperparameters") or {}).get("steps")}


accuracy = {k: accuracy_columns(k) for k in ("lstm", "gru")}
table = pd.DataFrame([{
    t("s4.col_cell"): k.upper(), t("s4.col_blocks"): counts[k].gates,
    t("s4.col_formula"): f"{counts[k].gates}·({COST['hidden']}·{COST['input_size']} + {COST['hidden']}² + 2·{COST['hidden']})"
                         f" = {integer(counts[k].formula)}",
    t("s4.col_numel"): integer(counts[k].numel),
    t("s4.col_acc_near"): pct(accuracy[k]["near"]), t("s4.col_acc_far"): pct(accuracy[k]["far"]),
    t("s4.col_train"): num(accuracy[k]["seconds"], 1) if accuracy[k]["seconds"] is not None else "—",
} for k in ("lstm", "gru")])
st.dataframe(table, hide_index=True, width="stretch")
steps_trained = accuracy["lstm"]["steps"] or accuracy["gru"]["steps"]
st.caption(t("s4.cost_table_caption", steps=steps_trained or "—"))

if st.button(t("s4.cost_again"), icon=":material/timer:", key="s4_measure_again"):
    with st.spinner():
        st.session_state["_s4_costs"] = measure_costs_now()
with st.spinner():
    measurement = st.session_state.get("_s4_costs") or costs()
by_batch = measurement["rows"]
small, large = COST["batches"]
cost_columns = st.columns(len(by_batch))
# microseconds per step (a 32-unit step takes a few µs)
us_by_batch = {b: {k: {m: 1e3 * v for m, v in c.ms_per_step.items()} for k, c in rows.items()}
               for b, rows in by_batch.items()}
for column, (batch, rows) in zip(cost_columns, by_batch.items(), strict=True):
    with column:
        cost_fig, cost_data = cost_view(measurement["stamp"], batch, lang, us_by_batch[batch],
                                        {k: c.params.numel for k, c in rows.items()})
        chart(cost_fig, f"s4.cost_caption_{'small' if batch == small else 'large'}", data=cost_data,
              name=f"s4-cost-{batch}", height=420)
us = us_by_batch[small]
lstm_c, gru_c = by_batch[small]["lstm"], by_batch[small]["gru"]
fmt_us = {f"{k}{suffix}": num(us[k][mode], 1) for k in ("lstm", "gru")
          for suffix, mode in (("", "fused"), ("_plain", "fused_plain"), ("_t", "transparent"))}
gru_per = num(gru_c.ops.per_step, 0)
if lstm_c.ops.onednn and us["gru"]["fused"] > us["lstm"]["fused"]:
    why = t("s4.cost_why_onednn", ratio=num(us["gru"]["fused"] / us["lstm"]["fused"], 1), lstm_ops=lstm_c.ops.total,
            gru_ops=gru_c.ops.total, gru_per=gru_per, length=COST["length"], batch=small, **fmt_us)
else:
    why = t("s4.cost_why_plain", gru_per=gru_per, batch=small, **fmt_us)
big = us_by_batch[large]
faster = "gru" if big["gru"]["fused_plain"] < big["lstm"]["fused_plain"] else "lstm"
why += "\n\n" + t(f"s4.cost_batch_{faster}", batch=large, lstm=num(big["lstm"]["fused"], 0),
                    gru=num(big["gru"]["fused"], 0), lstm_plain=num(big["lstm"]["fused_plain"], 0),
                    gru_plain=num(big["gru"]["fused_plain"], 0))
st.markdown(why)
explain("s4.cost_why_math", **fmt_us)
st.caption(t("s4.cost_note", repeats=COST["repeats"]))
if accuracy["lstm"]["near"] is not None and accuracy["gru"]["near"] is not None:
    st.markdown(t("s4.cost_acc_md", lstm_near=pct(accuracy["lstm"]["near"]), gru_near=pct(accuracy["gru"]["near"]),
                  lstm_far=pct(accuracy["lstm"]["far"]), gru_far=pct(accuracy["gru"]["far"])))
else:
    st.caption(t("s4.cost_acc_missing"))

st.caption(t("s4.references"))

# --------------------------------------------------------------------------- evidence for the conclusion

record("s4", {
    "forget_bias": bias,
    "latch": {f"{b:g}": {"accuracy": round(v["accuracy"], 4), "solved_at": v["solved_at"]}
              for b, v in sorted(tried.items())},
    "latch_length": LATCH["length"],
    "cell_grad_distance": far,
    "cell_grad_at_distance": {f"{b:g}": v for b, v in sorted(at_far.items())},
    "memory_units": {kind: view["evidence"] for kind, view in views.items()},
    "cost_us_per_step": {str(b): {k: {m: round(v, 3) for m, v in modes.items()} for k, modes in per.items()}
                         for b, per in us_by_batch.items()},
    "params": {k: c.numel for k, c in counts.items()},
    "lstm_onednn": bool(lstm_c.ops.onednn),
})
