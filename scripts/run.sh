#!/usr/bin/env bash
# Install the app into the project's virtual environment (.venv) and run it on
# http://localhost:8501. Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUIREMENTS=requirements.txt source scripts/venv.sh
exec .venv/bin/python -m streamlit run app.py "$@"
