"""Station 3: vanishing and exploding gradients — the telephone game, live.

Read the controls → the cached views of ``pages.gradients.views`` (computed once per server for each set of
control values, language and presenter mode) → show. Every number on this page comes from a real
forward or backward pass: ``rnn_core.gradients.probe`` (float64 Jacobian products),
``rnn_core.cliff`` (Pascanu's one-unit loss surface and descent paths) and ``rnn_core.explode``
(a short training run with and without gradient clipping, run once for everyone who asks for the
same seed by the shared job board ``services.jobs``).

Pascanu's cliff and the training run are fragments: moving the cliff's sliders, or watching a
training, reruns only that section.
"""

from __future__ import annotations

import streamlit as st

from pages.gradients import views
from pages.gradients.evidence import Station3
from rnn_core.cliff import DEFAULT_LR, DEFAULT_THRESHOLD
from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE, explode_pair
from services.jobs import FINISHED, JOBS
from ui.shell import state
from ui.shell.evidence import record, recorded
from ui.shell.i18n import current_language, t
from ui.shell.layout import explain, header, presenting
from ui.shell.numbers import measured, setting
from ui.widgets.chart import chart, step_through

# Option labels are the same in both languages: the URL keeps the option, so a shared link must not
# depend on the language. Label → rnn_core name.
NONLINEARITIES = {"tanh": "tanh", "ReLU": "relu", "linear": "linear"}
INITS = {"g·Q": "orthogonal", "PyTorch": "pytorch"}
HIDDEN_SIZES = (8, 16, 32, 64, 128)
JOB_KEY = "_s3_job"  # the training this session asked for (a services.jobs key)
CLIFF_JUMP = "_s3_cliff_jump"
POLL_SECONDS = 0.5


def show(shown: views.Shown) -> None:
    """A chart from a view: shown as is (shared by every session, never modified)."""
    chart(shown.fig, shown.caption_key, data=shown.data, name=shown.name, styled=True, **shown.caption_fmt)


def explode_key(seed: int) -> tuple:
    """The shared job of one seed's pair of runs: everything that defines it."""
    return ("s3-explode", RECIPE, int(seed))


def _pair_job(seed: int):
    def run(progress):
        def on_step(index: int, info) -> None:
            if info.step % 20 == 0:
                progress.publish((index, info.step))

        return explode_pair(seed, on_step=on_step, should_stop=lambda: progress.cancelled)

    return JOBS.submit(explode_key(seed), run)


def _remember(**parts) -> None:
    """Update this session's evidence (a new value) after a section reran on its own."""
    evidence = recorded(Station3)
    if evidence is not None:
        record(views.with_results(evidence, **parts))


# --------------------------------------------------------------------------- 3 the cliff (a fragment)


@st.fragment
def cliff_section(lang: str, present: bool) -> None:
    st.subheader(t("gradients.cliff_heading"))
    explain("gradients.cliff_explain")
    k1, k2 = st.columns(2)
    with k1:
        lr = state.slider("gradients.cliff_lr_label", "cliff_lr", 0.02, 0.3, DEFAULT_LR, 0.01, help=t("gradients.cliff_lr_help"))
    with k2:
        threshold = state.slider("gradients.cliff_clip_label", "cliff_clip", 0.1, 5.0, DEFAULT_THRESHOLD, 0.1,
                                 help=t("gradients.cliff_clip_help"))
    view = views.cliff_view(float(lr), float(threshold), lang, present)
    show(view.surface)
    show(view.losses)
    with st.expander(t("gradients.cliff_aside_heading"), icon=":material/casino:"):
        st.markdown(views.cliff_aside(lang))
    st.session_state[CLIFF_JUMP] = view.jump
    _remember(cliff_jump=view.jump)  # when only this section reran; a full run records at the end


# --------------------------------------------------------------------------- 4 the exploding run (a fragment)


