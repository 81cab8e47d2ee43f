#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# mimeo-run.service and mimeo-run.timer: systemd accepts them, the service is
# hardened (offline exposure score at most 2.0 of 10), runs `mimeo run` as an
# unprivileged user with the destination from an environment file, the timer
# fires every minute, and no shipped example holds a password. The same for
# mimeo-serve@.service, the runner as a service (`mimeo serve`).
# Skipped (77) where systemd is not installed.
#
#   check-systemd-units.sh UNIT_SOURCE_DIR MIMEO_BINARY
set -euo pipefail
dir=$1 mimeo=$2
command -v systemd-analyze >/dev/null || { echo "check-systemd-units: no systemd-analyze, skipped"; exit 77; }
fail=0
problem() { echo "check-systemd-units: $*" >&2; fail=1; }
service=$dir/mimeo-run.service timer=$dir/mimeo-run.timer

# verify needs ExecStart's program to exist: point it at the built mimeo.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s|^ExecStart=mimeo |ExecStart=$mimeo |" "$service" > "$work/mimeo-run.service"
cp "$timer" "$work/"
out=$(systemd-analyze verify --man=no "$work/mimeo-run.service" "$work/mimeo-run.timer" 2>&1) || problem "verify failed"
[ -z "$out" ] || problem "verify: $out"
systemd-analyze security --offline=true --threshold=20 "$work/mimeo-run.service" >"$work/security" 2>&1 ||
  problem "exposure above 2.0: $(grep Overall "$work/security")"

key() { sed -n "s/^$2=//p" "$1"; }
[[ "$(key "$service" ExecStart)" == "mimeo "*" run "* ]] || problem "ExecStart does not run mimeo run"
[ "$(key "$service" Type)" = oneshot ] || problem "not Type=oneshot"
[ "$(key "$service" User)" = mimeo ] || problem "not User=mimeo"
[ "$(key "$service" DynamicUser)" = yes ] || problem "not DynamicUser=yes"
[ "$(key "$service" EnvironmentFile)" = -/etc/mimeo/mimeo.env ] || problem "no EnvironmentFile=-/etc/mimeo/mimeo.env"
[ "$(key "$service" SuccessExitStatus)" = 3 ] || problem "exit status 3 (skipped, locked) is not success"
[ "$(key "$timer" OnCalendar)" = minutely ] || problem "timer is not every minute"

serve=$dir/mimeo-serve@.service
sed "s|^ExecStart=mimeo |ExecStart=$mimeo |" "$serve" > "$work/mimeo-serve@check.service"
out=$(systemd-analyze verify --man=no "$work/mimeo-serve@check.service" 2>&1) || problem "verify of mimeo-serve@ failed: $out"
[ -z "$out" ] || problem "verify of mimeo-serve@: $out"
systemd-analyze security --offline=true --threshold=20 "$work/mimeo-serve@check.service" >"$work/security-serve" 2>&1 ||
  problem "mimeo-serve@ exposure above 2.0: $(grep Overall "$work/security-serve")"
[[ "$(key "$serve" ExecStart)" == "mimeo "*" serve "* ]] || problem "mimeo-serve@ does not run mimeo serve"
[ "$(key "$serve" User)" = mimeo ] || problem "mimeo-serve@: not User=mimeo"
[ "$(key "$serve" DynamicUser)" = yes ] || problem "mimeo-serve@: not DynamicUser=yes"
[ "$(key "$serve" EnvironmentFile)" = /etc/mimeo/%i.env ] || problem "mimeo-serve@: no EnvironmentFile=/etc/mimeo/%i.env"
[ "$(key "$serve" SuccessExitStatus)" = 143 ] || problem "mimeo-serve@: exit status 143 (SIGTERM, a clean stop) is not success"

# Passwords belong in pgpass files only: no literal one in a shipped file.
if grep -inE '(password|pgpassword)[[:space:]]*=[[:space:]]*[^[:space:]"$#]' "$dir"/*; then
  problem "a password in a shipped file"
fi
[ $fail = 0 ] && echo "check-systemd-units: $(grep Overall "$work/security")"
exit $fail
