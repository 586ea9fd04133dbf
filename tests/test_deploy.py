"""Deployment checks: the installed set is CPU-only, requirements pin torch, the server starts."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import urllib.request

import torch

from tests.server import ROOT, free_port, start_server


def test_requirements_pin_cpu_torch_exactly():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in lines
    assert "torch==2.13.0" in lines
    for name in ("streamlit", "plotly", "pandas"):
        assert any(re.match(rf"{name}[=<>~]", line) for line in lines), name


def test_installed_set_has_no_cuda_packages():
    names = {dist.metadata["Name"].lower() for dist in metadata.distributions()}
    cuda = sorted(n for n in names if n.startswith(("nvidia-", "cuda-")) or n in ("triton", "pytorch-triton"))
    assert cuda == [], cuda
    assert torch.version.cuda is None
    assert torch.__version__.split("+")[0] == "2.13.0"


def test_streamlit_run_starts_headless_and_serves_health():
    port = free_port()
    proc = start_server(port)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as response:
            assert response.status == 200
            assert response.read().decode().strip() == "ok"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "<title>" in response.read().decode().lower()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
