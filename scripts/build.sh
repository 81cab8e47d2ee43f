#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Configures and builds into ./build (warnings are errors, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIMEO_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
