// SPDX-License-Identifier: PostgreSQL
#include "jobs/job_log.h"

#include "pg/error.h"
#include "pg/quote.h"

#include <unistd.h>

namespace mimeo::jobs {
namespace {

using Clock = std::chrono::steady_clock;
// How often a running job's row is written at most, and how long a silent
// one waits for a heartbeat. Readers call a row abandoned after 30 s of
// silence (liveStatusSql), many heartbeats later.
constexpr auto kWriteEvery = std::chrono::seconds(1);
constexpr auto kHeartbeatEvery = std::chrono::seconds(3);

std::string optNumber(int64_t v) { return std::to_string(v); }

} // namespace

std::string_view jobStatusName(JobStatus s)
{
    switch (s) {
    case JobStatus::Running: return "running";
    case JobStatus::Ok: return "ok";
    case JobStatus::Failed: return "failed";
    case JobStatus::Skipped: return "skipped";
    case JobStatus::Cancelled: return "cancelled";
    case JobStatus::Abandoned: return "abandoned";
    }
    return "failed";
}

JobLog::JobLog(pg::ConnectSpec destination, std::string schema, std::string origin)
    : spec_(std::move(destination))
    , schema_(std::move(schema))
    , qs_(pg::quoteIdent(schema_))
    , origin_(std::move(origin))
{
    spec_.side = pg::Side::Destination;
    if (spec_.applicationName.find(":log") == std::string::npos)
        spec_.applicationName += ":log";
    heartbeat_ = std::thread([this] { heartbeatLoop(); });
}

JobLog::~JobLog()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    heartbeat_.join();
}

pg::Connection &JobLog::conn()
{
    if (!conn_.isOpen() || conn_.isBad()) {
        conn_ = pg::Connection::open(spec_);
        // A new backend: running jobs of this log now live on it.
        if (!live_.empty()) {
            std::string ids;
            for (const auto &[id, l] : live_)
                ids += (ids.empty() ? "" : ",") + std::to_string(id);
            conn_.exec("UPDATE " + qs_ + ".studio_job_log SET backend_pid = pg_catalog.pg_backend_pid(), "
                       "backend_start = (SELECT backend_start FROM pg_catalog.pg_stat_activity WHERE pid = pg_catalog.pg_backend_pid()) "
                       "WHERE job_id = ANY ('{" + ids + "}'::bigint[])");
        }
    }
    return conn_;
}

// Call with mutex_ held.
template <typename Fn> void JobLog::guarded(Fn &&fn)
{
    try {
        fn();
    } catch (const std::exception &e) {
        lastWriteError_ = e.what();
    }
}

int64_t JobLog::start(const std::string &destTable, const std::string &type, const std::string &action)
{
    std::lock_guard lock(mutex_);
    int64_t id = 0;
    guarded([&] {
        char host[256] = {0};
        gethostname(host, sizeof host - 1);
        auto r = conn().exec("INSERT INTO " + qs_ + ".studio_job_log (dest_table, type, action, origin, host, pid, phase, "
                                 "heartbeat_at, backend_pid, backend_start) "
                                 "SELECT $1, $2, $3, $4, $5, $6, 'starting', pg_catalog.clock_timestamp(), pg_catalog.pg_backend_pid(), "
                                 "(SELECT backend_start FROM pg_catalog.pg_stat_activity WHERE pid = pg_catalog.pg_backend_pid()) "
                                 "RETURNING job_id",
                             {destTable, type.empty() ? pg::Param() : pg::Param(type), action, origin_, std::string(host),
                              std::to_string(getpid())});
        id = r.toInt(0, 0);
        steps_[id] = 0;
        live_[id] = Live{"starting", 0, 0, -1, false, Clock::now()};
    });
    return id;
}

void JobLog::step(int64_t job, const std::string &message, std::string_view status)
{
    if (job == 0)
        return;
    std::lock_guard lock(mutex_);
    guarded([&] {
        const int n = ++steps_[job];
        conn().exec("INSERT INTO " + qs_ + ".studio_job_step (job_id, step_no, status, message) VALUES ($1, $2, $3, $4)",
                    {std::to_string(job), std::to_string(n), std::string(status), message});
    });
}

