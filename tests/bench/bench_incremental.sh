#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Incremental refresh benchmark. On throwaway clusters, two source tables of
# ROWS rows (bigint pk, int, ~40-character text, timestamptz control, numeric)
# are replicated by `mimeo make inserter|updater` and by the mimeo 1.5.1
# extension's inserter_maker/updater_maker. Then, each round, in the same run
# and on the same data:
#   inserter: CHANGED new rows are inserted into src.ins
#   updater:  CHANGED existing rows of src.upd get new values and a newer control
# and we time
#   pipe:      psql COPY (SELECT the same rows) TO STDOUT (FORMAT binary) |
#              psql COPY ... FROM STDIN into a table with the same primary key
#              (inserter: holding the ROWS rows already; updater: empty)
#   mimeo:     `mimeo refresh` of our table
#   extension: refresh_inserter / refresh_updater of its table
# Prints the ratios (best of REPEAT rounds) and checks both copies match the source.
#
#   tests/bench/bench_incremental.sh BUILD_DIR [ROWS] [CHANGED] [REPEAT]
set -euo pipefail
build=$(cd "${1:?usage: bench_incremental.sh BUILD_DIR [ROWS] [CHANGED] [REPEAT]}" && pwd)
rows=${2:-1000000}
changed=${3:-200000}
repeat=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
mimeo="$build/src/cli/mimeo"
. "$here/bench_clusters.sh"
# Control values: the initial rows lie days back; round r stamps its rows
# r minutes after a base a day back, so every round is newer than the last
# and older than the boundary.
psql -qX "$S" <<SQL
CREATE SCHEMA src;
CREATE TABLE src.base AS SELECT now() - interval '1 day' AS base;
CREATE TABLE src.ins (id bigint PRIMARY KEY, n int, label text, at timestamptz NOT NULL, amount numeric(12,2));
CREATE TABLE src.upd (LIKE src.ins INCLUDING ALL);
CREATE INDEX ON src.ins (at);
CREATE INDEX ON src.upd (at);
INSERT INTO src.ins SELECT g, g % 1000, md5(g::text) || 'abcdefgh', now() - interval '3 days' + g * interval '1 ms', g * 0.01
  FROM generate_series(1, $rows) g;
INSERT INTO src.upd SELECT * FROM src.ins;
VACUUM ANALYZE src.ins, src.upd;
SQL
psql -qX "$D" -c "CREATE EXTENSION dblink; CREATE SCHEMA mimeo; CREATE EXTENSION mimeo SCHEMA mimeo; CREATE SCHEMA rep;
  CREATE TABLE rep.pipe_ins (id bigint PRIMARY KEY, n int, label text, at timestamptz NOT NULL, amount numeric(12,2));
  CREATE TABLE rep.pipe_upd (LIKE rep.pipe_ins INCLUDING ALL);"
psql -qX "$S" -c "COPY src.ins TO STDOUT (FORMAT binary)" | psql -qX "$D" -c "COPY rep.pipe_ins FROM STDIN (FORMAT binary)"
export MIMEO_DEST="$D"
"$mimeo" init >/dev/null
"$mimeo" source add --conninfo "${S/ user=postgres/}" --user postgres >/dev/null
"$mimeo" make inserter src.ins --source 1 --dest-table rep.ours_ins --control at --boundary '1 second' >/dev/null
"$mimeo" make updater src.upd --source 1 --dest-table rep.ours_upd --control at --boundary '1 second' >/dev/null
psql -qX "$D" -c "SELECT mimeo.inserter_maker('src.ins', 'time', 'at', 1, '1 second', 'rep.ext_ins')" >/dev/null
psql -qX "$D" -c "SELECT mimeo.updater_maker('src.upd', 'time', 'at', 1, '1 second', 'rep.ext_upd')" >/dev/null
psql -qX "$D" -c "VACUUM ANALYZE" >/dev/null

elapsed() { echo "$2 - $1" | bc; }

