#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# The AppStream metainfo passes `appstreamcli validate --no-net`, names the
# desktop entry, has an OARS rating, lists the project's version as its
# newest release, and every screenshot it shows is committed in
# packaging/screenshots.
#
#   check-metainfo.sh METAINFO APP_ID PROJECT_VERSION SCREENSHOT_DIR
set -euo pipefail
metainfo=$1 id=$2 version=$3 shots=$4
fail=0
problem() { echo "check-metainfo: $*" >&2; fail=1; }
command -v appstreamcli >/dev/null || { echo "appstreamcli missing (appstream)" >&2; exit 1; }

appstreamcli validate --no-net "$metainfo" || problem "appstreamcli validate failed"
[ "$(basename "$metainfo")" = "$id.metainfo.xml" ] || problem "file name is not $id.metainfo.xml"
grep -q "<id>$id</id>" "$metainfo" || problem "id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || problem "no launchable $id.desktop"
grep -q '<content_rating type="oars-1.1"' "$metainfo" || problem "no OARS content rating"
grep -q '<project_license>PostgreSQL</project_license>' "$metainfo" || problem "project_license is not PostgreSQL"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || problem "newest release is \"$newest\", the project is $version: add a <release>"
images=$(grep -o '<image[^>]*>[^<]*</image>' "$metainfo" | sed 's/<[^>]*>//g')
[ -n "$images" ] || problem "no screenshots"
for url in $images; do
  [[ $url == https://* ]] || problem "screenshot $url is not https"
  [ -f "$shots/$(basename "$url")" ] || problem "screenshot $(basename "$url") is not in $shots"
done
[ $fail = 0 ] && echo "check-metainfo: $metainfo is valid, release $version"
exit $fail
