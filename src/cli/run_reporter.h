// SPDX-License-Identifier: PostgreSQL
#pragma once
// How the CLI runs an engine call: a job log, warnings on stderr, progress on
// stderr when it is a terminal, the outcome on stdout, and the exit status.
#include "cli_context.h"
#include "replication/engine.h"

#include <functional>
#include <memory>

namespace mimeo::jobs {
class JobLog;
}

namespace mimeo::cli {

class RunReporter {
public:
    RunReporter(CliContext &ctx, const std::string &action);
    ~RunReporter();
    replication::RunContext &context() { return run_; }
    // Prints the result and returns the exit status (3 when locked).
    int report(const replication::RunResult &result);

private:
    CliContext &ctx_;
    std::unique_ptr<jobs::JobLog> log_;
    replication::RunContext run_;
    bool progressShown_ = false;
};

// Reads a table name as the user typed it: SQL syntax ("My Schema".orders,
// folded like the server does), or, when that is not valid SQL, mimeo's plain
// catalog form (mimeo_source.Snap-test-Source). Throws UsageError.
pg::QualifiedName parseTableArgument(const QString &text, const QString &what);

// "a, b,c" -> {"a","b","c"}; empty parts refused.
std::vector<std::string> parseList(const QString &text, const QString &option);

} // namespace mimeo::cli
