#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# The .deb packages: `cpack -G DEB` in the build tree makes exactly
# mimeo_<version>_<arch>.deb (and mimeo-studio_<version>_<arch>.deb), with
# dependencies computed from the binaries (mimeo: libpq and QtCore, no GUI
# library; mimeo-studio: mimeo of the same version). Together they hold
# everything `cmake --install` installs. dpkg installs them into a throwaway
# root (a copy of this machine's package database, so dependencies are
# checked for real; the machine itself is not touched), refuses mimeo-studio
# without mimeo, and the installed programs print their version; the
# installed desktop files pass appstreamcli validate-tree.
#
#   check-deb.sh CMAKE CPACK BUILD_DIR VERSION WITH_STUDIO(ON|OFF) WORK_DIR
set -euo pipefail
cmake=$1 cpack=$2 build=$3 version=$4 with_studio=$5 work=$6
fail=0
problem() { echo "check-deb: $*" >&2; fail=1; }
rm -rf "$work"
mkdir -p "$work"

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; exit 1; }
arch=$(dpkg --print-architecture)
packages=(mimeo)
[ "$with_studio" = ON ] && packages+=(mimeo-studio)
expected=$(for p in "${packages[@]}"; do echo "${p}_${version}_${arch}.deb"; done | sort)
made=$(cd "$work/out" && ls -1 -- *.deb | sort)
[ "$made" = "$expected" ] || problem "cpack made [$made], expected [$expected]"
deb() { echo "$work/out/${1}_${version}_${arch}.deb"; }

# Control fields.
for p in "${packages[@]}"; do
  [ "$(dpkg-deb -f "$(deb "$p")" Package)" = "$p" ] || problem "$p: wrong Package"
  [ "$(dpkg-deb -f "$(deb "$p")" Version)" = "$version" ] || problem "$p: Version is not $version"
  [ -n "$(dpkg-deb -f "$(deb "$p")" Maintainer)" ] || problem "$p: no Maintainer"
done
depends() { dpkg-deb -f "$(deb "$1")" Depends | tr ',' '\n' | sed -E 's/^ +//; s/ .*//'; }
for lib in libpq5 libqt6core6 libc6 libstdc++6; do
  depends mimeo | grep -qx "$lib" || problem "mimeo does not depend on $lib: $(dpkg-deb -f "$(deb mimeo)" Depends)"
done
if depends mimeo | grep -E 'gui|widgets|keychain|secret|mimeo'; then
  problem "mimeo depends on more than it links"
fi
if [ "$with_studio" = ON ]; then
  dpkg-deb -f "$(deb mimeo-studio)" Depends | grep -q "mimeo (= $version)" ||
    problem "mimeo-studio does not depend on mimeo (= $version)"
  depends mimeo-studio | grep -qx libqt6widgets6 || problem "mimeo-studio does not depend on libqt6widgets6"
fi

# Each package carries the licence where Debian looks for it.
for p in "${packages[@]}"; do
  dpkg-deb --fsys-tarfile "$(deb "$p")" | tar -xOf - "./usr/share/doc/$p/copyright" > "$work/$p.copyright" 2>/dev/null ||
    problem "$p has no /usr/share/doc/$p/copyright"
  grep -qx 'License: PostgreSQL' "$work/$p.copyright" || problem "$p: copyright does not name the PostgreSQL License"
  grep -q '^ Permission to use, copy, modify, and distribute this software' "$work/$p.copyright" ||
    problem "$p: copyright lacks the licence text"
done

# Together the packages hold what `cmake --install` installs (an install
# rule without a COMPONENT would be left out of every package).
DESTDIR="$work/full" "$cmake" --install "$build" --prefix /usr >/dev/null
(cd "$work/full" && find . ! -type d | sed 's|^\./|/|' | sort) > "$work/full.list"
for p in "${packages[@]}"; do dpkg-deb -c "$(deb "$p")"; done | awk '$1 !~ /^d/ { print $6 }' |
  sed 's|^\./|/|' | sort > "$work/debs.list"
if ! diff "$work/full.list" "$work/debs.list" >"$work/diff"; then
  problem "packages and cmake --install differ (< install, > packages); give each install() rule COMPONENT cli or studio:"
  cat "$work/diff" >&2
fi

# Install into a throwaway root that knows this machine's installed packages.
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
cp /var/lib/dpkg/status "$root/var/lib/dpkg/status"
touch "$root/var/lib/dpkg/available"
dpkg_root=(dpkg --root="$root" --log=/dev/null)
[ "$(id -u)" = 0 ] || dpkg_root+=(--force-not-root)
if [ "$with_studio" = ON ]; then
  if "${dpkg_root[@]}" -i "$(deb mimeo-studio)" >"$work/alone.log" 2>&1; then
    problem "dpkg installed mimeo-studio without mimeo"
  fi
  "${dpkg_root[@]}" --purge mimeo-studio >/dev/null 2>&1 || true
fi
debs=(); for p in "${packages[@]}"; do debs+=("$(deb "$p")"); done
"${dpkg_root[@]}" -i "${debs[@]}" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; problem "dpkg -i failed"; }
for p in "${packages[@]}"; do
  [ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] ||
    problem "$p is not installed"
done

[ "$("$root/usr/bin/mimeo" --version)" = "mimeo $version" ] || problem "installed mimeo --version: $("$root/usr/bin/mimeo" --version 2>&1)"
for f in /usr/share/man/man1/mimeo.1.gz /usr/share/bash-completion/completions/mimeo \
         /usr/lib/systemd/system/mimeo-run.service /usr/lib/systemd/system/mimeo-run.timer \
         "/usr/lib/systemd/system/mimeo-serve@.service" \
         /usr/share/doc/mimeo/examples/mimeo.env /usr/share/doc/mimeo/examples/mimeo.cron; do
  [ -f "$root$f" ] || problem "mimeo did not install $f"
done
if [ "$with_studio" = ON ]; then
  [ "$("$root/usr/bin/mimeo-studio" --version)" = "mimeo-studio $version" ] ||
    problem "installed mimeo-studio --version: $("$root/usr/bin/mimeo-studio" --version 2>&1)"
  [ -f "$root/usr/share/man/man1/mimeo-studio.1.gz" ] || problem "mimeo-studio did not install its man page"
  appstreamcli validate-tree --no-net "$root" || problem "appstreamcli validate-tree failed on the installed files"
fi

# No password in any shipped text file.
mkdir -p "$work/contents"
for d in "${debs[@]}"; do dpkg-deb -x "$d" "$work/contents"; done
if grep -rIinE '(password|pgpassword)[[:space:]]*=[[:space:]]*[^[:space:]"$#]' "$work/contents"; then
  problem "a password in a shipped file"
fi

if [ $fail = 0 ]; then
  echo "check-deb: $made"
  rm -rf "$work/full" "$work/root" "$work/contents"
fi
exit $fail
