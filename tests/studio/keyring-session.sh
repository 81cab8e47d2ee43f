#!/bin/sh
# SPDX-License-Identifier: PostgreSQL
# Runs a Studio test in a D-Bus session of its own with an unlocked
# gnome-keyring, so keychain code meets a real Secret Service (as on a
# desktop) and never the keyring of whoever runs the tests. HOME and
# XDG_RUNTIME_DIR point into a temporary folder removed afterwards, so
# QSettings and the keyring files of one test never meet another's.
#
#   keyring-session.sh TEST [ARGS...]                 with a keychain
#   keyring-session.sh --no-keychain TEST [ARGS...]   no session bus at all
set -eu
mode=keychain
if [ "${1:-}" = "--no-keychain" ]; then
  mode=none
  shift
fi
tmp=$(mktemp -d /tmp/mimeo-studio-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
rc=0
if [ "$mode" = none ]; then
  # No bus address, no display to autolaunch one from, and an empty runtime
  # folder (no "bus" socket in it): every keychain backend is unreachable.
  env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY \
    HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" "$@" || rc=$?
else
  command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null || {
    echo "keyring-session.sh: needs dbus-run-session and gnome-keyring-daemon (scripts/setup-debian.sh installs them)" >&2
    exit 1
  }
  HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" dbus-run-session -- sh -c '
    printf %s mimeo-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@" || rc=$?
fi
exit $rc
