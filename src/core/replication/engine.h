#pragma once
// The replication engine's entry points: make, refresh and destroy any
// configured table. Each runs as one destination transaction under the
// table's advisory lock and writes one job-log row with its steps.
#include "jobs/advisory_lock.h"
#include "pg/quote.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
class CancelToken;
}
namespace mimeo::jobs {
class JobLog;
}

namespace mimeo::replication {

struct Progress {
    std::string phase;          // "copying", "indexing", ...
    int64_t rows = 0;
    int64_t bytes = 0;
    int64_t estimatedRows = -1; // the source's estimate; -1 when unknown
};

// What a run needs besides the destination connection: the job log, whom
// to tell of progress and warnings (the CLI prints them), the cancel token
// and where a source password comes from. Plain callbacks, so the core
// stays free of Qt.
struct RunContext {
    std::string schema = "mimeo";
    jobs::JobLog *log = nullptr;
    std::function<void(const Progress &)> progress;
    std::function<void(const std::string &)> warn; // non-fatal problems (also in the job log)
    std::function<void(const std::string &)> stepped; // each step as it happens (mimeo refresh --verbose)
    const pg::CancelToken *cancel = nullptr;
    // A source password from a keychain, when the application has one.
    std::function<std::optional<std::string>(int dataSourceId)> sourcePassword;
    std::string applicationPrefix = "mimeo"; // application_name: <prefix>:<action>:<table>
};

struct MakeRequest {
    std::string type; // snap, table, inserter_time, inserter_serial, updater_time, updater_serial, dml, logdel
    pg::QualifiedName source;
    int dataSourceId = 0;
    std::optional<pg::QualifiedName> dest; // defaults to the source's name
    std::vector<std::string> filter;
    std::optional<std::string> condition;
    bool index = true;
    bool pullData = true;
    std::optional<std::string> period;
    std::optional<int64_t> batchLimit;
    std::vector<std::string> sequences; // table: sequences to reset after each refresh
    // table: replicate into a destination table that already exists (mimeo's
    // table_maker does so silently; every refresh then empties it first).
    bool useExisting = false;
    // Incremental and dml/logdel types.
    std::optional<std::string> control;
    std::optional<std::string> boundary;
    std::vector<std::string> pkName;
    std::vector<std::string> pkType;
};

struct RefreshRequest {
    std::string destTable; // catalog text form schema.table
    bool repull = false;
    std::optional<int64_t> limit;
    std::optional<std::string> repullStart;
    std::optional<std::string> repullEnd;
    jobs::LockWait lockWait;
};

enum class Outcome { Done, Skipped, Locked };

struct RunResult {
    Outcome outcome = Outcome::Done;
    int64_t rows = 0;
    int64_t bytes = 0;
    std::string message; // one line for people
    int64_t jobId = 0;
};

RunResult make(pg::Connection &dest, const MakeRequest &request, RunContext &ctx);
RunResult refresh(pg::Connection &dest, const RefreshRequest &request, RunContext &ctx);
RunResult destroy(pg::Connection &dest, const std::string &destTable, bool keepTable, RunContext &ctx);

} // namespace mimeo::replication
