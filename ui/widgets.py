"""Shared widgets: charts with caption and CSV download, model answers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui.i18n import current_language, t
from ui.layout import presenting
from ui.theme import style_figure

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"], "responsive": True}


def chart(fig: go.Figure, caption_key: str, *, data: pd.DataFrame | None = None, name: str = "chart",
          height: int | None = None, styled: bool = False, **caption_fmt: object) -> None:
    """Show ``fig`` with the app's style, a one-sentence caption and a CSV download of ``data``.

    ``name`` names the downloaded file (``<name>.csv``) and keys the widgets, so it must be
    unique on the page. ``styled=True``: the figure comes from a cached view that already
    applied ``ui.theme.style_figure`` (with this session's language and presenter mode); it is
    shown as is and never modified, since every session shares it.
    """
    if not styled:
        style_figure(fig, present=presenting(), height=height, lang=current_language())
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=f"chart-{name}")
    st.caption(t(caption_key, **caption_fmt))
    if data is not None:
        st.download_button(
            t("common.download_csv"),
            lambda: data.to_csv(index=False).encode("utf-8"),  # built only when clicked
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv-{name}",
            icon=":material/download:",
        )
