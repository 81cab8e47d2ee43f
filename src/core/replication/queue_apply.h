// SPDX-License-Identifier: PostgreSQL
#pragma once
// Applying a batch (pg_temp.mimeo_queue_batch, see queue_batch.h) to the
// destination table with set-based statements, no per-row round trips.
//
// With MERGE (destination server 15 or later) rows are updated in place, so
// columns only the destination has keep their values (mimeo deleted and
// re-inserted every replayed row, bug 9.2 #23). If that is not possible
// (an older server, a unique index that an in-place update of several rows
// trips over, such as two rows swapping a unique value) the batch is applied
// as mimeo does: delete every queued key, insert the rows that exist.
//
// dml:    a key with a source row gets that row; a key without one is removed.
// logdel: a key with a source row gets it (mimeo_source_deleted NULL); a key
//         deleted on the source gets the deleted row with its deletion time
//         (the latest one, when a batch holds several deletions or a deletion
//         and a re-insert of one key: mimeo failed there for good, bug 9.2 #3);
//         any other key loses its live row but keeps a logged deletion.
#include "pg/quote.h"
#include "replication/columns.h"
#include "replication/job_recorder.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::replication {
class Job;
}

namespace mimeo::replication::queue {

struct ApplySpec {
    pg::QualifiedName dest;
    std::vector<Column> columns;       // replicated columns, in the batch's order (c1..cN)
    std::vector<std::string> keyNames; // in the batch's order (k1..kM)
    bool logdel = false;
    bool lookupByKey = false;          // join through the key's index (queue_plan.h)
};

// changes, per destination row: MERGE's UPDATE = updated, DELETE = deleted,
// INSERT = inserted; on the delete-and-insert path a key deleted and
// inserted again = updated, deleted only = deleted, inserted only =
// inserted, so both paths count alike. logdel keeps a row the source deleted
// and marks it (mimeo_source_deleted): a live row marked so counts as
// deleted, as the source's deletion it stands for; rewriting a row that
// already records a deletion counts as updated.
struct ApplyResult {
    int64_t changed = 0;  // rows inserted, updated or deleted
    bool inPlace = false; // MERGE path taken
    // nullopt when the server's counters could not tell (see applyBatch).
    std::optional<RowChanges> changes;
};

std::string mergeSql(const ApplySpec &spec);
std::vector<std::string> deleteInsertSql(const ApplySpec &spec);

ApplyResult applyBatch(Job &job, const ApplySpec &spec);

} // namespace mimeo::replication::queue
