"""A shared figure's JSON is made once per server and sent as Streamlit's own plotly_chart element.

``ui.figures.prepared.serialized`` memoizes ``plotly.io.to_json(fig, validate=False)`` per figure
object; ``ui.widgets.figure_element.send`` builds the element from it through Streamlit's private
API. These tests pin both: the delta is the one ``st.plotly_chart`` sends (so a Streamlit upgrade
that changes its element fails here, loudly), the JSON is exactly Plotly's, nothing shared is
changed, one serialization serves every session, and the element id is stable across reruns.
"""

from __future__ import annotations

import copy
import gc
import json
import threading
import time
import uuid

import numpy as np
import plotly.graph_objects as go
import plotly.io
import plotly.tools
import pytest
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import PAGES, run_page
from ui.figures import prepared
from ui.figures.frames import starting_at
from ui.figures.prepared import prepare, serialized, serialized_at
from ui.widgets import chart as chart_module
from ui.widgets import figure_element


def _figure() -> go.Figure:
    """A figure with what costs or could differ: numpy arrays (typed arrays), frames, a uid, a height."""
    x = np.linspace(0.0, 1.0, 50)
    fig = go.Figure(
        [go.Scatter(x=x, y=np.sin(6 * x), name="a", uid="trace-a"), go.Heatmap(z=np.arange(12.0).reshape(3, 4))],
        frames=[go.Frame(data=[go.Scatter(y=np.cos(k * x))], traces=[0], name=str(k)) for k in range(3)],
    )
    fig.update_layout(title="ok", height=333,
                      sliders=[{"active": 0, "steps": [{"label": str(k), "method": "animate", "args": [[str(k)]]}
                                                       for k in range(3)]}])
    return fig


# --------------------------------------------------------------------------- the memo


def test_json_is_exactly_plotlys_and_the_figure_is_untouched():
    fig = _figure()
    before = fig.to_dict()
    wire = serialized(fig)
    assert wire.json == plotly.io.to_json(fig, validate=False)
    assert wire.layout_height == 333
    assert fig.to_dict() == before  # the uid is still there: dropped from a copy only
    assert serialized(fig) is wire


def test_prepared_figure_is_serialized_at_build_and_its_shared_spec_untouched(monkeypatch):
    calls = []
    real = prepared._serialize
    monkeypatch.setattr(prepared, "_serialize", lambda fig: calls.append(fig) or real(fig))
    shared = prepare(_figure(), present=False, lang="pt")
    assert calls == [shared]  # computed inside the cached view that prepares it
    digest = shared.spec_hash()
    wire = serialized(shared)
    assert "uid" in shared.spec["data"][0] and shared.spec_hash() == digest  # Plotly's own to_json drops it in place
    assert wire.json == plotly.io.to_json(copy.deepcopy(shared.to_dict()), validate=False)
    assert len(calls) == 1


