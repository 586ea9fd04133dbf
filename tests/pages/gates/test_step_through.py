"""pages.gates.step_through: one frame per step, and the numbers in frame t are the trace's at step t."""

from __future__ import annotations

import json

import pytest
import torch

from pages.gates import texts as _texts
from pages.gates.sentences import diagram_texts
from pages.gates.step_through import GATES, frame_numbers, gate_label, step_through_figure
from pages.gates.view import step_texts
from rnn_core import memory_units as mu
from rnn_core.tasks import SERIES_INPUT_SIZE
from tests.apptest_helpers import decode
from ui.shell import numbers
from ui.shell.catalogs import in_language

PT, EN = in_language(_texts.TEXTS, "pt"), in_language(_texts.TEXTS, "en")


class _Tiny(torch.nn.Module):
    def __init__(self, kind: str) -> None:
        super().__init__()
        torch.manual_seed(3)
        self.rnn = (torch.nn.LSTM if kind == "lstm" else torch.nn.GRU)(SERIES_INPUT_SIZE, 6, batch_first=True)
        self.readout = torch.nn.Linear(6, 2)

    def step_outputs(self, x):
        return self.readout(self.rnn(x)[0])


T = 9


def _steps(unit: int = 4) -> dict[str, mu.UnitSteps]:
    x = torch.randn(1, T, SERIES_INPUT_SIZE, generator=torch.Generator().manual_seed(0))
    return {k: mu.unit_steps(mu.run_timeline(_Tiny(k), x), unit) for k in ("lstm", "gru")}


def _figure(lang="en", present=False, steps=None):
    steps = steps or _steps()
    codes = [f"S1E{i + 1}" for i in range(T)]
    fig = step_through_figure(steps, codes=codes, key=2, texts=step_texts(lang), diagram_texts=diagram_texts(lang),
                              lang=lang, present=present)
    return decode(json.loads(fig.to_json())), steps


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_one_frame_per_step_with_slider_and_play_pause(lang):
    spec, _ = _figure(lang)
    assert [f["name"] for f in spec["frames"]] == [str(t) for t in range(T)]
    slider = spec["layout"]["sliders"][0]
    assert [s["label"] for s in slider["steps"]] == [str(t + 1) for t in range(T)]
    assert all(s["method"] == "animate" and s["args"][0] == [str(t)] for t, s in enumerate(slider["steps"]))
    buttons = spec["layout"]["updatemenus"][0]["buttons"]
    cat = EN if lang == "en" else PT
    assert [b["label"] for b in buttons] == [cat["gates.st_play"], cat["gates.st_pause"]]
    assert buttons[0]["args"][0] is None and buttons[0]["args"][1]["fromcurrent"] is True  # play from here
    assert buttons[1]["args"][0] == [None]  # pause: Plotly's "stop the animation"


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_frame_t_shows_the_trace_at_step_t(lang):
    spec, steps = _figure(lang)
    for t in (0, 2, T - 1):
        for index, kind in enumerate(("lstm", "gru")):
            s = steps[kind]
            labels = frame_numbers(spec, t, index)
            joined = " ".join(labels)
            for name, letter in GATES[kind]:
                value = s.gates[name][t]
                shown = numbers.signed(value, 2, lang) if name == "candidate" else numbers.fixed(value, 2, lang)
                assert gate_label(letter, shown) in labels
                mean = s.gate_means[name][t]
                assert (numbers.signed(mean, 2, lang) if name == "candidate" else numbers.fixed(mean, 2, lang)) in joined
            letter = "c" if kind == "lstm" else "h"
            assert f"<b>{letter} = {numbers.signed(s.state_before[t], 2, lang)}</b>" in labels
            assert f"<b>{letter} = {numbers.signed(s.state_after[t], 2, lang)}</b>" in labels
            assert numbers.percent(s.belief[t], lang) in joined
            assert (f"S1E{t + 1}" in joined) == (index == 0)  # the episode is named once, above the LSTM


