// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check snapshots`: snapshot sources that have grown big enough to
// be better served by an incremental or dml replication (mimeo's
// snapshot_monitor, reporting the destination name and bigint counts).
#include "checks/check_context.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::checks {

struct SnapshotSize {
    std::string destTable;
    std::string sourceTable;
    long long rows = 0;
    long long bytes = 0; // pg_total_relation_size of the source
};

// Both thresholds unset: every snapshot; otherwise those meeting either.
std::vector<SnapshotSize> checkSnapshots(const CheckContext &ctx, std::optional<long long> minRows,
                                         std::optional<long long> minBytes);

} // namespace mimeo::checks
