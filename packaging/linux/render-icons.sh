#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Renders the application icon (resources/icons/mimeo-studio.svg, the one
# source) into the fixed-size PNGs of the hicolor theme that menus and
# software centres use where they do not scale SVG. The PNGs are committed
# so that building needs no SVG renderer; run this again after changing the
# SVG. Needs rsvg-convert (apt-get install librsvg2-bin): ImageMagick's own
# SVG renderer drops the gradient.
set -euo pipefail
cd "$(dirname "$0")"
svg=../../resources/icons/mimeo-studio.svg
id=io.github.mimeo_studio.MimeoStudio
command -v rsvg-convert >/dev/null || { echo "render-icons: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
# The sizes AppStream and the desktop environments ask for (packaging/linux/
# CMakeLists.txt installs the same list).
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" -o "icons/$id-$size.png"
done
