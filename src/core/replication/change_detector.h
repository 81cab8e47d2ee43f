// SPDX-License-Identifier: PostgreSQL
#pragma once
// Deciding whether a snapshot refresh may skip the pull because the source
// has not changed.
//
// mimeo compares the source's pg_stat_all_tables counters (n_tup_ins/upd/del)
// with the ones stored at the last pull. That alone can skip a committed
// change: a backend's counters reach shared statistics only when it flushes
// them (on PostgreSQL 15 up to a minute later, and not at all while it keeps
// working inside one procedure). So we skip only when, in addition to equal
// counters, no write transaction has committed anywhere on the source since
// the snapshot of the last pull: every transaction that was running then or
// started since is checked with txid_status(). That is exact and needs no
// timing assumption; the price is that a source with other write traffic is
// pulled every time. Counters are read before the pull's snapshot is taken,
// so a change can make us pull once too often but never skip.
#include "replication/source_relation.h"
#include "replication/table_state.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

struct SourceCounters {
    bool available = false; // tables and partitioned tables with statistics only
    long long inserted = 0;
    long long updated = 0;
    long long deleted = 0;
    long long live = 0; // n_live_tup: an estimate, not part of the comparison
    std::vector<long long> asVector() const { return {inserted, updated, deleted}; }
};

// n_tup_* and n_live_tup of the relation (summed over the leaves of a
// partitioned table).
SourceCounters readCounters(pg::Connection &src, const SourceRelation &rel);

struct SkipDecision {
    bool skip = false;
    std::string reason; // for the job log either way
};

SkipDecision decideSkip(pg::Connection &src, const SourceCounters &now, const std::optional<std::vector<long long>> &stored,
                        const TableState &state);

} // namespace mimeo::replication
