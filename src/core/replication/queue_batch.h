// SPDX-License-Identifier: PostgreSQL
#pragma once
// Reading one batch of queued changes from the source with a single COPY:
// the distinct queued keys LEFT JOIN the source table (as the condition
// selects it), so every key arrives once with the source's current row, or
// without one when the row is gone. For logdel the latest deletion recorded
// for a key rides along, with the deleted row's values. The stream goes
// straight into a temporary table on the destination:
//
//   pg_temp.mimeo_queue_batch ("k1".."kM" key, "found" boolean,
//                              ["deleted" timestamptz,] "c1".."cN" columns)
//
// (positional names, so no source column name can collide with ours).
//
// Which queue rows a batch covers is decided inside one REPEATABLE READ
// source transaction: the same transaction later deletes exactly the queue
// rows its snapshot saw (all of them, or all rows of the batch's keys), so
// rows queued meanwhile stay for the next run and nothing is marked.
#include "pg/copy_stream.h"
#include "pg/quote.h"
#include "replication/columns.h"
#include "replication/source_relation.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {
class Job;
}

namespace mimeo::replication::queue {

inline constexpr const char *kBatchTable = "mimeo_queue_batch";

// The batch table's positional column names, quoted: positional('k', 0) is
// "k1"; positionalList('c', 2, "t.") is t."c1", t."c2".
std::string positional(char prefix, size_t i);
std::string positionalList(char prefix, size_t n, const std::string &qualifier = {});

struct BatchSpec {
    const SourceRelation *source = nullptr; // replicated columns (filter applied)
    pg::QualifiedName queue;
    std::vector<Column> keys;               // key columns as the queue table has them
    std::vector<std::string> queueColumns;  // logdel: the queue's own columns (missing ones arrive as NULL)
    std::optional<std::string> condition;
    std::optional<int64_t> limit;           // at most this many distinct keys, oldest queued first
    bool logdel = false;
    // Look each key up in the source (a LATERAL subquery the planner cannot
    // turn into a hash join over the whole table); see queue_plan.h.
    bool lookupByKey = false;
};

// Positions of the key columns among the source columns (the filter holds them).
std::vector<size_t> keyPositions(const BatchSpec &spec);

// The SELECT of the queued keys this batch handles.
std::string batchKeysSql(const BatchSpec &spec);
// The COPY ... TO STDOUT run on the source.
std::string batchCopySql(const BatchSpec &spec, bool binary);
// CREATE TEMP TABLE for the batch on the destination.
std::string batchTableSql(const BatchSpec &spec);
// Removes the queue rows the batch covered; run in the reading transaction
// after the destination committed.
std::string queueCleanupSql(const BatchSpec &spec);

struct BatchRead {
    pg::CopyStats stats;
    bool binary = false;
};

// Creates the temp table and streams the batch into it. The source must be
// inside the REPEATABLE READ transaction.
BatchRead readBatch(Job &job, pg::Connection &src, const BatchSpec &spec);

} // namespace mimeo::replication::queue
