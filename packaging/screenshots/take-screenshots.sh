#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Takes the screenshots of Mimeo Studio that the README and the AppStream
# metainfo show: the real program, built from this tree, on a virtual X
# screen (Xvfb), connected to a throwaway destination that replicates the
# demo shop (scripts/demo/shop.sql). Nothing is drawn by hand.
#
#   packaging/screenshots/take-screenshots.sh [BUILD_DIR [OUT_DIR [CLUSTERS_ENV]]]
#
# BUILD_DIR defaults to ./build, OUT_DIR to packaging/screenshots. With
# CLUSTERS_ENV (written by tests/fixture/pgcluster.sh) it uses those running
# clusters; without, it starts its own and stops them at the end.
# Needs xvfb-run, xauth, xwininfo (x11-utils) and ImageMagick (import,
# convert): scripts/setup-debian.sh installs them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=$(mkdir -p "${2:-$root/packaging/screenshots}" && cd "${2:-$root/packaging/screenshots}" && pwd)
clusters_env=${3:-}
mimeo=$build/src/cli/mimeo
studio=$build/src/studio/mimeo-studio
tour=$build/packaging/screenshots/mimeo-studio-wizard-tour
for tool in xvfb-run xwininfo import convert psql; do
  command -v "$tool" >/dev/null || { echo "take-screenshots: $tool is missing (scripts/setup-debian.sh)" >&2; exit 1; }
done
[ -x "$mimeo" ] && [ -x "$studio" ] && [ -x "$tour" ] || { echo "take-screenshots: build $build first" >&2; exit 1; }

