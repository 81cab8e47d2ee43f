# SPDX-License-Identifier: PostgreSQL
# Sourced by the benchmark scripts (needs $here, this folder): throwaway
# source and destination clusters, stopped and removed on exit, each with an
# empty database "bench"; sets src/dst (the clusters' postgres databases) and
# S/D (the bench databases), and the timing helpers.
state=$(mktemp -d /tmp/mimeo-bench.XXXXXX)
trap '"$here/../fixture/pgcluster.sh" stop "$state" >/dev/null 2>&1; rm -rf "$state"' EXIT

"$here/../fixture/pgcluster.sh" start "$state" source dest >/dev/null
src=$(sed -n 's/^MIMEO_TEST_SOURCE=//p' "$state/clusters.env")
dst=$(sed -n 's/^MIMEO_TEST_DEST=//p' "$state/clusters.env")
S="${src/dbname=postgres/dbname=bench}"
D="${dst/dbname=postgres/dbname=bench}"
psql -qX "$src" -c "CREATE DATABASE bench"
psql -qX "$dst" -c "CREATE DATABASE bench"

now() { date +%s.%N; }
best() { sort -g | head -n 1; }
