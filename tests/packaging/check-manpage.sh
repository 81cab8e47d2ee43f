#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# mimeo(1) agrees with the program: one COMMANDS entry per command of
# `mimeo --help` (no more, no fewer), every option of `mimeo COMMAND --help`
# under its command and no other, every global option, every exit status;
# troff without warnings; the installed .gz is the same page.
#
#   check-manpage.sh MIMEO_BINARY MANPAGE
set -euo pipefail
mimeo=$1 page=$2
. "$(dirname "$0")/cli-help.sh"
fail=0
problem() { echo "check-manpage: $*" >&2; fail=1; }

# The page as plain words: "\-" is a minus sign, \fB...\fR are fonts.
plain() { sed -e 's/\\-/-/g; s/\\f[BIRP]//g; s/\\e/\\/g; s/\\&//g' "$page"; }
# section START_REGEX: the lines from START up to the next .SS or .SH (awk
# reads to the end: an early exit would kill plain with SIGPIPE).
section() { plain | awk -v start="$1" '$0 ~ start { on = 1; next } /^\.S[SH] / { on = 0 } on { print }'; }

commands=$(mimeo_commands "$mimeo")
[ -n "$commands" ] || problem "mimeo --help lists no commands"
in_page=$(plain | sed -n 's/^\.SS "\(.*\)"$/\1/p')
if [ "$(sort <<< "$commands")" != "$(sort <<< "$in_page")" ]; then
  problem "commands differ (< mimeo --help, > man page):"
  diff <(sort <<< "$commands") <(sort <<< "$in_page") >&2 || true
fi

while IFS= read -r cmd; do
  [ -n "$cmd" ] || continue
  text=$(section "^\\.SS \"$cmd\"$")
  # Options shown as .TP heads under the command.
  documented=$(awk '/^\.TP$/ { getline; print }' <<< "$text" | grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed -E 's/^[ ,]//' | sort -u || true)
  # shellcheck disable=SC2086
  expected=$(mimeo_options "$mimeo" $cmd | grep -vxE -- '-h|--help|--help-all' | sort -u || true)
  if [ "$documented" != "$expected" ]; then
    problem "options of \"$cmd\" differ (< mimeo $cmd --help, > man page):"
    diff <(echo "$expected") <(echo "$documented") >&2 || true
  fi
  grep -q "^\\.B mimeo $cmd\$" <<< "$text" || problem "no synopsis line for \"$cmd\""
done <<< "$commands"

options_text=$(section '^\.SH OPTIONS$')
for opt in $(mimeo_options "$mimeo"); do
  grep -qE -- "(^|[ ,])$opt([ ,]|$)" <<< "$options_text" || problem "global option $opt missing from OPTIONS"
done

exit_text=$(section '^\.SH "EXIT STATUS"$')
for code in $("$mimeo" --help | sed -n '/^Exit status:/,$p' | grep -oE '(^|[:;] *)[0-9]+ ' | grep -oE '[0-9]+'); do
  grep -qx "\\.B $code" <<< "$exit_text" || problem "exit status $code missing from EXIT STATUS"
done
headings=$(sed -n 's/^\.SH //p' "$page" | tr -d '"')
for required in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
  grep -qx "$required" <<< "$headings" || problem "no section $required"
done
grep -q 'systemctl enable' "$page" || problem "no systemd example"
grep -qE '^\* \* \* \* \*' "$page" || problem "no cron example"

if command -v groff >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1 || true)
  [ -z "$warnings" ] || problem "groff warns: $warnings"
fi
if [ -f "$page.gz" ]; then
  cmp -s <(gzip -dc "$page.gz") "$page" || problem "$page.gz is not $page"
fi

[ $fail = 0 ] && echo "check-manpage: $(wc -l <<< "$commands") commands agree with mimeo --help"
exit $fail
