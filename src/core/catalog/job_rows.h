// SPDX-License-Identifier: PostgreSQL
#pragma once
// Reading studio_job_log rows as every client should: which jobs still run
// (a row whose process died is abandoned), and who holds a table.
#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

// SQL for a job row's status as every reader should show it: a running row
// whose job-log backend is gone (its process died) is abandoned; so is one
// whose heartbeat stopped (a machine lost while its connection lingers).
// alias names the studio_job_log row.
std::string liveStatusSql(const std::string &alias);

// SQL that is true when the job row alias was skipped because another run
// held the table's lock (the reasons describeLockHolder writes), as opposed
// to a skip because the source had not changed.
std::string lockedSkipSql(const std::string &alias);

// SQL for "LEFT JOIN LATERAL (...) AS j ON true": the latest refresh job of
// the refresh_config row configAlias, with its live status as j.live and
// lockedSkipSql as j.locked; what status and health both call a table's
// last refresh.
std::string latestRefreshJobJoinSql(const std::string &schema, const std::string &configAlias);

// Who holds destTable, as one sentence from the job log ("another run holds
// the table: mimeo run (refresh) on host db2 (pid 4242) since 10:42:07 UTC"),
// ignoring the asking job itself. Never throws.
std::string describeLockHolder(pg::Connection &dest, const std::string &schema, const std::string &destTable, long long exceptJob = 0);

} // namespace mimeo::catalog