def test_gate_fills_and_cursor_follow_the_values():
    spec, steps = _figure()
    t = 5
    frame = next(f for f in spec["frames"] if f["name"] == str(t))
    fills = [tr for tr in frame["data"] if tr.get("fill") == "toself"]
    assert len(fills) == 4 + 3
    alpha = float(fills[0]["fillcolor"].rsplit(",", 1)[1].rstrip(")"))
    assert alpha == pytest.approx(steps["lstm"].gates["forget"][t], abs=1e-3)  # f fills its box by its value
    cursors = [tr for tr in frame["data"] if tr.get("name") == "t"]
    assert len(cursors) == 2 and all(min(c["x"]) == t + 0.5 and max(c["x"]) == t + 1.5 for c in cursors)
    # every frame replaces exactly the traces it lists, and those exist in the figure
    assert len(frame["traces"]) == len(frame["data"]) and max(frame["traces"]) < len(spec["data"])


def test_the_small_grid_holds_the_whole_timeline():
    spec, steps = _figure()
    bars = [tr for tr in spec["data"] if tr["type"] == "bar"]
    assert len(bars) == 6 + 5  # LSTM f i o g c P, GRU z r n h P
    assert all(len(b["x"]) == T for b in bars)
    forget = bars[0]
    assert forget["hovertext"][3].endswith(numbers.fixed(steps["lstm"].gates["forget"][3], 2))
    assert len(set(forget["marker"]["color"])) > 1  # coloured by value
    assert "heatmap" not in {tr["type"] for tr in spec["data"]}  # heatmaps blink out during an animation


def test_presenter_mode_has_larger_labels_and_one_model_works_alone():
    small, _ = _figure()
    large, _ = _figure(present=True)
    assert max(large["frames"][0]["data"][5]["textfont"]["size"]) > max(small["frames"][0]["data"][5]["textfont"]["size"])
    only = _steps()
    spec, _ = _figure(steps={"gru": only["gru"]})
    assert len(spec["frames"]) == T and spec["layout"]["xaxis"]["domain"] == [0.0, 1.0]  # one model: full width
    with pytest.raises(ValueError):
        step_through_figure({}, codes=[], key=0, texts=step_texts("en"), diagram_texts=diagram_texts("en"))


def test_starting_at_opens_on_step_t_without_touching_the_shared_spec():
    import copy

    from ui.figures.frames import starting_at

    fig = step_through_figure(_steps(), codes=[f"S1E{i + 1}" for i in range(T)], key=2, texts=step_texts("en"),
                              diagram_texts=diagram_texts("en"))
    spec = fig.to_dict()
    before = copy.deepcopy(spec)
    opened = starting_at(spec, 4)
    assert spec == before  # the shared spec is unchanged
    assert opened["layout"]["sliders"][0]["active"] == 4
    frame = spec["frames"][4]
    assert [opened["data"][i] for i in frame["traces"]] == frame["data"]
    assert starting_at(spec, 99)["layout"]["sliders"][0]["active"] == T - 1  # clamped


def test_frames_sent_only_with_what_changes_draw_every_step_the_same():
    """``prepare`` sends the step-through with ``only_changes``: every step opens the same, the value
    labels are still read from the frames, and the frames shrink (measured: 102 KB → 26 KB at T = 20)."""
    from ui.figures.frames import only_changes, starting_at

    spec, _ = _figure("pt")
    slim = only_changes(spec)
    for t in range(T):
        opened, before = starting_at(slim, t), starting_at(spec, t)
        assert json.dumps(opened["data"], sort_keys=True) == json.dumps(before["data"], sort_keys=True)
        assert opened["layout"] == before["layout"]
        for index in (0, 1):
            assert frame_numbers(slim, t, index) == frame_numbers(spec, t, index)
    assert len(json.dumps(slim["frames"])) < 0.5 * len(json.dumps(spec["frames"]))
