// SPDX-License-Identifier: PostgreSQL
#pragma once
// Destination-side pieces of dml/logdel: the checks a refresh makes before it
// touches the table, and the indexes the maker creates.
#include "pg/quote.h"
#include "replication/columns.h"
#include "replication/index_copy.h"
#include "replication/queue_prerequisites.h"

#include <functional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::queue {

// Every replicated column must exist on the destination (types may differ:
// rows are written with assignment casts); logdel also needs
// mimeo_source_deleted. Throws a usage Error naming what is missing with the
// ALTER TABLE that adds it.
void requireDestinationColumns(pg::Connection &dest, const pg::QualifiedName &name, const std::vector<Column> &source,
                               bool logdel);

// True when the table has mimeo_source_deleted.
bool hasDeletedColumn(pg::Connection &dest, const pg::QualifiedName &name);

struct DestIndexOptions {
    bool copyAll = true; // the source's indexes (mimeo's p_index); else the key alone
    bool keyOnly = false; // a filter is set: of the source's indexes only the key
    bool logdel = false;
    std::function<void(const std::string &)> warn;
};

// Indexes for a newly created destination: the source's (or only the key),
// a unique index on the replication key when none covers it, and logdel's
// index on mimeo_source_deleted.
void createDestinationIndexes(pg::Connection &dest, const pg::QualifiedName &name, const std::string &sourceTableName,
                              const SourceIndexes &indexes, const ReplicationKey &key,
                              const std::vector<Column> &columns, const DestIndexOptions &options);

} // namespace mimeo::replication::queue
