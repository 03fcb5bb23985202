#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs every check CI runs:
# ruff (lint and format), mypy, the import contract that keeps Qt out of the
# core, and the whole pytest suite with Qt offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
export MEDREVIEW_DATA_DIR="${MEDREVIEW_DATA_DIR:-$(mktemp -d)}"
echo "== ruff"; .venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== import contract"; .venv/bin/lint-imports
echo "== pytest"; .venv/bin/pytest "$@"
