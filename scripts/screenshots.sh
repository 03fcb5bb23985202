#!/usr/bin/env bash
# Regenerate the README's screenshots from the real application, offscreen:
# the demo samples are read by the real pipeline into a throw-away store, then
# `medreview gui ... --screenshot` saves the review window and the supervisor view.
#
#   scripts/screenshots.sh            (needs the project's .venv and Tesseract)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
OUT=docs/screenshots
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
db="sqlite:///$work/demo.sqlite"
gui=("$PY" -m medreview gui --database "$db" --batch demo --settings "$work/gui.ini")

"$PY" -m medreview ingest --database "$db" --batch demo --workers 0 --quiet samples
mkdir -p "$OUT"
"${gui[@]}" --user analyst --screenshot "$OUT/review.png"

# Two analysts finish a document each, so the supervisor view has something to show.
"$PY" - "$db" <<'PYEOF'
import sys
from medreview.store import Role, Store

with Store.open(sys.argv[1]) as store:
    store.ensure_user("supervisor")
    store.set_role("supervisor", Role.SUPERVISOR)
    for user in ("ana", "ben"):
        record = store.claim_next(user, "demo")
        if record is not None:
            store.submit(record.id, user)
    record = store.claim_next("ben", "demo")
    if record is not None:
        store.reject(record.id, "ben", "Illegible scan")
PYEOF
"${gui[@]}" --user supervisor --view supervisor --screenshot "$OUT/supervisor.png"
echo "wrote $OUT/review.png and $OUT/supervisor.png"
