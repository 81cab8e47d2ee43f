#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# mimeo-studio(1) lists every option of `mimeo-studio --help`, and troff reads
# it without warnings.
#
#   check-studio-manpage.sh STUDIO_BINARY MANPAGE
set -euo pipefail
studio=$1 page=$2
fail=0
plain=$(sed -e 's/\\-/-/g; s/\\f[BIRP]//g' "$page")
options=$("$studio" --help | sed -n '/^Options:/,/^$/p' | grep -E '^  -' |
          sed -E 's/^  //; s/  .*$//; s/, -/\n-/g' | sed -E 's/ .*$//')
[ -n "$options" ] || { echo "check-studio-manpage: no options in mimeo-studio --help" >&2; exit 1; }
for opt in $options; do
  grep -qE -- "(^|[ ,])$opt([ ,]|$)" <<< "$plain" || { echo "check-studio-manpage: $opt missing" >&2; fail=1; }
done
if command -v groff >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1 || true)
  [ -z "$warnings" ] || { echo "check-studio-manpage: groff warns: $warnings" >&2; fail=1; }
fi
[ $fail = 0 ] && echo "check-studio-manpage: $(wc -w <<< "$options") options agree with mimeo-studio --help"
exit $fail
