// SPDX-License-Identifier: PostgreSQL
#pragma once
// How a make, refresh or destroy records what it does: job started, steps,
// progress, finished. Declared here so replication records through it
// without knowing who keeps the record; jobs::JobLog (the job-log tables)
// implements it. A recorder never throws into the job.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mimeo::pg {
class Error;
}

namespace mimeo::replication {

enum class JobStatus { Running, Ok, Failed, Skipped, Cancelled, Abandoned };

class JobRecorder {
public:
    virtual ~JobRecorder() = default;

    // Returns the job id, or 0 when nothing could be recorded.
    virtual int64_t start(const std::string &destTable, const std::string &type, const std::string &action) = 0;
    virtual void step(int64_t job, const std::string &message, std::string_view status = "ok") = 0;
    // rowsExpected < 0: unknown. Called often: must cost the job nothing.
    virtual void progress(int64_t job, const std::string &phase, int64_t rows, int64_t bytes, int64_t rowsExpected) = 0;
    virtual void finish(int64_t job, JobStatus status, std::optional<int64_t> rows = std::nullopt,
                        std::optional<int64_t> bytes = std::nullopt, const pg::Error *error = nullptr,
                        const std::string &reason = {}) = 0;
    // A failure that is not a pg::Error (e.g. std::exception text).
    virtual void fail(int64_t job, const std::string &message) = 0;
};

} // namespace mimeo::replication
