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

// What a refresh changed in the destination table, counted per key, where
// the engine knows it (dml, logdel, inserter, updater; not snap/table or a
// repull, which re-pull whole tables or ranges). A key the destination had
// before and has after counts as updated, also when the engine deleted and
// re-inserted its row; a key new to it as inserted; a key it lost as deleted.
struct RowChanges {
    int64_t inserted = 0;
    int64_t updated = 0;
    int64_t deleted = 0;
    RowChanges &operator+=(const RowChanges &o)
    {
        inserted += o.inserted;
        updated += o.updated;
        deleted += o.deleted;
        return *this;
    }
    bool operator==(const RowChanges &) const = default;
};

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
                        const std::string &reason = {}, std::optional<RowChanges> changes = std::nullopt) = 0;
    // A failure that is not a pg::Error (e.g. std::exception text).
    virtual void fail(int64_t job, const std::string &message) = 0;
};

} // namespace mimeo::replication
