#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Sets everything up on a fresh Debian 12 machine and shows Mimeo Studio at
# work: builds, starts a local source and destination PostgreSQL, loads a
# small shop into the source, installs the catalog, registers the source,
# and opens mimeo-studio on it (or prints `mimeo status` without a display).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh

state=build/demo
tests/fixture/pgcluster.sh start "$state" source dest >/dev/null
src=$(sed -n 's/^MIMEO_TEST_SOURCE=//p' "$state/clusters.env")
dst=$(sed -n 's/^MIMEO_TEST_DEST=//p' "$state/clusters.env")
psql -X -q "$src" -c "CREATE DATABASE shop"
psql -X -q "${src/dbname=postgres/dbname=shop}" -f scripts/demo/shop.sql
psql -X -q "$dst" -c "CREATE DATABASE warehouse"
export MIMEO_DEST="${dst/dbname=postgres/dbname=warehouse}"
mimeo=build/src/cli/mimeo

psql -X -q "$MIMEO_DEST" -c "CREATE SCHEMA reports"

set -x
$mimeo init
source_id=$($mimeo source add --conninfo "${src/ user=postgres dbname=postgres/ dbname=shop}" --user postgres)
$mimeo source test "$source_id"
$mimeo make snap shop.orders --source "$source_id" --dest-table reports.orders --period '5 minutes'
$mimeo make table 'shop."Order Lines"' --source "$source_id" --dest-table reports.order_lines --period '1 hour'
psql -X -q "${src/dbname=postgres/dbname=shop}" -c "UPDATE shop.orders SET status = 'refunded' WHERE order_id <= 10"
$mimeo refresh reports.orders
psql -X "$MIMEO_DEST" -c "SELECT status, count(*) FROM reports.orders GROUP BY status ORDER BY status"
$mimeo check data reports.orders
$mimeo status
$mimeo log --limit 5
set +x

echo
echo "Demo databases are running. Destination: MIMEO_DEST='$MIMEO_DEST'"
echo "Stop them with: tests/fixture/pgcluster.sh stop $state"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening Mimeo Studio…"
  exec build/src/studio/mimeo-studio --dest "$MIMEO_DEST"
fi
