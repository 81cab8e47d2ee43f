#!/usr/bin/env bash
# SPDX-License-Identifier: PostgreSQL
# Builds and runs the dml benchmark (tests/bench/bench_dml.cpp) against two
# throwaway clusters, then stops them.
#   tests/bench/run_bench_dml.sh BUILD_DIR [ROWS] [REPETITIONS]
set -euo pipefail
build=${1:?usage: run_bench_dml.sh BUILD_DIR [ROWS] [REPETITIONS]}
shift
tests=$(cd "$(dirname "$0")/.." && pwd)
state=$(mktemp -d /tmp/mimeo-bench-dml.XXXXXX)
trap '"$tests/fixture/pgcluster.sh" stop "$state" || true; rm -rf "$state"' EXIT
cmake --build "$build" --target bench_dml
"$tests/fixture/pgcluster.sh" start "$state" source dest quiet
MIMEO_TEST_ENV="$state/clusters.env" "$build/tests/bench_dml" "$@"