void JobLog::progress(int64_t job, const std::string &phase, int64_t rows, int64_t bytes, int64_t rowsExpected)
{
    if (job == 0)
        return;
    std::lock_guard lock(mutex_);
    auto it = live_.find(job);
    if (it == live_.end())
        return;
    Live &l = it->second;
    l.phase = phase;
    // "Rows so far": a later phase that counts nothing (indexing, applying)
    // does not take back what was copied, nor the estimate.
    if (rows > 0 || bytes > 0) {
        l.rows = rows;
        l.bytes = bytes;
    }
    if (rowsExpected >= 0)
        l.rowsExpected = rowsExpected;
    l.dirty = true;
}

// Call with mutex_ held.
void JobLog::writeLive(int64_t job, const Live &l)
{
    guarded([&] {
        conn().exec("UPDATE " + qs_ + ".studio_job_log SET phase = $2, rows = $3, bytes = $4, rows_expected = $5, "
                    "heartbeat_at = pg_catalog.clock_timestamp() WHERE job_id = $1 AND status = 'running'",
                    {std::to_string(job), l.phase, optNumber(l.rows), optNumber(l.bytes),
                     l.rowsExpected < 0 ? pg::Param() : pg::Param(optNumber(l.rowsExpected))});
    });
}

void JobLog::heartbeatLoop()
{
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, kWriteEvery);
        if (stopping_)
            break;
        const auto now = Clock::now();
        for (auto &[id, l] : live_) {
            if ((l.dirty && now - l.written >= kWriteEvery) || now - l.written >= kHeartbeatEvery) {
                writeLive(id, l);
                l.dirty = false;
                l.written = now;
            }
        }
    }
}

void JobLog::finish(int64_t job, JobStatus status, std::optional<int64_t> rows, std::optional<int64_t> bytes,
                    const pg::Error *error, const std::string &reason, std::optional<RowChanges> changes)
{
    if (job == 0)
        return;
    std::lock_guard lock(mutex_);
    guarded([&] {
        pg::Param side, sqlstate, text;
        if (error) {
            if (error->side() != pg::Side::Unknown)
                side = std::string(pg::sideName(error->side()));
            if (!error->sqlstate().empty())
                sqlstate = error->sqlstate();
            text = error->describe();
        }
        std::string why = reason;
        if (why.empty() && error)
            why = error->message();
        const auto count = [&](int64_t RowChanges::*field) {
            return changes ? pg::Param(std::to_string((*changes).*field)) : pg::Param();
        };
        conn().exec("UPDATE " + qs_ + ".studio_job_log SET status = $2, finished_at = clock_timestamp(), rows = $3, "
                        "bytes = $4, error_side = $5, error_sqlstate = $6, error = $7, reason = $8, phase = NULL, "
                        "rows_inserted = $9, rows_updated = $10, rows_deleted = $11, "
                        "heartbeat_at = pg_catalog.clock_timestamp() WHERE job_id = $1",
                    {std::to_string(job), std::string(jobStatusName(status)),
                     rows ? pg::Param(std::to_string(*rows)) : pg::Param(),
                     bytes ? pg::Param(std::to_string(*bytes)) : pg::Param(), side, sqlstate, text,
                     why.empty() ? pg::Param() : pg::Param(why), count(&RowChanges::inserted), count(&RowChanges::updated),
                     count(&RowChanges::deleted)});
    });
    steps_.erase(job);
    live_.erase(job);
}

void JobLog::fail(int64_t job, const std::string &message)
{
    pg::ErrorInfo i;
    i.message = message;
    const pg::Error e(i);
    finish(job, JobStatus::Failed, std::nullopt, std::nullopt, &e);
}

long long recordAbandonedJobs(pg::Connection &dest, const std::string &schema)
{
    return dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_job_log AS j SET status = 'abandoned', "
                     "finished_at = pg_catalog.clock_timestamp(), phase = NULL, reason = 'its process ended without finishing it ("
                     "' || j.origin || ' on host ' || coalesce(j.host, '?') || ', pid ' || coalesce(j.pid::text, '?') "
                     "|| '): killed, or its machine or connection was lost' "
                     "WHERE j.status = 'running' AND " + catalog::liveStatusSql("j") + " = 'abandoned'")
        .affected();
}

} // namespace mimeo::jobs