def test_one_computation_for_concurrent_first_calls(monkeypatch):
    calls = []
    real = prepared._serialize

    def slow(fig):
        calls.append(fig)
        time.sleep(0.2)  # every thread arrives while the first computes
        return real(fig)

    monkeypatch.setattr(prepared, "_serialize", slow)
    fig = _figure()
    results = []
    threads = [threading.Thread(target=lambda: results.append(serialized(fig))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(results) == 8 and all(r is results[0] for r in results)


def test_entry_dies_with_its_figure():
    fig = _figure()
    serialized(fig)
    key = id(fig)
    assert key in prepared._MEMO
    del fig
    gc.collect()
    assert key not in prepared._MEMO


def test_a_new_figure_at_a_reused_address_is_not_served_the_old_json():
    first = go.Figure(go.Bar(y=[1, 2]))
    old = serialized(first).json
    # Simulate id reuse: an entry whose weak reference points at another object.
    second = go.Figure(go.Bar(y=[3, 4]))
    with prepared._MEMO_LOCK:
        prepared._MEMO[id(second)] = prepared._MEMO[id(first)]
    assert serialized(second).json != old
    assert serialized(second).json == plotly.io.to_json(second, validate=False)


def _stock_at(fig, step: int) -> str:
    """What ``st.plotly_chart(starting_at(fig.to_dict(), step))`` puts in the element."""
    return plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(starting_at(fig.to_dict(), step), True),
                             validate=False)


def test_opened_at_a_step_is_the_stock_json_made_once_per_step(monkeypatch):
    shared = prepare(_figure(), present=False, lang="en")
    digest = shared.spec_hash()
    built = []
    real = plotly.tools.return_figure_from_figure_or_data
    monkeypatch.setattr(plotly.tools, "return_figure_from_figure_or_data",
                        lambda *a, **k: built.append(1) or real(*a, **k))
    first = serialized_at(shared, 1)
    assert serialized_at(shared, 1) is first and serialized_at(shared, 99) is serialized_at(shared, 2)
    assert len(built) == 2  # steps 1 and 2 (99 is the last step, 2)
    monkeypatch.setattr(plotly.tools, "return_figure_from_figure_or_data", real)
    assert first.json == _stock_at(shared, 1) and first.layout_height == 440
    assert json.loads(first.json)["layout"]["sliders"][0]["active"] == 1
    assert shared.spec_hash() == digest  # the shared figure is untouched


def test_steps_kept_within_the_budget_and_leave_with_their_figure(monkeypatch):
    fig = _figure()
    size = len(serialized_at(fig, 0).json)
    monkeypatch.setattr(prepared, "STEP_CACHE_CHARS", int(2.5 * size))
    for step in (0, 1, 2):
        serialized_at(fig, step)
    with prepared._MEMO_LOCK:
        held = [k for k in prepared._STEPS.items if k[0] == id(fig)]
        assert held == [(id(fig), 1), (id(fig), 2)]  # the oldest step left
        assert prepared._STEPS.chars == sum(len(w.json) for w in prepared._STEPS.items.values())
    key = id(fig)
    del fig
    gc.collect()
    with prepared._MEMO_LOCK:
        assert not [k for k in prepared._STEPS.items if k[0] == key]


# --------------------------------------------------------------------------- the element


def _element_script(token: str, mode: str) -> None:
    import numpy as np
    import plotly.graph_objects as go
    import streamlit as st

    from ui.figures.frames import starting_at
    from ui.figures.prepared import prepare, serialized, serialized_at
    from ui.widgets.chart import PLOTLY_CONFIG
    from ui.widgets.figure_element import send

    @st.cache_resource
    def shared(token: str):
        x = np.linspace(0.0, 1.0, 50)
        fig = go.Figure([go.Scatter(x=x, y=np.sin(6 * x), uid="u")],
                        frames=[go.Frame(data=[go.Scatter(y=np.cos(k * x))], traces=[0]) for k in range(3)])
        fig.update_layout(sliders=[{"active": 0, "steps": [{"label": str(k)} for k in range(3)]}])
        return fig, prepare(go.Figure(go.Bar(y=[1, 2, 3])), present=False, lang="pt", height=300)

    plain, ready = shared(token)

    def show(fig, key):
        if mode == "stock":
            st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)
        else:
            send(serialized(fig), key=key, config=PLOTLY_CONFIG)

    def show_at(fig, step, key):  # a step-through opened at a step: a dict through the stock path
        if mode == "stock":
            st.plotly_chart(starting_at(fig.to_dict(), step), width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)
        else:
            send(serialized_at(fig, step), key=key, config=PLOTLY_CONFIG)

    st.write("above")
    show(plain, "main")
    with st.container(border=True):
        show(ready, "boxed")
    with st.sidebar:
        show(plain, "side")
    with st.form("f"):
        show(ready, "formed")
        st.form_submit_button("go")
    show_at(plain, 2, "stepped")


