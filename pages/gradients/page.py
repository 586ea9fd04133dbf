"""Station 3: vanishing and exploding gradients — the telephone game, live.

Read the controls → the cached views of ``pages.gradients.view`` (computed once per server for each set of
control values, language and presenter mode) → show. Every number on this page comes from a real
forward or backward pass: ``rnn_core.gradients.probe`` (float64 Jacobian products),
``rnn_core.cliff`` (Pascanu's one-unit loss surface and descent paths) and ``rnn_core.explode``
(a short training run with and without gradient clipping, run once for everyone who asks for the
same seed by the shared job board ``services.jobs``, watched with ``ui.widgets.job_watcher``).

Pascanu's cliff is a fragment: moving its sliders reruns only that section. This student's own
state (the pair asked for, the cliff's jump, the evidence) is ``pages.gradients.session``.
"""

from __future__ import annotations

import streamlit as st

from pages.gradients import session
from pages.gradients import view as gradients_view
from rnn_core.cliff import DEFAULT_LR, DEFAULT_THRESHOLD
from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE
from ui.shell import state
from ui.shell.i18n import current_language, t
from ui.shell.layout import aside, explain, header, presenting
from ui.shell.numbers import measured, setting
from ui.widgets.chart import chart, step_through
from ui.widgets.job_watcher import Stop, watch
from ui.widgets.prediction import ask

# Option labels are the same in both languages: the URL keeps the option, so a shared link must not
# depend on the language. Label → rnn_core name (the one table is view.NONLINEARITY_NAMES).
NONLINEARITIES = {label: name for name, label in gradients_view.NONLINEARITY_NAMES.items()}
INITS = {"g·Q": "orthogonal", "PyTorch": "pytorch"}
HIDDEN_SIZES = (8, 16, 32, 64, 128)


def show(shown: gradients_view.Shown) -> None:
    """A chart from a view: shown as is (shared by every session, never modified)."""
    chart(shown.fig, shown.caption_key, data=shown.data, name=shown.name, styled=True, **shown.caption_fmt)


@st.fragment
def cliff_section(lang: str, present: bool) -> None:
    """Pascanu's cliff: its two sliders rerun only this section."""
    st.subheader(t("gradients.cliff_heading"))
    explain("gradients.cliff_explain")
    k1, k2 = st.columns(2)
    with k1:
        lr = state.slider("gradients.cliff_lr_label", "cliff_lr", 0.02, 0.3, DEFAULT_LR, 0.01, help=t("gradients.cliff_lr_help"))
    with k2:
        threshold = state.slider("gradients.cliff_clip_label", "cliff_clip", 0.1, 5.0, DEFAULT_THRESHOLD, 0.1,
                                 help=t("gradients.cliff_clip_help"))
    cliff = gradients_view.cliff_view(float(lr), float(threshold), lang, present)
    show(cliff.surface)
    show(cliff.losses)
    with st.expander(t("gradients.cliff_aside_heading"), icon=":material/casino:"):
        st.markdown(gradients_view.cliff_aside(lang))
    session.remember_jump(cliff.jump)


def the_math() -> None:
    """Why gradients vanish or explode: the chain rule through time, the linear case, Pascanu's bound, clipping."""
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


def training_section(seed: int, lang: str, present: bool) -> None:
    """The exploding pair: a button, the shared job while it trains, its charts once it is done."""
    if st.button(t("gradients.train_button", seed=seed), icon=":material/play_arrow:", type="primary", key="s3_train"):
        session.ask(seed)
    job = session.asked()
    if job is None:
        st.info(t("gradients.train_hint"), icon=":material/touch_app:")
        return
    job = watch(job, waiting=lambda ahead: t("gradients.train_queued", n=ahead), progress=session.progress,
                stop=Stop(t("gradients.train_stop"), "s3_train_stop", session.forget))
    if job is None:
        return  # the watcher shows it while it trains
    if job.status == "failed":
        st.error(t("gradients.train_failed", error=job.error), icon=":material/error:")
        return
    pair = job.result
    if job.status == "stopped" or pair is None or pair.stopped:
        st.info(t("gradients.train_stopped"), icon=":material/stop_circle:")
        return
    trained = gradients_view.training_view(pair.seed, lang, present, pair)
    m1, m2, m3 = st.columns(3)
    with m1:
        (st.error if trained.free_exploded else st.warning)(
            trained.free_message, icon=":material/campaign:" if trained.free_exploded else ":material/help:")
    with m2:
        (st.error if trained.clipped_exploded else st.success)(
            trained.clipped_message, icon=":material/warning:" if trained.clipped_exploded else ":material/check_circle:")
    with m3:
        st.metric(t("gradients.train_seconds"), trained.seconds, help=t("gradients.train_seconds_help"))
        st.caption(t("gradients.train_seed", seed=pair.seed))
    show(trained.loss)
    show(trained.norm)


