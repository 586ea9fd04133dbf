"""Cell diagrams drawn with Plotly shapes and annotations (pure functions: texts in, figure out).

Two schematic drawings in the spirit of Olah's "Understanding LSTM Networks" (2015), in
PyTorch's notation and convention (``rnn_core.cells``):

* :func:`lstm_diagram`: the cell state ``c`` runs along the top, the conveyor belt ("a
  esteira"): one product with the forget gate ``f``, one sum with ``i ⊙ g``, nothing else
  touches it. Below, the four blocks computed from ``[h_{t-1}, x_t]``: forget ``f`` (σ), input
  ``i`` (σ), candidate ``g`` (tanh), output ``o`` (σ); ``h_t = o ⊙ tanh(c_t)`` leaves on the
  right.
* :func:`gru_diagram`: the hidden state ``h`` runs along the top and is both memory and output.
  The update gate ``z`` (σ) keeps ``z ⊙ h_{t-1}`` and writes ``(1 − z) ⊙ n`` (PyTorch: z → 1
  keeps the old state); the reset gate ``r`` (σ) scales the recurrent part of the candidate
  ``n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))``.

Every block carries a hover text (its name and what it decides). Words come in through
``texts`` (already translated); the maths symbols are the same in every language. The axes use
``scaleanchor`` so circles stay round at any width.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from ui.shell.theme import MODEL_COLORS, OKABE_ITO

GATE_COLORS = {
    "forget": OKABE_ITO["vermillion"],
    "input": OKABE_ITO["bluish_green"],
    "candidate": OKABE_ITO["sky_blue"],
    "output": OKABE_ITO["orange"],
    "update": OKABE_ITO["orange"],
    "reset": OKABE_ITO["reddish_purple"],
}
BELT_COLOR = MODEL_COLORS["lstm"]
GRU_RAIL_COLOR = MODEL_COLORS["gru"]
WIRE = "#444444"
_R = 0.28  # radius of the pointwise-operation circles (data units)
_BOX_W, _BOX_H = 0.95, 0.7
X_RANGE = (-0.2, 10.4)
Y_RANGE = (-1.35, 6.35)
BOX_SIZE = (_BOX_W, _BOX_H)
# Where things sit (data coordinates), shared with the animated step-through (pages.gates.step_through).
LSTM_PLACES = {"forget": (2.5, 2.65), "input": (3.8, 2.65), "candidate": (5.1, 2.65), "output": (6.4, 2.65),
               "belt_y": 5.0, "h_out": (8.4, 2.65)}
GRU_PLACES = {"update": (2.8, 2.65), "reset": (4.3, 2.65), "candidate": (8.0, 3.05), "rail_y": 5.0}

# Which texts each diagram needs (for callers and tests).
LSTM_TEXT_KEYS = ("title", "belt", "forget", "input", "candidate", "output", "forget_hover", "input_hover",
                  "candidate_hover", "output_hover", "h_out")
GRU_TEXT_KEYS = ("title", "rail", "update", "reset", "candidate", "update_hover", "reset_hover",
                 "candidate_hover", "h_out")


def _base(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title={"text": title},
        xaxis={"range": list(X_RANGE), "visible": False, "fixedrange": True},
        yaxis={"range": list(Y_RANGE), "visible": False, "fixedrange": True, "scaleanchor": "x", "scaleratio": 1},
        showlegend=False, dragmode=False, hovermode="closest", plot_bgcolor="#FFFFFF",
    )
    return fig


def _wire(fig: go.Figure, points: list[tuple[float, float]], *, color: str = WIRE, width: float = 2.5,
          arrow: bool = True) -> None:
    """A polyline through ``points`` (data coordinates), with an arrowhead on the last segment."""
    path = "M " + " L ".join(f"{x},{y}" for x, y in points)
    fig.add_shape(type="path", path=path, line={"color": color, "width": width}, layer="below")
    if arrow and len(points) >= 2:
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-9)
        back = min(0.3, 0.6 * length) / length  # the annotation draws only the last bit (it sits above shapes)
        fig.add_annotation(x=x1, y=y1, ax=x1 - back * (x1 - x0), ay=y1 - back * (y1 - y0), xref="x", yref="y",
                           axref="x", ayref="y", text="", showarrow=True, arrowhead=2,
                           arrowsize=1.1 if width < 4 else 0.55, arrowwidth=width, arrowcolor=color)


def _op(fig: go.Figure, x: float, y: float, symbol: str, *, color: str = WIRE, wide: bool = False) -> None:
    """A pointwise operation: ×, + or tanh in a circle (an ellipse for tanh)."""
    rx = _R * (1.9 if wide else 1.0)
    fig.add_shape(type="circle", x0=x - rx, x1=x + rx, y0=y - _R, y1=y + _R,
                  line={"color": color, "width": 2}, fillcolor="#FFFFFF", layer="above")
    fig.add_annotation(x=x, y=y, text=symbol, showarrow=False, font={"size": 13 if wide else 17, "color": color})


def _box(fig: go.Figure, x: float, y: float, letter: str, act: str, color: str, hover: str, *,
         filled: bool = True) -> None:
    """A gate block: coloured box with its letter and activation; hover gives name and role.

    ``filled=False`` leaves the box out (only the hover target): the step-through draws its own,
    filled by the gate's value at each step.
    """
    fig.add_trace(go.Scatter(x=[x], y=[y], mode="markers", marker={"size": 34, "color": color, "opacity": 0},
                             hovertext=[hover], hoverinfo="text", name=letter))
    if not filled:
        return
    fig.add_shape(type="rect", x0=x - _BOX_W / 2, x1=x + _BOX_W / 2, y0=y - _BOX_H / 2, y1=y + _BOX_H / 2,
                  line={"color": color, "width": 2}, fillcolor=color, opacity=0.9, layer="above")
    fig.add_annotation(x=x, y=y, text=f"<b>{letter}</b> {act}", showarrow=False,
                       font={"size": 14, "color": "#000000"})


def _label(fig: go.Figure, x: float, y: float, text: str, *, color: str = "#111111", size: int = 14,
           anchor: str = "center") -> None:
    fig.add_annotation(x=x, y=y, text=text, showarrow=False, xanchor=anchor, font={"size": size, "color": color})


def _legend(fig: go.Figure, items: list[tuple[str, str, str]]) -> None:
    """One line under the cell: coloured letter and short name of every block."""
    parts = [f"<span style='color:{color}'><b>{letter}</b></span> {name}" for letter, name, color in items]
    fig.add_annotation(x=5.0, y=-1.05, text=" · ".join(parts), showarrow=False, xanchor="center",
                       font={"size": 13, "color": "#111111"})


def _cell_frame(fig: go.Figure) -> None:
    fig.add_shape(type="rect", x0=0.75, x1=9.25, y0=0.55, y1=5.6, line={"color": "#9A9A9A", "width": 1.5},
                  fillcolor="#F3F5F8", layer="below")


def lstm_diagram(texts: Mapping[str, str], *, boxes: bool = True) -> go.Figure:
    """The LSTM cell. ``texts``: see :data:`LSTM_TEXT_KEYS` (``forget`` etc. are short names);
    ``boxes=False``: gate blocks left empty (see :func:`_box`)."""
    fig = _base(texts["title"])
    _cell_frame(fig)
    belt_y, rail_y, gate_y, mix_y = 5.0, 1.2, 2.65, 3.9
    xf, xi, xg, xo, xmix, xout = 2.5, 3.8, 5.1, 6.4, 4.45, 7.95
    # the conveyor belt: c_{t-1} → ×f → +(i⊙g) → c_t
    _wire(fig, [(-0.1, belt_y), (10.2, belt_y)], color=BELT_COLOR, width=7)
    _label(fig, 5.0, 5.95, f"<b>{texts['belt']}</b>", color=BELT_COLOR, size=15)
    _label(fig, -0.1, 5.35, "c<sub>t−1</sub>", color=BELT_COLOR, anchor="left")
    _label(fig, 10.2, 5.35, "c<sub>t</sub>", color=BELT_COLOR, anchor="right")
    # inputs: h_{t-1} along the bottom, x_t from below
    _wire(fig, [(-0.1, rail_y), (xo, rail_y)], arrow=False, width=3)
    _wire(fig, [(1.5, -0.25), (1.5, rail_y)], width=3)
    _label(fig, -0.1, 0.85, "h<sub>t−1</sub>", anchor="left")
    _label(fig, 1.5, -0.45, "x<sub>t</sub>")
    for x in (xf, xi, xg, xo):
        _wire(fig, [(x, rail_y), (x, gate_y - _BOX_H / 2)])
    # forget gate multiplies the belt
    _wire(fig, [(xf, gate_y + _BOX_H / 2), (xf, belt_y - _R)], color=GATE_COLORS["forget"])
    _op(fig, xf, belt_y, "×", color=GATE_COLORS["forget"])
    # input gate × candidate, added to the belt
    _wire(fig, [(xi, gate_y + _BOX_H / 2), (xi, mix_y), (xmix - _R, mix_y)], color=GATE_COLORS["input"])
    _wire(fig, [(xg, gate_y + _BOX_H / 2), (xg, mix_y), (xmix + _R, mix_y)], color=GATE_COLORS["candidate"])
    _op(fig, xmix, mix_y, "×", color=GATE_COLORS["input"])
    _wire(fig, [(xmix, mix_y + _R), (xmix, belt_y - _R)], color=GATE_COLORS["input"])
    _op(fig, xmix, belt_y, "+", color=BELT_COLOR)
    # output: h_t = o ⊙ tanh(c_t)
    _wire(fig, [(xout, belt_y), (xout, 4.0 + _R)], color=BELT_COLOR, width=3)
    _op(fig, xout, 4.0, "tanh", color=BELT_COLOR, wide=True)
    _wire(fig, [(xout, 4.0 - _R), (xout, gate_y + _R)], color=BELT_COLOR, width=3)
    _wire(fig, [(xo + _BOX_W / 2, gate_y), (xout - _R, gate_y)], color=GATE_COLORS["output"])
    _op(fig, xout, gate_y, "×", color=GATE_COLORS["output"])
    _wire(fig, [(xout + _R, gate_y), (10.2, gate_y)], width=3)
    _label(fig, 8.4, gate_y + 0.32, f"h<sub>t</sub> ({texts['h_out']})", anchor="left", size=13)
    blocks = ((xf, "forget", "f", "σ"), (xi, "input", "i", "σ"), (xg, "candidate", "g", "tanh"), (xo, "output", "o", "σ"))
    for x, name, letter, act in blocks:
        _box(fig, x, gate_y, letter, act, GATE_COLORS[name], texts[f"{name}_hover"], filled=boxes)
    _legend(fig, [(letter, texts[name], GATE_COLORS[name]) for _, name, letter, _ in blocks])
    return fig


def gru_diagram(texts: Mapping[str, str], *, boxes: bool = True) -> go.Figure:
    """The GRU cell (PyTorch convention). ``texts``: see :data:`GRU_TEXT_KEYS`; ``boxes``: as for
    :func:`lstm_diagram`."""
    fig = _base(texts["title"])
    _cell_frame(fig)
    top_y, rail_y, gate_y, mix_y, reset_y = 5.0, 1.2, 2.65, 4.1, 1.95
    xdown, xz, xr, xkeep, xone, xn = 1.05, 2.8, 4.3, 5.6, 6.8, 8.0
    # the hidden state: h_{t-1} → ×z → +((1−z)⊙n) → h_t
    _wire(fig, [(-0.1, top_y), (10.2, top_y)], color=GRU_RAIL_COLOR, width=7)
    _label(fig, 5.0, 5.95, f"<b>{texts['rail']}</b>", color=GRU_RAIL_COLOR, size=15)
    _label(fig, -0.1, 5.35, "h<sub>t−1</sub>", color=GRU_RAIL_COLOR, anchor="left")
    _label(fig, 10.2, 5.35, "h<sub>t</sub>", color=GRU_RAIL_COLOR, anchor="right")
    _label(fig, 10.2, 4.62, f"({texts['h_out']})", color=GRU_RAIL_COLOR, anchor="right", size=13)
    # h_{t-1} and x_t feed the gates
    _wire(fig, [(xdown, top_y), (xdown, rail_y), (xn, rail_y), (xn, reset_y - _R)], width=3)
    _wire(fig, [(1.8, -0.25), (1.8, rail_y)], width=3)
    _label(fig, 1.8, -0.45, "x<sub>t</sub>")
    for x in (xz, xr):
        _wire(fig, [(x, rail_y), (x, gate_y - _BOX_H / 2)])
    # reset gate scales the recurrent part of the candidate
    _wire(fig, [(xr + _BOX_W / 2, gate_y), (6.9, gate_y), (6.9, reset_y), (xn - _R, reset_y)],
          color=GATE_COLORS["reset"])
    _op(fig, xn, reset_y, "×", color=GATE_COLORS["reset"])
    # size 10: at 11 its end ran 3 px past the figure's right edge (tests/ui/test_clipping_browser.py)
    _label(fig, xn + 0.4, reset_y - 0.05, "r ⊙ (U<sub>n</sub>h + b<sub>hn</sub>)", anchor="left", size=10,
           color=GATE_COLORS["reset"])
    _wire(fig, [(xn, reset_y + _R), (xn, 3.05 - _BOX_H / 2)])
    # update gate: z keeps the old state, 1 − z lets the candidate in
    _wire(fig, [(xz, gate_y + _BOX_H / 2), (xz, mix_y), (xone - 1.9 * _R, mix_y)], color=GATE_COLORS["update"])
    _wire(fig, [(xkeep, mix_y), (xkeep, top_y - _R)], color=GATE_COLORS["update"])
    _op(fig, xkeep, top_y, "×", color=GATE_COLORS["update"])
    _op(fig, xone, mix_y, "1−z", color=GATE_COLORS["update"], wide=True)
    _wire(fig, [(xone + 1.9 * _R, mix_y), (xn - _R, mix_y)], color=GATE_COLORS["update"])
    _wire(fig, [(xn, 3.05 + _BOX_H / 2), (xn, mix_y - _R)], color=GATE_COLORS["candidate"])
    _op(fig, xn, mix_y, "×", color=GATE_COLORS["update"])
    _wire(fig, [(xn, mix_y + _R), (xn, top_y - _R)], color=GATE_COLORS["candidate"])
    _op(fig, xn, top_y, "+", color=GRU_RAIL_COLOR)
    for x, y, name, letter, act in ((xz, gate_y, "update", "z", "σ"), (xr, gate_y, "reset", "r", "σ"),
                                    (xn, 3.05, "candidate", "n", "tanh")):
        _box(fig, x, y, letter, act, GATE_COLORS[name], texts[f"{name}_hover"], filled=boxes)
    _legend(fig, [("z", texts["update"], GATE_COLORS["update"]), ("r", texts["reset"], GATE_COLORS["reset"]),
                  ("n", texts["candidate"], GATE_COLORS["candidate"])])
    return fig


def scale_text(fig: go.Figure, factor: float) -> go.Figure:
    """Multiply every annotation's font size by ``factor`` (presenter mode: larger labels).

    Changes ``fig`` in place: call it only on a figure you just built, never on a shared one.
    """
    for annotation in fig.layout.annotations:
        if annotation.font.size:
            annotation.font.size = annotation.font.size * factor
    return fig
