#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Every hicolor PNG of the application icon exists and has the size its name
# says (read from the PNG header), so render-icons.sh and the install rules
# stay in step.
#
#   check-icons.sh ICON_DIR APP_ID SIZE...
set -euo pipefail
dir=$1 id=$2
shift 2
fail=0
for size in "$@"; do
  png=$dir/$id-$size.png
  if [ ! -f "$png" ]; then
    echo "check-icons: $png missing (packaging/linux/render-icons.sh)" >&2; fail=1; continue
  fi
  # PNG: 8-byte signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  [ "$w" = "$size" ] && [ "$h" = "$size" ] || { echo "check-icons: $png is ${w}x$h, not ${size}x$size" >&2; fail=1; }
done
[ $fail = 0 ] && echo "check-icons: $# sizes"
exit $fail