# --------------------------------------------------------------------------- page

lang, present = current_language(), presenting()
header("gradients")
explain("gradients.intro")

MORE_SETTINGS = ("init", "nonlinearity", "hidden", "seed")  # folded: a first-timer needs only the gain and T
with st.container(border=True):
    st.markdown(f"**{t('gradients.controls_heading')}**")
    c1, c3 = st.columns(2)
    # the other four settings are drawn below the first two (filled first: the gain slider depends on init);
    # open when a shared link sets one of them, so that a link never hides the setting it changed
    more = st.expander(t("gradients.more_settings"), icon=":material/tune:",
                       expanded=any(key in st.query_params for key in MORE_SETTINGS))
    with more:
        m1, m2 = st.columns(2)
        with m1:
            init = INITS[state.radio("gradients.init_label", "init", list(INITS), "g·Q", help=t("gradients.init_help"))]
            hidden = state.select("gradients.hidden_label", "hidden", HIDDEN_SIZES, 32, help=t("gradients.hidden_help"))
        with m2:
            nl_name = state.radio("gradients.nl_label", "nonlinearity", list(NONLINEARITIES), "tanh",
                                  help=t("gradients.nl_help"))
            # a slider, not a number input: Streamlit 1.67's int number_input crashes on ?seed=1e309
            seed = state.slider("gradients.seed_label", "seed", 0, 99, 0, 1, help=t("gradients.seed_help"))
    with c1:
        gain = state.slider("gradients.gain_label", "gain", 0.5, 2.0, 1.0, 0.05, disabled=init == "pytorch",
                            help=t("gradients.gain_help"))
    with c3:
        length = state.slider("gradients.length_label", "length", 5, 300, 100, 1, help=t("gradients.length_help"))
    if init == "pytorch":
        st.caption(t("gradients.gain_ignored"))
    st.caption(t("common.share_hint"))

line = gradients_view.line_view(init, None if init == "pytorch" else float(gain), NONLINEARITIES[nl_name],
                                int(hidden), int(length), int(seed), lang, present)

st.subheader(t("gradients.regime_heading"))
badge_col, pascanu_col = st.columns([3, 2])
with badge_col:
    st.badge(line.badge, icon=line.badge_icon, color=line.badge_color)
    st.markdown(line.analogy)
with pascanu_col:
    st.metric(t("gradients.sigma_label"), line.sigma, help=t("gradients.sigma_help"))
    st.markdown("\n\n".join(line.pascanu))

st.subheader(t("gradients.phone_heading"))
explain("gradients.phone_explain")
st.caption(t("gradients.phone_player_hint"))
step_through(line.phone.fig, line.phone.caption_key, data=line.phone.data, name=line.phone.name,
             **line.phone.caption_fmt)

st.subheader(t("gradients.dist_heading"))
if ask("gradients.distance50"):  # predict, then see (ui.widgets.prediction)
    show(line.distance)
if ask("gradients.cells_far"):
    show(line.cells)

math_box = aside("gradients.math_heading", key="s3_math", icon=":material/functions:")  # built only while open
with math_box:
    if math_box.open:
        the_math()

cliff_section(lang, present)

st.subheader(t("gradients.train_heading"))
explain("gradients.train_explain", gain=setting(RECIPE.gain, lang), hidden=RECIPE.hidden, length=RECIPE.length,
        lr=setting(RECIPE.lr, lang), steps=RECIPE.steps, batch=RECIPE.batch, c=setting(RECIPE.clip_threshold, lang),
        baseline=measured(ADDING_BASELINE_MSE, lang))
training_section(int(seed), lang, present)

st.caption(t("gradients.references"))
session.remember(line.evidence)  # for the conclusion page: this row, the cliff's jump, the pair asked for
