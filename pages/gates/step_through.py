"""Station 4's step-through: the LSTM and GRU cells at step t of the student's timeline, animated in the browser.

One Plotly figure with one animation frame per time step (``go.Frame``), a slider to scrub or
step (one tick per episode) and play / pause buttons (``updatemenus``), so playing it costs the
server nothing: the browser swaps the frames. At step t:

* the two cell diagrams of :mod:`pages.gates.diagrams` (LSTM left, GRU right) get their gate blocks
  filled by the memory unit's gate value (0 = empty, 1 = full colour; the candidate by its size
  ``|g|``), labelled with that value and, below, the mean over all units (``⌀``);
* the memory state entering and leaving the step along the belt (LSTM ``c_{t−1} → c_t``) or the
  rail (GRU ``h_{t−1} → h_t``), drawn thicker the larger ``|state|``; the unit's output ``h_t``;
  the model's belief so far, ``P(happy)`` after step t;
* below each diagram, the memory unit's gates and state as a small grid (rows × episodes)
  with a cursor on column t.

Every number comes from ``rnn_core.memory_units.unit_steps`` (the model's own trace). Pure
function: texts in (already translated), figure out; nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from pages.gates.diagrams import (
    BELT_COLOR,
    BOX_SIZE,
    GATE_COLORS,
    GRU_PLACES,
    GRU_RAIL_COLOR,
    GRU_TEXT_KEYS,
    LSTM_PLACES,
    LSTM_TEXT_KEYS,
    X_RANGE,
    Y_RANGE,
    gru_diagram,
    lstm_diagram,
)
from rnn_core.memory_units import UnitSteps
from ui.figures.frames import frame_targets
from ui.shell import numbers
from ui.shell.theme import DIVERGING, OKABE_ITO, SEQUENTIAL

# Per model: its gates in drawing order (the row order of the small grid too) and letters.
GATES = {"lstm": (("forget", "f"), ("input", "i"), ("output", "o"), ("candidate", "g")),
         "gru": (("update", "z"), ("reset", "r"), ("candidate", "n"))}
SIGNED = {"candidate"}  # tanh outputs in (−1, 1): filled by their size |v|
STATE_LETTER = {"lstm": "c", "gru": "h"}
STATE_LIMIT = 3.0  # belt width and heatmap colours saturate at |state| = 3
COLUMNS = {"lstm": 0, "gru": 1}
# Text keys: the diagrams' own, plus
TEXT_KEYS = ("episode", "mean", "belief", "play", "pause", "step", "hm_title", "gate_rows", "state_row",
             "belief_row", "hover", "key", "final")


def _rgba(color: str, alpha: float) -> str:
    color = color.lstrip("#")
    r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{min(max(alpha, 0.0), 1.0):.3f})"


def _axes(column: int, row: int) -> tuple[str, str]:
    """Axis ids: diagrams are x/y (LSTM) and x2/y2 (GRU); cell grids x3/y3 and x4/y4."""
    n = 1 + column + 2 * row
    return ("x", "y") if n == 1 else (f"x{n}", f"y{n}")


def _moved(fig: go.Figure, xa: str, ya: str) -> tuple[list, list, list]:
    """Shapes, annotations and traces of a one-axis figure, moved onto axes ``xa``/``ya``."""
    shapes = []
    for s in fig.layout.shapes:
        d = s.to_plotly_json()
        d.update(xref=xa, yref=ya)
        shapes.append(d)
    annotations = []
    for a in fig.layout.annotations:
        d = a.to_plotly_json()
        d.update(xref=xa, yref=ya)
        if d.get("axref") == "x":
            d.update(axref=xa, ayref=ya)
        annotations.append(d)
    traces = []
    for tr in fig.data:
        tr = go.Scatter(tr)
        tr.update(xaxis=xa, yaxis=ya)
        traces.append(tr)
    return shapes, annotations, traces


def _box_path(x: float, y: float) -> tuple[list[float], list[float]]:
    w, h = BOX_SIZE
    return [x - w / 2, x + w / 2, x + w / 2, x - w / 2, x - w / 2], [y - h / 2, y - h / 2, y + h / 2, y + h / 2, y - h / 2]


def _places(kind: str) -> dict:
    return LSTM_PLACES if kind == "lstm" else GRU_PLACES


def _box_fills(kind: str, s: UnitSteps, t: int, xa: str, ya: str) -> list[go.Scatter]:
    """One closed rectangle per gate, filled by its value at step t."""
    out = []
    for name, letter in GATES[kind]:
        x, y = _places(kind)[name]
        v = float(s.gates[name][t])
        px, py = _box_path(x, y)
        out.append(go.Scatter(x=px, y=py, xaxis=xa, yaxis=ya, mode="lines", fill="toself",
                              fillcolor=_rgba(GATE_COLORS[name], abs(v) if name in SIGNED else v),
                              line={"color": GATE_COLORS[name], "width": 3}, hoverinfo="skip", name=letter,
                              showlegend=False))
    return out


def _flow(kind: str, s: UnitSteps, t: int, xa: str, ya: str) -> go.Scatter:
    """The belt (LSTM) or rail (GRU) drawn over the static one, as thick as |state after t|."""
    y = LSTM_PLACES["belt_y"] if kind == "lstm" else GRU_PLACES["rail_y"]
    v = float(s.state_after[t])
    width = 2 + 12 * min(abs(v), STATE_LIMIT) / STATE_LIMIT
    color = BELT_COLOR if kind == "lstm" else GRU_RAIL_COLOR
    return go.Scatter(x=[X_RANGE[0] + 0.1, X_RANGE[1] - 0.2], y=[y, y], xaxis=xa, yaxis=ya, mode="lines",
                      line={"color": _rgba(color, 0.55), "width": width}, hoverinfo="skip", showlegend=False,
                      name=STATE_LETTER[kind])


def _labels(kind: str, s: UnitSteps, t: int, xa: str, ya: str, texts: Mapping[str, str], codes: Sequence[str],
            marks: Sequence[str], lang: str, size: int, episode: bool) -> go.Scatter:
    """Every number of step t as text on the diagram."""
    xs, ys, words, positions, sizes = [], [], [], [], []

    def put(x, y, text, position="middle center", scale=1.0):
        xs.append(x)
        ys.append(y)
        words.append(text)
        positions.append(position)
        sizes.append(round(size * scale))

    w, h = BOX_SIZE
    for name, letter in GATES[kind]:
        x, y = _places(kind)[name]
        value = s.gates[name][t]
        shown = numbers.signed(value, 2, lang) if name in SIGNED else numbers.fixed(value, 2, lang)
        put(x, y, gate_label(letter, shown), scale=0.95)
        mean = s.gate_means[name][t]
        mean = numbers.signed(mean, 2, lang) if name in SIGNED else numbers.fixed(mean, 2, lang)
        put(x + 0.05, y - h / 2 - 0.25, texts["mean"].format(v=mean), "middle right", 0.8)
    letter = STATE_LETTER[kind]
    rail = LSTM_PLACES["belt_y"] if kind == "lstm" else GRU_PLACES["rail_y"]
    put(X_RANGE[0] + 0.1, rail - 0.42, f"<b>{letter} = {numbers.signed(s.state_before[t], 2, lang)}</b>",
        "middle right")
    put(X_RANGE[1] - 0.2, rail - 0.42 if kind == "lstm" else rail - 0.85,
        f"<b>{letter} = {numbers.signed(s.state_after[t], 2, lang)}</b>", "middle left")
    if kind == "lstm":
        hx, hy = LSTM_PLACES["h_out"]
        put(hx + 0.2, hy - 0.42, f"h = {numbers.signed(s.output[t], 2, lang)}", "middle right")
    put(X_RANGE[1] - 0.2, 0.05, texts["belief"].format(p=numbers.percent(s.belief[t], lang)), "middle left")
    if episode:  # once per figure, above the first diagram
        mark = f" · {marks[t]}" if marks[t] else ""
        put(X_RANGE[0] + 0.1, Y_RANGE[1] + 0.35,
            "<b>" + texts["episode"].format(t=t + 1, n=len(s), code=codes[t]) + mark + "</b>", "middle right", 1.25)
    return go.Scatter(x=xs, y=ys, xaxis=xa, yaxis=ya, mode="text", text=words, textposition=positions,
                      textfont={"size": sizes, "color": "#111111"}, hoverinfo="skip", showlegend=False,
                      name="values", cliponaxis=False)


def gate_label(letter: str, shown: str) -> str:
    """What a gate block says at step t: its letter over its value."""
    return f"<b>{letter}</b><br>{shown}"


def _cursor(s: UnitSteps, t: int, xa: str, ya: str, rows: int) -> go.Scatter:
    x0, x1 = t + 0.5, t + 1.5
    return go.Scatter(x=[x0, x1, x1, x0, x0], y=[-0.5, -0.5, rows - 0.5, rows - 0.5, -0.5], xaxis=xa, yaxis=ya,
                      mode="lines", line={"color": OKABE_ITO["black"], "width": 3}, hoverinfo="skip",
                      showlegend=False, name="t")


def _cells(kind: str, s: UnitSteps, xa: str, ya: str, texts: Mapping[str, str], codes: Sequence[str],
           signed_top: float) -> tuple[list[go.Bar], list[str]]:
    """The memory unit over the whole timeline as a grid of coloured cells (rows × episodes).

    Rows: the gates (sequential scale on [0, 1]), the candidate and the state (diverging scale on
    ±``signed_top``), the belief P(happy) ([0, 1]). Drawn as one bar trace per row (bars of
    height 0.9 stacked by ``base``), not as a heatmap: Plotly redraws a heatmap asynchronously
    (as an image), so during an animation it blinks out; SVG bars stay.
    """
    rows_values = [(texts["gate_rows"].format(g=letter), s.gates[name], False)
                   for name, letter in GATES[kind] if name not in SIGNED]
    rows_values += [(texts["gate_rows"].format(g=letter), s.gates[name], True)
                    for name, letter in GATES[kind] if name in SIGNED]
    rows_values.append((texts["state_row"].format(s=STATE_LETTER[kind]), s.state_after, True))
    rows_values.append((texts["belief_row"], s.belief, False))
    steps = list(range(1, len(s) + 1))
    bars = []
    for row, (label, values, signed) in enumerate(rows_values):
        v = np.asarray(values, dtype=np.float64)
        where = (np.clip(v / signed_top, -1, 1) + 1) / 2 if signed else np.clip(v, 0, 1)
        colors = sample_colorscale(DIVERGING if signed else SEQUENTIAL, [float(w) for w in where])
        bars.append(go.Bar(x=steps, y=[0.9] * len(steps), base=[row - 0.45] * len(steps), width=1.0, xaxis=xa,
                           yaxis=ya, marker={"color": colors, "line": {"width": 0.5, "color": "#FFFFFF"}},
                           hovertext=[f"{label} · {code}: {value:.2f}" for code, value in zip(codes, v, strict=True)],
                           hoverinfo="text", showlegend=False, name=label))
    return bars, [label for label, _, _ in rows_values]


def step_through_figure(models: Mapping[str, UnitSteps], *, codes: Sequence[str], key: int,
                        texts: Mapping[str, str], diagram_texts: Mapping[str, Mapping[str, str]],
                        lang: str = "en", present: bool = False, frame_ms: int = 900) -> go.Figure:
    """The animated step-through of ``models`` (``"lstm"`` and/or ``"gru"`` → ``UnitSteps`` of the
    same timeline, ``T`` steps): ``T`` frames named ``"0"`` … ``"T−1"``, a slider and play/pause.

    ``codes``: episode names (``S1E2``); ``key``: index of the key event. ``texts``: see
    :data:`TEXT_KEYS` (``episode`` with ``{t}``, ``{n}``, ``{code}``; ``mean`` with ``{v}``;
    ``belief`` with ``{p}``; ``gate_rows`` with ``{g}``; ``state_row`` with ``{s}``);
    ``diagram_texts``: per model the texts of :func:`pages.gates.diagrams.lstm_diagram` / ``gru_diagram``.
    ``present``: a projector: the two diagrams stacked, each full width, with larger labels.
    """
    kinds = [k for k in ("lstm", "gru") if k in models]
    if not kinds:
        raise ValueError("no model to show")
    length = len(models[kinds[0]])
    if any(len(models[k]) != length for k in kinds) or len(codes) != length:
        raise ValueError("every model must cover the same timeline")
    size = 18 if present else 13
    marks = ["" for _ in range(length)]
    marks[key] = texts["key"]
    marks[-1] = texts["final"]

    signed_top = max(1.0, min(STATE_LIMIT, max(float(np.max(np.abs(models[k].state_after))) for k in kinds)))
    fig = go.Figure()
    shapes, annotations = [], []
    # The traces every frame replaces come first (indices 0 … k−1), the static ones after them:
    # a frame then means the same traces whether or not a renderer honours its ``traces`` list.
    moving: list = []
    static: list = []
    layout: dict = {}
    builders = []  # (kind, xa, ya, hxa, hya, rows) for the frames
    for kind in kinds:
        column = COLUMNS[kind] if len(kinds) == 2 else 0
        xa, ya = _axes(column, 0)
        hxa, hya = _axes(column, 1)
        base = (lstm_diagram if kind == "lstm" else gru_diagram)(
            {k: diagram_texts[kind][k] for k in (LSTM_TEXT_KEYS if kind == "lstm" else GRU_TEXT_KEYS)}, boxes=False)
        moved_shapes, moved_annotations, traces = _moved(base, xa, ya)
        for a in moved_annotations:
            if a.get("font", {}).get("size"):
                a["font"]["size"] = a["font"]["size"] * size / 13
        shapes += moved_shapes
        annotations += moved_annotations
        heat, rows = _cells(kind, models[kind], hxa, hya, texts, codes, signed_top)
        static += traces + heat
        for x in (key + 1, length):  # key event and final scene
            shapes.append({"type": "line", "xref": hxa, "yref": f"{hya} domain", "x0": x, "x1": x, "y0": 0, "y1": 1,
                           "line": {"color": OKABE_ITO["vermillion"] if x == length else "#000000", "width": 1.5,
                                    "dash": "dash"}})
        moving += [*_box_fills(kind, models[kind], 0, xa, ya), _flow(kind, models[kind], 0, xa, ya),
                   _labels(kind, models[kind], 0, xa, ya, texts, codes, marks, lang, size, kind == kinds[0]),
                   _cursor(models[kind], 0, hxa, hya, len(rows))]
        builders.append((kind, xa, ya, hxa, hya, len(rows)))
        left, right = (0.0, 1.0) if len(kinds) == 1 else ((0.0, 0.485) if column == 0 else (0.515, 1.0))
        # side by side on a screen; stacked on a projector (presenter mode), each diagram full width
        diagram_x, diagram_y = ([left, right], [0.33, 0.97]) if not present or len(kinds) == 1 else \
            ([0.0, 1.0], [0.61, 0.98] if column == 0 else [0.21, 0.58])
        grid_y = [0.0, 0.25] if not present else [0.0, 0.15]
        annotations.append({"text": f"<b>{texts['hm_title'].format(model=kind.upper(), u=models[kind].unit)}</b>",
                            # centred on its column: in presenter type a start at the grid's left edge ran past the
                            # figure's right edge (GRU) and a right-aligned one touched its neighbour
                            "xref": "paper", "yref": "paper", "x": (left + right) / 2, "y": grid_y[1] + 0.01,
                            "xanchor": "center",
                            "yanchor": "bottom", "showarrow": False, "font": {"size": size}})
        layout[_axis_key(xa)] = {"domain": diagram_x, "range": list(X_RANGE), "visible": False,
                                 "fixedrange": True, "anchor": ya}
        layout[_axis_key(ya)] = {"domain": diagram_y, "range": list(Y_RANGE), "visible": False, "fixedrange": True,
                                 "scaleanchor": xa, "scaleratio": 1, "anchor": xa}
        layout[_axis_key(hxa)] = {"domain": [left + (0.15 if present else 0.07), right], "range": [0.5, length + 0.5], "fixedrange": True,
                                  "showgrid": False, "anchor": hya}
        layout[_axis_key(hya)] = {"domain": grid_y, "autorange": "reversed", "fixedrange": True,
                                  "tickvals": list(range(len(rows))), "ticktext": rows, "showgrid": False,
                                  "zeroline": False, "anchor": hxa}

    fig.add_traces(moving + static)
    dynamic = list(range(len(moving)))
    frames = []
    for t in range(length):
        data = []
        for kind, xa, ya, hxa, hya, n_rows in builders:
            s = models[kind]
            data += [*_box_fills(kind, s, t, xa, ya), _flow(kind, s, t, xa, ya),
                     _labels(kind, s, t, xa, ya, texts, codes, marks, lang, size, kind == kinds[0]),
                     _cursor(s, t, hxa, hya, n_rows)]
        frames.append(go.Frame(data=data, traces=dynamic, name=str(t)))
    fig.frames = frames

    play = {"frame": {"duration": frame_ms, "redraw": True}, "fromcurrent": True, "transition": {"duration": 0},
            "mode": "immediate"}
    pause = {"frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}, "mode": "immediate"}
    steps = [{"method": "animate", "label": str(t + 1), "args": [[str(t)], pause]} for t in range(length)]
    button_font = {"size": size + 2}
    fig.update_layout(
        **layout,
        title={"text": texts["title"]},
        shapes=shapes, annotations=annotations, showlegend=False, dragmode=False, hovermode="closest",
        plot_bgcolor="#FFFFFF",
        barmode="overlay", bargap=0,
        updatemenus=[{"type": "buttons", "direction": "left", "showactive": False, "x": 0.0, "xanchor": "left",
                      "y": -0.07, "yanchor": "top", "pad": {"t": 8, "r": 8}, "font": button_font,
                      "buttons": [{"label": texts["play"], "method": "animate", "args": [None, play]},
                                  {"label": texts["pause"], "method": "animate", "args": [[None], pause]}]}],
        sliders=[{"active": 0, "steps": steps, "x": 0.32 if present else 0.28, "len": 0.68 if present else 0.72,
                  "y": -0.07, "yanchor": "top",
                  "pad": {"t": 8}, "font": {"size": size - 1},
                  "currentvalue": {"prefix": texts["step"], "font": {"size": size + 1}, "visible": True},
                  "transition": {"duration": 0}}],
    )
    return fig


def _axis_key(axis: str) -> str:
    """``x`` → ``xaxis``, ``y3`` → ``yaxis3``."""
    return f"{axis[0]}axis{axis[1:]}"


def frame_numbers(fig: go.Figure | dict, t: int, kind_index: int = 0) -> list[str]:
    """The value labels of frame ``t`` for the ``kind_index``-th model (for tests and checks)."""
    spec = fig if isinstance(fig, dict) else fig.to_plotly_json()
    frame = next(f for f in spec["frames"] if f["name"] == str(t))
    data = spec["data"]  # a frame may send only what changes: the trace's mode is read from the trace
    texts = [update for index, update in zip(frame_targets(frame, len(data)), frame["data"], strict=False)
             if data[index].get("mode") == "text"]
    return list(texts[kind_index]["text"])


__all__ = ["GATES", "TEXT_KEYS", "step_through_figure", "frame_numbers"]
