#pragma once
// The job log: one row per make/refresh/destroy run in <schema>.studio_job_log
// and its steps in studio_job_step. It writes through a connection of its own,
// in autocommit, so a job's rows survive the rollback of the job itself.
// Writing the log never throws into the job: a failure is kept in
// lastWriteError() and the job goes on.
#include "pg/connection.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace mimeo::pg {
class Error;
}

namespace mimeo::jobs {

enum class JobStatus { Running, Ok, Failed, Skipped };
std::string_view jobStatusName(JobStatus s);

class JobLog {
public:
    // origin: "cli" or "studio"; written with every job row.
    JobLog(pg::ConnectSpec destination, std::string schema, std::string origin);

    // Returns the job id, or 0 when the log could not be written.
    int64_t start(const std::string &destTable, const std::string &type, const std::string &action);
    void step(int64_t job, const std::string &message, std::string_view status = "ok");
    void finish(int64_t job, JobStatus status, std::optional<int64_t> rows = std::nullopt,
                std::optional<int64_t> bytes = std::nullopt, const pg::Error *error = nullptr);
    // Records a failure that is not a pg::Error (e.g. std::exception text).
    void fail(int64_t job, const std::string &message);

    const std::string &lastWriteError() const { return lastWriteError_; }

private:
    pg::Connection &conn();
    template <typename Fn> void guarded(Fn &&fn);

    pg::ConnectSpec spec_;
    std::string schema_;
    std::string qs_;
    std::string origin_;
    pg::Connection conn_;
    std::map<int64_t, int> steps_;
    std::string lastWriteError_;
    std::mutex mutex_;
};

} // namespace mimeo::jobs
