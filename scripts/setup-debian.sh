#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Installs everything Mimeo Studio needs to build, test and run on Debian 12
# (as root, or through sudo). Skips apt when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus-x11 libsecret-tools
  libpq-dev postgresql-15 postgresql-contrib postgresql-15-mimeo openssl
  xvfb xauth x11-utils imagemagick time
  desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages present"
  exit 0
fi

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
# The Debian package starts a cluster on 5432 we do not use; leave it alone.
