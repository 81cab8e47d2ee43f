// SPDX-License-Identifier: PostgreSQL
#pragma once
// Repairing single rows (issue 17): after `mimeo check data` found rows
// that differ, re-pull only those keys from the source instead of the whole
// table. For the key-based types (updater, dml, logdel) only:
//
//   source:      the keys travel as parameters (one text[] per key column,
//                set with set_config in a read-only REPEATABLE READ
//                transaction, so no value is ever spliced into SQL and
//                nothing is written on the source: a standby serves too);
//                one COPY reads each key with the source's current row as
//                the config's filter and condition select it, or without
//                one when the source has no such row;
//   destination: one transaction under the table's advisory lock (which
//                also verifies the make-time identity) streams that into
//                the queue types' batch table and applies it as a dml/logdel
//                refresh applies a batch (queue_apply.h): a key with a
//                source row gets that row; a key without one is removed, or
//                for logdel keeps its row marked deleted (mimeo_source_deleted
//                = now(), as a refresh does for rows gone from the source).
//
// Only the given keys are touched; last_value and last_run stay: a repair
// is not a refresh. Recorded in the job log as action "repair".
#include "catalog/table_lock.h"
#include "replication/engine.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::replication {

struct RepairRequest {
    std::string destTable; // catalog text form schema.table
    // The key columns the keys are given for: must be the table's key
    // (pk_name) in its order; empty means "pk_name, as configured".
    std::vector<std::string> keyColumns;
    // One vector per key column, all of one length: keys[c][i] is key i's
    // value of column c, as text its type reads (what ::text printed).
    std::vector<std::vector<std::string>> keys;
    catalog::LockWait lockWait = catalog::LockWait::forSeconds(30);
};

// Throws a usage Error for types without a key (snap, table: refresh them;
// inserter: refresh --repull), for a malformed request, and whatever a
// refresh would throw (missing tables, a tampered configuration...).
RunResult repairRows(pg::Connection &dest, const RepairRequest &request, RunContext &ctx);

// The usage Error repairRows throws for a type without a key (with the
// refresh that fixes such a table as its hint); nothing for the others.
void requireRepairableType(const std::string &type, const std::string &destTable);

// The COPY ... TO STDOUT that reads the keys (parameters set as above) from
// the source, in the batch table's layout (queue_batch.h); for tests and
// dry runs.
// lookupByKey: each key is looked up through the source's key index (a
// LATERAL subquery), instead of one join over the whole relation.
std::string repairCopySql(const SourceRelation &source, const std::vector<Column> &keys,
                          const std::optional<std::string> &condition, bool logdel, bool lookupByKey, bool binary);

} // namespace mimeo::replication
