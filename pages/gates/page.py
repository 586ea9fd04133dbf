"""Station 4 — Gates: LSTM & GRU (seed §4: keep what matters, forget what is irrelevant).

Read the controls → one cached view per part (``pages.gates.cache``, shared by every session of the
server: the first student to ask for a timeline or a bias pays, everyone after gets it free) →
show. Four parts:

1. The two cells drawn (``pages.gates.diagrams``), every gate named in both languages, the equations.
2. The pretrained realistic-series LSTM and GRU re-run on the student's own timeline
   (``rnn_core.memory_units``): heatmaps of every gate and state, the memory unit and what it
   did, and the step-through (``pages.gates.step_through``), animated in the browser.
3. The forget-gate bias (a fragment: moving the slider reruns this part only): the latch
   retrain runs once per bias for the whole server (``services.jobs.JOBS``, single flight, queued
   beyond the training slots; watched with ``ui.widgets.job_watcher``), and ‖∂L/∂c_t‖ by distance
   (``rnn_core.gradients.probe``).
4. GRU versus LSTM cost: parameters, time per step measured once per server, accuracy from the
   weights manifest (``rnn_core.model_card``).

The cached views are decorated once in ``pages.gates.cache``; this student's own state (the latch
job watched, the biases tried, the evidence) is ``pages.gates.session``.
"""

from __future__ import annotations

import streamlit as st

from pages.gates import session
from pages.gates.cache import (
    BELT_MODEL,
    BIAS_RANGE,
    COST,
    MODEL_NAMES,
    PROBE,
    bias_part,
    cells,
    cost_part,
    gradient_part,
    inside,
    tried_part,
    two_ways,
)
from pages.gates.view import CostView
from rnn_core import latch as latch_core
from rnn_core import pretrained
from ui.figures.prepared import PreparedFigure
from ui.shell import models as models_cache
from ui.shell import numbers, state
from ui.shell.i18n import current_language, t
from ui.shell.layout import aside, explain, explain_text, header, presenting
from ui.widgets.chart import chart, csv_download, figure, step_through
from ui.widgets.job_watcher import watch
from ui.widgets.prediction import ask
from ui.widgets.timeline import timeline_editor

VERDICTS = {"solved": (st.success, ":material/check_circle:"), "chance": (st.warning, ":material/volume_mute:"),
            "partial": (st.info, ":material/trending_up:")}


def show(fig: PreparedFigure, caption_key: str, *, data=None, name: str, **fmt) -> None:
    """A prepared figure (shown as is: shared, never changed), its caption and a CSV download."""
    chart(fig, caption_key, data=data, name=name, styled=True, **fmt)


@st.fragment
def bias_section(lang: str, present: bool) -> None:
    """Part 3: the forget-gate bias slider reruns only this fragment."""
    lo, hi, default, step = BIAS_RANGE
    bias = float(state.slider("gates.bias_label", "forget_bias", lo, hi, default, step, help=t("gates.bias_help")))
    job = watch(session.latch_job(bias), waiting=lambda ahead: t("gates.bias_queued", ahead=ahead),
                progress=lambda snapshot: session.latch_progress(snapshot, bias, lang))
    if job is None:
        return  # the watcher shows the latch while it waits or trains
    if job.status != "done":
        if job.status == "failed":
            st.error(t("gates.bias_failed", error=job.error or ""), icon=":material/error:")
        return
    run: latch_core.LatchRun = job.result
    tried = session.tried(bias, run)
    latch = bias_part(bias, lang, present, run)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("gates.bias_acc"), latch.accuracy, help=t("gates.bias_acc_help"))
    m2.metric(t("gates.bias_solved"), latch.solved, help=t("gates.bias_solved_help"))
    m3.metric(t("gates.bias_seconds"), latch.seconds, help=t("gates.bias_seconds_help"))
    kind, text = latch.verdict
    box, icon = VERDICTS[kind]
    box(text, icon=icon)
    c1, c2 = st.columns([3, 2])
    with c1:
        show(latch.latch, "gates.latch_caption", data=latch.latch_frame, name="s4-latch", steps=latch_core.STEPS)
    with c2:
        tried_fig, tried_data, jump = tried_part(tried, bias, lang, present)
        show(tried_fig, "gates.tried_caption", data=tried_data, name="s4-tried")
        if jump:
            st.markdown(jump)
    explain("gates.cgrad_explain", hidden=PROBE["hidden"], length=PROBE["length"])
    grad = gradient_part(bias, lang, present)
    if ask("gates.bias3"):  # predict, then see (ui.widgets.prediction)
        show(grad.figure, "gates.cgrad_caption", data=grad.frame, name="s4-cell-gradient", d=PROBE["length"] - 1)
        st.markdown(grad.fact)
    session.remember_bias(bias, grad.at_far)


