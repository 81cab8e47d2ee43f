#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# The bash completion of mimeo agrees with the program: at each word of every
# command of `mimeo --help` it offers that word, after the command it offers
# exactly the options of `mimeo COMMAND --help`, before it the global options.
#
#   check-bash-completion.sh MIMEO_BINARY COMPLETION_SCRIPT
set -euo pipefail
mimeo=$1 script=$2
. "$(dirname "$0")/cli-help.sh"
bash -n "$script"
# shellcheck source=/dev/null
. "$script"
complete -p mimeo >/dev/null
fail=0
problem() { echo "check-bash-completion: $*" >&2; fail=1; }

# offered WORD...: what completing the last word of "mimeo WORD..." offers.
offered() {
  COMP_WORDS=(mimeo "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _mimeo
  printf '%s\n' "${COMPREPLY[@]}" | sort -u
}

commands=$(mimeo_commands "$mimeo")
while IFS= read -r cmd; do
  read -r -a words <<< "$cmd"
  for ((i = 0; i < ${#words[@]}; i++)); do
    grep -qx -- "${words[i]}" <<< "$(offered "${words[@]:0:i}" "")" ||
      problem "\"mimeo ${words[*]:0:i} <TAB>\" does not offer ${words[i]}"
    grep -qx -- "${words[i]}" <<< "$(offered "${words[@]:0:i}" "${words[i]:0:1}")" ||
      problem "\"mimeo ${words[*]:0:i} ${words[i]:0:1}<TAB>\" does not offer ${words[i]}"
  done
  expected=$(mimeo_options "$mimeo" "${words[@]}" | sort -u)
  got=$(offered "${words[@]}" -)
  [ "$got" = "$expected" ] || { problem "options of \"$cmd\" differ (< --help, > completion):"; diff <(echo "$expected") <(echo "$got") >&2 || true; }
  # After global options too.
  got=$(offered --dest "host=x dbname=y" --schema s "${words[@]}" -)
  [ "$got" = "$expected" ] || problem "options of \"$cmd\" after global options differ: $got"
done <<< "$commands"

expected=$(mimeo_options "$mimeo" | sort -u)
got=$(offered -)
[ "$got" = "$expected" ] || { problem "global options differ (< --help, > completion):"; diff <(echo "$expected") <(echo "$got") >&2 || true; }
[ -z "$(offered --dest "")" ] || problem "offers words as the value of --dest"

[ $fail = 0 ] && echo "check-bash-completion: $(wc -l <<< "$commands") commands agree with mimeo --help"
exit $fail
