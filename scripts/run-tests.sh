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
# Every core (up to four): the suite is CPU-bound (OCR on generated pages). Tests are
# dealt one by one; a module whose fixtures are costly keeps its tests on one worker
# (pytest.mark.xdist_group), so they are made once.
echo "== pytest"; .venv/bin/pytest -n auto --maxprocesses=4 --dist loadgroup "$@"
