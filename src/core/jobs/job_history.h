// SPDX-License-Identifier: PostgreSQL
#pragma once
// Reading and pruning the job log.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

struct JobRecord {
    long long jobId = 0;
    std::string destTable;
    std::optional<std::string> type;
    std::string action;
    std::string status;
    std::string startedAt;                // ISO 8601, UTC, with offset
    std::optional<std::string> finishedAt;
    std::optional<long long> rows;
    std::optional<long long> bytes;
    std::optional<std::string> errorSide;
    std::optional<std::string> errorSqlstate;
    std::optional<std::string> error;
    std::string origin;
    std::optional<std::string> host;
    std::optional<std::string> phase;       // while running
    std::optional<long long> rowsExpected;  // the source's estimate, or the queued keys
    std::optional<std::string> reason;      // why it was skipped, cancelled, abandoned or failed
    std::optional<long long> pid;
    std::optional<std::string> heartbeatAt;
    // What a refresh changed, where the engine knows it (replication/job_recorder.h).
    std::optional<long long> rowsInserted;
    std::optional<long long> rowsUpdated;
    std::optional<long long> rowsDeleted;
    std::optional<long long> durationMs; // finished jobs only
};

struct JobStep {
    int stepNo = 0;
    std::string at; // ISO 8601, UTC
    std::string status;
    std::string message;
};

// What the history view narrows the job log to; empty fields narrow nothing.
struct JobFilter {
    enum class Origin { Any, Application, CommandLine };
    std::string tableText; // part of the destination table's name, any case
    std::string status;    // ok, failed, skipped, running, cancelled, abandoned, ...
    Origin origin = Origin::Any; // the application ("mimeo studio") or the command line
    std::string host;
    std::optional<std::string> from; // started at or after (timestamptz text)
    std::optional<std::string> to;   // started before
};

// One page of the job log, newest first: the jobs older than beforeJobId
// (none: from the newest) that the filter lets through.
std::vector<JobRecord> jobPage(pg::Connection &dest, const std::string &schema, const JobFilter &filter,
                               std::optional<long long> beforeJobId, int limit);

// Newest first; destTable empty for every table.
std::vector<JobRecord> recentJobs(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit);

// The last `limit` refreshes of one destination table, oldest first (the
// monitor's charts of duration and rows per run).
std::vector<JobRecord> lastRefreshes(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit);

std::vector<JobStep> jobSteps(pg::Connection &dest, const std::string &schema, long long jobId);

// Deletes job rows older than the retention setting (studio_settings
// job_log_retention, default 90 days); returns how many went.
long long pruneJobLog(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::jobs
