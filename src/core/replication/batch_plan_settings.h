// SPDX-License-Identifier: PostgreSQL
#pragma once
// Planner settings for the set-based statements that apply a batch to a
// destination table (dml/logdel queues, updater batches), local to the
// transaction and reset when the batch is applied:
//   - no JIT: compiling took longer than running (measured, queue_batch.cpp);
//     a batch join with the hash join turned off easily costs more than
//     jit_above_cost;
//   - how to join the batch with the table. A batch is usually a small part
//     of a table that stays in memory; the planner's disk-based costs then
//     pick a hash join with a full scan, which loses to walking the key's
//     index (merge join) or looking each key up (nested loop). See
//     queue_plan.h for when we ask for that.
namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

class BatchPlanSettings {
public:
    enum class Joins {
        Any,        // the planner's choice
        NoHash,     // merge join or nested loop, as the planner prefers
        LookupsOnly // nested loop only: one index lookup per batch row
    };

    BatchPlanSettings(pg::Connection &conn, Joins joins);
    ~BatchPlanSettings();
    BatchPlanSettings(const BatchPlanSettings &) = delete;
    BatchPlanSettings &operator=(const BatchPlanSettings &) = delete;

private:
    pg::Connection &conn_;
};

} // namespace mimeo::replication
