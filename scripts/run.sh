#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs the main job on the embedded
# defaults (SQLite store in the user data folder, Tesseract): the committed
# sample scans are ingested into the batch "samples" (resumable: a second run
# reads nothing twice) and the review window opens on that batch. Without a
# display, the window is rendered offscreen to review-window.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
MEDREVIEW=.venv/bin/medreview
"$MEDREVIEW" ingest samples --batch samples --workers 2
"$MEDREVIEW" stats --batch samples
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$MEDREVIEW" gui --batch samples "$@"
fi
echo "run: no display; rendering the review window offscreen"
QT_QPA_PLATFORM=offscreen "$MEDREVIEW" gui --batch samples --screenshot review-window.png "$@"
echo "run: wrote review-window.png; on a desktop, 'medreview gui --batch samples' opens the window"
