#!/usr/bin/env bash
# Regenerate the README's screenshots from the real application, offscreen:
# the demo samples are read by the real pipeline into a throw-away store, then
# `medreview gui ... --screenshot` saves the review window and the supervisor view.
#
#   scripts/screenshots.sh            (needs the project's .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
OUT=docs/screenshots
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
db="sqlite:///$work/demo.sqlite"
gui=("$PY" -m medreview gui --database "$db" --batch demo --settings "$work/gui.ini")
# a throw-away encrypted store: its key, its first supervisor and three analysts
export MEDREVIEW_KEY="screenshots key" MEDREVIEW_PASSWORD="screenshots password"
export MEDREVIEW_NEW_PASSWORD="$MEDREVIEW_PASSWORD"
"$PY" -m medreview user setup supervisor --database "$db"
for analyst in analyst ana ben; do
  "$PY" -m medreview user add "$analyst" --role analyst --user supervisor --database "$db"
done

"$PY" -m medreview ingest --database "$db" --batch demo --workers 0 --quiet --user supervisor \
  samples
mkdir -p "$OUT"

# The analyst already confirmed two fields of the first document (Enter), so the
# window shows them ticked, with the snippet under the first field still to check.
# When no second reader ran (it needs the PP-OCRv6 engine), one field is given a
# second reading that differs by a digit, to show how a disagreement looks.
"$PY" - "$db" <<'PYEOF'
import sys

from sqlalchemy import update

from medreview.documents import fields_of
from medreview.store import Store
from medreview.store.schema import ExtractedField

with Store.open(sys.argv[1]) as store:
    record = store.claim_next("analyst", "demo")
    assert record is not None
    names = [s.name for s in fields_of(record.document_type) if s.name in record.result.fields]
    store.confirm_fields(record.id, "analyst", names[:2])
    store.release(record.id, "analyst")
    if not any(f.agreement is False for f in record.result.fields.values()):
        name = next(n for n in names[2:] if any(c.isdigit() for c in str(record.result.fields[n].value)))
        value = str(record.result.fields[name].value)
        index = max(i for i, c in enumerate(value) if c.isdigit())
        second = value[:index] + str((int(value[index]) + 3) % 10) + value[index + 1 :]
        with store.engine.begin() as connection:
            connection.execute(
                update(ExtractedField)
                .where(ExtractedField.document_id == record.id, ExtractedField.name == name)
                .values(agreement=False, second_reading=second)
            )
PYEOF
"${gui[@]}" --user analyst --size 1440x900 --screenshot "$OUT/review.png"

# Two analysts finish a document each, so the supervisor view has something to show;
# their review sessions (time and keystrokes) feed the analyst statistics.
"$PY" - "$db" <<'PYEOF'
import sys
from datetime import timedelta

from medreview.store import Store
from medreview.store.schema import utcnow

with Store.open(sys.argv[1]) as store:
    for user, minutes, keys in (("ana", 2.5, 21), ("ben", 4.0, 64)):
        record = store.claim_next(user, "demo")
        if record is not None:
            store.submit(record.id, user)
            store.log_review(record.id, user, utcnow() - timedelta(minutes=minutes), keys, "verified")
    record = store.claim_next("ben", "demo")
    if record is not None:
        store.reject(record.id, "ben", "Illegible scan")
        store.log_review(record.id, "ben", utcnow() - timedelta(minutes=1), 9, "rejected")
    verified = [d for d in store.documents("demo") if d.verified_by == "ben"]
    if verified:
        store.reopen(verified[0].id, "supervisor")  # sent back: counts in ben's error rate
PYEOF
"${gui[@]}" --user supervisor --view supervisor --size 1440x900 --screenshot "$OUT/supervisor.png"
echo "wrote $OUT/review.png and $OUT/supervisor.png"
