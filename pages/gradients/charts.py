"""Figures of station 3 (vanishing & exploding gradients): the telephone game, gradient norm by
distance, RNN vs LSTM vs GRU, Pascanu's cliff, and the training run that explodes.

Pure builders: data in, ``go.Figure`` out; every text is passed in already translated (a
``texts`` mapping), so nothing here imports Streamlit.

Zero and infinity are results, not errors. A norm that underflowed float64 is exactly 0 and one
that overflowed is ``inf`` (a NaN after an overflow counts as "not a number"). A log axis cannot
draw them, so the line is broken there and the point is drawn as a marker at the bottom (0) or
top (∞, NaN) edge of the plot, with the true value in the hover text. The telephone game uses
marker size and colour on a log scale clipped to ``±clip`` decades for display only.

``texts`` keys used by the helpers (each builder lists its own extra keys):
``underflow`` (hover for 0, e.g. "below 1e-308"), ``overflow`` (hover for ∞), ``nan`` (hover
for NaN), ``underflow_marker``, ``overflow_marker`` (legend suffixes for the edge markers).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.figures.parts import typed_array
from ui.shell.numbers import measured, power10
from ui.shell.theme import DIVERGING, MODEL_COLORS, OKABE_ITO

UNCLIPPED_COLOR = OKABE_ITO["vermillion"]
CLIPPED_COLOR = OKABE_ITO["bluish_green"]
START_COLOR = OKABE_ITO["black"]


# --------------------------------------------------------------------------- numbers


def sci(value: float, lang: str = "en", digits: int = 3) -> str:
    """``2.66 × 10⁻⁵`` / ``2,66 × 10⁻⁵``; plain for 0.01 ≤ |x| < 10⁴ (see :func:`ui.shell.numbers.measured`)."""
    return measured(value, lang, digits)


def value_text(value: float, texts: Mapping[str, str], lang: str = "en") -> str:
    """A norm as a student should read it: ∞ and NaN as such, an underflowed 0 as "below 1e-308"."""
    value = float(value)
    if math.isnan(value):
        return texts["nan"]
    if math.isinf(value):
        return texts["overflow"]
    if value == 0:
        return texts["underflow"]
    return sci(value, lang)


def clipped_log10(values: Sequence[float], clip: float) -> np.ndarray:
    """``log10|v|`` clipped to ``[-clip, clip]``: 0 → ``-clip``, ∞ and NaN → ``+clip``."""
    v = np.abs(np.asarray(values, dtype=np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log10(v)
    logs = np.where(np.isnan(v), np.inf, logs)
    return np.clip(logs, -clip, clip)


def log_span(arrays: Sequence[Sequence[float]], floor: float = 1e-300) -> tuple[float, float]:
    """Smallest and largest ``log10`` over the finite, positive values of all ``arrays``.

    Returns ``(-1, 1)`` when there is none (everything is 0, ∞ or NaN).
    """
    finite = [np.asarray(a, dtype=np.float64) for a in arrays]
    finite = [a[np.isfinite(a) & (a > floor)] for a in finite]
    finite = [a for a in finite if a.size]
    if not finite:
        return -1.0, 1.0
    values = np.concatenate(finite)
    lo, hi = float(np.log10(values.min())), float(np.log10(values.max()))
    if hi - lo < 1:
        mid = (hi + lo) / 2
        lo, hi = mid - 0.5, mid + 0.5
    return lo, hi


# --------------------------------------------------------------------------- log lines


@dataclass(frozen=True)
class Series:
    """One line of a log-scale chart: ``y`` may hold 0, ∞ and NaN."""

    name: str
    x: Sequence[float]
    y: Sequence[float]
    color: str
    dash: str = "solid"
    width: float = 2.5
    markers: bool = False


def _edge_positions(lo: float, hi: float) -> tuple[float, float, float, float]:
    """Axis range ``[lo - m, hi + m]`` (log10 units) and the y of the bottom/top edge markers."""
    m = max(0.4, 0.07 * (hi - lo))
    return lo - m, hi + m, 10 ** (lo - 0.55 * m), 10 ** (hi + 0.55 * m)


def add_log_series(fig: go.Figure, s: Series, *, x_title: str, y_title: str, texts: Mapping[str, str],
                   lang: str, bottom: float, top: float) -> None:
    """Add ``s`` to ``fig``: the finite positive part as a line (broken at 0/∞/NaN), 0 as a
    triangle at ``bottom``, ∞ and NaN as a cross at ``top`` (named, but left out of the legend to keep
    it on one line: the hover and the chart's caption say what they are)."""
    x = np.asarray(s.x, dtype=np.float64)
    y = np.asarray(s.y, dtype=np.float64)
    good = np.isfinite(y) & (y > 0)
    hover = [value_text(v, texts, lang) for v in y]
    template = f"{s.name}<br>{x_title}: %{{x}}<br>{y_title}: %{{customdata}}<extra></extra>"
    fig.add_trace(go.Scatter(
        x=x, y=np.where(good, y, np.nan), name=s.name, mode="lines+markers" if s.markers else "lines",
        line={"color": s.color, "dash": s.dash, "width": s.width}, marker={"size": 5},
        customdata=hover, hovertemplate=template, connectgaps=False, legendgroup=s.name,
    ))
    for mask, where, symbol, suffix in (
        (y == 0, bottom, "triangle-down", texts["underflow_marker"]),
        (~np.isfinite(y), top, "x", texts["overflow_marker"]),
    ):
        if mask.any():
            fig.add_trace(go.Scatter(
                x=x[mask], y=np.full(int(mask.sum()), where), mode="markers", name=f"{s.name}: {suffix}",
                marker={"symbol": symbol, "size": 11, "color": s.color, "line": {"color": "#333333", "width": 1}},
                customdata=[hover[i] for i in np.flatnonzero(mask)], hovertemplate=template, legendgroup=s.name,
                showlegend=False,
            ))


def log_lines_figure(series: Sequence[Series], *, title: str, x_title: str, y_title: str,
                     texts: Mapping[str, str], lang: str = "en", extra_log_values: Sequence[float] = ()) -> go.Figure:
    """Lines on a log-y axis that never break on 0 or ∞ (see the module docstring)."""
    lo, hi = log_span([s.y for s in series] + [list(extra_log_values)])
    y0, y1, bottom, top = _edge_positions(lo, hi)
    fig = go.Figure()
    for s in series:
        add_log_series(fig, s, x_title=x_title, y_title=y_title, texts=texts, lang=lang, bottom=bottom, top=top)
    fig.update_layout(
        title={"text": title},
        xaxis={"title": {"text": x_title}},
        yaxis={"title": {"text": y_title}, "type": "log", "range": [y0, y1], "exponentformat": "power"},
        hovermode="closest",
    )
    return fig


# --------------------------------------------------------------------------- 1 the telephone game


def shown_people(length: int, max_people: int = 30) -> list[int]:
    """Which of the people 1 … ``length`` to draw: every k-th from 1, and always the last."""
    step = max(1, math.ceil(length / max_people))
    people = list(range(1, length + 1, step))
    if people[-1] != length:
        people.append(length)
    return people


def telephone_frame(forward: Sequence[float], backward: Sequence[float]) -> pd.DataFrame:
    """Every person (time step t = 1 … T) with both views, for the CSV download."""
    forward = np.asarray(forward, dtype=np.float64)
    backward = np.asarray(backward, dtype=np.float64)
    length = len(forward)
    t = np.arange(1, length + 1)
    return pd.DataFrame({
        "time_step": t,
        "steps_from_start": t,
        "forward_norm_dh_t_dh_0": forward,
        "steps_to_loss": length - t,
        "backward_norm_dL_dh_t": backward,
    })


def _telephone_row(values: np.ndarray, people: np.ndarray, clip: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Display log value, marker size and symbol of every shown person of one row."""
    shown = values[people - 1]
    logs = clipped_log10(shown, clip)
    sizes = 6 + 34 * (logs + clip) / (2 * clip)
    symbols = ["triangle-down" if v == 0 else "star" if not np.isfinite(v) else "circle" for v in shown]
    return logs, sizes, symbols


HIDDEN_OPACITY = 0.12  # a person the message has not reached yet, in the step-through


def telephone_frames(length: int, max_people: int = 30) -> list[tuple[int, int]]:
    """The step-through, one frame per shown person: ``(forward person, backward person)``.

    Frame k puts the forward message at the k-th shown person from the start (it travels
    right, t = 1 … T) and the learning signal at the k-th shown person from the end (it travels
    left, from the loss at t = T back to t = 1). The last frame has both at the far end: the
    whole row is lit, as in the static chart.
    """
    people = shown_people(length, max_people)
    return list(zip(people, people[::-1], strict=True))


def telephone_figure(forward: Sequence[float], backward: Sequence[float], *, texts: Mapping[str, str],
                     lang: str = "en", max_people: int = 30, clip: float = 10.0, animate: bool = False,
                     frame_ms: int = 450) -> go.Figure:
    """The telephone game: one marker per person (time step), two rows.

    Top row, forward view: person t hears ``forward[t-1] = ‖∂h_t/∂h_0 · u‖``, what is left of
    a unit whisper u put into the initial state after t steps. Bottom row, backward view: person
    t receives ``backward[t-1] = ‖∂L/∂h_t‖``, the learning signal sent back from the loss at the
    last step, after ``T - t`` steps. Marker size and colour follow ``log10`` of the value,
    clipped to ``±clip`` decades for display; 0 is drawn as a downward triangle, ∞/NaN as a star.

    ``animate=True`` adds the step-through (:func:`telephone_frames`): Plotly frames, a slider
    (scrub, or click one step) and play / pause buttons, all run by plotly.js in the browser (the
    server sends the frames once). In frame k the people the message (top) and the learning
    signal (bottom) have reached are lit, the others faded; a ring marks each front and the
    slider's label gives the measured values there. The figure's own data is the last frame, so a reader who never presses play sees
    the whole row.

    Extra ``texts``: ``title``, ``x_title``, ``row_forward``, ``row_backward`` (row captions),
    ``forward_name``, ``backward_name`` (legend), ``colorbar``, ``person`` (hover, with
    ``{t}``), ``from_start`` and ``to_loss`` (hover, with ``{k}``); with ``animate`` also
    ``play``, ``pause``, ``again`` (buttons), ``step`` (the slider's label, see :func:`step_label`),
    ``step_short`` (each step's name, ``{ahead}`` and ``{behind}``: the keyboard's slider shows it)
    and ``front`` (the name of the travelling ring).
    """
    forward = np.asarray(forward, dtype=np.float64)
    backward = np.asarray(backward, dtype=np.float64)
    length = len(forward)
    people = np.asarray(shown_people(length, max_people))
    fig = go.Figure()
    rows = (
        (1.0, forward, texts["forward_name"], texts["row_forward"], lambda t: t, texts["from_start"]),
        (0.0, backward, texts["backward_name"], texts["row_backward"], lambda t: length - t, texts["to_loss"]),
    )
    for y, values, name, caption, steps_of, steps_text in rows:
        logs, sizes, symbols = _telephone_row(values, people, clip)
        hover = [
            f"{texts['person'].format(t=int(t))}<br>{name}: {value_text(v, texts, lang)}"
            f"<br>{steps_text.format(k=int(steps_of(t)))}"
            for t, v in zip(people, values[people - 1], strict=True)
        ]
        fig.add_trace(go.Scatter(  # the row itself, a faint line the message travels along
            x=[0.5, length + 0.5], y=[y, y], mode="lines", line={"color": "#BBBBBB", "width": 2},
            hoverinfo="skip", showlegend=False,
        ))
        fig.add_trace(go.Scatter(
            x=people, y=np.full(len(people), y), mode="markers", name=name,
            marker={"size": sizes, "color": logs, "coloraxis": "coloraxis", "symbol": symbols,
                    "line": {"color": "#444444", "width": 1}, "opacity": np.ones(len(people))},
            hovertext=hover, hoverinfo="text",
        ))
        fig.add_annotation(x=0, xref="paper", y=y + 0.42, yref="y", text=caption, showarrow=False,
                           xanchor="left", yanchor="middle", font={"color": "#333333"})
    pad = max(1.0, 0.045 * length)  # room for the largest markers at both ends
    ticks = list(range(-int(clip), int(clip) + 1, max(1, int(clip) // 2)))
    ticktext = [power10(v) for v in ticks]
    ticktext[0], ticktext[-1] = "≤" + ticktext[0], "≥" + ticktext[-1]
    fig.update_layout(
        title={"text": texts["title"]},
        xaxis={"title": {"text": texts["x_title"]}, "range": [1 - pad, length + pad], "zeroline": False,
               "showgrid": False},
        yaxis={"range": [-0.6, 1.75], "visible": False, "fixedrange": True},
        coloraxis={"colorscale": DIVERGING, "cmin": -clip, "cmax": clip,
                   "colorbar": {"title": {"text": texts["colorbar"], "side": "right"}, "tickvals": ticks,
                                "ticktext": ticktext, "thickness": 14, "len": 0.9}},
        hovermode="closest",
    )
    if animate:
        _add_step_through(fig, forward, backward, people, texts=texts, lang=lang, frame_ms=frame_ms)
    return fig


def _front(person: int, y: float) -> dict:
    """The ring at the front of one row (``person`` is 1-based)."""
    return {"x": [person], "y": [y]}


def step_label(ahead: int, behind: int, forward: np.ndarray, backward: np.ndarray, texts: Mapping[str, str],
               lang: str) -> str:
    """What the slider says at one frame: who the message and the learning signal have reached, and
    how strong each is there (``texts["step"]`` with ``{ahead}``, ``{forward}``, ``{behind}``,
    ``{backward}``)."""
    return texts["step"].format(ahead=ahead, forward=value_text(forward[ahead - 1], texts, lang), behind=behind,
                                backward=value_text(backward[behind - 1], texts, lang))


def _add_step_through(fig: go.Figure, forward: np.ndarray, backward: np.ndarray, people: np.ndarray, *,
                      texts: Mapping[str, str], lang: str, frame_ms: int) -> None:
    """Frames, slider and play/pause of :func:`telephone_figure` (see there).

    The slider runs under the plot, full width; its label (Plotly's "current value") says, at
    every step, which person each front has reached and the measured value there (the tick labels
    are hidden: the label says it all). The buttons sit above the plot, on the right."""
    index = {int(p): i for i, p in enumerate(people)}
    fronts = []  # trace numbers of the two travelling rings
    for y, person in ((1.0, int(people[-1])), (0.0, int(people[0]))):
        fronts.append(len(fig.data))
        fig.add_trace(go.Scatter(
            **_front(person, y), mode="markers", name=texts["front"], hoverinfo="skip", showlegend=False,
            marker={"symbol": "circle-open", "size": 46, "color": "#111111", "line": {"width": 3}},
        ))
    rows = (1, 3)  # the marker traces of the forward and backward rows
    frames, steps = [], []
    still = {"frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}, "mode": "immediate"}
    for k, (ahead, behind) in enumerate(telephone_frames(int(people[-1]), len(people))):
        lit_forward = (np.arange(len(people)) <= index[ahead]).astype(float)
        lit_backward = (np.arange(len(people)) >= index[behind]).astype(float)
        opacity = [typed_array(np.maximum(lit, HIDDEN_OPACITY)) for lit in (lit_forward, lit_backward)]
        frames.append(go.Frame(
            name=str(k),
            traces=[*rows, *fronts],
            data=[
                go.Scatter(marker={"opacity": opacity[0]}),
                go.Scatter(marker={"opacity": opacity[1]}),
                go.Scatter(**_front(ahead, 1.0)),
                go.Scatter(**_front(behind, 0.0)),
            ],
        ))
        steps.append({"label": step_label(ahead, behind, forward, backward, texts, lang), "method": "animate",
                      "args": [[str(k)], still]})
        if "step_short" in texts:  # the step's short name: the keyboard's slider (ui.widgets.chart.step_through)
            steps[-1]["value"] = texts["step_short"].format(ahead=ahead, behind=behind)
    fig.frames = frames
    play = {"frame": {"duration": frame_ms, "redraw": True}, "transition": {"duration": 0}, "mode": "immediate"}
    fig.update_layout(
        showlegend=False,  # each row is captioned on the chart; the buttons take the legend's place
        updatemenus=[{
            "type": "buttons", "direction": "left", "showactive": False, "x": 1.0, "xanchor": "right",
            "y": 1.02, "yanchor": "bottom", "pad": {"r": 0, "t": 0, "b": 4},
            "buttons": [
                {"label": texts["again"], "method": "animate", "args": [None, {**play, "fromcurrent": False}]},
                {"label": texts["play"], "method": "animate", "args": [None, {**play, "fromcurrent": True}]},
                {"label": texts["pause"], "method": "animate", "args": [[None], still]},
            ],
        }],
        sliders=[{
            "active": len(frames) - 1, "x": 0.0, "len": 1.0, "xanchor": "left", "y": 0.0, "yanchor": "top",
            "pad": {"t": 80, "b": 0, "l": 0, "r": 0}, "font": {"color": "rgba(0,0,0,0)"}, "ticklen": 4,
            "currentvalue": {"visible": True, "xanchor": "left", "prefix": ""},
            "steps": steps,
        }],
    )


def make_room_for_player(fig: go.Figure, present: bool = False) -> go.Figure:
    """After :func:`ui.shell.theme.style_figure`: room under the plot for the slider and its label, and
    the buttons' and label's text at the figure's font size (larger in presenter mode)."""
    size = 20 if present else 14
    fig.update_layout(margin={"b": 210 if present else 170})
    fig.update_layout(updatemenus=[{"font": {"size": size - 2}}],
                      sliders=[{"currentvalue": {"font": {"size": size, "color": "#111111"}}}])
    return fig


# --------------------------------------------------------------------------- 2 norm by distance


def distance_frame(distance: Sequence[int], norms: Sequence[float], theory: Sequence[float]) -> pd.DataFrame:
    """``distance, measured, theory`` sorted by distance (0 = the loss's own step)."""
    df = pd.DataFrame({"distance": np.asarray(distance, dtype=int), "measured_norm_dL_dh_t": norms,
                       "theory_or_bound": theory})
    return df.sort_values("distance").reset_index(drop=True)


def distance_figure(distance: Sequence[int], norms: Sequence[float], theory: Sequence[float], *,
                    texts: Mapping[str, str], lang: str = "en", cell_color: str = MODEL_COLORS["rnn"]) -> go.Figure:
    """‖∂L/∂h_t‖ against the distance k = T - t to the loss (log y), with the line
    ``theory[k]`` (``g^k`` for a linear RNN with ``W = g·Q``, otherwise Pascanu's bound
    ``(γ σ_max)^k``).

    Extra ``texts``: ``title``, ``x_title``, ``y_title``, ``measured``, ``theory``.
    """
    order = np.argsort(np.asarray(distance))
    d = np.asarray(distance)[order]
    series = [  # measured first and thick, theory dashed on top: where they agree both stay visible
        Series(texts["measured"], d, np.asarray(norms, dtype=np.float64)[order], cell_color, width=5),
        Series(texts["theory"], d, np.asarray(theory, dtype=np.float64)[order], MODEL_COLORS["theory"], dash="dash",
               width=2.5),
    ]
    return log_lines_figure(series, title=texts["title"], x_title=texts["x_title"], y_title=texts["y_title"],
                            texts=texts, lang=lang)


def cells_frame(distance: Sequence[int], curves: Mapping[str, Sequence[float]]) -> pd.DataFrame:
    """``distance`` plus one column per curve, sorted by distance."""
    df = pd.DataFrame({"distance": np.asarray(distance, dtype=int), **{k: np.asarray(v) for k, v in curves.items()}})
    return df.sort_values("distance").reset_index(drop=True)


def cells_figure(distance: Sequence[int], curves: Sequence[tuple[str, Sequence[float], str, str]], *,
                 texts: Mapping[str, str], lang: str = "en") -> go.Figure:
    """Several cells at the same length: ``curves`` = ``(legend name, norms, colour, dash)``.

    Extra ``texts``: ``title``, ``x_title``, ``y_title``.
    """
    order = np.argsort(np.asarray(distance))
    d = np.asarray(distance)[order]
    series = [Series(name, d, np.asarray(norms, dtype=np.float64)[order], color, dash=dash)
              for name, norms, color, dash in curves]
    return log_lines_figure(series, title=texts["title"], x_title=texts["x_title"], y_title=texts["y_title"],
                            texts=texts, lang=lang)


# --------------------------------------------------------------------------- 4 the cliff


def cliff_view(paths: Sequence[np.ndarray], window: tuple[tuple[float, float], tuple[float, float]],
               pad: float = 0.06, limit: float = 60.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (w, b) box to draw: ``window`` grown to hold every finite path point (within ±``limit``)."""
    (w0, w1), (b0, b1) = window
    for path in paths:
        p = np.asarray(path, dtype=np.float64)[:, :2]
        p = p[np.isfinite(p).all(axis=1) & (np.abs(p) <= limit).all(axis=1)]
        if p.size:
            w0, w1 = min(w0, p[:, 0].min()), max(w1, p[:, 0].max())
            b0, b1 = min(b0, p[:, 1].min()), max(b1, p[:, 1].max())
    dw, db = (w1 - w0) * pad, (b1 - b0) * pad
    return (w0 - dw, w1 + dw), (b0 - db, b1 + db)


def largest_step(path: np.ndarray) -> tuple[int, float]:
    """``(k, size)``: the 1-based step with the longest move in (w, b) and its length (0, 0.0 if none)."""
    p = np.asarray(path, dtype=np.float64)[:, :2]
    steps = np.linalg.norm(np.diff(p, axis=0), axis=1)
    steps = np.where(np.isfinite(steps), steps, -1)
    if steps.size == 0 or steps.max() < 0:
        return 0, 0.0
    k = int(np.argmax(steps))
    return k + 1, float(steps[k])


def cliff_frame(paths: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """Every descent path as rows ``path, step, w, b, loss``."""
    frames = []
    for name, path in paths.items():
        p = np.asarray(path, dtype=np.float64)
        frames.append(pd.DataFrame({"path": name, "step": np.arange(len(p)), "w": p[:, 0], "b": p[:, 1],
                                    "loss": p[:, 2]}))
    return pd.concat(frames, ignore_index=True)


def surface_hover(loss: np.ndarray, texts: Mapping[str, str], lang: str = "en") -> np.ndarray:
    """The loss of every cell as hover text (0 and ∞ spelled out); worth caching for big grids."""
    return np.vectorize(lambda v: value_text(v, texts, lang), otypes=[object])(np.asarray(loss, dtype=np.float64))


def cliff_figure(w_axis: Sequence[float], b_axis: Sequence[float], loss: np.ndarray,
                 paths: Sequence[tuple[str, np.ndarray, str]], *, texts: Mapping[str, str], lang: str = "en",
                 floor_decades: float = -4.0, hover: np.ndarray | None = None) -> go.Figure:
    """Pascanu's cliff: ``log10 L(w, b)`` as a heatmap (rows = b, columns = w) with descent paths.

    ``paths`` = ``(legend name, [steps+1, 3] rows (w, b, loss), colour)``; NaN rows (a blown-up
    run) are left out. The colour scale is clipped below at ``floor_decades`` (the valley);
    the hover shows the true loss: by default as numbers formatted by plotly.js (a float32 typed
    array: a third of the bytes of 14,641 strings), or the strings ``hover`` (e.g.
    :func:`surface_hover`, which spells out 0 and ∞). The cliff's own loss is finite and positive
    on any window the page draws (see ``rnn_core.cliff``). The longest
    step of the first path is pointed out.

    Extra ``texts``: ``title``, ``x_title``, ``y_title``, ``colorbar``, ``start``, ``loss``,
    ``jump`` (annotation, with ``{size}``, ``{before}``, ``{after}``).
    """
    loss = np.asarray(loss, dtype=np.float64)
    with np.errstate(divide="ignore"):
        z = np.log10(np.maximum(loss, 1e-300))
    z_top = float(np.nanmax(np.where(np.isfinite(z), z, np.nan))) if np.isfinite(z).any() else 1.0
    z = np.clip(np.where(np.isfinite(z), z, z_top), floor_decades, None)
    if hover is None:  # numbers, formatted by plotly.js (with the figure's decimal separator)
        hover_loss, hover_format = typed_array(loss, "f4"), "%{customdata:.3~g}"
    else:
        hover_loss, hover_format = hover, "%{customdata}"
    fig = go.Figure(go.Heatmap(
        x=np.asarray(w_axis), y=np.asarray(b_axis), z=typed_array(z, "f4"), customdata=hover_loss,
        colorscale="Viridis", zmin=floor_decades, zmax=max(z_top, floor_decades + 1), name=texts["loss"],
        colorbar={"title": {"text": texts["colorbar"], "side": "right"}, "thickness": 14,
                  "tickvals": list(range(int(floor_decades), int(math.ceil(z_top)) + 1)),
                  "ticktext": [power10(v) for v in range(int(floor_decades), int(math.ceil(z_top)) + 1)]},
        hovertemplate=f"u = %{{x:.2f}}<br>b = %{{y:.2f}}<br>{texts['loss']}: {hover_format}<extra></extra>",
        showscale=True,
    ))
    start_drawn = False
    for name, path, color in paths:
        p = np.asarray(path, dtype=np.float64)
        p = p[np.isfinite(p[:, :2]).all(axis=1)]
        if not len(p):
            continue
        fig.add_trace(go.Scatter(
            x=p[:, 0], y=p[:, 1], mode="lines+markers", name=name, line={"color": color, "width": 2.5},
            marker={"size": 6, "color": color, "line": {"color": "#FFFFFF", "width": 1}},
            customdata=np.stack([np.arange(len(p)), [value_text(v, texts, lang) for v in p[:, 2]]], axis=1),
            hovertemplate=f"{name}<br>#%{{customdata[0]}}: u = %{{x:.2f}}, b = %{{y:.2f}}"
                          f"<br>{texts['loss']}: %{{customdata[1]}}<extra></extra>",
        ))
        if not start_drawn:
            fig.add_trace(go.Scatter(
                x=[p[0, 0]], y=[p[0, 1]], mode="markers", name=texts["start"],
                marker={"symbol": "star", "size": 18, "color": "#FFFFFF", "line": {"color": START_COLOR, "width": 2}},
                hovertemplate=f"{texts['start']}: u = %{{x:.2f}}, b = %{{y:.2f}}<extra></extra>",
            ))
            start_drawn = True
    if paths:
        first = np.asarray(paths[0][1], dtype=np.float64)
        k, size = largest_step(first)
        if k and size > 1.0 and np.isfinite(first[k, :2]).all():
            fig.add_annotation(
                x=first[k, 0], y=first[k, 1], ax=first[k - 1, 0], ay=first[k - 1, 1], xref="x", yref="y",
                axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1.5, arrowwidth=2.5,
                arrowcolor=paths[0][2], text="",
            )
            # the words in the plot's upper corner away from the landing point: above the point they ran out
            # of the plot, into the legend (presenter mode)
            right = first[k, 0] > (float(w_axis[0]) + float(w_axis[-1])) / 2
            fig.add_annotation(
                x=0.01 if right else 0.99, y=0.99, xref="paper", yref="paper", showarrow=False, yanchor="top",
                xanchor="left" if right else "right",
                text=texts["jump"].format(size=sci(size, lang), before=value_text(first[k - 1, 2], texts, lang),
                                          after=value_text(first[k, 2], texts, lang)),
                bgcolor="rgba(255,255,255,0.85)", bordercolor=paths[0][2],
            )
    fig.update_layout(
        title={"text": texts["title"]},
        xaxis={"title": {"text": texts["x_title"]}, "range": [float(w_axis[0]), float(w_axis[-1])]},
        yaxis={"title": {"text": texts["y_title"]}, "range": [float(b_axis[0]), float(b_axis[-1])]},
        hovermode="closest",
    )
    return fig


# --------------------------------------------------------------------------- 5 training runs


def training_frame(runs: Mapping[str, Mapping[str, Sequence[float]]]) -> pd.DataFrame:
    """Rows ``run, step, loss, grad_norm`` from ``{run name: {"losses": …, "grad_norms": …}}``."""
    frames = []
    for name, run in runs.items():
        losses = list(run["losses"])
        frames.append(pd.DataFrame({"run": name, "step": np.arange(1, len(losses) + 1), "loss": losses,
                                    "grad_norm_before_clipping": list(run["grad_norms"])}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["run", "step", "loss", "grad_norm_before_clipping"])


def training_figure(curves: Sequence[tuple[str, Sequence[float], str, int | None]], *, texts: Mapping[str, str],
                    lang: str = "en", baseline: float | None = None, baseline_name: str = "",
                    threshold: float | None = None, threshold_name: str = "", first_step: int = 1) -> go.Figure:
    """One value per training step (loss or gradient norm) on a log axis, one line per run.

    ``curves`` = ``(legend name, values, colour, exploded_at or None)``: values may end in NaN/∞
    (drawn as a cross at the top edge) and a dotted vertical line marks the step where the run
    exploded. ``baseline`` (e.g. the memoryless MSE) and ``threshold`` (the clipping threshold)
    add horizontal reference lines. ``first_step`` numbers the first value (1 for training
    updates, 0 for a path that starts at its initial point).

    Extra ``texts``: ``title``, ``x_title``, ``y_title``, ``exploded`` (with ``{step}``).
    """
    series = [Series(name, np.arange(first_step, first_step + len(values)), values, color)
              for name, values, color, _ in curves]
    extra = [v for v in (baseline, threshold) if v is not None]
    fig = log_lines_figure(series, title=texts["title"], x_title=texts["x_title"], y_title=texts["y_title"],
                           texts=texts, lang=lang, extra_log_values=extra)
    steps = first_step + max((len(v) for _, v, _, _ in curves), default=1) - 1
    for value, name, dash, color in ((baseline, baseline_name, "dot", MODEL_COLORS["baseline"]),
                                     (threshold, threshold_name, "dashdot", OKABE_ITO["grey"])):
        if value is not None:
            fig.add_trace(go.Scatter(x=[first_step, steps], y=[value, value], mode="lines", name=name,
                                     line={"color": color, "dash": dash, "width": 1.5},
                                     hovertemplate=f"{name}: {sci(value, lang)}<extra></extra>"))
    for _name, _values, color, exploded in curves:
        if exploded:
            fig.add_shape(type="line", x0=exploded, x1=exploded, y0=0, y1=1, xref="x", yref="paper",
                          line={"color": color, "dash": "dot", "width": 1.5})
            fig.add_annotation(x=exploded, y=0.98, yref="paper", xref="x", text=texts["exploded"].format(step=exploded),
                               showarrow=False, xanchor="right", yanchor="top", xshift=-4,
                               font={"color": color}, bgcolor="rgba(255,255,255,0.8)")
    return fig
