// SPDX-License-Identifier: PostgreSQL
#pragma once
// A job recorder that passes everything on to another (the job log) and
// says when a job started, with its id: whoever waits for that id (the
// request the job answers, the cancel registry) learns it at once.
#include "replication/job_recorder.h"

#include <functional>

namespace mimeo::jobs {

class JobTap : public replication::JobRecorder {
public:
    JobTap(replication::JobRecorder &to, std::function<void(int64_t job)> started)
        : to_(to)
        , started_(std::move(started))
    {
    }
    int64_t start(const std::string &destTable, const std::string &type, const std::string &action) override
    {
        const int64_t id = to_.start(destTable, type, action);
        if (id != 0 && started_)
            started_(id);
        return id;
    }
    void step(int64_t job, const std::string &message, std::string_view status) override { to_.step(job, message, status); }
    void progress(int64_t job, const std::string &phase, int64_t rows, int64_t bytes, int64_t rowsExpected) override
    {
        to_.progress(job, phase, rows, bytes, rowsExpected);
    }
    void finish(int64_t job, replication::JobStatus status, std::optional<int64_t> rows, std::optional<int64_t> bytes,
                const pg::Error *error, const std::string &reason, std::optional<replication::RowChanges> changes) override
    {
        to_.finish(job, status, rows, bytes, error, reason, changes);
    }
    void fail(int64_t job, const std::string &message) override { to_.fail(job, message); }

private:
    replication::JobRecorder &to_;
    std::function<void(int64_t)> started_;
};

} // namespace mimeo::jobs
