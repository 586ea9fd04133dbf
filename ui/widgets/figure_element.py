"""Send a shared Plotly figure as Streamlit's own ``plotly_chart`` element, from its JSON made once.

Why: ``st.plotly_chart(fig)`` (Streamlit 1.67, ``streamlit/elements/plotly_chart.py``) rebuilds the
figure's JSON on every call — ``plotly.tools.return_figure_from_figure_or_data`` (``fig.to_dict()``,
a deep copy) then ``plotly.io.to_json`` (the pure-Python encoder) — which was a fifth of the server's
time under a class of 30 (py-spy, ``bench.class_load``). A figure returned by a cached view is shared
by every session and never changes, so its JSON is made once per server
(``ui.figures.prepared.serialized``, or ``serialized_at`` for a step-through opened at a step) and
:func:`send` builds the element from it.

What :func:`send` does is what ``st.plotly_chart(fig, width="stretch", theme=None, config=config,
key=key)`` does after serializing (``on_select="ignore"``, no ``alt``), step for step: a
``PlotlyChart`` proto with the same ``spec``, ``config``, ``theme`` and ``form_id``; the same element
id (``compute_and_register_element_id`` over the same arguments, so a rerun gives the same id and the
browser keeps the chart mounted, and a duplicate key fails the same way); the same width and
"content" height; the same agent description; enqueued by ``DeltaGenerator._enqueue``. It skips only
``@gather_metrics`` (usage statistics, off on this app's server).

Private Streamlit API used here and nowhere else: ``DeltaGenerator._enqueue``,
``streamlit.elements.lib.utils.compute_and_register_element_id``,
``streamlit.elements.lib.form_utils.current_form_id``, ``streamlit.elements.lib.layout_utils.LayoutConfig``,
``streamlit.elements.lib.agent_spec.element`` and ``streamlit.elements.plotly_chart._plotly_data`` /
``_resolve_content_height``. ``tests/ui/test_figure_element.py`` runs both ways side by side in
AppTest and compares the whole delta (proto, layout, metadata, id): a Streamlit upgrade that changes
any of it fails that test loudly rather than drawing a different chart.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st
from streamlit.elements.lib import agent_spec
from streamlit.elements.lib.form_utils import current_form_id
from streamlit.elements.lib.layout_utils import LayoutConfig
from streamlit.elements.lib.utils import compute_and_register_element_id
from streamlit.elements.plotly_chart import _plotly_data, _resolve_content_height
from streamlit.proto.PlotlyChart_pb2 import PlotlyChart as PlotlyChartProto

from ui.figures.prepared import Serialized

# st.plotly_chart's defaults for the arguments the app never sets; they enter the element id.
_SELECTION_MODE = ("points", "box", "lasso")
_WIDTH = "stretch"
_HEIGHT = "content"


def send(wire: Serialized, *, key: str, config: dict[str, Any]) -> None:
    """Show a figure from its once-made wire form (``ui.figures.prepared.serialized(fig)``) as
    ``st.plotly_chart(fig, width="stretch", theme=None, config=config, key=key)`` would show it."""
    dg = st._main  # what ``st.plotly_chart`` is bound to; ``_enqueue`` follows ``with`` blocks itself
    proto = PlotlyChartProto()
    proto.theme = ""
    proto.form_id = current_form_id(dg)
    proto.spec = wire.json
    proto.config = json.dumps(config)
    proto.id = compute_and_register_element_id(
        "plotly_chart",
        user_key=key,
        key_as_main_identity=False,
        dg=dg,
        plotly_spec=wire.json,
        plotly_config=proto.config,
        selection_mode=_SELECTION_MODE,
        is_selection_activated=False,
        theme=None,
        width=_WIDTH,
        height=_HEIGHT,
        alt=None,
    )
    height = _resolve_content_height(_HEIGHT, {"layout": {"height": wire.layout_height}})
    dg._enqueue(
        "plotly_chart",
        proto,
        layout_config=LayoutConfig(width=_WIDTH, height=height),
        agent_props=agent_spec.element("plotly_chart", key=key, data_builder=lambda: _plotly_data(wire.json),
                                       alt=None),
    )


__all__ = ["send"]
