#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Snapshot refresh benchmark. Builds a table of ROWS rows (bigint pk, int,
# ~40-character text, timestamptz, numeric) on a throwaway source cluster and
# times, in the same run and on the same data:
#   pipe:      psql COPY ... TO STDOUT (FORMAT binary) | psql COPY ... FROM STDIN
#              into an empty table with the same primary key (the reference)
#   mimeo:     `mimeo refresh --repull` of a snap made by `mimeo make snap`
#   extension: the mimeo 1.5.1 extension's refresh_snap (p_check_stats false)
# Prints the ratios and the mimeo process's peak resident memory.
#
#   tests/bench/bench_snapshot.sh BUILD_DIR [ROWS] [REPEAT]
set -euo pipefail
build=$(cd "${1:?usage: bench_snapshot.sh BUILD_DIR [ROWS] [REPEAT]}" && pwd)
rows=${2:-1000000}
repeat=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
mimeo="$build/src/cli/mimeo"
. "$here/bench_clusters.sh"
psql -qX "$S" <<SQL
CREATE SCHEMA src;
CREATE TABLE src.big (id bigint PRIMARY KEY, n int, label text, at timestamptz, amount numeric(12,2));
INSERT INTO src.big SELECT g, g % 1000, md5(g::text) || 'abcdefgh', now() - g * interval '1 second', g * 0.01
  FROM generate_series(1, $rows) g;
VACUUM ANALYZE src.big;
SQL
psql -qX "$D" -c "CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo; CREATE SCHEMA rep;
  CREATE TABLE rep.pipe (id bigint PRIMARY KEY, n int, label text, at timestamptz, amount numeric(12,2));"
export MIMEO_DEST="$D"
"$mimeo" init >/dev/null
"$mimeo" source add --conninfo "${S/ user=postgres/}" --user postgres >/dev/null
"$mimeo" make snap src.big --source 1 --dest-table rep.ours >/dev/null
psql -qX "$D" -c "SELECT mimeo.snapshot_maker('src.big', 1, 'rep.ext')" >/dev/null


# Runs a command in the background and reports its peak RSS (kB) from /proc.
peak_rss_of() {
  "$@" >/dev/null &
  local pid=$! peak=0 hwm
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.02
  done
  wait "$pid"
  echo "$peak"
}

pipe_times=() ours_times=() ext_times=()
for i in $(seq "$repeat"); do
  psql -qX "$D" -c "TRUNCATE rep.pipe"
  t0=$(now)
  psql -qX "$S" -c "COPY src.big TO STDOUT (FORMAT binary)" | psql -qX "$D" -c "COPY rep.pipe FROM STDIN (FORMAT binary)"
  t1=$(now); pipe_times+=("$(echo "$t1 - $t0" | bc)")

  t0=$(now)
  "$mimeo" refresh rep.ours --repull >/dev/null
  t1=$(now); ours_times+=("$(echo "$t1 - $t0" | bc)")

  t0=$(now)
  psql -qX "$D" -c "SELECT mimeo.refresh_snap('rep.ext', p_check_stats := false)" >/dev/null
  t1=$(now); ext_times+=("$(echo "$t1 - $t0" | bc)")
done
pipe=$(printf '%s\n' "${pipe_times[@]}" | best)
ours=$(printf '%s\n' "${ours_times[@]}" | best)
ext=$(printf '%s\n' "${ext_times[@]}" | best)
rss=$(peak_rss_of "$mimeo" refresh rep.ours --repull)

printf 'snapshot refresh of %s rows (best of %s)\n' "$rows" "$repeat"
printf '  pipe (psql binary COPY | psql):  %6.2f s\n' "$pipe"
printf '  mimeo refresh --repull:          %6.2f s   %.2fx the pipe\n' "$ours" "$(echo "$ours / $pipe" | bc -l)"
printf '  extension refresh_snap:          %6.2f s   mimeo is %.2fx faster\n' "$ext" "$(echo "$ext / $ours" | bc -l)"
printf '  mimeo peak RSS:                  %6d kB\n' "$rss"
