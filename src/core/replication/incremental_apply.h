// SPDX-License-Identifier: PostgreSQL
#pragma once
// How an updater's batch reaches the destination table, in the refresh's
// destination transaction, set-based, never row by row:
// the batch is streamed into a staging table (dropped at commit), then
//   upsert: when the target has a unique index on exactly the key, one
//     INSERT ... ON CONFLICT (key) DO UPDATE: each row finds its old version
//     through the index, no join, and columns only the destination has
//     survive (mimeo deleted and re-inserted every row, bug 9.2 #23).
//     Measured for 200,000 changed rows of 1,000,000: 1.2-1.4 s against
//     1.6-2.3 s for delete + insert and 1.7-1.9 s for MERGE.
// Without such an index:
//   replace: the destination rows with the batch's keys are deleted and the
//     batch inserted (mimeo's delete + insert; measured faster than an
//     UPDATE, which writes the same new row versions and index entries but
//     joins the whole row);
//   keep: when the destination has columns of its own, one UPDATE + INSERT,
//     so those columns survive on updated rows (mimeo deleted and
//     re-inserted them, bug 9.2 #23).
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

struct ApplyCounts {
    int64_t updated = 0;
    int64_t inserted = 0;
};

// upsert: INSERT ... ON CONFLICT DO UPDATE; needs hasKeyIndex (incremental_key.h).
ApplyCounts upsertByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                        const std::vector<Column> &columns, const std::vector<std::string> &key);

// replace: DELETE the target's rows with the batch's keys, INSERT the batch.
ApplyCounts replaceByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                         const std::vector<Column> &columns, const std::vector<std::string> &key, int64_t batchRows);

// keep: UPDATE the rows whose key the target has, INSERT the others.
ApplyCounts applyByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                       const std::vector<Column> &columns, const std::vector<std::string> &key);

} // namespace mimeo::replication::incremental
