#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Soak test (not part of ctest): a steady source workload on a dml, a logdel,
# an inserter and a snapshot table while `mimeo run --jobs 2` runs every few
# seconds, with a source backend terminated and the destination restarted
# once each along the way. At the end every table must match its source (dml
# exactly; logdel plus its marked deletions; inserter up to last_value), the
# job log must show failures and recoveries, and the peak memory of the
# mimeo processes must have stayed flat: each run's peak as the kernel
# accounted it for the finished process (/usr/bin/time, Debian's `time`),
# the later runs' against a steady baseline of the first ones. Prints a
# one-line summary.
#
#   tests/soak/soak.sh BUILD_DIR [SECONDS]      (default 600)
set -euo pipefail
build=$(cd "${1:?usage: soak.sh BUILD_DIR [SECONDS]}" && pwd)
duration=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
mimeo="$build/src/cli/mimeo"
state=$(mktemp -d /tmp/mimeo-soak.XXXXXX)
workload_pid=
cleanup() {
  [ -n "$workload_pid" ] && kill "$workload_pid" 2>/dev/null || true
  "$here/../fixture/pgcluster.sh" stop "$state" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT

"$here/../fixture/pgcluster.sh" start "$state" source dest >/dev/null
src=$(sed -n 's/^MIMEO_TEST_SOURCE=//p' "$state/clusters.env")
dst=$(sed -n 's/^MIMEO_TEST_DEST=//p' "$state/clusters.env")
dest_dir=$(sed -n 's/^MIMEO_TEST_DEST_DIR=//p' "$state/clusters.env")
pgbin=$(sed -n 's/^MIMEO_TEST_PGBIN=//p' "$state/clusters.env")
S="${src/dbname=postgres/dbname=soak}"
D="${dst/dbname=postgres/dbname=soak}"
psql -qX "$src" -c "CREATE DATABASE soak"
psql -qX "$dst" -c "CREATE DATABASE soak"
psql -qX "$S" <<'SQL'
CREATE SCHEMA mimeo;   -- dml/logdel queue tables
CREATE SCHEMA soak;
CREATE TABLE soak.orders (id bigserial PRIMARY KEY, customer int, amount numeric(12,2), note text);
CREATE TABLE soak.accounts (id bigserial PRIMARY KEY, name text, balance numeric(12,2));
CREATE TABLE soak.events (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), payload text);
CREATE TABLE soak.products (id int PRIMARY KEY, price numeric(10,2));
CREATE TABLE soak.deleted_accounts (id bigint PRIMARY KEY);  -- what the workload deleted from accounts
INSERT INTO soak.orders (customer, amount, note) SELECT g % 100, g, 'seed' FROM generate_series(1, 2000) g;
INSERT INTO soak.accounts (name, balance) SELECT 'acct ' || g, g FROM generate_series(1, 2000) g;
INSERT INTO soak.products SELECT g, g FROM generate_series(1, 500) g;
SQL
psql -qX "$D" -c "CREATE SCHEMA rep"
export MIMEO_DEST="$D"
"$mimeo" init >/dev/null
"$mimeo" source add --conninfo "${S/ user=postgres/}" --user postgres >/dev/null
"$mimeo" make dml soak.orders --source 1 --dest-table rep.orders --period '1 second' >/dev/null
"$mimeo" make logdel soak.accounts --source 1 --dest-table rep.accounts --period '1 second' >/dev/null
"$mimeo" make inserter soak.events --source 1 --dest-table rep.events --control at --boundary '3 seconds' --period '1 second' >/dev/null
"$mimeo" make snap soak.products --source 1 --dest-table rep.products --period '1 second' >/dev/null

# The workload: about five statements a second on each table.
workload() {
  while :; do
    psql -qX "$S" >/dev/null 2>&1 <<'SQL' || true
INSERT INTO soak.orders (customer, amount, note) SELECT (random() * 100)::int, round((random() * 1000)::numeric, 2), 'new' FROM generate_series(1, 5);
UPDATE soak.orders SET amount = amount + 1, note = 'upd' WHERE id IN (SELECT id FROM soak.orders ORDER BY random() LIMIT 5);
DELETE FROM soak.orders WHERE id IN (SELECT id FROM soak.orders ORDER BY random() LIMIT 2);
INSERT INTO soak.accounts (name, balance) SELECT 'acct', 0 FROM generate_series(1, 3);
UPDATE soak.accounts SET balance = balance + 1 WHERE id IN (SELECT id FROM soak.accounts ORDER BY random() LIMIT 5);
WITH gone AS (DELETE FROM soak.accounts WHERE id IN (SELECT id FROM soak.accounts ORDER BY random() LIMIT 2) RETURNING id)
INSERT INTO soak.deleted_accounts SELECT id FROM gone;
INSERT INTO soak.events (payload) SELECT md5(random()::text) FROM generate_series(1, 10);
UPDATE soak.products SET price = price + 0.01 WHERE id = (random() * 499)::int + 1;
SQL
    sleep 0.2
  done
}
workload &
workload_pid=$!

command -v /usr/bin/time >/dev/null || { echo "soak.sh: needs /usr/bin/time (Debian package time, scripts/setup-debian.sh)" >&2; exit 1; }
# Runs a command, prints "exit peak_kB": the peak resident set of the whole
# finished process (its maximum RSS from wait4), not a sample taken while it
# ran, which can come before the process has grown to its working size.
peak_rss_of() {
  local rc=0
  /usr/bin/time -f %M -o "$state/rss" "$@" >>"$state/run.log" 2>&1 || rc=$?
  # time writes "Command exited with non-zero status N" before the format then.
  echo "$rc $(tail -n 1 "$state/rss")"
}
# The median of the numbers given.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

