// SPDX-License-Identifier: PostgreSQL
#pragma once
// The state one make/refresh/destroy run carries around: the destination
// connection, the run context, its job-log row, and helpers to report steps,
// warnings and progress, and to reach the source.
#include "catalog/config_row.h"
#include "pg/connection.h"
#include "replication/engine.h"

#include <string>

namespace mimeo::replication {

class Job {
public:
    Job(pg::Connection &dest, RunContext &ctx, std::string destTable, std::string type, std::string action);
    ~Job();
    Job(const Job &) = delete;
    Job &operator=(const Job &) = delete;

    pg::Connection &dest() { return dest_; }
    RunContext &ctx() { return ctx_; }
    const std::string &schema() const { return ctx_.schema; }
    const std::string &destTable() const { return destTable_; }
    int64_t id() const { return jobId_; }

    void step(const std::string &message);
    void warn(const std::string &message);
    void progress(const Progress &p);
    void checkCancel() const; // throws Error 57014 when a cancel was requested

    // Connects to a data source of the catalog (password: keychain, then
    // libpq's means, then the catalog's pwd column).
    pg::Connection connectSource(int dataSourceId);

    // Inside the open destination transaction: takes the table's advisory
    // lock (waiting as asked) and reads its configuration again under it,
    // since the run before may have changed it (last_value, batch_limit...).
    // nullopt: another process holds the lock (finish with finishLocked);
    // a configuration gone meanwhile is an Error.
    std::optional<catalog::ConfigRow> lockAndReadConfig(catalog::LockWait wait);

    // destroy: waits up to a minute for a running refresh to finish; then an
    // Error naming who holds the table.
    void lockForDestroy();

    // Finishes the job-log row; call exactly one of these.
    // changes: what a refresh changed, where the engine knows it (job_recorder.h).
    // reason: a finding worth the job log's reason column (a validation's).
    RunResult finishDone(int64_t rows, int64_t bytes, std::string message,
                         std::optional<RowChanges> changes = std::nullopt, const std::string &reason = {});
    RunResult finishSkipped(std::string reason); // one sentence a person understands
    RunResult finishLocked();
    void finishFailed(const std::exception &e);

    // The destination's transaction timestamp, as text, for last_run.
    std::string now();

private:
    pg::Connection &dest_;
    RunContext &ctx_;
    std::string destTable_;
    std::string type_;
    std::string action_;
    JobRecorder *log_; // ctx_.log, except in a rehearsal
    int64_t jobId_ = 0;
};

// Gives the destination connection of one run the context's statement
// recording and rehearsal, and takes them back when the run is over (the
// connection outlives it). Sources get theirs in Job::connectSource.
class RunConnectionScope {
public:
    RunConnectionScope(pg::Connection &dest, const RunContext &ctx);
    ~RunConnectionScope();
    RunConnectionScope(const RunConnectionScope &) = delete;
    RunConnectionScope &operator=(const RunConnectionScope &) = delete;

private:
    pg::Connection &dest_;
    pg::StatementLog *previousLog_;
    bool began_ = false;
};

// Runs fn inside a Job and turns any exception into a failed job-log row
// (rethrown to the caller).
RunResult runJob(Job &job, const std::function<RunResult(Job &)> &fn);

} // namespace mimeo::replication
