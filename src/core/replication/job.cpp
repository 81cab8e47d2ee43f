// SPDX-License-Identifier: PostgreSQL
#include "replication/job.h"

#include "catalog/job_rows.h"
#include "catalog/replication_identity.h"
#include "catalog/sources.h"
#include "catalog/table_lock.h"
#include "pg/cancel.h"
#include "pg/error.h"

namespace mimeo::replication {

Job::Job(pg::Connection &dest, RunContext &ctx, std::string destTable, std::string type, std::string action)
    : dest_(dest)
    , ctx_(ctx)
    , destTable_(std::move(destTable))
    , type_(std::move(type))
    , action_(std::move(action))
    , log_(ctx_.rehearse ? nullptr : ctx_.log)
{
    if (log_)
        jobId_ = log_->start(destTable_, type_, action_);
    // A cancel reaches the statement the destination runs for this job.
    dest_.watch(ctx_.cancel);
}

Job::~Job() { dest_.watch(nullptr); }

void Job::step(const std::string &message)
{
    if (log_)
        log_->step(jobId_, message);
    if (ctx_.stepped)
        ctx_.stepped(message);
}

void Job::warn(const std::string &message)
{
    if (log_)
        log_->step(jobId_, message, "warning");
    if (ctx_.warn)
        ctx_.warn(message);
}

void Job::progress(const Progress &p)
{
    if (log_)
        log_->progress(jobId_, p.phase, p.rows, p.bytes, p.estimatedRows);
    if (ctx_.progress)
        ctx_.progress(p);
}

void Job::checkCancel() const
{
    if (ctx_.cancel && ctx_.cancel->requested()) {
        pg::ErrorInfo i;
        i.sqlstate = "57014";
        i.message = "canceling statement due to user request";
        throw pg::Error(i);
    }
}

pg::Connection Job::connectSource(int dataSourceId)
{
    std::optional<std::string> password;
    if (ctx_.sourcePassword)
        password = ctx_.sourcePassword(dataSourceId);
    auto src = catalog::connectSourceById(dest_, ctx_.schema, dataSourceId,
                                          ctx_.applicationPrefix + ":" + action_ + ":" + destTable_, password);
    src.watch(ctx_.cancel);
    src.record(ctx_.statements);
    if (ctx_.rehearse)
        src.rehearse(true); // rolled back when src closes
    checkCancel(); // requested while connecting
    return src;
}

std::optional<catalog::ConfigRow> Job::lockAndReadConfig(catalog::LockWait wait)
{
    if (!catalog::acquireTableLock(dest_, destTable_, wait, ctx_.cancel))
        return std::nullopt;
    auto config = catalog::findConfig(dest_, ctx_.schema, destTable_, true);
    if (!config)
        throw pg::Error::usage("destination table " + destTable_ + " is no longer managed by mimeo", pg::Side::Destination);
    // Under the lock, so no edit can slip in between the check and the work.
    catalog::verifyIdentity(dest_, ctx_.schema, *config);
    return config;
}

void Job::lockForDestroy()
{
    if (!catalog::acquireTableLock(dest_, destTable_, catalog::LockWait::forSeconds(60), ctx_.cancel))
        throw pg::Error::usage("cannot destroy " + destTable_ + " now: " + catalog::describeLockHolder(dest_, ctx_.schema, destTable_, jobId_),
                               pg::Side::Destination, "try again when it finishes");
}

RunResult Job::finishDone(int64_t rows, int64_t bytes, std::string message, std::optional<RowChanges> changes,
                          const std::string &reason)
{
    if (log_)
        log_->finish(jobId_, JobStatus::Ok, rows, bytes, nullptr, reason, changes);
    return {Outcome::Done, rows, bytes, std::move(message), jobId_, changes};
}

RunResult Job::finishSkipped(std::string reason)
{
    if (log_) {
        log_->step(jobId_, reason);
        log_->finish(jobId_, JobStatus::Skipped, 0, 0, nullptr, reason);
    }
    return {Outcome::Skipped, 0, 0, std::move(reason), jobId_, std::nullopt};
}

RunResult Job::finishLocked()
{
    const std::string reason = catalog::describeLockHolder(dest_, ctx_.schema, destTable_, jobId_);
    if (log_) {
        log_->step(jobId_, reason, "warning");
        log_->finish(jobId_, JobStatus::Skipped, 0, 0, nullptr, reason);
    }
    return {Outcome::Locked, 0, 0, destTable_ + " skipped: " + reason, jobId_, std::nullopt};
}

void Job::finishFailed(const std::exception &e)
{
    if (!log_)
        return;
    const auto *pe = dynamic_cast<const pg::Error *>(&e);
    if (ctx_.cancel && ctx_.cancel->requested()) {
        // Whatever the error says (57014, a broken COPY...), it came from the cancel.
        log_->finish(jobId_, JobStatus::Cancelled, std::nullopt, std::nullopt, nullptr, ctx_.cancel->reason());
        return;
    }
    if (pe)
        log_->finish(jobId_, JobStatus::Failed, std::nullopt, std::nullopt, pe);
    else
        log_->fail(jobId_, e.what());
}

std::string Job::now() { return dest_.exec("SELECT pg_catalog.now()::text").text(0, 0); }

RunConnectionScope::RunConnectionScope(pg::Connection &dest, const RunContext &ctx)
    : dest_(dest)
    , previousLog_(dest.recordingTo())
{
    if (ctx.statements)
        dest_.record(ctx.statements);
    if (ctx.rehearse && !dest_.rehearsing()) {
        dest_.rehearse(true);
        began_ = true;
    }
}

RunConnectionScope::~RunConnectionScope()
{
    if (began_)
        dest_.rehearse(false); // rolls back everything the run did
    dest_.record(previousLog_);
}

RunResult runJob(Job &job, const std::function<RunResult(Job &)> &fn)
{
    try {
        return fn(job);
    } catch (const std::exception &e) {
        job.finishFailed(e);
        throw;
    }
}

} // namespace mimeo::replication
