#!/usr/bin/env bash
# Installs everything medreview needs on a Debian machine, idempotently:
# Debian packages (Tesseract, poppler, Qt's runtime libraries, fonts for the
# synthetic corpus, PostgreSQL for the store tests, qpdf for the PDF exports'
# tests), Node.js with the npm packages of the test FHIR server, and the Python
# environment in .venv. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Python itself, for a machine that has none
  python3 python3-venv python3-dev build-essential
  # OCR and PDF rendering
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd poppler-utils
  # checking the searchable PDF exports (qpdf --check)
  qpdf
  # Qt's runtime libraries (offscreen and xcb platforms) and a virtual screen
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 xvfb
  # fonts for the synthetic corpus: printed and handwriting-like
  fonts-dejavu-core fonts-liberation fonts-freefont-ttf
  fonts-dkg-handwriting fonts-humor-sans fonts-comic-neue
  # the store's server-side database for the PostgreSQL tests
  postgresql
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The FHIR server the export tests post to (tests/fhir_server): Node.js and its
# npm packages, reinstalled only when the lock file changes.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing Node.js"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
fhir_stamp=tests/fhir_server/node_modules/.medreview-lock
fhir_want=$(sha256sum tests/fhir_server/package-lock.json | cut -d' ' -f1)
if [ ! -f "$fhir_stamp" ] || [ "$(cat "$fhir_stamp")" != "$fhir_want" ]; then
  echo "setup: installing the test FHIR server's npm packages"
  npm ci --prefix tests/fhir_server --no-audit --no-fund --loglevel=error >/dev/null
  echo "$fhir_want" > "$fhir_stamp"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the declared dependencies change.
stamp=.venv/.medreview-deps
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing the Python environment"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi
echo "setup: ready"
