#include "jobs/job_log.h"

#include "pg/error.h"
#include "pg/quote.h"

#include <unistd.h>

namespace mimeo::jobs {

std::string_view jobStatusName(JobStatus s)
{
    switch (s) {
    case JobStatus::Running: return "running";
    case JobStatus::Ok: return "ok";
    case JobStatus::Failed: return "failed";
    case JobStatus::Skipped: return "skipped";
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
}

pg::Connection &JobLog::conn()
{
    if (!conn_.isOpen() || conn_.isBad())
        conn_ = pg::Connection::open(spec_);
    return conn_;
}

template <typename Fn> void JobLog::guarded(Fn &&fn)
{
    std::lock_guard lock(mutex_);
    try {
        fn();
    } catch (const std::exception &e) {
        lastWriteError_ = e.what();
    }
}

int64_t JobLog::start(const std::string &destTable, const std::string &type, const std::string &action)
{
    int64_t id = 0;
    guarded([&] {
        char host[256] = {0};
        gethostname(host, sizeof host - 1);
        auto r = conn().exec("INSERT INTO " + qs_ + ".studio_job_log (dest_table, type, action, origin, host, pid) "
                                 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING job_id",
                             {destTable, type.empty() ? pg::Param() : pg::Param(type), action, origin_, std::string(host),
                              std::to_string(getpid())});
        id = r.toInt(0, 0);
        steps_[id] = 0;
    });
    return id;
}

void JobLog::step(int64_t job, const std::string &message, std::string_view status)
{
    if (job == 0)
        return;
    guarded([&] {
        const int n = ++steps_[job];
        conn().exec("INSERT INTO " + qs_ + ".studio_job_step (job_id, step_no, status, message) VALUES ($1, $2, $3, $4)",
                    {std::to_string(job), std::to_string(n), std::string(status), message});
    });
}

void JobLog::finish(int64_t job, JobStatus status, std::optional<int64_t> rows, std::optional<int64_t> bytes,
                    const pg::Error *error)
{
    if (job == 0)
        return;
    guarded([&] {
        pg::Param side, sqlstate, text;
        if (error) {
            if (error->side() != pg::Side::Unknown)
                side = std::string(pg::sideName(error->side()));
            if (!error->sqlstate().empty())
                sqlstate = error->sqlstate();
            text = error->describe();
        }
        conn().exec("UPDATE " + qs_ + ".studio_job_log SET status = $2, finished_at = clock_timestamp(), rows = $3, "
                        "bytes = $4, error_side = $5, error_sqlstate = $6, error = $7 WHERE job_id = $1",
                    {std::to_string(job), std::string(jobStatusName(status)),
                     rows ? pg::Param(std::to_string(*rows)) : pg::Param(),
                     bytes ? pg::Param(std::to_string(*bytes)) : pg::Param(), side, sqlstate, text});
        steps_.erase(job);
    });
}

void JobLog::fail(int64_t job, const std::string &message)
{
    pg::ErrorInfo i;
    i.message = message;
    const pg::Error e(i);
    finish(job, JobStatus::Failed, std::nullopt, std::nullopt, &e);
}

} // namespace mimeo::jobs
