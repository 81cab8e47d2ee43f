// SPDX-License-Identifier: PostgreSQL
#pragma once
// A TRUNCATE of a dml/logdel source table fires no row trigger, so its
// queue never hears of the rows that went (mimeo's bug 9.2 #5: they stayed
// on the destination for good). Rather than add a TRUNCATE trigger to the
// source objects (mimeo's destroyer would leave it behind, writing into a
// dropped queue), the refresh notices that the table's file changed since
// the last refresh (pg_class.relfilenode: TRUNCATE, and also VACUUM FULL,
// CLUSTER and rewriting ALTER TABLEs give a new one) and then compares keys
// once: every destination key the source no longer has (as the condition
// selects it) is removed (dml) or marked deleted (logdel). The comparison
// streams the source's keys with one COPY in the refresh's source snapshot
// and runs in the refresh's destination transaction.
// Partitioned source tables have no file of their own and are not checked.
#include "pg/quote.h"
#include "replication/source_relation.h"

#include <cstdint>
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

// The source table's relfilenode in the current source snapshot; nullopt
// when it has none (partitioned).
std::optional<int64_t> sourceFilenode(pg::Connection &src, const SourceRelation &rel);

// Removes (dml) or marks deleted (logdel) the destination rows whose key the
// source no longer has; returns how many.
int64_t reconcileKeys(Job &job, pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                      const pg::QualifiedName &dest, const std::vector<std::string> &keys, bool logdel);

} // namespace mimeo::replication::queue
