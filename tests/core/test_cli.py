"""python -m rnn_core: race, latch, gradients, pretrain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_core.__main__ import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def test_race_json(capsys):
    assert main(["race", "--task", "adding", "--length", "10", "--steps", "5", "--seed", "0", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["cell"] for r in rows] == ["rnn", "lstm", "gru"]
    for r in rows:
        assert set(r) == {"cell", "final_loss", "solved_at_step", "seconds", "params"}
        assert r["solved_at_step"] is None and isinstance(r["final_loss"], float) and r["params"] > 0


def test_race_table(capsys):
    assert main(["race", "--task", "latch", "--length", "5", "--steps", "3", "--batch", "8"]) == 0
    out = capsys.readouterr().out
    assert "final_loss" in out and "solved_at" in out
    assert all(cell in out for cell in ("rnn", "lstm", "gru"))


def test_gradients_json_linear_rnn(capsys):
    pytest.importorskip("rnn_core.gradients")
    args = ["gradients", "--kind", "rnn", "--length", "100", "--gain", "0.9", "--nonlinearity", "linear", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    norms = data["norms"]
    assert len(norms) == 100 and data["kind"] == "rnn"
    # linear RNN with W = 0.9 Q: ratio at distance k equals 0.9^k
    assert norms[0] / norms[-1] == pytest.approx(0.9**99, rel=1e-6)


def test_gradients_table(capsys):
    pytest.importorskip("rnn_core.gradients")
    assert main(["gradients", "--kind", "lstm", "--length", "30"]) == 0
    out = capsys.readouterr().out
    assert "distance" in out and "norm" in out


def test_latch_json(capsys):
    assert main(["latch", "--forget-bias", "1", "--steps", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["forget_bias"] == 1.0 and data["steps"] == 20


def test_pretrain_only_into_dir(tmp_path, capsys):
    assert main(["pretrain", "--only", "order_ff_bag", "--weights-dir", str(tmp_path)]) == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert list(manifest["models"]) == ["order_ff_bag"]
    assert (tmp_path / "order_ff_bag.pt").is_file()
    assert "order_ff_bag" in capsys.readouterr().out


def test_parser_rejects_unknown_task():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["race", "--task", "copy"])


def test_module_entry_point():
    out = subprocess.run(
        [sys.executable, "-m", "rnn_core", "race", "--length", "6", "--steps", "2", "--batch", "4", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert len(json.loads(out)) == 3
