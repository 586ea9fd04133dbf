"""rnn_core: the PyTorch engine behind RNN Memory Lab.

Pure PyTorch and numpy; it never imports streamlit, so a student can use it in
a notebook. Torch's intra-op thread count is set once here: a Streamlit server
runs many sessions at once and tiny recurrent models gain nothing from more
threads (override with the ``RNN_LAB_THREADS`` environment variable).
"""

from __future__ import annotations

import os

import torch


def _threads_from_env() -> int:
    """``RNN_LAB_THREADS`` as a positive int; anything else (unset, junk) means 1."""
    try:
        return max(1, int(os.environ.get("RNN_LAB_THREADS", "1")))
    except ValueError:
        return 1


torch.set_num_threads(_threads_from_env())

from rnn_core import cliff  # noqa: E402, F401
from rnn_core.cells import Trace, param_count_formula, trace  # noqa: E402, F401
from rnn_core.gradients import GradientProbe, classify_regime, gradient_norms, probe  # noqa: E402, F401
from rnn_core.models import FeedForwardBlock, SequenceModel  # noqa: E402, F401
from rnn_core.pretrained import WeightsError, build_model, load_pretrained, retrain  # noqa: E402, F401
from rnn_core.series_eval import accuracy_by_distance  # noqa: E402, F401
from rnn_core.training import StopTraining, TrainResult, train  # noqa: E402, F401
