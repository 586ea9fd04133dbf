"""bench.class_quiz: the pure parts of the teacher-paced scenarios (no server)."""

from __future__ import annotations

import pytest

from bench import class_quiz
from services.st_client import RunView


def test_prediction_widgets_found_by_the_contract_keys():
    run = RunView()
    run.radios = {"$$ID-1a2b-_pred_gradients_distance50": ("", ["0.5", "0.05", "0.005", "0.0005"]),
                  "$$ID-9-_pred_gradients_cells_far": ("", ["x", "y"]), "$$ID-3-other": ("", ["p"])}
    run.buttons = {"$$ID-4-_pred_gradients_distance50_commit": "Commit", "$$ID-5-_pred_gradients_cells_far_commit": "C"}
    assert class_quiz.prediction_widgets(run, "gradients.distance50") == (
        "$$ID-1a2b-_pred_gradients_distance50", ["0.5", "0.05", "0.005", "0.0005"],
        "$$ID-4-_pred_gradients_distance50_commit")
    assert class_quiz.prediction_widgets(run, "gates.bias3") is None
    assert class_quiz.prediction_widgets(None, "gradients.distance50") is None
    run.buttons = {}
    assert class_quiz.prediction_widgets(run, "gradients.distance50") is None  # committed: no button


def test_spread_and_percentages():
    delays = class_quiz.spread_delays(60, 2.0)
    assert len(delays) == 60 and delays[0] == 0 and max(delays) < 2.0
    assert delays == sorted(delays)
    assert class_quiz.spread_delays(0, 2.0) == []
    assert class_quiz.core_percent(3.0, 60.0) == pytest.approx(5.0)
    assert class_quiz.first_reaching([(0.5, 10), (1.0, 59), (1.4, 60), (2.0, 60)], 60) == 1.4
    assert class_quiz.first_reaching([(0.5, 10)], 60) is None


def test_board_refresh_read_from_the_teacher_page(tmp_path):
    page = tmp_path / "page.py"
    page.write_text("x = 1\nREFRESH = 3  # seconds\n")
    assert class_quiz.board_refresh(page) == 3.0
    assert class_quiz.board_refresh(tmp_path / "missing.py") is None
    assert class_quiz.board_refresh() is not None  # the real teacher page still says it


def test_cli_knows_the_scenarios():
    with pytest.raises(SystemExit):
        class_quiz.main(["nonsense"])
