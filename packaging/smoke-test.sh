#!/usr/bin/env bash
# Smoke test of the built bundle (`make bundle` first): `bash packaging/smoke-test.sh [BUNDLE]`.
#
# Copies the bundle (default dist/medreview) out of the source tree and runs it the way a
# workstation without Python would, with `env -i PATH=<empty folder>`, in a mount namespace
# where the source tree, the build's virtual environment, its Python, the system's Python,
# Tesseract, its language data and poppler's programs are all hidden:
#   1. `medreview --self-test` passes;
#   2. with the bundled pdftoppm taken away, it fails and names pdftoppm;
#   3. `medreview extract --workers 2` reads the four sample scans;
#   4. `medreview ingest --workers 2` loads them into a batch, and the window opens on that
#      batch offscreen, saves a screenshot and quits (directly, and through the CLI's
#      `medreview -v gui` child process, on the supervisor view);
#   5. no process of the bundle is left running.
# Prints the bundle's size; exit 0 when every step passed.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$(pwd)
BUNDLE=$(cd "${1:-dist/medreview}" 2>/dev/null && pwd) || {
  echo "smoke-test: no bundle at ${1:-dist/medreview}; build it with 'make bundle'" >&2
  exit 2
}
[ -x "$BUNDLE/medreview" ] || { echo "smoke-test: $BUNDLE/medreview is missing" >&2; exit 2; }
PYTHON=${PYTHON:-$SRC/.venv/bin/python}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medreview-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp -a "$BUNDLE" "$WORK/medreview"
EXE=$WORK/medreview/medreview
SAMPLES=$WORK/medreview/_internal/samples
mkdir -p "$WORK/empty" "$WORK/home" "$WORK/data" "$WORK/out"

# What the bundle must not need: hidden by an empty tmpfs (folders) or /dev/null (files).
hide=("$SRC" /usr/share/tesseract-ocr)
if [ -x "$PYTHON" ]; then
  hide+=("$(readlink -f "$(dirname "$PYTHON")/..")")
  hide+=("$("$PYTHON" -c 'import sys; print(sys.base_prefix)')")
fi
for program in tesseract pdfinfo pdfimages pdftoppm python3 python; do
  found=$(command -v "$program" || true)
  [ -n "$found" ] && hide+=("$(readlink -f "$found")")
done
SMOKE_HIDE=$(printf '%s\n' "${hide[@]}")
SMOKE_WORK=$WORK
export SMOKE_HIDE SMOKE_WORK
TIMEOUT=$(command -v timeout)

# isolated ENV_ASSIGNMENTS... COMMAND...: run under `env -i PATH=<empty>` with the above hidden
isolated() {
  if ! unshare --mount --map-root-user true 2>/dev/null; then
    echo "smoke-test: cannot make a mount namespace (unshare); nothing is hidden" >&2
    env -i PATH="$WORK/empty" "$@"
    return
  fi
  unshare --mount --map-root-user bash -c '
    set -e
    cd "$SMOKE_WORK"
    while IFS= read -r path; do
      if [ -d "$path" ]; then mount -t tmpfs none "$path"
      elif [ -e "$path" ]; then mount --bind /dev/null "$path"; fi
    done <<< "$SMOKE_HIDE"
    exec env -i "$@"' isolated PATH="$WORK/empty" "$@"
}
# an encrypted store with a throw-away key, and its first supervisor "smoke" (signed in by
# MEDREVIEW_PASSWORD), as a workstation's store would have
APP_ENV=(HOME="$WORK/home" LANG=C.UTF-8 MEDREVIEW_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen
  MEDREVIEW_KEY="smoke-test key" MEDREVIEW_PASSWORD="smoke-test password"
  MEDREVIEW_NEW_PASSWORD="smoke-test password")

