// SPDX-License-Identifier: PostgreSQL
#pragma once
// Copying a source table's indexes to a destination table, as mimeo's
// create_index does: the replication key first (a primary key becomes
// PRIMARY KEY "<target>_<cols>_pk", a unique index is recreated), then, when
// no column filter is set, every other valid index. Definitions come from
// pg_get_indexdef() on the source; only the index name and the ON target are
// replaced (by position, not by regular expression), so unusual names work.
#include "pg/quote.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

struct SourceIndex {
    std::string name;
    bool primary = false;
    bool unique = false;
    std::vector<std::string> columns; // key columns (plain columns only; empty for expression indexes)
    std::string method;               // text after "USING ": "btree (a, b) WHERE ..."
    std::string accessMethod;         // btree, hash, gin, ...
    bool plain = false;               // no expression and no predicate
    bool partial = false;             // has a predicate (WHERE ...)
    bool notNull = false;             // every key column is NOT NULL
    std::string leadingColumn;        // the first key column when it is a plain column, else empty
};

struct SourceIndexes {
    std::optional<SourceIndex> key; // primary key, else the first usable unique index by name
    std::vector<SourceIndex> others;
};

// Reads the valid indexes of a source relation (none for views).
SourceIndexes readSourceIndexes(pg::Connection &src, uint32_t relationOid);

struct IndexCopyOptions {
    bool keyOnly = false;       // a column filter is set: only the replication key (mimeo's rule)
    std::string namePrefix;     // "snap1_" for snapshot tables
    std::vector<std::string> availableColumns; // destination columns; indexes on others are skipped
    // Told about every index that could not be created (the copy goes on).
    std::function<void(const std::string &warning)> warn;
};

// Creates the indexes on target. A failing non-key index is skipped with a
// warning (savepoint); a failing key is an error.
void copyIndexes(pg::Connection &dest, const pg::QualifiedName &target, const std::string &sourceTableName,
                 const SourceIndexes &indexes, const IndexCopyOptions &options);

} // namespace mimeo::replication
