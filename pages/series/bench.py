"""Station 2 benchmark: the student drags "ordinary episodes after the key event", flips the key
event to a reunion and back, and turns "every episode has its own mood" on and off.

The accuracy-by-distance chart is cached per variant (``st.cache_resource``): the first switch to
the realistic series measures it once (about two seconds), every later run reuses it. ``bare``
is the uncached ``rnn_core`` work behind one change: encode the timeline and read the belief
after every episode (``step_outputs``) of the simple series' four models.
"""

import torch

from bench.scenarios import Scenario
from rnn_core.pretrained import load_pretrained
from rnn_core.tasks import encode_timeline, make_timeline

_MODELS = {}


def _bare(value) -> None:
    if not _MODELS:
        _MODELS.update({m: load_pretrained(f"series_simple_{m}") for m in ("ff4", "rnn", "lstm", "gru")})
    after = int(value) if isinstance(value, int) and not isinstance(value, bool) else 17
    episodes = make_timeline("sad", after + 1, before=1)
    x = encode_timeline(episodes, moods=False)
    with torch.no_grad():
        for model in _MODELS.values():
            torch.softmax(model.step_outputs(x)[0], dim=-1)


SCENARIO = Scenario(
    page="pages/series/page.py",
    interactions=[("slider", "after", 5), ("slider", "after", 30), ("slider", "after", 60),
                  ("radio", "mood", "happy"), ("radio", "mood", "sad"), ("slider", "after", 17),
                  ("toggle", "moods", True), ("toggle", "moods", False)],
    bare=_bare,
)
