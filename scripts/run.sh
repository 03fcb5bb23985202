#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs the main job on the embedded
# defaults (SQLite, Tesseract): extract the committed sample scans.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/medreview extract samples/*.{pdf,jpg,png,tiff} "$@"
