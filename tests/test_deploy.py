"""Deployment checks: the installed set is CPU-only, requirements pin torch, the server starts."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import time
import urllib.request

import torch

from bench.server import ROOT, free_port, start_server


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


def test_readme_starts_with_the_two_commands_and_they_use_the_project_venv():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["bash scripts/run.sh", "bash scripts/test.sh"]
    for name in ("run.sh", "test.sh", "venv.sh"):
        script = (ROOT / "scripts" / name).read_text(encoding="utf-8")
        # never a bare `python` (missing on stock Debian/Ubuntu) nor pip into the system Python
        code = [line.strip() for line in script.splitlines() if not line.strip().startswith("#")]
        assert not [line for line in code if re.search(r"(^|[\s;&|(])python\s", line)], name
        assert all(line.startswith(".venv/bin/python -m pip install") for line in code if "pip install" in line), name
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("bash scripts/test.sh")


def test_readme_app_command_serves_the_app(tmp_path):
    """`bash scripts/run.sh` as a newcomer runs it: the venv is set up (already here) and the app serves."""
    import subprocess

    port = free_port()
    log = (tmp_path / "run.log").open("wb")
    proc = subprocess.Popen(["bash", "scripts/run.sh", "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, ok = time.time() + 600, False
        while time.time() < deadline and proc.poll() is None and not ok:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    ok = response.status == 200
            except OSError:
                time.sleep(1)
        assert ok, (tmp_path / "run.log").read_text(errors="replace")[-2000:]
    finally:
        import os
        import signal

        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
