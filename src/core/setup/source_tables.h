// SPDX-License-Identifier: PostgreSQL
#pragma once
// Browsing a source for the "make a replication" wizard: its schemas, a page
// of its relations, and one relation in the detail a choice of type needs
// (columns, keys, control column candidates, size, change statistics).
// Blocking calls: the application runs them off the GUI thread.
#include "pg/quote.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::setup {

// Schemas on which the role has USAGE that hold at least one table,
// partitioned table, view, materialized view or foreign table (what
// describeSource accepts); no system schemas (pg_catalog,
// information_schema, pg_toast*, pg_temp_*). Sorted by name.
std::vector<std::string> listSourceSchemas(pg::Connection &src);

struct SourceRelationEntry {
    std::string schema;
    std::string name;
    char relkind = 'r';         // r table, p partitioned table, v view, m materialized view, f foreign table
    int64_t estimatedRows = -1; // planner estimate (partitions summed); -1 unknown (never analyzed, views)
    int64_t bytes = -1;         // pg_total_relation_size (partitions summed); -1 for views and foreign tables
    bool readable = false;      // the role may SELECT it (and use its schema)
};

struct RelationPage {
    std::vector<SourceRelationEntry> rows;
    bool more = false; // rows exist past this page
};

// One page of the relations of the kinds above (partitions left out: their
// partitioned parent stands for them), ordered by schema, then name. schema
// empty: every schema listSourceSchemas would list. nameFilter: a
// case-insensitive substring of the name, matched on the server (% and _ are
// plain characters). One query whatever the number of relations; sizes are
// computed for the page's rows only.
RelationPage listSourceRelations(pg::Connection &src, const std::string &schema, const std::string &nameFilter, int offset,
                                 int limit);

struct SourceColumnInfo {
    std::string name;
    std::string type; // as the engine spells it (format_type with search_path = pg_catalog)
    bool notNull = false;
};

// A primary key, or a unique constraint or index on plain columns without a
// predicate: what can name a row.
struct SourceKey {
    std::string name;
    bool primary = false;
    std::vector<std::string> columns;
    std::vector<std::string> types;
    bool notNull = false;        // every column NOT NULL: usable as a replication key
    bool replicationKey = false; // the one the engine picks (primary key, else the first usable unique index by name)
};

struct ControlCandidateInfo {
    std::string column;
    std::string type;     // the column's type as declared (a domain by its name)
    bool time = false;    // timestamp, timestamptz or date (domains unwrapped); else smallint, integer or bigint
    bool indexed = false; // a valid btree index without predicate has it as its first column
    bool notNull = false;
};

// pg_stat_user_tables since the statistics were last reset (partitions summed).
struct DmlActivity {
    int64_t inserted = 0;
    int64_t updated = 0;
    int64_t deleted = 0;
    int64_t live = 0; // n_live_tup: an estimate
};

struct SourceTableDetails {
    pg::QualifiedName name;
    char relkind = 'r';
    bool isView = false;        // a view or materialized view: no row triggers
    int64_t estimatedRows = -1; // as in SourceRelationEntry
    int64_t bytes = -1;
    std::vector<SourceColumnInfo> columns;
    std::vector<SourceKey> keys; // the replication key first, then by name
    std::vector<ControlCandidateInfo> controlCandidates; // in column order
    std::optional<DmlActivity> activity;                 // absent for views, foreign tables, and without statistics
    bool trackCounts = true;                             // the source's track_counts: off means no activity ever shows

    const SourceKey *replicationKey() const;
};

// Throws pg::Error (usage, source side) naming the table when it does not
// exist, or when the role may not read it (with the GRANT in the hint).
SourceTableDetails describeSourceTable(pg::Connection &src, const pg::QualifiedName &table);

} // namespace mimeo::setup
