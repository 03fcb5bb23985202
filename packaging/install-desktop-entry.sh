#!/bin/sh
# Adds medreview to the desktop's application menu for this user, pointing at the
# folder this script sits in (wherever the archive was unpacked; the shipped
# medreview.desktop assumes /opt/medreview).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed -e "s|/opt/medreview|$here|g" "$here/medreview.desktop" > "$apps/medreview.desktop"
echo "installed $apps/medreview.desktop (runs $here/medreview gui)"
