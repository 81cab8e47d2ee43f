#!/bin/sh
# SPDX-License-Identifier: PostgreSQL
# The parts of src/core may use only the parts before them (design.md):
# pg -> catalog -> replication -> jobs -> checks -> setup. Replication records jobs
# through replication/job_recorder.h and takes catalog/table_lock.h; it never
# includes jobs/. Fails naming every include that points the wrong way.
set -eu
core=${1:?usage: check-layers.sh SRC_CORE_DIR}
order="pg catalog replication jobs checks setup"
status=0
rank() { i=0; for p in $order; do [ "$p" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done; echo -1; }
for part in $order; do
    mine=$(rank "$part")
    for f in "$core/$part"/*.h "$core/$part"/*.cpp; do
        [ -e "$f" ] || continue
        for used in $(sed -n 's|^#include "\([a-z_]*\)/.*"|\1|p' "$f" | sort -u); do
            theirs=$(rank "$used")
            [ "$theirs" -lt 0 ] && continue
            if [ "$theirs" -gt "$mine" ]; then
                echo "${f#"$core"/} includes $used/: $part may use only the parts before it ($order)"
                status=1
            fi
        done
    done
done
exit $status