def training_section(seed: int, lang: str, present: bool) -> None:
    asked = st.session_state.get(JOB_KEY)
    job = JOBS.get(asked) if asked else None
    if asked and job is None:  # the board forgot it (restart, or many trainings since): ask again
        job = _pair_job(asked[-1])
    running = job is not None and job.status not in FINISHED
    st.fragment(_training_body, run_every=POLL_SECONDS if running else None)(seed, lang, present)


def _training_body(seed: int, lang: str, present: bool) -> None:
    asked = st.session_state.get(JOB_KEY)
    job = JOBS.get(asked) if asked else None
    if st.button(t("gradients.train_button", seed=seed), icon=":material/play_arrow:", type="primary", key="s3_train"):
        _pair_job(seed)
        st.session_state[JOB_KEY] = explode_key(seed)
        st.rerun()  # the whole page, so that this section starts polling
    if job is None:
        st.info(t("gradients.train_hint"), icon=":material/touch_app:")
        return
    if job.status == "queued":
        st.info(t("gradients.train_queued", n=job.ahead), icon=":material/hourglass_top:")
    elif job.status == "running":
        index, step = job.snapshot or (0, 0)
        label = t("gradients.train_progress_clipped" if index else "gradients.train_progress_free")
        st.progress(min(1.0, (index + step / RECIPE.steps) / 2), text=label)
    if job.status not in FINISHED:
        if st.button(t("gradients.train_stop"), icon=":material/stop:", key="s3_train_stop"):
            JOBS.stop(job)
            st.session_state.pop(JOB_KEY, None)
            st.rerun()
        st.session_state["_s3_polling"] = True
        return
    if st.session_state.pop("_s3_polling", False):
        st.rerun()  # finished while this section polled: rerun the page once (stops polling, records)
    if job.status == "failed":
        st.error(t("gradients.train_failed", error=job.error), icon=":material/error:")
        return
    pair = job.result
    if job.status == "stopped" or pair is None or pair.stopped:
        st.info(t("gradients.train_stopped"), icon=":material/stop_circle:")
        return
    view = views.training_view(pair.seed, lang, present, pair)
    m1, m2, m3 = st.columns(3)
    with m1:
        (st.error if view.free_exploded else st.warning)(
            view.free_message, icon=":material/campaign:" if view.free_exploded else ":material/help:")
    with m2:
        (st.error if view.clipped_exploded else st.success)(
            view.clipped_message, icon=":material/warning:" if view.clipped_exploded else ":material/check_circle:")
    with m3:
        st.metric(t("gradients.train_seconds"), view.seconds, help=t("gradients.train_seconds_help"))
        st.caption(t("gradients.train_seed", seed=pair.seed))
    show(view.loss)
    show(view.norm)


# --------------------------------------------------------------------------- page

lang, present = current_language(), presenting()
header("gradients")
explain("gradients.intro")

with st.container(border=True):
    st.markdown(f"**{t('gradients.controls_heading')}**")
    c1, c2, c3 = st.columns(3)
    with c1:
        init = INITS[state.radio("gradients.init_label", "init", list(INITS), "g·Q", help=t("gradients.init_help"))]
        gain = state.slider("gradients.gain_label", "gain", 0.5, 2.0, 1.0, 0.05, disabled=init == "pytorch",
                            help=t("gradients.gain_help"))
    with c2:
        nl_name = state.radio("gradients.nl_label", "nonlinearity", list(NONLINEARITIES), "tanh", help=t("gradients.nl_help"))
        hidden = state.select("gradients.hidden_label", "hidden", HIDDEN_SIZES, 32, help=t("gradients.hidden_help"))
    with c3:
        length = state.slider("gradients.length_label", "length", 5, 300, 100, 1, help=t("gradients.length_help"))
        # a slider, not a number input: Streamlit 1.67's int number_input crashes on ?seed=1e309
        seed = state.slider("gradients.seed_label", "seed", 0, 99, 0, 1, help=t("gradients.seed_help"))
    if init == "pytorch":
        st.caption(t("gradients.gain_ignored"))
    st.caption(t("common.share_hint"))

