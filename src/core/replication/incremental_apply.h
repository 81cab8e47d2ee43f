#pragma once
// How an updater's batch reaches the destination table: streamed into a
// temporary staging table, then applied set-based in the same transaction:
// one UPDATE for keys the destination has, one INSERT for the others. An
// UPDATE (mimeo deleted and re-inserted) keeps the destination's own extra
// columns of those rows (bug 9.2 #23).
#include "pg/quote.h"
#include "replication/columns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

// Creates the staging table (dropped at commit) with the source's columns.
pg::QualifiedName createStaging(pg::Connection &dest, const std::vector<Column> &columns);

struct ApplyCounts {
    int64_t updated = 0;
    int64_t inserted = 0;
};

ApplyCounts applyByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                       const std::vector<Column> &columns, const std::vector<std::string> &key);

} // namespace mimeo::replication::incremental
