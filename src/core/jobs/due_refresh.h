// SPDX-License-Identifier: PostgreSQL
#pragma once
// One due table refreshed the way `mimeo run` does it, for every runner that
// shares the schedule (mimeo run, the application's "Refresh all due" and
// its schedule): hold the table's advisory lock at session level, check
// under it that the table is still due (another runner may have refreshed
// it since the list was read), refresh, let go. So runners on other hosts
// never refresh a table twice or at the same time.
#include "replication/engine.h"

#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

struct DueRefresh {
    enum class Kind { Refreshed, Skipped, Busy, NotDue } kind = Kind::Refreshed;
    replication::RunResult result; // Refreshed and Skipped
    std::string message;           // one line for people
};

// dest: not in a transaction. Throws what the refresh throws (the lock is
// released first).
DueRefresh refreshIfStillDue(pg::Connection &dest, const std::string &destTable, replication::RunContext &ctx);

} // namespace mimeo::jobs
