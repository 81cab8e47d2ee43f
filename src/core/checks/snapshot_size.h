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

// When a table is too big for snap and table, which copy it whole at every
// refresh: at these sizes a full copy takes tens of seconds to minutes each
// run, and an incremental or dml replication moves only what changed. The
// make wizard's advice uses them; `check snapshots` takes its own numbers.
inline constexpr long long kSnapshotAdviceRows = 5'000'000;
inline constexpr long long kSnapshotAdviceBytes = 1024LL * 1024 * 1024; // 1 GiB

// The advice for a source of this size (rows < 0: unknown), or nullopt when
// it is below both thresholds: "src.t has about 6000000 rows and 1.2 GiB
// ...; a snapshot copies all of it at every refresh: ...".
std::optional<std::string> snapshotSizeAdvice(const std::string &table, long long rows, long long bytes);

// Both thresholds unset: every snapshot; otherwise those meeting either.
std::vector<SnapshotSize> checkSnapshots(const CheckContext &ctx, std::optional<long long> minRows,
                                         std::optional<long long> minBytes);

} // namespace mimeo::checks
