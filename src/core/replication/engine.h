// SPDX-License-Identifier: PostgreSQL
#pragma once
// The replication engine's entry points: make, refresh and destroy any
// configured table. Each runs as one destination transaction under the
// table's advisory lock and writes one job-log row with its steps.
#include "catalog/make_request.h"
#include "catalog/table_lock.h"
#include "pg/quote.h"
#include "replication/job_recorder.h"
#include "replication/source_relation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
class CancelToken;
class StatementLog;
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
    JobRecorder *log = nullptr; // jobs::JobLog, or none
    std::function<void(const Progress &)> progress;
    std::function<void(const std::string &)> warn; // non-fatal problems (also in the job log)
    std::function<void(const std::string &)> stepped; // each step as it happens (mimeo refresh --verbose)
    const pg::CancelToken *cancel = nullptr;
    // A source password from a keychain, when the application has one.
    std::function<std::optional<std::string>(int dataSourceId)> sourcePassword;
    std::string applicationPrefix = "mimeo"; // application_name: <prefix>:<action>:<table>
    // Every statement the run sends to the destination and to the sources
    // it opens, in order (pg::Connection::record); none when nullptr.
    pg::StatementLog *statements = nullptr;
    // Runs everything for real inside transactions that are rolled back at
    // the end (pg::Connection::rehearse): nothing stays on either server and
    // nothing goes to the job log (log is ignored). See replication/rehearsal.h.
    bool rehearse = false;
};

// The request and its server-less validation live in catalog/, which the
// CLI and the application share.
using MakeRequest = catalog::MakeRequest;

struct RefreshRequest {
    std::string destTable; // catalog text form schema.table
    bool repull = false;
    std::optional<int64_t> limit;
    std::optional<std::string> repullStart;
    std::optional<std::string> repullEnd;
    catalog::LockWait lockWait;
};

enum class Outcome { Done, Skipped, Locked };

struct RunResult {
    Outcome outcome = Outcome::Done;
    int64_t rows = 0;
    int64_t bytes = 0;
    std::string message; // one line for people
    int64_t jobId = 0;
    std::optional<RowChanges> changes; // a refresh's, where known (job_recorder.h)
};

RunResult make(pg::Connection &dest, const MakeRequest &request, RunContext &ctx);
// The checks make runs on the destination name before it changes anything,
// for the request's type (see each family's checkDestination); throws the
// first problem as a usage Error. For a pre-flight: make runs the same ones.
void checkMakeDestination(pg::Connection &dest, const MakeRequest &request, const SourceRelation &source);
RunResult refresh(pg::Connection &dest, const RefreshRequest &request, RunContext &ctx);
RunResult destroy(pg::Connection &dest, const std::string &destTable, bool keepTable, RunContext &ctx);

} // namespace mimeo::replication
