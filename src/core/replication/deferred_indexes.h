// SPDX-License-Identifier: PostgreSQL
#pragma once
// Loading a truncated table is faster without its indexes: COPY writes the
// heap alone and each index is then built in one sorted pass. This takes the
// indexes (and the constraints they back) off a table and puts the very same
// definitions back afterwards, destination-only indexes included.
#include "pg/quote.h"

#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

class DeferredIndexes {
public:
    // Drops the indexes of table (inside the caller's transaction). Leaves them
    // in place when another table's foreign key depends on one of them.
    static DeferredIndexes takeFrom(pg::Connection &dest, const pg::QualifiedName &table);
    // Recreates exactly what was dropped.
    void restore(pg::Connection &dest) const;
    size_t count() const { return statements_.size(); }

private:
    std::vector<std::string> statements_;
};

} // namespace mimeo::replication