declare -a pipe_ins ours_ins ext_ins pipe_upd ours_upd ext_upd
for r in $(seq "$repeat"); do
  stamp="(SELECT base FROM src.base) + interval '$r minutes'"
  first=$((rows + (r - 1) * changed + 1))
  last=$((rows + r * changed))
  psql -qX "$S" -c "INSERT INTO src.ins SELECT g, g % 1000, md5(g::text) || 'new', $stamp + (g - $first) * interval '1 microsecond', g * 0.01
    FROM generate_series($first, $last) g; ANALYZE src.ins"
  # Every (ROWS/CHANGED)-th row, a different slice each round.
  step=$((rows / changed))
  psql -qX "$S" -c "UPDATE src.upd SET n = n + 1, label = 'round $r ' || id, at = $stamp + id * interval '1 microsecond'
    WHERE id % $step = $((r % step)) AND id <= $((changed * step))" -c "VACUUM ANALYZE src.upd"

  # The source's pages are read once before any timing, so no contender pays
  # for a cold cache the others then enjoy; mimeo and the extension take turns
  # going first.
  psql -qX "$S" -c "SELECT count(*) FROM src.ins" -c "SELECT count(*) FROM src.upd" >/dev/null
  run_ours_ins() { t0=$(now); "$mimeo" refresh rep.ours_ins >/dev/null; t1=$(now); ours_ins+=("$(elapsed "$t0" "$t1")"); }
  run_ext_ins() { t0=$(now); psql -qX "$D" -c "SELECT mimeo.refresh_inserter('rep.ext_ins')" >/dev/null; t1=$(now); ext_ins+=("$(elapsed "$t0" "$t1")"); }
  run_ours_upd() { t0=$(now); "$mimeo" refresh rep.ours_upd >/dev/null; t1=$(now); ours_upd+=("$(elapsed "$t0" "$t1")"); }
  run_ext_upd() { t0=$(now); psql -qX "$D" -c "SELECT mimeo.refresh_updater('rep.ext_upd')" >/dev/null; t1=$(now); ext_upd+=("$(elapsed "$t0" "$t1")"); }

  t0=$(now)
  psql -qX "$S" -c "COPY (SELECT * FROM src.ins WHERE at >= $stamp) TO STDOUT (FORMAT binary)" \
    | psql -qX "$D" -c "COPY rep.pipe_ins FROM STDIN (FORMAT binary)"
  t1=$(now); pipe_ins+=("$(elapsed "$t0" "$t1")")
  if [ $((r % 2)) = 1 ]; then run_ours_ins; run_ext_ins; else run_ext_ins; run_ours_ins; fi

  psql -qX "$D" -c "TRUNCATE rep.pipe_upd"
  t0=$(now)
  psql -qX "$S" -c "COPY (SELECT * FROM src.upd WHERE at >= $stamp) TO STDOUT (FORMAT binary)" \
    | psql -qX "$D" -c "COPY rep.pipe_upd FROM STDIN (FORMAT binary)"
  t1=$(now); pipe_upd+=("$(elapsed "$t0" "$t1")")
  if [ $((r % 2)) = 1 ]; then run_ours_upd; run_ext_upd; else run_ext_upd; run_ours_upd; fi
  # Both destinations start the next round without this round's dead rows.
  psql -qX "$D" -c "VACUUM ANALYZE rep.ours_ins, rep.ext_ins, rep.ours_upd, rep.ext_upd" >/dev/null
done

# All four copies hold what the source holds.
digest() { psql -qXAt "$1" -c "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM $2 t"; }
for pair in "src.ins rep.ours_ins" "src.ins rep.ext_ins" "src.upd rep.ours_upd" "src.upd rep.ext_upd"; do
  set -- $pair
  [ "$(digest "$S" "$1")" = "$(digest "$D" "$2")" ] || { echo "bench: $2 differs from $1" >&2; exit 1; }
done

report() { # title pipe ours ext
  printf '%s\n' "$1"
  printf '  pipe (psql binary COPY | psql):  %6.2f s\n' "$2"
  printf '  mimeo refresh:                   %6.2f s   %.2fx the pipe\n' "$3" "$(echo "$3 / $2" | bc -l)"
  printf '  extension:                       %6.2f s   mimeo is %.2fx faster\n' "$4" "$(echo "$4 / $3" | bc -l)"
}
b() { printf '%s\n' "$@" | best; }
printf 'incremental refresh, %s-row tables, %s rows per round (best of %s)\n' "$rows" "$changed" "$repeat"
report "inserter_time: $changed new rows" "$(b "${pipe_ins[@]}")" "$(b "${ours_ins[@]}")" "$(b "${ext_ins[@]}")"
report "updater_time: $changed updated rows" "$(b "${pipe_upd[@]}")" "$(b "${ours_upd[@]}")" "$(b "${ext_upd[@]}")"
