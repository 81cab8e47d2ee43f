// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo status`: per configured table, when it last ran, when it is due,
// and how its last job went (from the job log). Whether it is late is the
// health rule's to say (health.h: TableHealth::pastLate), written once.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

struct TableStatus {
    std::string destTable;
    std::string type;
    std::string sourceTable;
    int dataSourceId = 0;
    std::optional<std::string> period;   // interval text
    std::optional<std::string> lastRun;  // ISO 8601 with offset
    std::optional<std::string> nextDue;  // last_run + period; none without a period or a first run (mimeo never runs those)
    std::optional<std::string> lastStatus;   // running, ok, failed, skipped, cancelled, abandoned
    std::optional<double> lastDurationSeconds;
    std::optional<long long> lastRows;
    std::optional<std::string> lastError;
    // Of the last refresh job: live while it runs, then as it ended.
    std::optional<std::string> phase;
    std::optional<long long> rowsExpected;
    std::optional<long long> bytes;
    std::optional<std::string> reason;
    std::optional<long long> pid;
    std::optional<std::string> host;
    std::optional<std::string> heartbeatAt;
};

std::vector<TableStatus> tableStatus(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::jobs
