// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check missing`: source tables (and views, when asked) that no
// configured table replicates. Partitions of a partitioned table are not
// listed on their own. Also the other way round: queue tables, trigger
// functions and triggers that an interrupted dml/logdel make of this catalog
// left on a source (replication/queue_orphans.h), with what removes them.
#include "checks/check_context.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::checks {

struct MissingTable {
    int dataSourceId = 0;
    std::string schema;
    std::string table;
    std::string kind; // table, partitioned table, view, materialized view, orphaned queue
    // An orphaned queue (schema.table is the queue table): the source table
    // its trigger is on, the make it was for, and the statements that remove it.
    std::string sourceTable;
    std::string destTable;
    std::vector<std::string> fix;
};

std::vector<MissingTable> checkMissing(const CheckContext &ctx, std::optional<int> dataSourceId, bool views);

} // namespace mimeo::checks
