"""Station 3: vanishing and exploding gradients — the telephone game, live.

Read the controls → measure with ``rnn_core`` (cached per control values) → hand the numbers
to the builders of ``ui.charts.gradients``. Every number on this page comes from a real forward
or backward pass: ``rnn_core.gradients.probe`` (float64 Jacobian products), ``rnn_core.cliff``
(Pascanu's one-unit loss surface and descent paths) and ``rnn_core.explode`` (a short training
run with and without gradient clipping).
"""

from __future__ import annotations

import math
import time

import numpy as np
import streamlit as st

from rnn_core.cliff import (
    B_RANGE,
    DEFAULT_LR,
    DEFAULT_START,
    DEFAULT_STEPS,
    DEFAULT_THRESHOLD,
    W_RANGE,
    descent_path,
    loss_surface,
)
from rnn_core.explode import ADDING_BASELINE_MSE, RECIPE, hallucination_run
from rnn_core.gradients import GradientProbe, gradient_norms, probe
from ui import state
from ui.charts import gradients as charts
from ui.evidence import record
from ui.i18n import current_language, t
from ui.layout import explain, header, presenting
from ui.theme import MODEL_COLORS
from ui.widgets import chart

# Option labels are the same in both languages: Streamlit writes the shown label into the URL, so a
# shared link must not depend on the language. Label → rnn_core name.
NONLINEARITIES = {"tanh": "tanh", "ReLU": "relu", "linear": "linear"}
INITS = {"g·Q": "orthogonal", "PyTorch": "pytorch"}
HIDDEN_SIZES = (8, 16, 32, 64, 128)
FORGET_OPEN = 2.0  # forget-gate bias of the "gate held open" LSTM line (bridge to station 4)
DISTANCE_PROBE = 50  # the distance whose ratio is recorded for the conclusion page
TRAINING_KEY = "_s3_training"


# --------------------------------------------------------------------------- cached measurements


@st.cache_data(max_entries=512, show_spinner=False)
def measure_rnn(nonlinearity: str, gain: float | None, length: int, hidden: int, seed: int) -> GradientProbe:
    """The plain RNN of the controls: both views, σ_max, the regime."""
    return probe("rnn", length=length, hidden=hidden, gain=gain, nonlinearity=nonlinearity, seed=seed)


