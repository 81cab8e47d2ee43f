// SPDX-License-Identifier: PostgreSQL
#pragma once
// The job log: one row per make/refresh/destroy run in <schema>.studio_job_log
// and its steps in studio_job_step. It writes through a connection of its own,
// in autocommit, so a job's rows survive the rollback of the job itself, and
// a thread of its own keeps running jobs' rows current (phase, rows, bytes,
// heartbeat) at most about once a second: progress() only notes the values,
// so reporting costs the job nothing. Writing the log never throws into the
// job: a failure is kept in lastWriteError() and the job goes on.
#include "catalog/job_rows.h"
#include "pg/connection.h"
#include "replication/job_recorder.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace mimeo::pg {
class Error;
}

namespace mimeo::jobs {

using JobStatus = replication::JobStatus;
using RowChanges = replication::RowChanges;
std::string_view jobStatusName(JobStatus s);

// Marks running rows whose process died as abandoned, with a reason (the
// next `mimeo run` does); returns how many.
long long recordAbandonedJobs(pg::Connection &dest, const std::string &schema);

class JobLog : public replication::JobRecorder {
public:
    // origin: who runs jobs ("mimeo run", "mimeo refresh", "studio"); written with every job row.
    JobLog(pg::ConnectSpec destination, std::string schema, std::string origin);
    ~JobLog() override;
    JobLog(const JobLog &) = delete;
    JobLog &operator=(const JobLog &) = delete;

    // Returns the job id, or 0 when the log could not be written.
    int64_t start(const std::string &destTable, const std::string &type, const std::string &action) override;
    void step(int64_t job, const std::string &message, std::string_view status = "ok") override;
    // Noted in memory; written by the log's thread within about a second.
    // rowsExpected < 0: unknown.
    void progress(int64_t job, const std::string &phase, int64_t rows, int64_t bytes, int64_t rowsExpected) override;
    void finish(int64_t job, JobStatus status, std::optional<int64_t> rows = std::nullopt,
                std::optional<int64_t> bytes = std::nullopt, const pg::Error *error = nullptr,
                const std::string &reason = {}, std::optional<RowChanges> changes = std::nullopt) override;
    // Records a failure that is not a pg::Error (e.g. std::exception text).
    void fail(int64_t job, const std::string &message) override;

    const std::string &lastWriteError() const { return lastWriteError_; }

private:
    struct Live {
        std::string phase;
        int64_t rows = 0;
        int64_t bytes = 0;
        int64_t rowsExpected = -1;
        bool dirty = false;
        std::chrono::steady_clock::time_point written;
    };

    pg::Connection &conn();
    template <typename Fn> void guarded(Fn &&fn);
    void writeLive(int64_t job, const Live &live);
    void heartbeatLoop();

    pg::ConnectSpec spec_;
    std::string schema_;
    std::string qs_;
    std::string origin_;
    pg::Connection conn_;
    std::map<int64_t, int> steps_;
    std::map<int64_t, Live> live_;
    std::string lastWriteError_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread heartbeat_;
};

} // namespace mimeo::jobs