work=$(mktemp -d /tmp/mimeo-shots.XXXXXX)
cleanup() {
  [ -n "$clusters_env" ] || "$root/tests/fixture/pgcluster.sh" stop "$work/state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# Plain database names on clusters of our own; on shared ones (the test
# fixture) names of this run, dropped at the end, so they are left as they were.
shop=shop warehouse=warehouse
if [ -z "$clusters_env" ]; then
  "$root/tests/fixture/pgcluster.sh" start "$work/state" source dest >/dev/null
  clusters_env=$work/state/clusters.env
else
  suffix=$(basename "$work" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')
  shop=shop_$suffix warehouse=warehouse_$suffix
fi
src=$(sed -n 's/^MIMEO_TEST_SOURCE=//p' "$clusters_env")
dst=$(sed -n 's/^MIMEO_TEST_DEST=//p' "$clusters_env")
psql -X -q "$src" -c "CREATE DATABASE $shop"
psql -X -q "${src/dbname=postgres/dbname=$shop}" -f "$root/scripts/demo/shop.sql" >/dev/null
psql -X -q "$dst" -c "CREATE DATABASE $warehouse"
dropdbs() {
  psql -X -q "$src" -c "DROP DATABASE IF EXISTS $shop WITH (FORCE)" >/dev/null 2>&1 || true
  psql -X -q "$dst" -c "DROP DATABASE IF EXISTS $warehouse WITH (FORCE)" >/dev/null 2>&1 || true
}
trap 'dropdbs; cleanup' EXIT

export MIMEO_DEST=${dst/dbname=postgres/dbname=$warehouse}
"$mimeo" init >/dev/null
source_id=$("$mimeo" source add --conninfo "${src/ user=postgres dbname=postgres/ dbname=$shop}" --user postgres)
# Replicate a few tables, one of each family, when this mimeo can (`make`
# is new); a failure costs the picture a table, not the script its run.
if "$mimeo" make --help >/dev/null 2>&1; then
  psql -X -q "$MIMEO_DEST" -c "CREATE SCHEMA shop"
  "$mimeo" make snap shop.customers --source "$source_id" >/dev/null ||
    echo "take-screenshots: warning: make snap failed" >&2
  "$mimeo" make inserter shop.orders --source "$source_id" --control updated_at >/dev/null ||
    echo "take-screenshots: warning: make inserter failed" >&2
  "$mimeo" make table 'shop."Order Lines"' --source "$source_id" >/dev/null ||
    echo "take-screenshots: warning: make table failed" >&2
fi

# A fresh home: no saved window layout or destinations, no keychain prompt.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb

# shoot NAME SETTLE_SECONDS ARGS...: starts mimeo-studio with ARGS, waits
# for its main window (the one with the application's WM_CLASS; the first
# start on a machine can take seconds while fontconfig builds its cache),
# lets it settle (load the destination), and saves the window as
# OUT_DIR/NAME.png. There is no window manager, so there is no frame.
shoot() {
  local name=$1 settle=$2
  shift 2
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    shot=$1 settle=$2
    shift 2
    "$@" &
    app=$!
    win=
    for _ in $(seq 1 60); do
      win=$(xwininfo -root -tree | awk "/\"Mimeo Studio\": \\(\"mimeo-studio\"/ { print \$1; exit }")
      [ -n "$win" ] && break
      sleep 0.5
    done
    [ -n "$win" ] || { echo "take-screenshots: no Mimeo Studio window" >&2; kill $app; exit 1; }
    sleep "$settle"
    import -window "$win" "$shot"
    kill $app
    wait $app 2>/dev/null || true
  ' shoot "$work/$name.png" "$settle" "$studio" "$@"
  # Strip metadata (dates) so a new shot of an unchanged window is the same file.
  convert "$work/$name.png" -strip "$out/$name.png"
  echo "$out/$name.png"
}

shoot main-window 3 --dest "$MIMEO_DEST"

# Three tables big enough to watch in the Jobs panel: views that take a few
# seconds to read (a pause of a second every 100,000 rows).
for y in 2022 2023 2024; do
  psql -X -q "${src/dbname=postgres/dbname=$shop}" -c "CREATE VIEW shop.order_archive_$y AS SELECT g AS order_id, 'order ' || g AS note FROM generate_series(1, 600000) g WHERE g % 100000 <> 0 OR pg_sleep(1) IS NOT NULL"
  "$mimeo" make snap "shop.order_archive_$y" --source "$source_id" --no-pulldata >/dev/null
done
# dml keeps its queue in a schema named like the catalog on the source,
# which the source's owner creates (the wizard's pre-flight says so).
psql -X -q "${src/dbname=postgres/dbname=$shop}" -c "CREATE SCHEMA IF NOT EXISTS mimeo"
# The "New Replication" wizard, page by page, making one more replication of
# the orders as dml (offscreen: the wizard draws itself into each PNG).
QT_QPA_PLATFORM=offscreen "$build/packaging/screenshots/mimeo-studio-wizard-tour" --dest "$MIMEO_DEST" --out "$work" \
  --source "$source_id" --table shop.orders --type dml --dest-table shop.orders_live \
  --refresh shop.order_archive_2022,shop.order_archive_2023,shop.order_archive_2024 >/dev/null
for png in "$work"/wizard-*.png "$work"/jobs-panel.png; do
  convert "$png" -strip "$out/$(basename "$png")"
  echo "$out/$(basename "$png")"
done

# The monitor with tables in mixed states, made for real: a table whose
# source went away (failed), one late and one critical (their last success
# moved back), one being refreshed by another process (running), and a few
# runs of the customers for its charts. Then the history.
shopdb=${src/dbname=postgres/dbname=$shop}
psql -X -q "$shopdb" -c "CREATE TABLE shop.coupons (code text PRIMARY KEY, percent int); INSERT INTO shop.coupons VALUES ('WINTER', 10)"
"$mimeo" make table shop.coupons --source "$source_id" --period '1 hour' >/dev/null
psql -X -q "$shopdb" -c "DROP TABLE shop.coupons"
"$mimeo" refresh shop.coupons >/dev/null 2>&1 || true
for _ in 1 2 3 4 5; do
  psql -X -q "$shopdb" -c "UPDATE shop.customers SET name = name WHERE customer_id % 7 = 0" >/dev/null
  "$mimeo" refresh shop.customers >/dev/null || echo "take-screenshots: warning: refresh failed" >&2
done
# A runner near the databases (mimeo serve), as a DBA would run one: the
# monitor names it, and the running refresh and the validations are its
# jobs. Started before the states below are set up, so that its first
# schedule round (at once) is over before; the next is an hour away.
"$mimeo" serve --interval 3600 --jobs 2 >/dev/null 2>&1 &
runner=$!
for _ in $(seq 1 60); do
  [ "$(psql -X -At "$MIMEO_DEST" -c "SELECT count(*) FROM mimeo.studio_runner")" = 1 ] &&
    [ "$(psql -X -At "$MIMEO_DEST" -c "SELECT count(*) FROM mimeo.studio_job_log WHERE status = 'running'")" = 0 ] && break
  sleep 0.5
done
psql -X -q "$MIMEO_DEST" -c "UPDATE mimeo.refresh_config SET period = '15 minutes' WHERE dest_table = 'shop.customers';
  UPDATE mimeo.refresh_config SET period = '1 hour', last_run = now() - interval '75 minutes' WHERE dest_table = 'shop.orders';
  UPDATE mimeo.refresh_config SET period = '30 minutes', last_run = now() - interval '2 hours' WHERE dest_table LIKE 'shop.%Order Lines%'"
# A row of the live orders changed behind the replication's back, for the
# validation's picture (and its repair).
psql -X -q "$MIMEO_DEST" -c "UPDATE shop.orders_live SET status = 'lost in the mail' WHERE order_id = 42"
# Slower now (3 s a pause), so it still runs when the monitor is pictured.
psql -X -q "$shopdb" -c "CREATE OR REPLACE VIEW shop.order_archive_2023 AS SELECT g AS order_id, 'order ' || g AS note FROM generate_series(1, 600000) g WHERE g % 100000 <> 0 OR pg_sleep(3) IS NOT NULL"
"$mimeo" refresh shop.order_archive_2023 --runner >/dev/null 2>&1 &
running=$!
QT_QPA_PLATFORM=offscreen "$build/packaging/screenshots/mimeo-studio-monitor-tour" --dest "$MIMEO_DEST" --out "$work" \
  --select shop.customers --running shop.order_archive_2023 --measure \
  --validate shop.customers,shop.orders_live --result shop.orders_live >/dev/null
kill $running $runner 2>/dev/null || true
wait $running $runner 2>/dev/null || true
for png in "$work"/monitor.png "$work"/validation.png "$work"/history.png; do
  convert "$png" -strip "$out/$(basename "$png")"
  echo "$out/$(basename "$png")"
done
