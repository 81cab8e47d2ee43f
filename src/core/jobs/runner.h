// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo run`: refreshes every due table, N at a time, each worker with its
// own connections. Several runners (processes or hosts) may run at once:
// a worker holds the table's advisory lock at session level (mimeo's key;
// the refresh's own transaction lock is re-entrant on it) and checks again
// under it that the table is still due, so each due table is refreshed once
// and never by two at the same time.
#include "jobs/due_jobs.h"
#include "pg/connection.h"
#include "replication/engine.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class CancelToken;
}

namespace mimeo::jobs {

class JobCancels;

struct RunnerOptions {
    pg::ConnectSpec destination;   // each worker opens its own connections from it
    std::string schema = "mimeo";
    std::string typeFilter;        // "" for all
    std::optional<int> batchLimit; // at most this many tables in this run
    int workers = 1;
    std::string origin = "cli";
    const pg::CancelToken *cancel = nullptr; // stops the run: no job starts after it
    // When set, each job runs with a token of its own registered there, so it
    // can be cancelled by its id (mimeo serve); cancel then only keeps
    // further jobs from starting, and whoever owns cancels cancels them all.
    JobCancels *cancels = nullptr;
    std::function<std::optional<std::string>(int)> sourcePassword;
    // Called from worker threads as each table finishes (serialised by the runner).
    std::function<void(const std::string &line)> onEvent;
};

struct JobOutcome {
    DueJob job;
    enum class Kind { Refreshed, Skipped, Busy, NotDue, Failed } kind = Kind::Refreshed;
    std::string message; // result message or error text
    int64_t rows = 0;
    double seconds = 0;
};

struct RunSummary {
    std::vector<JobOutcome> outcomes;
    int failed() const;
    int refreshed() const;
};

// Throws only when the destination cannot be reached to list the due tables;
// failures of single tables are in the summary.
RunSummary runDueJobs(const RunnerOptions &options);

} // namespace mimeo::jobs
