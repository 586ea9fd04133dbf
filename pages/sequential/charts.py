"""Figures of station 1 (sequential data): the unrolled loop stepped through in time, every arrangement.

Pure builders: data in, ``go.Figure`` out. Every text the figure shows (title, axis labels,
legend names) is passed in already translated, so these functions never import Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.figures.parts import top_title
from ui.shell.theme import DIVERGING, MODEL_COLORS, OKABE_ITO

# Token colours: the two marked events stand out, the distractors stay quiet.
TOKEN_COLORS = {"A": OKABE_ITO["orange"], "B": OKABE_ITO["sky_blue"]}
DISTRACTOR_COLOR = "#E6E6E6"


def token_color(token: str) -> str:
    return TOKEN_COLORS.get(token, DISTRACTOR_COLOR)


def step_labels(tokens: Sequence[str]) -> list[str]:
    """Tick labels ``"1·C"``, ``"2·A"`` …: the time step and the token seen at it."""
    return [f"{i}·{tok}" for i, tok in enumerate(tokens, start=1)]


def unrolled_steps_figure(tokens: Sequence[str], states: np.ndarray, answer: str, *, title: str,
                          input_label: str, state_label: str, output_label: str, heat_label: str,
                          unit_label: str, value_label: str, play_label: str, pause_label: str,
                          step_prefix: str, scale: float = 1.0, frame_ms: int = 800) -> go.Figure:
    """The RNN's loop unrolled in time, stepped through in the browser.

    Top: one column per time step t, the input x_t (the user's token) at the bottom, the hidden
    state h_t above it, an arrow x_t → h_t (weight W, input) and an arrow h_{t-1} → h_t
    (weight U, recurrent: the loop); after the last step the readout V turns h_T into the
    answer (``answer``: P(A before B) already written for the reader, e.g. ``ui.shell.numbers.percent``). Bottom: the hidden state itself, one row per unit,
    one column per step, on the fixed tanh range [-1, 1].

        h_t = tanh(W x_t + U h_{t-1} + b),   h_0 = 0

    ``states`` is ``(T, H)``: the real h_1 … h_T of the trained RNN. The figure has one
    animation frame per step (``frames[t-1]`` shows h_1 … h_t filled in, later columns empty),
    a slider to scrub or step, and play / pause buttons: Plotly animates in the browser, so
    playing costs the server nothing. The static figure (and the slider's start) is the last
    frame, the whole sequence. ``scale`` enlarges markers and labels (presenter mode).
    """
    states = np.asarray(states, dtype=float)
    n, hidden = states.shape
    if n != len(tokens):
        raise ValueError(f"{len(tokens)} tokens but {n} hidden states")
    y_x, y_h, y_out = 0.0, 1.3, 2.6
    out_x = n - 1
    grey = "#444444"
    arrow = {"xref": "x", "yref": "y", "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": 3,
             "arrowsize": 1.2, "arrowwidth": 2, "arrowcolor": grey, "text": ""}
    label = {"xref": "x", "yref": "y", "showarrow": False, "font": {"color": grey, "size": round(14 * scale)}}
    notes = [{**arrow, "x": -0.24, "y": y_h, "ax": -0.62, "ay": y_h}]  # h_0 = 0 enters the first step
    for t in range(n):
        notes.append({**arrow, "x": t, "y": y_h - 0.32, "ax": t, "ay": y_x + 0.32})
        if t > 0:
            notes.append({**arrow, "x": t - 0.24, "y": y_h, "ax": t - 1 + 0.24, "ay": y_h})
            notes.append({**label, "x": t - 0.5, "y": y_h + 0.1, "text": "U", "yanchor": "bottom"})
    notes.append({**arrow, "x": out_x, "y": y_out - 0.36, "ax": out_x, "ay": y_h + 0.32})
    notes += [
        {**label, "x": 0.08, "y": (y_x + y_h) / 2, "text": "W", "xanchor": "left"},
        {**label, "x": -0.62, "y": y_h - 0.12, "text": "h₀ = 0", "xanchor": "left", "yanchor": "top"},
        {**label, "x": out_x + 0.08, "y": (y_h + y_out) / 2, "text": "V", "xanchor": "left"},
    ]
    steps = list(range(n))
    off = "#D9D9D9"
    big = round(40 * scale)

    def frame_traces(k: int) -> list[go.BaseTraceType]:
        """Traces after step k (0-based): inputs (current one outlined), h_1..h_k filled, heatmap."""
        z = states.T.copy()
        z[:, k + 1:] = np.nan
        done = k == n - 1
        return [
            go.Scatter(
                x=steps, y=[y_x] * n, mode="markers+text", name=input_label,
                marker={"symbol": "square", "size": round(38 * scale), "color": [token_color(t) for t in tokens],
                        "line": {"color": ["#111111" if i == k else "#333333" for i in steps],
                                 "width": [4 if i == k else 1 for i in steps]}},
                text=list(tokens), textfont={"size": round(16 * scale), "color": "#111111"},
                hovertemplate=[f"x_{i + 1} = {tok}<extra></extra>" for i, tok in enumerate(tokens)],
                xaxis="x", yaxis="y",
            ),
            go.Scatter(
                x=steps, y=[y_h] * n, mode="markers+text", name=state_label,
                marker={"symbol": "circle", "size": big,
                        "color": [MODEL_COLORS["rnn"] if i <= k else off for i in steps],
                        "line": {"color": "#111111" if done else "#333333", "width": 1}},
                text=[f"h{_sub(i + 1)}" for i in steps],
                textfont={"size": round(13 * scale), "color": ["#FFFFFF" if i <= k else "#777777" for i in steps]},
                hovertemplate=[f"h_{i + 1} = tanh(W x_{i + 1} + U h_{i} + b)<extra></extra>" for i in steps],
                xaxis="x", yaxis="y",
            ),
            go.Scatter(
                x=[out_x], y=[y_out], mode="markers+text", name=output_label,
                marker={"symbol": "diamond", "size": round(44 * scale), "color": "#FFFFFF",
                        "line": {"color": "#333333", "width": 2}},
                text=[answer if done else "…"], textfont={"size": round(13 * scale), "color": "#111111"},
                hovertemplate=f"P = {answer}<extra></extra>" if done else "…<extra></extra>",
                xaxis="x", yaxis="y",
            ),
            go.Heatmap(
                z=z, x=steps, y=[str(u) for u in range(1, hidden + 1)], colorscale=DIVERGING,
                zmin=-1.0, zmax=1.0, zmid=0.0, name=value_label, showscale=True, hoverongaps=False,
                colorbar={"title": {"text": value_label}, "thickness": 14, "len": 0.5, "y": 0.0,
                          "yanchor": "bottom"},
                customdata=np.array([[f"{i + 1}·{tok}" for i, tok in enumerate(tokens)]] * hidden),
                hovertemplate=(f"{heat_label}: %{{customdata}}<br>{unit_label}: %{{y}}<br>"
                               f"{value_label}: %{{z:.2f}}<extra></extra>"),
                xaxis="x", yaxis="y2",
            ),
        ]

    def frame_update(k: int) -> list[dict]:
        """Only what changes at step k (Plotly merges a frame's data into the traces it names)."""
        full = frame_traces(k)
        return [
            {"type": "scatter", "marker": {"line": full[0].marker.line.to_plotly_json()}},
            {"type": "scatter", "marker": {"color": full[1].marker.color,
                                           "line": full[1].marker.line.to_plotly_json()},
             "textfont": {"color": full[1].textfont.color}},
            {"type": "scatter", "text": full[2].text, "hovertemplate": full[2].hovertemplate},
            {"type": "heatmap", "z": full[3].z},
        ]

    frames = [go.Frame(data=frame_update(k), name=str(k + 1), traces=[0, 1, 2, 3]) for k in steps]
    animate = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}
    slider = {
        "active": n - 1, "x": 0.3, "len": 0.7, "y": -0.02, "yanchor": "top", "pad": {"t": 50 * scale},
        "currentvalue": {"prefix": step_prefix, "font": {"size": round(15 * scale)}},
        "font": {"size": round(13 * scale)},
        "steps": [{"label": str(k + 1), "method": "animate", "args": [[str(k + 1)], animate]} for k in steps],
    }
    buttons = {
        "type": "buttons", "direction": "left", "showactive": False, "x": 0.0, "xanchor": "left",
        "y": -0.02, "yanchor": "top", "pad": {"t": 70 * scale}, "font": {"size": round(14 * scale)},
        "buttons": [
            {"label": f"▶ {play_label}", "method": "animate",
             "args": [[str(k + 1) for k in steps], {"mode": "immediate", "fromcurrent": False,
                                                    "frame": {"duration": frame_ms, "redraw": True},
                                                    "transition": {"duration": 0}}]},
            {"label": f"■ {pause_label}", "method": "animate", "args": [[None], animate]},
        ],
    }
    # the whole layout at once: one validation pass instead of one per annotation
    return go.Figure(data=frame_traces(n - 1), frames=frames, layout={
        "title": top_title(title), "annotations": notes, "showlegend": True, "updatemenus": [buttons],
        "sliders": [slider], "legend": {"traceorder": "normal"},
        "xaxis": {"tickmode": "array", "tickvals": steps, "ticktext": step_labels(tokens), "anchor": "y2",
                  "range": [-0.7, n - 0.4], "showgrid": False, "zeroline": False, "fixedrange": True,
                  "title": {"text": heat_label}},
        "yaxis": {"visible": False, "range": [-0.5, 3.0], "fixedrange": True, "domain": [0.5, 1.0]},
        "yaxis2": {"domain": [0.0, 0.42], "type": "category", "autorange": "reversed", "fixedrange": True,
                   "title": {"text": unit_label}},
    })


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def arrangements_figure(df: pd.DataFrame, current: tuple[int, int], names: Mapping[str, str], *, title: str,
                        x_label: str, y_label: str, current_label: str, chance_label: str) -> go.Figure:
    """P(A before B) for every placement of A and B, per model.

    ``df`` has columns ``pos_a``, ``pos_b`` (1-based), ``model`` (``ff`` or ``rnn``) and
    ``p_before`` (the model's probability that A came before B). The x axis is the gap
    ``pos_b − pos_a``: positive means A really came first. A bag-of-inputs model draws a flat
    line (same bag, same answer); a model that sees order jumps from 0 to 1 at gap 0.
    """
    fig = go.Figure()
    for model in df["model"].unique():
        part = df[df["model"] == model].copy()
        part["gap"] = part["pos_b"] - part["pos_a"]
        part = part.sort_values(["gap", "pos_a"])
        fig.add_trace(go.Scatter(
            x=part["gap"], y=part["p_before"], mode="markers", name=names.get(model, model),
            marker={"color": MODEL_COLORS.get(model, "#333333"), "size": 10, "opacity": 0.85,
                    "symbol": "circle" if model == "rnn" else "square"},
            customdata=np.stack([part["pos_a"], part["pos_b"]], axis=1),
            hovertemplate="A @ %{customdata[0]}, B @ %{customdata[1]}<br>P = %{y:.3f}<extra>%{fullData.name}</extra>",
        ))
    gap = current[1] - current[0]
    cur = df[(df["pos_a"] == current[0]) & (df["pos_b"] == current[1])]
    fig.add_trace(go.Scatter(
        x=[gap] * len(cur), y=cur["p_before"], mode="markers", name=current_label,
        marker={"symbol": "circle-open", "size": 22, "color": "#111111", "line": {"width": 3}},
        hoverinfo="skip",
    ))
    fig.update_layout(
        title=top_title(title),
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
                 "line": {"dash": "dot", "color": MODEL_COLORS["baseline"], "width": 1}},
                {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "x0": 0, "x1": 0,
                 "line": {"color": "#999999", "width": 1}}],
        annotations=[{"xref": "paper", "x": 0, "y": 0.5, "text": chance_label, "showarrow": False,
                      "xanchor": "left", "yanchor": "bottom"}],
        xaxis={"title": {"text": x_label}, "dtick": 1, "zeroline": False},
        yaxis={"title": {"text": y_label}, "range": [-0.05, 1.05], "tickformat": ".0%"},
    )
    return fig
