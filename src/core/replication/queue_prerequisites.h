// SPDX-License-Identifier: PostgreSQL
#pragma once
// What `make dml|logdel` needs on the source, checked before anything is
// created: a table (views have no row triggers), a replication key (primary
// key, unique index on NOT NULL columns, or --pk-name/--pk-type) inside the
// filter, the queue schema with CREATE for us, SELECT and TRIGGER on the
// table, a primary server, and no column whose name the queue table uses
// itself. Every missing piece is reported at once, each with the statement
// that fixes it; the wizard's pre-flight shows the same checks.
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

// One thing a dml/logdel make needs on the source, checked.
struct Prerequisite {
    std::string what;    // what is needed, e.g. "TRIGGER on src.orders"
    bool ok = true;
    std::string problem; // when not ok: the sentence make's error lists
    std::string fix;     // when not ok: the statement that fixes it (or, where none does, the way out)
};

struct PrerequisiteReview {
    MakePlan plan;                    // plan.key is set when the key's check passed
    std::vector<Prerequisite> checks; // passed and failed, in the order make lists them
    bool ok() const;
};

// Every prerequisite, passed or not (for a pre-flight that shows them all).
// Throws only what the server throws.
PrerequisiteReview reviewMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                           const std::string &queueSchema, bool logdel);

// What make runs: the review, with every failed check thrown at once as one
// usage Error (the problems in the message, their fixes in the hint).
MakePlan checkMakePrerequisites(pg::Connection &src, const SourceRelation &rel, const MakeRequest &req,
                                const std::string &queueSchema, bool logdel);

// The key columns as the destination and the queue see them; the refresh's
// sanity check (mimeo's too): pk_name/pk_type set, same length, inside the filter.
void requireUsableKey(const std::vector<std::string> &pkName, const std::vector<std::string> &pkType,
                      const std::vector<std::string> &filter, const std::string &destTable);

} // namespace mimeo::replication::queue