start=$(date +%s)
runs=0 failed_runs=0 killed=0 restarted=0
peaks=()   # kB, one per run measured (not the two disturbed ones)
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  elapsed=$(( $(date +%s) - start ))
  if [ "$killed" = 0 ] && [ "$elapsed" -ge $(( duration / 3 )) ]; then
    # Terminate a source backend of ours in the middle of a run.
    "$mimeo" run --jobs 2 >>"$state/run.log" 2>&1 &
    rpid=$!
    for _ in $(seq 1 100); do
      n=$(psql -qXAt "$src" -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'soak' AND application_name LIKE 'mimeo:%'")
      [ "$n" -gt 0 ] && { killed=1; break; }
      sleep 0.02
    done
    wait "$rpid" || failed_runs=$((failed_runs + 1))
    runs=$((runs + 1))
    continue
  fi
  if [ "$restarted" = 0 ] && [ "$elapsed" -ge $(( 2 * duration / 3 )) ]; then
    "$mimeo" run --jobs 2 >>"$state/run.log" 2>&1 &
    rpid=$!
    sleep 0.3
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$dest_dir" -m fast -w restart >/dev/null
    else "$pgbin/pg_ctl" -D "$dest_dir" -m fast -w restart >/dev/null; fi
    restarted=1
    wait "$rpid" || failed_runs=$((failed_runs + 1))
    runs=$((runs + 1))
    continue
  fi
  read -r rc peak < <(peak_rss_of "$mimeo" run --jobs 2)
  runs=$((runs + 1))
  [ "$rc" = 0 ] || failed_runs=$((failed_runs + 1))
  peaks+=("$peak")
  sleep 3
done

# Stop the workload and let everything converge.
kill "$workload_pid" 2>/dev/null || true
wait "$workload_pid" 2>/dev/null || true
workload_pid=
sleep 4   # past the inserter's boundary
for _ in 1 2 3; do
  "$mimeo" refresh rep.orders >/dev/null; "$mimeo" refresh rep.accounts >/dev/null
  "$mimeo" refresh rep.events >/dev/null; "$mimeo" refresh rep.products --repull >/dev/null
done

ok=1
verdicts=()
for t in rep.orders rep.accounts rep.events rep.products; do
  if "$mimeo" check data "$t" >>"$state/check.log" 2>&1; then verdicts+=("$t=equal"); else verdicts+=("$t=DIFFERENT"); ok=0; fi
done
# logdel: the destination marks exactly the deleted keys.
marked=$(psql -qXAt "$D" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM rep.accounts WHERE mimeo_source_deleted IS NOT NULL")
deleted=$(psql -qXAt "$S" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM soak.deleted_accounts")
[ "$marked" = "$deleted" ] || { ok=0; verdicts+=("logdel-deletions=DIFFERENT"); }
failures=$(psql -qXAt "$D" -c "SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'refresh' AND status = 'failed'")
oks=$(psql -qXAt "$D" -c "SELECT count(*) FROM mimeo.studio_job_log WHERE action = 'refresh' AND status = 'ok'")
recovered=$(psql -qXAt "$D" -c "SELECT count(*) FROM mimeo.studio_job_log f WHERE f.status = 'failed' AND EXISTS (
  SELECT 1 FROM mimeo.studio_job_log o WHERE o.dest_table = f.dest_table AND o.status = 'ok' AND o.started_at > f.started_at)")
[ "$failures" -gt 0 ] && [ "$recovered" = "$failures" ] || ok=0
# Flat: the baseline is the median peak of the first five runs (a single
# run's peak varies with the work it found), the late level the median of
# the last five; growth is the late level more than 8 MB above the baseline.
# No run may peak above 64 MB.
n=${#peaks[@]}
k=$(( n < 10 ? (n + 1) / 2 : 5 ))
rss_base=0 rss_late=0 rss_max=0
if [ "$n" -gt 0 ]; then
  rss_base=$(median "${peaks[@]:0:k}")
  rss_late=$(median "${peaks[@]:n-k:k}")
  rss_max=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
fi
[ "$n" -ge 2 ] && [ $((rss_late - rss_base)) -lt 8192 ] && [ "$rss_max" -lt 65536 ] || ok=0
rows=$(psql -qXAt "$S" -c "SELECT (SELECT count(*) FROM soak.orders) || '/' || (SELECT count(*) FROM soak.accounts) || '/' || (SELECT count(*) FROM soak.events)")

printf 'soak %ss: %s runs (%s exited non-zero), source backend killed=%s, destination restarted=%s, refresh jobs ok=%s failed=%s recovered=%s, source rows orders/accounts/events=%s, %s, logdel marked %s deletions, mimeo peak RSS of %s runs baseline=%skB late=%skB max=%skB: %s\n' \
  "$duration" "$runs" "$failed_runs" "$killed" "$restarted" "$oks" "$failures" "$recovered" "$rows" "${verdicts[*]}" \
  "$(echo "$marked" | tr ',' '\n' | grep -c . || true)" "$n" "$rss_base" "$rss_late" "$rss_max" "$([ $ok = 1 ] && echo PASS || echo FAIL)"
[ "$ok" = 1 ]
