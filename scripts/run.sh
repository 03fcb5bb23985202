#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs the main job on the embedded
# defaults (an encrypted SQLite store, PP-OCRv6 with Tesseract as second reader): the committed
# sample scans are ingested into the batch "samples" (resumable: a second run
# reads nothing twice) and the review window opens on that batch. Without a
# display, the window is rendered offscreen to review-window.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
MEDREVIEW=.venv/bin/medreview
# A demonstration store of its own: encrypted with a demo passphrase, its first supervisor
# "demo" made at set-up (see README, "Users, keys and automatic logoff"). Real stores get
# their key from the OS keyring or MEDREVIEW_KEY, and real passwords.
export MEDREVIEW_DATA_DIR="${MEDREVIEW_DATA_DIR:-$PWD/.demo-store}"
export MEDREVIEW_KEY="${MEDREVIEW_KEY:-demo passphrase, not for patient data}"
export MEDREVIEW_PASSWORD="${MEDREVIEW_PASSWORD:-demo password}"
DEMO_USER="${DEMO_USER:-demo}"
MEDREVIEW_NEW_PASSWORD="$MEDREVIEW_PASSWORD" "$MEDREVIEW" user setup "$DEMO_USER" 2>/dev/null \
  || echo "run: the demo store already has its supervisor"
"$MEDREVIEW" ingest samples --batch samples --workers 2 --user "$DEMO_USER"
"$MEDREVIEW" stats --batch samples
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$MEDREVIEW" gui --batch samples --user "$DEMO_USER" "$@"
fi
echo "run: no display; rendering the review window offscreen"
QT_QPA_PLATFORM=offscreen "$MEDREVIEW" gui --batch samples --user "$DEMO_USER" \
  --screenshot review-window.png "$@"
echo "run: wrote review-window.png; on a desktop, 'medreview gui --batch samples' opens the window"
