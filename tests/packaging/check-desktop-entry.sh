#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# The desktop entry is valid, is named after the application id Qt is given
# (src/studio/main.cpp), and starts the installed program with its icon.
#
#   check-desktop-entry.sh DESKTOP_FILE APP_ID STUDIO_MAIN_CPP
set -euo pipefail
desktop=$1 id=$2 main=$3
fail=0
problem() { echo "check-desktop-entry: $*" >&2; fail=1; }
command -v desktop-file-validate >/dev/null || { echo "desktop-file-validate missing (desktop-file-utils)" >&2; exit 1; }

out=$(desktop-file-validate "$desktop" 2>&1) || problem "desktop-file-validate: $out"
[ -z "$out" ] || problem "desktop-file-validate: $out"
[ "$(basename "$desktop")" = "$id.desktop" ] || problem "file name is not $id.desktop"
grep -q "setDesktopFileName(QStringLiteral(\"$id\"))" "$main" ||
  problem "$main does not set the desktop file name $id"
field() { sed -n "s/^$1=//p" "$desktop"; }
[ "$(field Exec)" = mimeo-studio ] || problem "Exec is not mimeo-studio"
[ "$(field Icon)" = "$id" ] || problem "Icon is not $id"
for c in Development Database; do
  [[ ";$(field Categories)" == *";$c;"* ]] || problem "category $c missing"
done
[ -n "$(field Keywords)" ] || problem "no Keywords"
[ $fail = 0 ] && echo "check-desktop-entry: $desktop is valid"
exit $fail