step() { printf '\n== %s\n' "$*"; STARTED=$(date +%s%N); }
took() {
  local ms=$((($(date +%s%N) - STARTED) / 1000000))
  printf 'ok (%d.%d s)\n' $((ms / 1000)) $((ms % 1000 / 100))
}
fail() { echo "smoke-test FAILED: $*" >&2; exit 1; }

step "the bundle cannot reach Python, Tesseract or poppler"
isolated /bin/sh -c 'for p in python3 python tesseract pdftoppm; do command -v $p && exit 1; done; \
  test ! -s /usr/share/tesseract-ocr/5/tessdata/eng.traineddata' >/dev/null 2>&1 \
  || echo "smoke-test: warning: something of the build machine is still reachable"
took

step "env -i PATH=<empty> medreview --self-test"
isolated "$TIMEOUT" 300 "$EXE" --self-test | tee "$WORK/out/self-test.txt"
grep -q "self-test passed" "$WORK/out/self-test.txt" || fail "the self-test did not pass"
took

step "self-test without the bundled pdftoppm must fail and name it"
mv "$WORK/medreview/_internal/bin/pdftoppm" "$WORK/pdftoppm"
code=0
isolated "$TIMEOUT" 300 "$EXE" --self-test >"$WORK/out/missing.txt" 2>&1 || code=$?
mv "$WORK/pdftoppm" "$WORK/medreview/_internal/bin/pdftoppm"
grep "FAIL" "$WORK/out/missing.txt" || true
[ "$code" -ne 0 ] || fail "the self-test passed without pdftoppm"
grep -q "pdftoppm program was not found" "$WORK/out/missing.txt" || fail "pdftoppm not named"
echo "exit code $code"
took

step "medreview extract --workers 2 (four samples)"
isolated "${APP_ENV[@]}" "$TIMEOUT" 600 "$EXE" extract --workers 2 \
  "$SAMPLES/rx_printed_scan.png" "$SAMPLES/patient_record.pdf" \
  "$SAMPLES/rx_phone_photo.jpg" "$SAMPLES/patient_record_photo.tiff" >"$WORK/out/extract.json"
"$PYTHON" - "$WORK/out/extract.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))
assert len(results) == 4, len(results)
for r in results:
    assert r["error"] is None, r["error"]
    print(f"{r['source'].rsplit('/', 1)[-1]}: {r['document_type']}, {len(r['fields'])} fields")
EOF
took

step "medreview ingest --workers 2, then the window on the batch (offscreen screenshot)"
isolated "${APP_ENV[@]}" "$TIMEOUT" 60 "$EXE" user setup smoke
isolated "${APP_ENV[@]}" "$TIMEOUT" 600 "$EXE" ingest "$SAMPLES" --batch samples --workers 2 \
  --user smoke 2>&1 | tail -1
isolated "${APP_ENV[@]}" "$TIMEOUT" 300 "$EXE" gui --batch samples --user smoke \
  --screenshot "$WORK/out/window.png"
isolated "${APP_ENV[@]}" "$TIMEOUT" 300 "$EXE" -v gui --batch samples --view supervisor \
  --user smoke --screenshot "$WORK/out/supervisor.png"
for shot in window supervisor; do
  [ -s "$WORK/out/$shot.png" ] || fail "no $shot screenshot"
  file "$WORK/out/$shot.png" | sed "s|$WORK/out/||"
done
mkdir -p "$SRC/dist"
cp "$WORK/out/window.png" "$SRC/dist/smoke-test-window.png"
cp "$WORK/out/supervisor.png" "$SRC/dist/smoke-test-supervisor.png"
took

step "no process of the bundle is left"
if pgrep -f "$WORK/medreview/" >/dev/null; then
  pgrep -af "$WORK/medreview/"
  fail "processes of the bundle are still running"
fi
took

step "size"
du -sh "$BUNDLE"
ls dist/medreview-*.tar.gz >/dev/null 2>&1 && du -sh dist/medreview-*.tar.gz
echo
echo "smoke test passed (screenshots: dist/smoke-test-window.png, dist/smoke-test-supervisor.png)"