@st.cache_data(max_entries=512, show_spinner=False)
def measure_gated(gain: float | None, length: int, hidden: int, seed: int) -> dict[str, np.ndarray]:
    """‖∂L/∂h_t‖ of an LSTM, a GRU and an LSTM with its forget gate held open, same init
    (``gradient_norms``: the backward view only, half the work of a full ``probe``)."""
    return {
        "lstm": gradient_norms("lstm", length=length, hidden=hidden, gain=gain, seed=seed),
        "gru": gradient_norms("gru", length=length, hidden=hidden, gain=gain, seed=seed),
        "lstm_open": gradient_norms("lstm", length=length, hidden=hidden, gain=gain, seed=seed,
                                    forget_bias=FORGET_OPEN),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def measure_cliff(lr: float, threshold: float, n: int = 121):
    """Both descent paths from Pascanu's start, and the loss surface over a box holding them.

    Paths are cut after the last step reached (rows of NaN mean "never got there")."""
    free = descent_path(DEFAULT_START, lr=lr, steps=DEFAULT_STEPS, clip=None)
    clipped = descent_path(DEFAULT_START, lr=lr, steps=DEFAULT_STEPS, clip=threshold)
    free, clipped = (p[np.isfinite(p).any(axis=1)] for p in (free, clipped))
    w_range, b_range = charts.cliff_view([free, clipped], (W_RANGE, B_RANGE))
    w_grid, b_grid, loss = loss_surface(w_range, b_range, n=n)
    return w_grid[0], b_grid[:, 0], loss, free, clipped


@st.cache_data(max_entries=128, show_spinner=False)
def cliff_hover(lr: float, threshold: float, lang: str) -> np.ndarray:
    """Hover text of every surface cell (14,641 numbers to format: cached, not redone per rerun)."""
    return charts.surface_hover(measure_cliff(lr, threshold)[2], common_texts(lang), lang)


# --------------------------------------------------------------------------- small helpers


def common_texts(lang: str | None = None) -> dict[str, str]:
    """How 0, ∞ and NaN read in hovers and legends."""
    return {key: t(f"s3.value_{key}", lang) for key in
            ("underflow", "overflow", "nan", "underflow_marker", "overflow_marker")}


def theory_line(p: GradientProbe, init: str) -> tuple[np.ndarray, str]:
    """``g^k`` (exact: linear RNN with W = g·Q) or Pascanu's bound ``(γ σ_max)^k``, by distance."""
    distance = p.distance.astype(np.float64)
    if p.nonlinearity == "linear" and init == "orthogonal":
        return p.gain ** distance, t("s3.dist_theory_exact", g=num(p.gain))
    return (p.gamma * p.max_singular_value) ** distance, t("s3.dist_theory_bound")


def tall(pixels: int) -> int:
    """A chart height, a third taller in presenter mode (larger fonts need the room)."""
    return round(pixels * 1.35) if presenting() else pixels


def fmt(value: float, digits: int = 3) -> str:
    """A measured number: ``2.66 × 10⁻⁵``."""
    return charts.sci(value, current_language(), digits)


def num(value: float) -> str:
    """A control value: ``0.05``, ``2``."""
    return charts.short(value, current_language())


def norm_at(p: GradientProbe, distance: int) -> float | None:
    """‖∂L/∂h_t‖ at ``distance`` steps from the loss (None when the sequence is shorter)."""
    return float(p.backward[p.length - 1 - distance]) if distance < p.length else None


def plain(value: float | None) -> float | None:
    """A plain Python float (∞ stays ∞: the conclusion page reads it as overflow), or None."""
    return None if value is None else float(value)


# --------------------------------------------------------------------------- page


header("s3")
lang = current_language()
explain("s3.intro")

with st.container(border=True):
    st.markdown(f"**{t('s3.controls_heading')}**")
    c1, c2, c3 = st.columns(3)
    with c1:
        init = INITS[state.radio("s3.init_label", "init", list(INITS), "g·Q", help=t("s3.init_help"))]
        gain = state.slider("s3.gain_label", "gain", 0.5, 2.0, 1.0, 0.05, disabled=init == "pytorch",
                            help=t("s3.gain_help"))
    with c2:
        nl_name = state.radio("s3.nl_label", "nonlinearity", list(NONLINEARITIES), "tanh", help=t("s3.nl_help"))
        nonlinearity = NONLINEARITIES[nl_name]
        hidden = state.select("s3.hidden_label", "hidden", HIDDEN_SIZES, 32, help=t("s3.hidden_help"))
    with c3:
        length = state.slider("s3.length_label", "length", 5, 300, 100, 1, help=t("s3.length_help"))
        # a slider, not a number input: Streamlit 1.67's int number_input crashes on ?seed=1e309
        seed = state.slider("s3.seed_label", "seed", 0, 99, 0, 1, help=t("s3.seed_help"))
    if init == "pytorch":
        st.caption(t("s3.gain_ignored"))
    st.caption(t("common.share_hint"))

gain_used = None if init == "pytorch" else float(gain)
rnn = measure_rnn(nonlinearity, gain_used, int(length), int(hidden), int(seed))
gated = measure_gated(gain_used, int(length), int(hidden), int(seed))
texts = common_texts()

# --------------------------------------------------------------------------- regime badge

st.subheader(t("s3.regime_heading"))
regime = rnn.regime
far = float(rnn.backward[0])  # the farthest person: T - 1 steps from the loss
badge_col, pascanu_col = st.columns([3, 2])
with badge_col:
    color = {"vanishing": "blue", "stable": "green", "exploding": "red"}[regime]
    icon = {"vanishing": ":material/volume_mute:", "stable": ":material/volume_up:",
            "exploding": ":material/campaign:"}[regime]
    st.badge(t(f"s3.regime_{regime}"), icon=icon, color=color)
    st.markdown(t(f"s3.analogy_{regime}", k=rnn.length - 1, value=charts.value_text(far, texts, lang)))
with pascanu_col:
    sigma, inv_gamma = rnn.max_singular_value, 1 / rnn.gamma
    edge = math.isclose(sigma, inv_gamma, rel_tol=1e-6)
    st.metric(t("s3.sigma_label"), fmt(sigma, 4), help=t("s3.sigma_help"))
    st.markdown(t("s3.pascanu_line", sigma=fmt(sigma, 4), inv=num(inv_gamma), gamma=num(rnn.gamma),
                  nl=nl_name))
    if edge:
        st.markdown(t("s3.pascanu_edge"))
    elif sigma < inv_gamma:
        st.markdown(t("s3.pascanu_sufficient"))
    else:
        st.markdown(t("s3.pascanu_necessary", regime=t(f"s3.regime_short_{regime}")))

# --------------------------------------------------------------------------- 1 the telephone game

st.subheader(t("s3.phone_heading"))
explain("s3.phone_explain")
people = charts.shown_people(rnn.length)
phone_texts = {
    **texts,
    "title": t("s3.phone_title", n=len(people), total=rnn.length),
    "x_title": t("s3.phone_x"),
    "row_forward": t("s3.phone_row_forward"),
    "row_backward": t("s3.phone_row_backward"),
    "forward_name": t("s3.phone_forward_name"),
    "backward_name": t("s3.phone_backward_name"),
    "colorbar": t("s3.phone_colorbar"),
    "person": t("s3.phone_person"),
    "from_start": t("s3.phone_from_start"),
    "to_loss": t("s3.phone_to_loss"),
}
chart(charts.telephone_figure(rnn.forward, rnn.backward, texts=phone_texts, lang=lang), "s3.phone_caption",
      data=charts.telephone_frame(rnn.forward, rnn.backward), name="s3-telephone", height=tall(360),
      first=charts.value_text(float(rnn.forward[-1]), texts, lang),
      last=charts.value_text(float(rnn.backward[0]), texts, lang), k=rnn.length)

# --------------------------------------------------------------------------- 2 norm by distance

st.subheader(t("s3.dist_heading"))
theory, theory_name = theory_line(rnn, init)
dist_texts = {**texts, "title": t("s3.dist_title", nl=nl_name), "x_title": t("s3.dist_x"),
              "y_title": t("s3.dist_y"), "measured": t("s3.dist_measured"), "theory": theory_name}
exact = nonlinearity == "linear" and init == "orthogonal"
chart(charts.distance_figure(rnn.distance, rnn.backward, theory, texts=dist_texts, lang=lang),
      "s3.dist_caption_exact" if exact else "s3.dist_caption_bound",
      data=charts.distance_frame(rnn.distance, rnn.backward, theory), name="s3-distance", height=tall(400))
curves = [
    (t("s3.cells_rnn", nl=nl_name), rnn.backward, MODEL_COLORS["rnn"], "solid"),
    ("LSTM", gated["lstm"], MODEL_COLORS["lstm"], "solid"),
    ("GRU", gated["gru"], MODEL_COLORS["gru"], "solid"),
    (t("s3.cells_lstm_open", b=num(FORGET_OPEN)), gated["lstm_open"], MODEL_COLORS["lstm"], "dash"),
]
cells_texts = {**texts, "title": t("s3.cells_title", T=rnn.length), "x_title": t("s3.dist_x"),
               "y_title": t("s3.dist_y")}
chart(charts.cells_figure(rnn.distance, curves, texts=cells_texts, lang=lang), "s3.cells_caption",
      data=charts.cells_frame(rnn.distance, {"rnn": rnn.backward, **gated}), name="s3-cells", height=tall(400))

with st.expander(t("s3.math_heading"), icon=":material/functions:"):
    st.markdown(t("s3.math_intro"))
    st.latex(r"h_t = \varphi(a_t), \qquad a_t = W\,h_{t-1} + U\,x_t + b")
    st.markdown(t("s3.math_chain"))
    st.latex(r"\frac{\partial h_T}{\partial h_t} = \prod_{k=t+1}^{T} \frac{\partial h_k}{\partial h_{k-1}}"
             r" = \prod_{k=t+1}^{T} \operatorname{diag}\big(\varphi'(a_k)\big)\, W, \qquad"
             r"\frac{\partial L}{\partial h_t} = \frac{\partial L}{\partial h_T}\,\frac{\partial h_T}{\partial h_t}")
    st.markdown(t("s3.math_linear"))
    st.latex(r"W = \rho\,Q,\ Q^\top Q = I \;\Rightarrow\; \Big\|\frac{\partial h_T}{\partial h_t}\Big\| = \rho^{\,T-t}"
             r"\qquad 0.9^{100} \approx 2.66\times10^{-5}, \quad 1.1^{100} \approx 1.38\times10^{4}")
    st.markdown(t("s3.math_pascanu"))
    st.latex(r"\Big\|\frac{\partial h_k}{\partial h_{k-1}}\Big\| \le \big\|\operatorname{diag}\varphi'(a_k)\big\|"
             r"\,\|W\| \le \gamma\,\sigma_{\max}(W) \;\Rightarrow\; \Big\|\frac{\partial h_T}{\partial h_t}\Big\|"
             r" \le \big(\gamma\,\sigma_{\max}\big)^{T-t}")
    st.markdown(t("s3.math_conditions"))
    st.latex(r"\text{if } \|g\| \ge c:\quad g \leftarrow \frac{c}{\|g\|}\,g")
    st.markdown(t("s3.math_clipping"))

# --------------------------------------------------------------------------- 4 the cliff

st.subheader(t("s3.cliff_heading"))
explain("s3.cliff_explain")
k1, k2 = st.columns(2)
with k1:
    cliff_lr = state.slider("s3.cliff_lr_label", "cliff_lr", 0.02, 0.3, DEFAULT_LR, 0.01, help=t("s3.cliff_lr_help"))
with k2:
    cliff_clip = state.slider("s3.cliff_clip_label", "cliff_clip", 0.1, 5.0, DEFAULT_THRESHOLD, 0.1,
                              help=t("s3.cliff_clip_help"))
w_axis, b_axis, surface, free_path, clip_path = measure_cliff(float(cliff_lr), float(cliff_clip))
free_name, clip_name = t("s3.cliff_free"), t("s3.cliff_clipped", c=num(cliff_clip))
cliff_texts = {**texts, "title": t("s3.cliff_title"), "x_title": t("s3.cliff_x"), "y_title": t("s3.cliff_y"),
               "colorbar": t("s3.cliff_colorbar"), "start": t("s3.cliff_start"), "loss": t("s3.cliff_loss"),
               "jump": t("s3.cliff_jump")}
jump_step, jump = charts.largest_step(free_path)
clip_step, clip_jump = charts.largest_step(clip_path)
cliff_paths = {free_name: free_path, clip_name: clip_path}
chart(charts.cliff_figure(w_axis, b_axis, surface, [(free_name, free_path, charts.UNCLIPPED_COLOR),
                                                    (clip_name, clip_path, charts.CLIPPED_COLOR)],
                          texts=cliff_texts, lang=lang, hover=cliff_hover(float(cliff_lr), float(cliff_clip), lang)),
      "s3.cliff_caption", data=charts.cliff_frame(cliff_paths), name="s3-cliff", height=tall(520),
      jump=fmt(jump), step=jump_step, clip_jump=fmt(clip_jump))
path_texts = {**texts, "title": t("s3.cliff_path_title"), "x_title": t("s3.cliff_path_x"),
              "y_title": t("s3.cliff_path_y"), "exploded": t("s3.train_exploded")}
chart(charts.training_figure([(free_name, free_path[:, 2], charts.UNCLIPPED_COLOR, None),
                              (clip_name, clip_path[:, 2], charts.CLIPPED_COLOR, None)],
                             texts=path_texts, lang=lang, first_step=0),
      "s3.cliff_path_caption", name="s3-cliff-loss", height=tall(360),
      free=fmt(float(free_path[-1, 2])), clipped=fmt(float(clip_path[-1, 2])))

# --------------------------------------------------------------------------- 5 the network hallucinates

st.subheader(t("s3.train_heading"))
explain("s3.train_explain", gain=num(RECIPE.gain), hidden=RECIPE.hidden, length=RECIPE.length, lr=num(RECIPE.lr),
        steps=RECIPE.steps, batch=RECIPE.batch, c=num(RECIPE.clip_threshold), baseline=fmt(ADDING_BASELINE_MSE))
if st.button(t("s3.train_button", seed=int(seed)), icon=":material/play_arrow:", type="primary", key="s3_train"):
    bar = st.progress(0.0, text=t("s3.train_progress_free"))
    runs = {}
    started = time.perf_counter()
    for index, clip in enumerate((False, True)):
        label = t("s3.train_progress_clipped" if clip else "s3.train_progress_free")

        def tick(info, index=index, label=label) -> None:
            if info.step % 20 == 0:
                bar.progress(min(1.0, (index + info.step / RECIPE.steps) / 2), text=label)

        result = hallucination_run(clip=clip, seed=int(seed), callback=tick)
        runs["clipped" if clip else "free"] = {
            "losses": result.losses, "grad_norms": result.grad_norms, "exploded_at": result.exploded_at,
            "final_loss": result.final_loss, "steps": result.steps,
        }
    bar.empty()
    st.session_state[TRAINING_KEY] = {"seed": int(seed), "seconds": time.perf_counter() - started, **runs}

training = st.session_state.get(TRAINING_KEY)
if training is None:
    st.info(t("s3.train_hint"), icon=":material/touch_app:")
else:
    free, tame = training["free"], training["clipped"]
    m1, m2, m3 = st.columns(3)
    with m1:
        if free["exploded_at"]:
            st.error(t("s3.train_free_exploded", step=free["exploded_at"]), icon=":material/campaign:")
        else:
            st.warning(t("s3.train_free_survived", steps=free["steps"]), icon=":material/help:")
    with m2:
        if tame["exploded_at"]:
            st.error(t("s3.train_clip_exploded", step=tame["exploded_at"]), icon=":material/warning:")
        else:
            st.success(t("s3.train_clip_ok", loss=fmt(tame["final_loss"]), baseline=fmt(ADDING_BASELINE_MSE)),
                       icon=":material/check_circle:")
    with m3:
        st.metric(t("s3.train_seconds"), f"{training['seconds']:.1f} s".replace(".", "," if lang == "pt" else "."))
        st.caption(t("s3.train_seed", seed=training["seed"]))
    run_names = {"free": t("s3.train_free"), "clipped": t("s3.train_clipped", c=num(RECIPE.clip_threshold))}
    run_colors = {"free": charts.UNCLIPPED_COLOR, "clipped": charts.CLIPPED_COLOR}
    frame = charts.training_frame({run_names[k]: training[k] for k in ("free", "clipped")})
    loss_texts = {**texts, "title": t("s3.train_loss_title"), "x_title": t("s3.train_x"),
                  "y_title": t("s3.train_loss_y"), "exploded": t("s3.train_exploded")}
    chart(charts.training_figure([(run_names[k], training[k]["losses"], run_colors[k], training[k]["exploded_at"])
                                  for k in ("free", "clipped")], texts=loss_texts, lang=lang,
                                 baseline=ADDING_BASELINE_MSE, baseline_name=t("s3.train_baseline")),
          "s3.train_loss_caption", data=frame, name="s3-train-loss", height=tall(380))
    norm_texts = {**texts, "title": t("s3.train_norm_title"), "x_title": t("s3.train_x"),
                  "y_title": t("s3.train_norm_y"), "exploded": t("s3.train_exploded")}
    chart(charts.training_figure([(run_names[k], training[k]["grad_norms"], run_colors[k],
                                   training[k]["exploded_at"]) for k in ("free", "clipped")],
                                 texts=norm_texts, lang=lang, threshold=RECIPE.clip_threshold,
                                 threshold_name=t("s3.train_threshold", c=num(RECIPE.clip_threshold))),
          "s3.train_norm_caption", name="s3-train-norm", height=tall(380))

st.caption(t("s3.references"))

# --------------------------------------------------------------------------- evidence for the conclusion

ratio = norm_at(rnn, DISTANCE_PROBE)
record("s3", {
    "regime": regime,
    "kind": "rnn",
    "nonlinearity": nonlinearity,
    "init": init,
    "gain": gain_used,
    "length": rnn.length,
    "hidden": rnn.hidden,
    "seed": int(seed),
    "max_singular_value": rnn.max_singular_value,
    "distance_probe": DISTANCE_PROBE,
    "ratio_at_distance": plain(ratio),
    "norms": [float(v) for v in rnn.backward],
    "distances": [int(d) for d in rnn.distance],
    "lstm_ratio_at_distance": plain(float(gated["lstm"][rnn.length - 1 - DISTANCE_PROBE]))
    if rnn.length > DISTANCE_PROBE else None,
    "cliff_jump": jump,
    "exploded_at": training["free"]["exploded_at"] if training else None,
    "clipped_final_loss": plain(training["clipped"]["final_loss"]) if training else None,
})
