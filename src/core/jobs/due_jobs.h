// SPDX-License-Identifier: PostgreSQL
#pragma once
// Which configured tables are due: period set, and more than period since
// last_run (mimeo's run_refresh.py rule: a table that never ran is not due),
// oldest last_run first.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

struct DueJob {
    std::string destTable;
    std::string type;
};

// typeFilter: snap, table, inserter (both variants), updater (both), dml, logdel; empty for all.
// Throws Error for an unknown type filter.
std::vector<DueJob> dueJobs(pg::Connection &dest, const std::string &schema, const std::string &typeFilter,
                            std::optional<int> batchLimit);

// True when destTable is due right now (checked again under its lock, so two
// runners do not both refresh it).
bool stillDue(pg::Connection &dest, const std::string &schema, const std::string &destTable);

} // namespace mimeo::jobs