line = views.line_view(init, None if init == "pytorch" else float(gain), NONLINEARITIES[nl_name], int(hidden),
                       int(length), int(seed), lang, present)

st.subheader(t("gradients.regime_heading"))
badge_col, pascanu_col = st.columns([3, 2])
with badge_col:
    st.badge(line.badge, icon=line.badge_icon, color=line.badge_color)
    st.markdown(line.analogy)
with pascanu_col:
    st.metric(t("gradients.sigma_label"), line.sigma, help=t("gradients.sigma_help"))
    for paragraph in line.pascanu:
        st.markdown(paragraph)

st.subheader(t("gradients.phone_heading"))
explain("gradients.phone_explain")
st.caption(t("gradients.phone_player_hint"))
step_through(line.phone.fig, line.phone.caption_key, data=line.phone.data, name=line.phone.name,
             **line.phone.caption_fmt)

st.subheader(t("gradients.dist_heading"))
show(line.distance)
show(line.cells)

with st.expander(t("gradients.math_heading"), icon=":material/functions:"):
    st.markdown(t("gradients.math_intro"))
    st.latex(r"h_t = \varphi(a_t), \qquad a_t = W\,x_t + U\,h_{t-1} + b")
    st.markdown(t("gradients.math_chain"))
    st.latex(r"\frac{\partial h_T}{\partial h_t} = \prod_{k=t+1}^{T} \frac{\partial h_k}{\partial h_{k-1}}"
             r" = \prod_{k=t+1}^{T} \operatorname{diag}\big(\varphi'(a_k)\big)\, U, \qquad"
             r"\frac{\partial L}{\partial h_t} = \frac{\partial L}{\partial h_T}\,\frac{\partial h_T}{\partial h_t}")
    st.markdown(t("gradients.math_linear"))
    st.latex(r"U = \rho\,Q,\ Q^\top Q = I \;\Rightarrow\; \Big\|\frac{\partial h_T}{\partial h_t}\Big\| = \rho^{\,T-t}"
             r"\qquad 0.9^{100} \approx 2.66\times10^{-5}, \quad 1.1^{100} \approx 1.38\times10^{4}")
    st.markdown(t("gradients.math_pascanu"))
    st.latex(r"\Big\|\frac{\partial h_k}{\partial h_{k-1}}\Big\| \le \big\|\operatorname{diag}\varphi'(a_k)\big\|"
             r"\,\|U\| \le \gamma\,\sigma_{\max}(U) \;\Rightarrow\; \Big\|\frac{\partial h_T}{\partial h_t}\Big\|"
             r" \le \big(\gamma\,\sigma_{\max}\big)^{T-t}")
    st.markdown(t("gradients.math_conditions"))
    st.latex(r"\text{if } \|g\| \ge c:\quad g \leftarrow \frac{c}{\|g\|}\,g")
    st.markdown(t("gradients.math_clipping"))

cliff_section(lang, present)

st.subheader(t("gradients.train_heading"))
explain("gradients.train_explain", gain=setting(RECIPE.gain, lang), hidden=RECIPE.hidden, length=RECIPE.length,
        lr=setting(RECIPE.lr, lang), steps=RECIPE.steps, batch=RECIPE.batch, c=setting(RECIPE.clip_threshold, lang),
        baseline=measured(ADDING_BASELINE_MSE, lang))
training_section(int(seed), lang, present)

st.caption(t("gradients.references"))

# the evidence for the conclusion page: this row, the cliff's jump, the training this session asked for
asked = st.session_state.get(JOB_KEY)
job = JOBS.get(asked) if asked else None
record(views.with_results(line.evidence, cliff_jump=st.session_state.get(CLIFF_JUMP),
                          pair=job.result if job is not None and job.status == "done" else None))
