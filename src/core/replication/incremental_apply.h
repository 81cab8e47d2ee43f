#pragma once
// How an updater's batch reaches the destination table, in the refresh's
// destination transaction, set-based, never row by row:
//   replace: the batch's keys are read first (same source snapshot) into a
//     small staging table, the destination rows with those keys are deleted,
//     and the rows are copied straight into the table (COPY's multi-row
//     insert: the fastest path, and what mimeo's delete + insert meant);
//   keep: when the destination has columns of its own, the rows are staged
//     and applied with one UPDATE + INSERT, so those columns survive on
//     updated rows (mimeo deleted and re-inserted them, bug 9.2 #23).
#include "pg/quote.h"
#include "replication/columns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

// Creates a staging table (dropped at commit) with these columns.
pg::QualifiedName createStaging(pg::Connection &dest, const std::string &name, const std::vector<Column> &columns);

// Deletes the target's rows whose key is in keys; returns how many.
int64_t deleteByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &keys,
                    const std::vector<std::string> &key);

struct ApplyCounts {
    int64_t updated = 0;
    int64_t inserted = 0;
};

// keep: UPDATE the rows whose key the target has, INSERT the others.
ApplyCounts applyByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                       const std::vector<Column> &columns, const std::vector<std::string> &key);

} // namespace mimeo::replication::incremental
