# SPDX-License-Identifier: PostgreSQL
# Sourced by the packaging tests: what `mimeo --help` says, read with plain
# shell tools. Deliberately independent of packaging/cli/MimeoHelp.pm, which
# generates the man page and the completion these tests check.

# mimeo_commands MIMEO: the command names listed by `mimeo --help`, one a
# line. A name may have several words ("source add"); the summaries all
# start in one column, the first column after the names where every line
# has a word start, and the name is what comes before it.
mimeo_commands() {
  "$1" --help | sed -n '/^Commands:/,/^$/p' | grep '^  [^ ]' | awk '
    { line[NR] = $0
      for (i = 4; i <= length($0); i++)
        if (substr($0, i - 1, 1) == " " && substr($0, i, 1) != " ") starts[i]++ }
    END {
      col = 0
      for (i = 4; i <= 200 && !col; i++) if (starts[i] == NR) col = i
      if (!col) { print "cli-help: cannot find the summary column" > "/dev/stderr"; exit 1 }
      for (n = 1; n <= NR; n++) { name = substr(line[n], 3, col - 3); sub(/ +$/, "", name); print name }
    }'
}

# mimeo_options MIMEO [COMMAND WORDS...]: the option names (-x, --xyz) of
# the command's "Options:" list, or of `mimeo --help`'s "Global options:".
mimeo_options() {
  local mimeo=$1
  shift
  local heading=Options
  [ $# -gt 0 ] || heading="Global options"
  "$mimeo" "$@" --help | sed -n "/^$heading:/,/^\$/p" | grep -E '^  -' |
    sed -E 's/^  //; s/  .*$//; s/, -/\n-/g' | sed -E 's/ .*$//'
}