def _plotly_messages(monkeypatch, token: str, mode: str) -> list:
    sent = []
    real = ForwardMsgQueue.enqueue

    def record(self, msg):
        if msg.WhichOneof("type") == "delta" and msg.delta.new_element.WhichOneof("type") == "plotly_chart":
            copy = type(msg)()
            copy.CopyFrom(msg)
            sent.append(copy)
        return real(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", record)
    at = AppTest.from_function(_element_script, args=(token, mode), default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    monkeypatch.setattr(ForwardMsgQueue, "enqueue", real)
    return sent


def test_send_emits_the_delta_st_plotly_chart_emits(monkeypatch):
    """Same proto (spec, config, theme, form id, element id), same width/height, same delta path and
    metadata, in the main area, a container, the sidebar and a form, and for a step-through opened at a
    step (a dict through ``st.plotly_chart``, against ``serialized_at``). Fails if Streamlit changes."""
    token = uuid.uuid4().hex
    stock = _plotly_messages(monkeypatch, token, "stock")
    ours = _plotly_messages(monkeypatch, token, "send")
    assert len(stock) == len(ours) == 5
    for a, b in zip(stock, ours, strict=True):
        assert b.delta == a.delta
        assert b.metadata == a.metadata
    assert [bool(m.delta.new_element.plotly_chart.form_id) for m in ours] == [False, False, False, True, False]
    assert ours[1].delta.new_element.height_config.pixel_height == 300


def test_element_id_stable_across_reruns_and_sessions_and_one_serialization(monkeypatch):
    calls = []
    real = prepared._serialize
    monkeypatch.setattr(prepared, "_serialize", lambda fig: calls.append(type(fig).__name__) or real(fig))
    token = uuid.uuid4().hex
    ids = []
    for _ in range(2):  # two sessions
        at = AppTest.from_function(_element_script, args=(token, "send"), default_timeout=30)
        for _ in range(2):  # two runs each
            at.run()
            assert not at.exception
            ids.append([el.proto.id for el in at.get("plotly_chart")])
    assert all(run == ids[0] for run in ids) and len(set(ids[0])) == 5
    assert sorted(calls) == ["Figure", "PreparedFigure"]  # one per figure object, for all four runs


def test_figure_element_uses_the_private_api_it_names():
    """The module's docstring names every private Streamlit name it uses; they must still exist."""
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.elements import plotly_chart

    assert callable(DeltaGenerator._enqueue)
    assert callable(plotly_chart._plotly_data) and callable(plotly_chart._resolve_content_height)
    for name in ("_enqueue", "compute_and_register_element_id", "current_form_id", "LayoutConfig",
                 "_plotly_data", "_resolve_content_height"):
        assert name in figure_element.__doc__


# --------------------------------------------------------------------------- every chart on every page


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_on_every_page_is_plotlys_json_sent_once(page, monkeypatch):
    """Every chart of the journey's pages goes through the once-made JSON, which is exactly
    ``plotly.io.to_json(fig, validate=False)`` of the figure shown; ids do not change on a rerun."""
    shown: dict[str, go.Figure] = {}
    real = chart_module.serialized

    def spy(fig):
        wire = real(fig)
        shown[wire.json] = fig
        return wire

    monkeypatch.setattr(chart_module, "serialized", spy)
    at = run_page(page, lang="en", timeout=240)
    assert not at.exception, [e.value for e in at.exception]
    charts = at.get("plotly_chart")
    for chart in charts:
        assert chart.proto.spec in shown, f"{page}: a chart not sent from its once-made JSON"
        fig = shown[chart.proto.spec]
        assert chart.proto.spec == plotly.io.to_json(fig, validate=False)
        assert json.loads(chart.proto.config)["displaylogo"] is False
    ids = [chart.proto.id for chart in charts]
    at.run()
    assert [chart.proto.id for chart in at.get("plotly_chart")] == ids
