"""Small layout pieces shared by the stations' figures (pure: dicts in, dicts or the same figure out)."""

from __future__ import annotations

import base64
import math

import numpy as np
import plotly.graph_objects as go


def top_title(text: str) -> dict:
    """Title pinned to the top of the figure, so a legend that wraps onto two lines (phone
    width, long model names) grows into the free space below it instead of over it."""
    return {"text": text, "yref": "container", "y": 0.985, "yanchor": "top"}


def vline(x: float, line: dict) -> dict:
    """A vertical line shape at data ``x``, across the whole plot height."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}


def hline(y: float, line: dict) -> dict:
    """A horizontal line shape at data ``y``, across the whole plot width."""
    return {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y, "line": line}


GAP = 10  # px between the title and the legend, and between the legend and the plot


def _legend_drawn(fig: go.Figure) -> bool:
    """Whether plotly.js will draw a legend: ``layout.showlegend`` when set, else two entries or more
    (traces and shapes that are visible and not ``showlegend=False``), plotly.js's own default."""
    entries = sum(1 for tr in fig.data if tr.showlegend is not False and tr.visible is not False)
    entries += sum(1 for sh in fig.layout.shapes if sh.showlegend)
    shown = fig.layout.showlegend
    return entries > 0 and (shown if shown is not None else entries > 1)


def title_lines(fig: go.Figure) -> int:
    """How many lines the title has (``<br>`` count + 1; 0 without a title)."""
    text = fig.layout.title.text or ""
    return text.count("<br>") + 1 if text else 0


def _title_size(title) -> float:
    return title.font.size if title.font and title.font.size else 17


def _below_title(fig: go.Figure, pad: float) -> float:
    """Pixels from the container's top to :data:`GAP` under the title's last line (the title pinned at
    ``title.y`` of the container, padded down by ``pad``, each line 1.3 × its font size); GAP alone
    without a title."""
    title, lines = fig.layout.title, title_lines(fig)
    if not lines:
        return GAP
    top = (1 - (title.y if title.y is not None else 0.98)) * (fig.layout.height or 440) + pad
    return top + lines * 1.3 * _title_size(title) + GAP


def multiline_title(fig: go.Figure) -> go.Figure:
    """Keep a title of several lines (``<br>``) inside the figure: plotly.js centres the extra lines on the
    first one's place, so a title pinned to the top of the container (``yanchor="top"``) sticks out above
    it by half the extra lines (1.3 × font size each). A top padding of that much brings it back in, and
    the top margin grows to hold every line. One-line titles are left alone."""
    title = fig.layout.title
    lines = title_lines(fig)
    if lines < 2 or title.yref != "container" or title.yanchor != "top":
        return fig
    pad = math.ceil((lines - 1) * 0.65 * _title_size(title)) + 2
    top = fig.layout.margin.t
    fig.update_layout(title={"pad": {"t": pad}},
                      margin={"t": max(top if top is not None else 0, math.ceil(_below_title(fig, pad)))})
    return fig


def legend_under_title(fig: go.Figure) -> go.Figure:
    """Stack title, legend and plot so that none runs into the next, however many rows the legend wraps to.

    ``ui.shell.theme.style_figure`` puts the legend just above the plot (``y = 1.01`` of the plot) and
    gives the figure a fixed top margin: a legend that wraps to more rows than that margin holds (large
    presenter type, long names, a narrow column) climbs into the title. Here the legend hangs from
    just under the title instead (``yref="container"``, ``yanchor="top"``) and plotly.js itself reserves
    the room it takes on the page, whatever its width: the plot starts :data:`GAP` px under the legend's
    last row (plotly.js adds a container-anchored legend's bottom to the top margin, which becomes
    :data:`GAP`). Only a figure whose legend is still the style's (horizontal, above the plot) and
    whose title is in container coordinates is changed; call it after ``style_figure``, on a figure this
    session built (it updates it). Title lines: ``<br>`` count + 1, each 1.3 × its font size."""
    multiline_title(fig)
    legend, title = fig.layout.legend, fig.layout.title
    styled = (legend.orientation == "h" and legend.yanchor == "bottom" and legend.y is not None
              and 1.0 <= legend.y <= 1.05 and legend.yref in (None, "paper") and title.yref == "container")
    if not styled or not _legend_drawn(fig):
        return fig
    below_title = _below_title(fig, (title.pad.t or 0) if title.pad else 0)
    fig.update_layout(legend={"yref": "container", "y": 1 - below_title / (fig.layout.height or 440), "yanchor": "top"},
                      margin={"t": GAP})
    return fig


def legend_room(fig: go.Figure, present: bool) -> go.Figure:
    """Room for the legend between the title and the plot (:func:`legend_under_title`), in presenter
    mode and on a screen alike (``present`` is kept for the callers). Call it after
    ``ui.shell.theme.style_figure``, on a figure this session built (it updates it)."""
    del present
    return legend_under_title(fig)


def typed_array(values, dtype: str = "f8") -> dict[str, str]:
    """A float array as Plotly's typed-array spec ``{"dtype", "bdata"[, "shape"]}``, what plotly.py sends
    for a numpy array anyway, built without plotly's validation (15× faster when a figure has a frame
    per step). ``dtype="f4"`` (float32: 7 significant digits) halves the bytes of values that are only
    drawn or shown rounded (a heatmap whose hover prints 3 decimals)."""
    if dtype not in ("f4", "f8"):
        raise ValueError(f"dtype must be 'f4' or 'f8', not {dtype!r}")
    a = np.ascontiguousarray(values, dtype="<" + dtype)
    spec = {"dtype": dtype, "bdata": base64.b64encode(a.tobytes()).decode()}
    if a.ndim > 1:
        spec["shape"] = ", ".join(str(n) for n in a.shape)
    return spec