def cell_equations() -> None:
    """The LSTM and GRU equations side by side, in PyTorch's conventions (``torch.nn.LSTM``, ``torch.nn.GRU``)."""
    e1, e2 = st.columns(2)
    with e1:
        st.markdown(t("gates.eq_lstm"))
        st.latex(r"""\begin{aligned}
i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\
f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\
g_t &= \tanh(W_g x_t + U_g h_{t-1} + b_g) \\
o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\
c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\
h_t &= o_t \odot \tanh(c_t)
\end{aligned}""")
    with e2:
        st.markdown(t("gates.eq_gru"))
        st.latex(r"""\begin{aligned}
r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\
z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
n_t &= \tanh\big(W_n x_t + b_{in} + r_t \odot (U_n h_{t-1} + b_{hn})\big) \\
h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}
\end{aligned}""")
    st.markdown(t("gates.eq_gru_convention"))


def under_the_hood(cost: CostView) -> None:
    """How PyTorch runs the two cells: the timing table, one chart per batch size, why, and how it was timed."""
    st.markdown(cost.table_md)
    st.caption(cost.table_caption)
    small, large = COST["batches"]
    for column, batch in zip(st.columns(len(cost.figures)), cost.figures, strict=True):
        with column:
            show(cost.figures[batch], f"gates.cost_caption_{'small' if batch == small else 'large'}",
                 data=cost.frames[batch], name=f"s4-cost-{batch}")
    st.markdown(f"{cost.why}\n\n{cost.why_math}")  # not explain_text: an expander cannot hold another one
    st.caption(t("gates.cost_note", repeats=COST["repeats"]))


# --------------------------------------------------------------------------- page: 1 the cells

header("gates")
lang, present = current_language(), presenting()
explain("gates.intro")

st.subheader(t("gates.cells_heading"))
explain("gates.cells_explain")
cell_view = cells(lang, present)
d1, d2 = (st.container(), st.container()) if present else st.columns(2)
with d1:
    show(cell_view.lstm, "gates.lstm_diagram_caption", name="s4-lstm-diagram")
    st.markdown(cell_view.lstm_bullets, unsafe_allow_html=True)
with d2:
    show(cell_view.gru, "gates.gru_diagram_caption", name="s4-gru-diagram")
    st.markdown(cell_view.gru_bullets, unsafe_allow_html=True)

# the equations are folded: the drawings and the gates named above tell the story; the algebra is a click away
# (an aside: built and sent only while open)
equations = aside("gates.eq_heading", key="s4_equations", icon=":material/functions:")
with equations:
    if equations.open:
        cell_equations()

# --------------------------------------------------------------------------- page: 2 inside the models

st.subheader(t("gates.inside_heading"))
explain("gates.inside_explain")
with st.container(border=True):
    st.markdown(f"**{t('gates.editor_heading')}**")
    st.caption(t("gates.editor_note"))
    session.with_moods_on_first_visit()
    timeline = timeline_editor()

models, problems = models_cache.load_models(MODEL_NAMES.values())
if problems:
    models_cache.show_problems(problems)
    st.caption(t("gates.weights_note"))
