#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian/Ubuntu machine, then run every test:
# ruff, the rnn_core unit tests, the Streamlit AppTest page tests, the class store against real
# SQLite and PostgreSQL, and the real-browser tests (Playwright driving Debian's Chromium).
# Python packages go into the project's virtual environment (.venv, see scripts/venv.sh).
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUIREMENTS=requirements-dev.txt source scripts/venv.sh

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-dejavu-core)
# A throwaway PostgreSQL server for the class-store tests (tests/test_classroom_store.py starts
# and stops its own with initdb + pg_ctl; the package only provides the binaries).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# HAProxy for the school topology test (tests/deploy: scripts/serve.sh's replicas behind it).
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  apt_install "${need[@]}"
fi

.venv/bin/python -m ruff check .
.venv/bin/python -m pytest "$@"
