"""The TV-series timeline editor (station 2, reused by station 4).

A series is a grid of seasons × episodes. The student places the *key event* (a sad trauma
or a happy reunion) at season s, episode e, says how many ordinary episodes follow it, and
the series ends with the final scene in which the character cries. With "every episode has
its own mood" on (the *realistic* series), every ordinary episode also carries a mood — a
pattern (random, all sad, all happy, alternating, or always the opposite of the key event) —
which the models must ignore.

The editor is a thin layer of URL-bound widgets over :func:`build_timeline`, a pure function
that returns a :class:`Timeline`: a ``list`` of ``rnn_core.tasks.Episode`` (what
``encode_timeline`` takes) that also knows its layout (episodes per season) and variant.

Distances: with ``n`` ordinary episodes after the key event, the final scene sits
``d = n + 1`` steps after it (``d = 1``: the key event is the episode right before the final).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from rnn_core.tasks import MOODS, Episode, make_timeline
from ui.figures.timeline import episode_code, timeline_figure
from ui.shell import state
from ui.shell.i18n import current_language, t
from ui.shell.layout import presenting
from ui.shell.theme import style_figure
from ui.widgets.chart import chart

# Bounds of every control (a shared link can never ask for more than this).
PER_SEASON = (1, 12, 4)  # (min, max, default) episodes per season
KEY_SEASON = (1, 10, 1)
KEY_EPISODE = (1, 12, 2)
AFTER = (0, 89, 17)  # ordinary episodes between the key event and the final scene
SEED = (0, 9999, 0)
PATTERNS = ("random", "same", "opposite", "alternate", "all_sad", "all_happy")
MAX_LENGTH = (KEY_SEASON[1] - 1) * PER_SEASON[1] + KEY_EPISODE[1] + AFTER[1] + 1


class Timeline(list):
    """A list of ``Episode`` (key event, ordinary episodes, final scene) plus its layout.

    Attributes: ``per_season`` (episodes per season, for display), ``moods`` (True for the
    realistic series, where ordinary episodes carry moods), ``spec`` (the
    :class:`TimelineSpec` it was built from, clamped: a hashable description for cached views).
    """

    def __init__(self, episodes: list[Episode], *, per_season: int, moods: bool,
                 spec: TimelineSpec | None = None) -> None:
        super().__init__(episodes)
        self.per_season = int(per_season)
        self.moods = bool(moods)
        self.spec = spec

    @property
    def key_index(self) -> int:
        """0-based position of the key event."""
        return next(i for i, ep in enumerate(self) if ep.kind == "key")

    @property
    def key_mood(self) -> str:
        return self[self.key_index].mood

    @property
    def distance(self) -> int:
        """Steps from the key event to the final scene (``d = len - 1 - key_index``)."""
        return len(self) - 1 - self.key_index

    @property
    def seasons(self) -> int:
        return (len(self) + self.per_season - 1) // self.per_season

    def code(self, index: int) -> str:
        """``S2E3``-style name of the episode at ``index``."""
        return episode_code(index, self.per_season)

    def codes(self) -> list[str]:
        return [self.code(i) for i in range(len(self))]

    def frame(self) -> pd.DataFrame:
        """One row per episode: step, code, kind, mood (for the CSV download)."""
        return pd.DataFrame({"step": range(len(self)), "episode": self.codes(),
                             "kind": [ep.kind for ep in self], "mood": [ep.mood or "" for ep in self]})


@dataclass(frozen=True)
class TimelineSpec:
    """Everything the editor asks; :func:`build_timeline` turns it into episodes."""

    key_mood: str = "sad"
    per_season: int = PER_SEASON[2]
    key_season: int = KEY_SEASON[2]
    key_episode: int = KEY_EPISODE[2]
    after: int = AFTER[2]
    moods: bool = False
    pattern: str = "random"
    seed: int = 0


def _clamp(value: int, bounds: tuple[int, int, int]) -> int:
    return max(bounds[0], min(bounds[1], int(value)))


def ordinary_moods(pattern: str, key_mood: str) -> list[str] | None:
    """The mood cycle of ordinary episodes for ``pattern`` (None = random with the seed)."""
    other = MOODS[1 - MOODS.index(key_mood)]
    return {"random": None, "same": [key_mood], "opposite": [other], "alternate": list(MOODS),
            "all_sad": ["sad"], "all_happy": ["happy"]}[pattern]


def build_timeline(spec: TimelineSpec) -> Timeline:
    """Validated, bounded episodes for ``spec``.

    Out-of-range numbers are clamped to the bounds above; a key episode past the end of its
    season moves to the season's last episode. In the simple series (``moods=False``) ordinary
    episodes carry no mood.
    """
    if spec.key_mood not in MOODS:
        raise ValueError(f"key_mood must be one of {MOODS}")
    if spec.pattern not in PATTERNS:
        raise ValueError(f"pattern must be one of {PATTERNS}")
    per_season = _clamp(spec.per_season, PER_SEASON)
    key_season = _clamp(spec.key_season, KEY_SEASON)
    key_episode = min(_clamp(spec.key_episode, KEY_EPISODE), per_season)
    after = _clamp(spec.after, AFTER)
    seed = _clamp(spec.seed, SEED)
    before = (key_season - 1) * per_season + key_episode - 1
    episodes = make_timeline(spec.key_mood, after + 1, before=before,
                             ordinary_moods=ordinary_moods(spec.pattern, spec.key_mood), seed=seed)
    if not spec.moods:
        episodes = [ep if ep.kind == "key" else Episode(ep.kind, None) for ep in episodes]
    clamped = TimelineSpec(key_mood=spec.key_mood, per_season=per_season, key_season=key_season,
                           key_episode=key_episode, after=after, moods=bool(spec.moods), pattern=spec.pattern,
                           seed=seed)
    return Timeline(episodes, per_season=per_season, moods=spec.moods, spec=clamped)


def timeline_editor(prefix: str = "") -> Timeline:
    """Render the editor (URL-bound controls under ``?<prefix>name=``) and return the timeline."""
    def key(name: str) -> str:
        return f"{prefix}{name}"

    moods = state.toggle("series.tl_moods", key("moods"), False, help=t("series.tl_moods_help"))
    c1, c2 = st.columns(2)
    with c1:
        key_mood = state.radio("series.tl_key_mood", key("mood"), list(MOODS), "sad",
                               format_func=lambda m: t(f"series.tl_key_{m}"))
        after = state.slider("series.tl_after", key("after"), AFTER[0], AFTER[1], AFTER[2],
                             help=t("series.tl_after_help"))
    with c2:
        per_season = state.slider("series.tl_per_season", key("per_season"), *PER_SEASON)
        s1, s2 = st.columns(2)
        with s1:
            key_season = state.slider("series.tl_key_season", key("key_season"), *KEY_SEASON)
        with s2:
            key_episode = state.slider("series.tl_key_episode", key("key_ep"), *KEY_EPISODE)
    pattern, seed = "random", 0
    if moods:
        m1, m2 = st.columns(2)
        with m1:
            pattern = state.select("series.tl_pattern", key("pattern"), PATTERNS, "random",
                                   format_func=lambda p: t(f"series.tl_pattern_{p}"))
        with m2:
            seed = state.slider("series.tl_seed", key("seed"), *SEED, disabled=pattern != "random",
                                help=t("series.tl_seed_help"))
    spec = TimelineSpec(key_mood=key_mood, per_season=per_season, key_season=key_season,
                        key_episode=key_episode, after=after, moods=moods, pattern=pattern, seed=seed)
    timeline = build_timeline(spec)
    if key_episode > per_season:
        st.caption(t("series.tl_clamped", asked=key_episode, per_season=per_season))
    return timeline


def timeline_texts(lang: str | None = None) -> dict[str, str]:
    """Translated names used by :func:`ui.figures.timeline.timeline_figure`."""
    names = ("season", "episode", "key_sad", "key_happy", "ordinary", "final", "window", "sad", "happy")
    return {name: t(f"series.tlfig_{name}", lang) for name in names}


def styled_timeline_figure(timeline: Timeline, window: int, lang: str, present: bool):
    """The seasons × episodes grid of ``timeline``, styled for ``lang`` and presenter mode.

    Pure in its arguments (no session state), so cached views can build it once for everyone.
    """
    fig = timeline_figure([ep.kind for ep in timeline], [ep.mood for ep in timeline], timeline.per_season,
                          window, title=t("series.tlfig_title", lang, seasons=timeline.seasons, episodes=len(timeline)),
                          texts=timeline_texts(lang))
    cell = 64 if present else 48
    height = max(320, min(170 + cell * timeline.seasons, 900))
    return style_figure(fig, present=present, height=height, lang=lang)


def show_timeline(timeline: Timeline, window: int, *, name: str = "timeline", fig=None, data=None) -> None:
    """Draw ``timeline`` as a seasons × episodes grid (with the feedforward window framed).

    ``fig`` (and ``data``, its CSV): a figure already built by :func:`styled_timeline_figure`
    in a cached view; shown as is, never modified.
    """
    if fig is None:
        fig = styled_timeline_figure(timeline, window, current_language(), presenting())
    chart(fig, "series.tlfig_caption", data=timeline.frame() if data is None else data, name=name, styled=True,
          k=window, d=timeline.distance)
