// SPDX-License-Identifier: PostgreSQL
#pragma once
// What `make dml|logdel` needs on the source, checked before anything is
// created: a table (views have no row triggers), a replication key (primary
// key, unique index on NOT NULL columns, or --pk-name/--pk-type) inside the
// filter, the queue schema with CREATE for us, SELECT and TRIGGER on the
// table, and no column whose name the queue table uses itself. Every missing
// piece is reported at once, each with the statement that fixes it.
#include "replication/columns.h"
#include "replication/engine.h"
#include "replication/index_copy.h"
#include "replication/source_relation.h"

#include <string>
#include <vector>

namespace mimeo::replication::queue {

struct ReplicationKey {
    std::vector<Column> columns; // names and types, in key order
    bool primary = false;        // the source's primary key (mimeo adds a PRIMARY KEY then)
    bool manual = false;         // given with --pk-name/--pk-type
    std::vector<std::string> names() const { return columnNames(columns); }
    std::vector<std::string> types() const;
};

struct MakePlan {
    ReplicationKey key;
    SourceIndexes indexes; // for copying them to the destination
};

MakePlan checkMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                const std::string &queueSchema, bool logdel);

// The key columns as the destination and the queue see them; the refresh's
// sanity check (mimeo's too): pk_name/pk_type set, same length, inside the filter.
void requireUsableKey(const std::vector<std::string> &pkName, const std::vector<std::string> &pkType,
                      const std::vector<std::string> &filter, const std::string &destTable);

} // namespace mimeo::replication::queue
