#!/usr/bin/env bash
# Sourced by scripts/run.sh and scripts/test.sh: make the project's virtual environment
# (.venv, beside app.py) with the system's python3 and install REQUIREMENTS into it.
# A virtual environment works the same on a stock Debian/Ubuntu (whose system Python refuses
# `pip install`, PEP 668), on a machine with only `python3` (no `python` alias) and on one where
# `python` is a user's own interpreter. On Debian/Ubuntu without the venv module it installs
# python3-venv (as root, or with sudo). PYTHON=/path/to/python picks another interpreter.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  # apt_install PACKAGE...: Debian/Ubuntu packages, non-interactive.
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install: $* (no apt-get on this machine)" >&2
    return 1
  fi
  if [ -z "${_APT_UPDATED:-}" ]; then
    as_root apt-get update -q
    _APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

PY="${PYTHON:-python3}"
if ! command -v "$PY" >/dev/null 2>&1; then
  apt_install python3
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -c "import ensurepip, venv" >/dev/null 2>&1; then
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${ver}-venv" || apt_install python3-venv
  fi
  "$PY" -m venv .venv
fi
# A short timeout: the CPU wheel index named in requirements.txt may be unreachable from a
# sandbox, and pip then falls back to the wheel found elsewhere instead of waiting minutes.
.venv/bin/python -m pip install -q --disable-pip-version-check --timeout 10 --retries 1 -r "${REQUIREMENTS:-requirements.txt}"
