// SPDX-License-Identifier: PostgreSQL
#pragma once
// The replication key of an updater: the columns whose values name a row, so
// a newer version of it replaces the old one on the destination.
#include "pg/quote.h"
#include "replication/index_copy.h"
#include "replication/source_relation.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

struct ReplicationKey {
    std::vector<std::string> names;
    std::vector<std::string> types;
    bool primary = false; // found as the source's primary key
};

// The key given with --pk-name/--pk-type (checked: same count, columns that
// exist, types the source knows), else the source's primary key or first
// usable unique index by name. Throws a usage Error naming what is wrong.
ReplicationKey resolveKey(pg::Connection &src, const SourceRelation &rel, const std::optional<SourceIndexes> &indexes,
                          const std::vector<std::string> &pkName, const std::vector<std::string> &pkType,
                          const std::vector<std::string> &filter);

// Every key column must be replicated (mimeo's maker and refresh both check).
void requireKeyReplicated(const std::vector<std::string> &key, const SourceRelation &rel, const std::string &destTable);

// The key on a new destination when no index was copied for it (--no-index,
// or a view): PRIMARY KEY when it is the source's, else a unique index;
// columns quoted (mimeo's updater_maker did not, bug 9.2 #17).
void createKeyIndex(pg::Connection &dest, const pg::QualifiedName &target, const ReplicationKey &key);

// True when target has a primary key or unique index on exactly these
// columns, valid and not deferrable (usable as an ON CONFLICT arbiter).
bool hasKeyIndex(pg::Connection &dest, const pg::QualifiedName &target, const std::vector<std::string> &key);

} // namespace mimeo::replication::incremental
