// SPDX-License-Identifier: PostgreSQL
#pragma once
// The source side of a replication: which relation the catalog's text names,
// what kind it is, and its columns (restricted by the filter).
#include "pg/quote.h"
#include "replication/columns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

// "table", "partitioned table", "view", "materialized view", "foreign table".
std::string relationKindName(char relkind);

struct SourceRelation {
    pg::QualifiedName name; // exactly as on the server
    uint32_t oid = 0;
    char relkind = 'r';     // r table, p partitioned table, v view, m materialized view, f foreign table
    std::vector<Column> columns;
    int64_t estimatedRows = -1; // pg_class.reltuples; -1 when unknown

    bool isView() const { return relkind == 'v' || relkind == 'm'; }
    // Plain tables can be read with COPY table (cols) TO STDOUT.
    bool isPlainTable() const { return relkind == 'r'; }
    std::string kindName() const { return relationKindName(relkind); }
};

// Resolves name (exact, case-sensitive parts) on the source and reads its
// columns in attnum order. A non-empty filter keeps only those columns; a
// filter naming a column the source lacks is an error naming it (mimeo
// silently ignored such names). Throws Error (side source) when the relation
// is missing (naming dataSourceId when it is above 0).
SourceRelation describeSource(pg::Connection &src, const pg::QualifiedName &name, const std::vector<std::string> &filter,
                              int dataSourceId);

} // namespace mimeo::replication
