#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# The screenshot script still works against the real program: it makes the
# same set of pictures as packaging/screenshots holds, each a plausible
# window (not an empty or tiny image).
#
#   check-screenshots.sh TAKE_SCREENSHOTS_SCRIPT BUILD_DIR OUT_DIR CLUSTERS_ENV
set -euo pipefail
script=$1 build=$2 out=$3 clusters=$4
committed=$(dirname "$script")
rm -rf "$out"
"$script" "$build" "$out" "$clusters"
fail=0
made=$(cd "$out" && ls -1 -- *.png | sort)
have=$(cd "$committed" && ls -1 -- *.png | sort)
[ "$made" = "$have" ] || { echo "check-screenshots: made [$made], packaging/screenshots has [$have]" >&2; fail=1; }
for png in "$out"/*.png; do
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  if [ "$w" -lt 400 ] || [ "$h" -lt 300 ]; then
    echo "check-screenshots: $png is only ${w}x$h" >&2; fail=1
  fi
  # A window has many colours; a blank capture has one or two.
  colours=$(convert "$png" -format %k info:)
  [ "$colours" -gt 8 ] || { echo "check-screenshots: $png has $colours colours" >&2; fail=1; }
done
[ $fail = 0 ] && echo "check-screenshots: $made"
exit $fail
