"""Figure builders of station 2, and the timeline builder: pure functions, no Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from pages.series.charts import accuracy_distance_figure, belief_figure
from rnn_core.tasks import EPISODE_KINDS, encode_timeline
from ui.figures.timeline import episode_code, timeline_figure
from ui.shell.theme import MODEL_COLORS
from ui.widgets.timeline import (
    AFTER,
    KEY_SEASON,
    MAX_LENGTH,
    PATTERNS,
    PER_SEASON,
    TimelineSpec,
    build_timeline,
)

TEXTS = {k: k.upper() for k in ("season", "episode", "key_sad", "key_happy", "ordinary", "final", "window",
                                "sad", "happy")}


def _title(fig: go.Figure) -> str:
    return fig.layout.title.text


# --------------------------------------------------------------------------- station 2


def test_timeline_figure_tiles_every_episode_and_frames_the_feedforward_block():
    tl = build_timeline(TimelineSpec(per_season=4, key_season=1, key_episode=2, after=17))
    fig = timeline_figure([e.kind for e in tl], [e.mood for e in tl], tl.per_season, 4, title="S", texts=TEXTS)
    grid = np.array(fig.data[0].z, dtype=float)
    assert grid.shape == (5, 4) and np.isfinite(grid).sum() == len(tl) == 20
    assert fig.data[0].text[0][1] == "★" and grid[0, 1] != grid[0, 0]  # the key event stands out
    assert grid[4, 3] != grid[0, 0]  # so does the final scene
    frames = list(fig.layout.shapes)
    # the last 4 episodes are the whole 5th season: one frame
    assert len(frames) == 1 and frames[0].y0 == 4.5
    legend = [tr.name for tr in fig.data if tr.name]
    assert legend == ["KEY_SAD", "ORDINARY", "FINAL", "WINDOW"]
    assert fig.layout.yaxis.scaleanchor == "x"


def test_timeline_figure_window_across_a_season_boundary_and_moods_in_legend():
    tl = build_timeline(TimelineSpec(per_season=3, key_season=1, key_episode=1, after=5, moods=True,
                                     pattern="alternate", key_mood="happy"))
    fig = timeline_figure([e.kind for e in tl], [e.mood for e in tl], tl.per_season, 4, title="S", texts=TEXTS)
    assert len(tl) == 7
    frames = list(fig.layout.shapes)
    assert len(frames) == 2  # the block spans two seasons
    grid = np.array(fig.data[0].z, dtype=float)
    assert np.isnan(grid[-1, -1])  # the last season is not full: an empty cell
    legend = [tr.name for tr in fig.data if tr.name]
    assert "KEY_HAPPY" in legend and "ORDINARY · SAD" in legend and "ORDINARY · HAPPY" in legend


def test_belief_figure_marks_key_event_and_final_scene():
    steps = 10
    df = pd.concat([pd.DataFrame({"step": range(steps), "model": m, "p_happy": np.linspace(0.5, v, steps)})
                    for m, v in (("ff", 0.5), ("lstm", 0.99))])
    codes = [episode_code(i, 4) for i in range(steps)]
    fig = belief_figure(df, {"ff": "FF", "lstm": "LSTM"}, key_index=3, tick_labels=codes, title="B", x_label="ep",
                        y_label="P", key_label="key", final_label="final", chance_label="chance")
    assert [tr.name for tr in fig.data] == ["FF", "LSTM"]
    assert fig.data[1].line.color == MODEL_COLORS["lstm"]
    vlines = [s for s in fig.layout.shapes if s.type == "line" and s.x0 == s.x1]
    assert {s.x0 for s in vlines} == {3, steps - 1}
    assert {a.text for a in fig.layout.annotations} >= {"key", "final", "chance"}
    assert fig.layout.yaxis.tickformat == ".0%"


def test_accuracy_distance_figure_shades_trained_range_and_draws_chance():
    d = np.arange(1, 61)
    df = pd.concat([pd.DataFrame({"distance": d, "model": "ff", "accuracy": np.where(d < 4, 1.0, 0.5)}),
                    pd.DataFrame({"distance": d, "model": "gru", "accuracy": 1.0})])
    fig = accuracy_distance_figure(df, {"ff": "FF", "gru": "GRU"}, trained=(1, 30), window=4, current=18,
                                   title="A", x_label="d", y_label="acc", trained_label="trained",
                                   chance_label="chance", window_label="k", current_label="you")
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 1 and (rects[0].x0, rects[0].x1) == (0.5, 30.5)
    vlines = [s for s in fig.layout.shapes if s.type == "line" and s.x0 == s.x1]
    assert {v.x0 for v in vlines} == {3.5, 18}
    hlines = [s for s in fig.layout.shapes if s.type == "line" and s.y0 == s.y1]
    assert [h.y0 for h in hlines] == [0.5]
    assert [tr.name for tr in fig.data] == ["trained", "FF", "GRU"]
    assert {a.text for a in fig.layout.annotations} >= {"chance", "k", "you"}


# --------------------------------------------------------------------------- the timeline builder


def test_build_timeline_default_is_season_one_trauma_and_season_five_tears():
    tl = build_timeline(TimelineSpec())
    assert len(tl) == 20 and tl.seasons == 5
    assert tl.code(tl.key_index) == "S1E2" and tl.code(len(tl) - 1) == "S5E4"
    assert tl.distance == 18 and tl.key_mood == "sad"
    assert tl[-1].kind == "final"
    assert all(ep.mood is None for ep in tl if ep.kind != "key")  # simple series: no other moods
    x = encode_timeline(tl, moods=False)
    assert x.shape == (1, 20, 7)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_build_timeline_mood_patterns(pattern):
    tl = build_timeline(TimelineSpec(moods=True, pattern=pattern, key_mood="happy", after=6))
    ordinary = [ep.mood for ep in tl[tl.key_index + 1:-1]]
    expected = {"same": {"happy"}, "opposite": {"sad"}, "all_sad": {"sad"}, "all_happy": {"happy"},
                "alternate": {"sad", "happy"}}
    if pattern in expected:
        assert set(ordinary) == expected[pattern]
    assert all(m in ("sad", "happy") for m in ordinary)
    assert all(ep.kind in EPISODE_KINDS for ep in tl)


def test_build_timeline_clamps_out_of_range_values():
    tl = build_timeline(TimelineSpec(per_season=99, key_season=-5, key_episode=50, after=10_000, seed=-3))
    assert tl.per_season == PER_SEASON[1]
    assert tl.key_index == PER_SEASON[1] - 1  # season 1, last episode
    assert tl.distance == AFTER[1] + 1
    assert len(tl) <= MAX_LENGTH
    big = build_timeline(TimelineSpec(per_season=PER_SEASON[1], key_season=KEY_SEASON[1], key_episode=99,
                                      after=AFTER[1]))
    assert len(big) == MAX_LENGTH
    small = build_timeline(TimelineSpec(per_season=1, key_season=1, key_episode=1, after=0))
    assert [ep.kind for ep in small] == ["key", "final"] and small.distance == 1


def test_timeline_figure_is_cheap_for_the_longest_series():
    import time

    tl = build_timeline(TimelineSpec(per_season=12, key_season=10, key_episode=12, after=89, moods=True))
    start = time.perf_counter()
    fig = timeline_figure([e.kind for e in tl], [e.mood for e in tl], tl.per_season, 4, title="S", texts=TEXTS)
    assert time.perf_counter() - start < 0.5
    assert np.isfinite(np.array(fig.data[0].z, dtype=float)).sum() == MAX_LENGTH


def test_build_timeline_rejects_unknown_names():
    with pytest.raises(ValueError):
        build_timeline(TimelineSpec(key_mood="angry"))
    with pytest.raises(ValueError):
        build_timeline(TimelineSpec(pattern="chaos"))