shown = tuple((kind, name, models_cache.version(name)) for kind, name in MODEL_NAMES.items() if name in models)
part2 = None
if shown:
    part2 = inside(shown, tuple((ep.kind, ep.mood) for ep in timeline), timeline.moods, tuple(timeline.codes()),
                   lang, present, {kind: models[name] for kind, name, _ in shown})
    explain_text(part2.how, lead=part2.summary)

for tab, (kind, view) in zip(st.tabs([t(f"gates.tab_{k}") for k in part2.models]) if part2 else [],
                             part2.models.items() if part2 else [], strict=True):
    with tab:
        show(view.heatmaps, f"gates.hm_{kind}_caption", data=view.heatmaps_frame, name=f"s4-heatmaps-{kind}", u=view.unit)
        st.markdown(f"##### {t('gates.mu_heading')}")
        show(view.unit_fig, f"gates.mu_{kind}_caption", data=view.unit_frame, name=f"s4-unit-{kind}", u=view.unit)
        st.markdown(t("gates.facts_intro", u=view.unit) + "\n\n" + "\n".join(f"- {b}" for b in view.bullets))

if part2 is not None and part2.step_through is not None:
    explain_text(t("gates.st_explain"), lead=f"#### {t('gates.st_heading')}")
    step_through(part2.step_through, "gates.st_caption", data=part2.step_frame, name="s4-step-through",
                 key="s4_step", label_key="gates.st_keyboard", help_key="gates.st_keyboard_help")

pair, _ = models_cache.load_models((MODEL_NAMES["lstm"], BELT_MODEL))
if len(pair) == 2:  # both weights there (a missing file is already reported above or simply skipped)
    # a second LSTM, for the curious: an aside, so the story goes on from the step-through to the forget-gate bias
    second = aside("gates.tw_heading", key="s4_two_ways", icon=":material/call_split:")
    with second:
        if second.open:
            pair_view = two_ways(tuple((n, models_cache.version(n)) for n in (MODEL_NAMES["lstm"], BELT_MODEL)), lang,
                                 present, pair)
            figure(pair_view.figure, key="chart-s4-two-ways")
            st.markdown(pair_view.caption)
            csv_download(pair_view.frame, "s4-two-ways")

# --------------------------------------------------------------------------- page: 3 forget-gate bias

st.subheader(t("gates.bias_heading"))
explain("gates.bias_explain", steps=latch_core.LENGTH - 1, hidden=latch_core.HIDDEN, train=latch_core.STEPS,
        batch=latch_core.BATCH, length=latch_core.LENGTH - 1, decay=numbers.latex_sci(0.5 ** (latch_core.LENGTH - 1), lang))
bias_section(lang, present)

# --------------------------------------------------------------------------- page: 4 cost

st.subheader(t("gates.cost_heading"))
explain("gates.cost_explain")
st.latex(r"P = G\,(h\,x + h^2 + 2h), \qquad G_{\text{LSTM}} = 4,\quad G_{\text{GRU}} = 3")
story = st.container()  # the story stays in the flow (filled below, once the measurement is known) …
# … and how PyTorch runs the two cells (kernels, operator counts, timing tables) is folded: an aside for the curious
hood = aside("gates.under_the_hood", key="s4_hood", icon=":material/memory:")
with hood:
    again = hood.open and st.button(t("gates.cost_again"), icon=":material/timer:", key="s4_measure_again")
measurement = session.measurement(again=again)
cost = cost_part(measurement["stamp"], str(pretrained.WEIGHTS_DIR), lang, present, measurement)
if hood.open:
    with hood:
        under_the_hood(cost)
with story:
    st.markdown(cost.params_md)
    if cost.accuracy_md:
        st.markdown(cost.accuracy_md)
    else:
        st.caption(t("gates.cost_acc_missing"))
    st.markdown(t("gates.cost_story"))
st.caption(t("gates.references"))

# --------------------------------------------------------------------------- evidence for the conclusion

session.remember(part2, cost, measurement)
