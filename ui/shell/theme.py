"""Colours and figure styling shared by every chart.

The palette is Okabe & Ito's (2008) colour-blind-safe set. Each model keeps one colour on
every page, so a student who learned "LSTM is blue" on station 2 reads station 5 at a glance.
"""

from __future__ import annotations

import plotly.graph_objects as go

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#7F7F7F",
}
PALETTE = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue", "black")]

MODEL_COLORS = {
    "ff": OKABE_ITO["grey"],
    "rnn": OKABE_ITO["vermillion"],
    "stable_rnn": OKABE_ITO["reddish_purple"],
    "lstm": OKABE_ITO["blue"],
    "gru": OKABE_ITO["bluish_green"],
    "theory": OKABE_ITO["orange"],
    "baseline": OKABE_ITO["black"],
}
SAD_COLOR = OKABE_ITO["blue"]
HAPPY_COLOR = OKABE_ITO["orange"]
# Diverging scale for signed values (hidden states, cell states): blue – white – vermillion.
DIVERGING = [[0.0, OKABE_ITO["blue"]], [0.5, "#FFFFFF"], [1.0, OKABE_ITO["vermillion"]]]
# Sequential scale for values in [0, 1] (gate activations).
SEQUENTIAL = [[0.0, "#FFFFFF"], [1.0, OKABE_ITO["blue"]]]


def _template(base: int) -> go.layout.Template:
    """A small white template (built once per font size): cheaper to apply and to send than
    ``plotly_white``, and not overridden by Streamlit's chart theme (charts use ``theme=None``)."""
    axis = {"gridcolor": "#E5E5E5", "linecolor": "#444444", "zerolinecolor": "#BBBBBB", "ticks": "outside",
            "title": {"font": {"size": base}}, "tickfont": {"size": base - 1}, "automargin": True}
    return go.layout.Template(layout={
        "colorway": PALETTE,
        "font": {"family": "Source Sans Pro, Arial, sans-serif", "size": base, "color": "#111111"},
        "paper_bgcolor": "#FFFFFF",
        "plot_bgcolor": "#FFFFFF",
        "xaxis": axis,
        "yaxis": axis,
        "hoverlabel": {"font": {"size": base}},
        "legend": {"font": {"size": base - 1}},
    })


_TEMPLATES = {False: _template(14), True: _template(20)}


def style_figure(fig: go.Figure, *, present: bool = False, height: int | None = None, lang: str = "en") -> go.Figure:
    """Apply the app's layout: white background, readable fonts, title top-left, legend above the plot.

    The title sits at the top of the figure and the legend just above the plotting area, with
    room between them for a legend that wraps to two rows. ``present=True`` (presenter mode)
    enlarges fonts and the figure for a projector; ``lang="pt"`` writes numbers on axes and in
    hovers with a decimal comma (``0,5``).
    """
    base = 20 if present else 14
    fig.layout.template = _TEMPLATES[present]
    fig.update_layout(
        title={"font": {"size": base + 3}, "x": 0.0, "xanchor": "left", "xref": "container",
               "y": 0.98, "yanchor": "top", "yref": "container", "pad": {"l": 10}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "xanchor": "left", "x": 0.0},
        margin={"l": 60, "r": 20, "t": 110 if present else 95, "b": 60},
        height=height or (580 if present else 440),
        separators=",." if lang == "pt" else ".,",
    )
    return fig
