#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Sets everything up on a fresh Debian 12 machine and runs the whole test
# suite: unit tests, and integration tests against throwaway PostgreSQL
# clusters that the suite starts and stops itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh
cd build
# A session bus with an unlocked keyring, so keychain tests use a real
# Secret Service (gnome-keyring) as a desktop would.
exec dbus-run-session -- sh -c '
  export XDG_RUNTIME_DIR=$(mktemp -d) MIMEO_KEYRING_HOME=$(mktemp -d)
  HOME=$MIMEO_KEYRING_HOME sh -c "echo -n mimeo-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
  ctest --output-on-failure -j"$(nproc)" "$@"
' ctest "$@"
