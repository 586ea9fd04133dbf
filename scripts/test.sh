#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run every test:
# ruff, the rnn_core unit tests, the Streamlit AppTest page tests and the real-browser tests
# (Playwright driving Debian's Chromium). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi
# A short timeout: the CPU wheel index named in requirements.txt may be unreachable from a
# sandbox, and pip then falls back to the wheel found elsewhere instead of waiting minutes.
python -m pip install -q --timeout 10 --retries 1 -r requirements-dev.txt
python -m ruff check .
python -m pytest "$@"
