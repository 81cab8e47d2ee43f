// SPDX-License-Identifier: PostgreSQL
#pragma once
// Requests to runners (`mimeo serve`) in <schema>.studio_request, and the
// runners themselves in studio_runner (catalog migration 9). A request names
// an action and a configured table, never SQL; a runner takes each one at
// most once (UPDATE ... FOR UPDATE SKIP LOCKED) and notes the backend it
// took it on, so a request whose runner died is taken again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

struct Request {
    int64_t id = 0;
    std::string destTable; // empty for cancel
    std::string action;    // refresh, repull, validate, cancel
    std::optional<int64_t> targetJob;
    std::optional<int64_t> targetRequest;
    std::string requestedBy;
    std::string status;    // waiting, taken, done, failed, cancelled
    std::optional<std::string> takenBy;
    std::optional<int64_t> jobId;
    std::optional<std::string> message;
};

// A request and the job that answers it, as a client following it sees them.
struct RequestProgress {
    Request request;
    std::optional<std::string> jobStatus; // live: a job whose process died is abandoned
    bool jobLocked = false;               // skipped because another run held the table
    std::optional<std::string> phase;
    std::optional<int64_t> rows;
    std::optional<int64_t> rowsExpected;
    std::optional<std::string> jobError;
    std::optional<int64_t> bytes;
    std::optional<double> jobSeconds; // how long the job has run, by the server's clock
};

// destTable: the catalog text form (requireConfiguredTable). Returns the id.
int64_t insertRequest(pg::Connection &dest, const std::string &schema, const std::string &action, const std::string &destTable,
                      const std::string &requestedFrom);
int64_t insertCancelRequest(pg::Connection &dest, const std::string &schema, std::optional<int64_t> targetRequest,
                            std::optional<int64_t> targetJob, const std::string &requestedFrom);
std::optional<RequestProgress> readRequestProgress(pg::Connection &dest, const std::string &schema, int64_t id);
// Several at once (one query), in id order; ids not in the catalog are left out.
std::vector<RequestProgress> readRequestsProgress(pg::Connection &dest, const std::string &schema, const std::vector<int64_t> &ids);

// The oldest waiting refresh, repull or validate request (or one whose
// taker's backend is gone and whose job no longer runs), now taken by
// runnerId on dest's backend.
std::optional<Request> takeWorkRequest(pg::Connection &dest, const std::string &schema, const std::string &runnerId);
// The oldest waiting cancel request this runner can answer: its target is
// one of mine (runningRequests, runningJobs), still waiting, orphaned, or
// already over. Cancels of another runner's work stay for that runner.
std::optional<Request> takeCancelRequest(pg::Connection &dest, const std::string &schema, const std::string &runnerId,
                                         const std::vector<int64_t> &runningRequests, const std::vector<int64_t> &runningJobs);
void setRequestJob(pg::Connection &dest, const std::string &schema, int64_t id, int64_t jobId);
void finishRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &status,
                   const std::string &message);
// Back to waiting, for another runner (this one stops).
void releaseRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &message);
// Withdraws a request no runner has taken yet (status cancelled); false
// when one has.
bool withdrawRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &message);
// Cancels target when no runner works on it (waiting, or its taker died);
// false when a live runner has it.
bool cancelUnservedRequest(pg::Connection &dest, const std::string &schema, int64_t target, const std::string &message);
// True while a live runner works on request target or job targetJob.
bool requestTargetRunning(pg::Connection &dest, const std::string &schema, std::optional<int64_t> targetRequest,
                          std::optional<int64_t> targetJob);
// After a reconnect: the requests runnerId still works on now live on dest's
// backend; the others it held are given back (their answers were lost).
void adoptRunnerRequests(pg::Connection &dest, const std::string &schema, const std::string &runnerId,
                         const std::vector<int64_t> &runningRequests);

struct RunnerInfo {
    std::string id;
    std::string host;
    int pid = 0;
    std::string version;
    int jobs = 1;
    int intervalSeconds = 60;
};

struct RunnerRow {
    RunnerInfo info;
    std::string role;
    std::string startedAt;  // ISO 8601, UTC
    std::string lastSeenAt; // ISO 8601, UTC
    double secondsSinceSeen = 0;
    bool gone = false;      // not seen for 3x its interval
};

void announceRunner(pg::Connection &dest, const std::string &schema, const RunnerInfo &runner);
void runnerSeen(pg::Connection &dest, const std::string &schema, const std::string &runnerId);
void removeRunner(pg::Connection &dest, const std::string &schema, const std::string &runnerId);
std::vector<RunnerRow> listRunners(pg::Connection &dest, const std::string &schema);
bool anyLiveRunner(pg::Connection &dest, const std::string &schema);

} // namespace mimeo::catalog
