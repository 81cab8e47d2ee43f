// SPDX-License-Identifier: PostgreSQL
#include "jobs/runner.h"

#include "jobs/due_refresh.h"
#include "jobs/job_cancels.h"
#include "jobs/job_history.h"
#include "jobs/job_log.h"
#include "jobs/job_tap.h"
#include "pg/cancel.h"
#include "pg/error.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace mimeo::jobs {

int RunSummary::failed() const
{
    int n = 0;
    for (const auto &o : outcomes)
        n += o.kind == JobOutcome::Kind::Failed;
    return n;
}

int RunSummary::refreshed() const
{
    int n = 0;
    for (const auto &o : outcomes)
        n += o.kind == JobOutcome::Kind::Refreshed;
    return n;
}

namespace {

class Worker {
public:
    Worker(const RunnerOptions &o)
        : options_(o)
    {
    }

    JobOutcome run(const DueJob &job)
    {
        JobOutcome out;
        out.job = job;
        const auto start = std::chrono::steady_clock::now();
        try {
            ensureConnected();
            JobCancelScope own(options_.cancels);
            JobTap tap(*log_, [&](int64_t id) { options_.cancels->started(own.token(), id); });
            replication::RunContext ctx;
            ctx.schema = options_.schema;
            ctx.log = options_.cancels ? static_cast<replication::JobRecorder *>(&tap) : log_.get();
            ctx.cancel = options_.cancels ? own.token().get() : options_.cancel;
            ctx.sourcePassword = options_.sourcePassword;
            const auto done = refreshIfStillDue(conn_, job.destTable, ctx);
            out.rows = done.result.rows;
            out.message = done.message;
            switch (done.kind) {
            case DueRefresh::Kind::Refreshed: out.kind = JobOutcome::Kind::Refreshed; break;
            case DueRefresh::Kind::Skipped: out.kind = JobOutcome::Kind::Skipped; break;
            case DueRefresh::Kind::Busy: out.kind = JobOutcome::Kind::Busy; break;
            case DueRefresh::Kind::NotDue: out.kind = JobOutcome::Kind::NotDue; break;
            }
        } catch (const pg::Error &e) {
            out.kind = JobOutcome::Kind::Failed;
            out.message = e.describe();
        } catch (const std::exception &e) {
            out.kind = JobOutcome::Kind::Failed;
            out.message = e.what();
        }
        out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return out;
    }

private:
    void ensureConnected()
    {
        if (conn_.isOpen() && !conn_.isBad())
            return;
        pg::ConnectSpec spec = options_.destination;
        spec.applicationName = "mimeo:run";
        spec.side = pg::Side::Destination;
        conn_ = pg::Connection::open(spec);
        if (!log_)
            log_ = std::make_unique<JobLog>(spec, options_.schema, options_.origin);
    }

    const RunnerOptions &options_;
    pg::Connection conn_;
    std::unique_ptr<JobLog> log_;
};

std::string describe(const JobOutcome &o)
{
    switch (o.kind) {
    case JobOutcome::Kind::Refreshed: return "refreshed " + o.job.destTable + " (" + o.job.type + "): " + o.message;
    case JobOutcome::Kind::Skipped: return "skipped " + o.job.destTable + ": " + o.message;
    case JobOutcome::Kind::Busy: return "busy " + o.job.destTable + ": " + o.message;
    case JobOutcome::Kind::NotDue: return "not due " + o.job.destTable + ": " + o.message;
    case JobOutcome::Kind::Failed: return "failed " + o.job.destTable + " (" + o.job.type + "): " + o.message;
    }
    return o.job.destTable;
}

} // namespace

RunSummary runDueJobs(const RunnerOptions &options)
{
    std::vector<DueJob> due;
    {
        pg::ConnectSpec spec = options.destination;
        spec.applicationName = "mimeo:run";
        spec.side = pg::Side::Destination;
        auto conn = pg::Connection::open(spec);
        recordAbandonedJobs(conn, options.schema);
        due = dueJobs(conn, options.schema, options.typeFilter, options.batchLimit);
        pruneJobLog(conn, options.schema);
    }
    RunSummary summary;
    summary.outcomes.resize(due.size());
    std::atomic<size_t> next{0};
    std::mutex eventMutex;
    auto work = [&] {
        Worker worker(options);
        for (size_t i = next++; i < due.size(); i = next++) {
            if (options.cancel && options.cancel->requested())
                break;
            summary.outcomes[i] = worker.run(due[i]);
            if (options.onEvent) {
                std::lock_guard lock(eventMutex);
                options.onEvent(describe(summary.outcomes[i]));
            }
        }
    };
    const int n = std::max(1, std::min<int>(options.workers, static_cast<int>(due.size())));
    std::vector<std::thread> threads;
    for (int i = 1; i < n; ++i)
        threads.emplace_back(work);
    work();
    for (auto &t : threads)
        t.join();
    return summary;
}

} // namespace mimeo::jobs
