// SPDX-License-Identifier: PostgreSQL
#include "catalog/requests.h"

#include "catalog/job_rows.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

namespace mimeo::catalog {
namespace {

// True when the backend that took request row a is gone (its runner died or
// lost its connection): as liveStatusSql, pids are visible to every role,
// backend_start only to privileged ones.
std::string takerGoneSql(const std::string &a)
{
    return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity AS sa WHERE sa.pid = " + a + ".taken_backend_pid "
           "AND (sa.backend_start IS NULL OR sa.backend_start = " + a + ".taken_backend_start))";
}

// The SET list that makes a row taken by runner $1 on this backend.
constexpr const char *kTakeSet =
    "status = 'taken', taken_by = $1, taken_at = pg_catalog.clock_timestamp(), taken_backend_pid = pg_catalog.pg_backend_pid(), "
    "taken_backend_start = (SELECT backend_start FROM pg_catalog.pg_stat_activity WHERE pid = pg_catalog.pg_backend_pid()) ";

constexpr const char *kRequestColumns =
    "r.request_id, coalesce(r.dest_table, ''), r.action, r.target_job_id, r.target_request_id, r.requested_by, r.status, "
    "r.taken_by, r.job_id, r.message";

Request readRow(const pg::Result &r, int row)
{
    Request q;
    q.id = r.toInt(row, 0);
    q.destTable = r.text(row, 1);
    q.action = r.text(row, 2);
    q.targetJob = r.optInt(row, 3);
    q.targetRequest = r.optInt(row, 4);
    q.requestedBy = r.text(row, 5);
    q.status = r.text(row, 6);
    q.takenBy = r.optText(row, 7);
    q.jobId = r.optInt(row, 8);
    q.message = r.optText(row, 9);
    return q;
}

std::string idArray(const std::vector<int64_t> &ids)
{
    std::string out = "{";
    for (size_t i = 0; i < ids.size(); ++i)
        out += (i ? "," : "") + std::to_string(ids[i]);
    return out + "}";
}

pg::Param optId(std::optional<int64_t> v) { return v ? pg::Param(std::to_string(*v)) : pg::Param(); }

} // namespace

int64_t insertRequest(pg::Connection &dest, const std::string &schema, const std::string &action, const std::string &destTable,
                      const std::string &requestedFrom)
{
    return dest.exec("INSERT INTO " + pg::quoteIdent(schema) + ".studio_request (dest_table, action, requested_from) "
                     "VALUES ($1, $2, $3) RETURNING request_id",
                     {destTable, action, requestedFrom})
        .toInt(0, 0);
}

int64_t insertCancelRequest(pg::Connection &dest, const std::string &schema, std::optional<int64_t> targetRequest,
                            std::optional<int64_t> targetJob, const std::string &requestedFrom)
{
    return dest.execCleanup("INSERT INTO " + pg::quoteIdent(schema) + ".studio_request (action, target_request_id, target_job_id, "
                            "requested_from) VALUES ('cancel', $1, $2, $3) RETURNING request_id",
                            {optId(targetRequest), optId(targetJob), requestedFrom})
        .toInt(0, 0);
}

std::vector<RequestProgress> readRequestsProgress(pg::Connection &dest, const std::string &schema, const std::vector<int64_t> &ids)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec(std::string("SELECT ") + kRequestColumns + ", " + liveStatusSql("j") + ", coalesce(" + lockedSkipSql("j")
                           + ", false), j.phase, j.rows, j.rows_expected, j.error, j.bytes, "
                             "extract(epoch FROM coalesce(j.finished_at, pg_catalog.clock_timestamp()) - j.started_at) FROM "
                           + qs + ".studio_request r LEFT JOIN " + qs
                           + ".studio_job_log j ON j.job_id = r.job_id WHERE r.request_id = ANY ($1::bigint[]) ORDER BY r.request_id",
                       {idArray(ids)});
    std::vector<RequestProgress> out;
    for (int i = 0; i < r.rows(); ++i) {
        RequestProgress p;
        p.request = readRow(r, i);
        p.jobStatus = r.optText(i, 10);
        p.jobLocked = r.toBool(i, 11);
        p.phase = r.optText(i, 12);
        p.rows = r.optInt(i, 13);
        p.rowsExpected = r.optInt(i, 14);
        p.jobError = r.optText(i, 15);
        p.bytes = r.optInt(i, 16);
        p.jobSeconds = r.optDouble(i, 17);
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<RequestProgress> readRequestProgress(pg::Connection &dest, const std::string &schema, int64_t id)
{
    auto all = readRequestsProgress(dest, schema, {id});
    if (all.empty())
        return std::nullopt;
    return std::move(all.front());
}

std::optional<Request> takeWorkRequest(pg::Connection &dest, const std::string &schema, const std::string &runnerId)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec("UPDATE " + qs + ".studio_request r SET " + kTakeSet + ", message = CASE WHEN r.status = 'taken' "
                       "THEN 'taken again: runner ' || r.taken_by || ' is gone' END "
                       "WHERE r.request_id = (SELECT q.request_id FROM " + qs + ".studio_request q "
                       "WHERE q.action <> 'cancel' AND (q.status = 'waiting' OR (q.status = 'taken' AND " + takerGoneSql("q") + " "
                       // A runner that lost only its own connection still runs the job (the job
                       // log's connection is alive) and adopts the request when it reconnects.
                       "AND NOT EXISTS (SELECT 1 FROM " + qs + ".studio_job_log j WHERE j.job_id = q.job_id AND "
                       + liveStatusSql("j") + " = 'running'))) "
                       "ORDER BY q.request_id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + kRequestColumns,
                       {runnerId});
    if (r.rows() == 0)
        return std::nullopt;
    return readRow(r, 0);
}

std::optional<Request> takeCancelRequest(pg::Connection &dest, const std::string &schema, const std::string &runnerId,
                                         const std::vector<int64_t> &runningRequests, const std::vector<int64_t> &runningJobs)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec("UPDATE " + qs + ".studio_request r SET " + kTakeSet +
                       "WHERE r.request_id = (SELECT c.request_id FROM " + qs + ".studio_request c "
                       "LEFT JOIN " + qs + ".studio_request t ON t.request_id = c.target_request_id "
                       "LEFT JOIN " + qs + ".studio_job_log j ON j.job_id = coalesce(c.target_job_id, t.job_id) "
                       "WHERE c.action = 'cancel' AND (c.status = 'waiting' OR (c.status = 'taken' AND " + takerGoneSql("c") + ")) "
                       "AND (t.request_id = ANY ($2::bigint[]) OR j.job_id = ANY ($3::bigint[]) "
                       "  OR t.status = 'waiting' OR (t.status = 'taken' AND " + takerGoneSql("t") + ") "
                       "  OR t.status IN ('done', 'failed', 'cancelled') "
                       "  OR (t.request_id IS NULL AND (j.job_id IS NULL OR " + liveStatusSql("j") + " <> 'running'))) "
                       "ORDER BY c.request_id LIMIT 1 FOR UPDATE OF c SKIP LOCKED) RETURNING " + kRequestColumns,
                       {runnerId, idArray(runningRequests), idArray(runningJobs)});
    if (r.rows() == 0)
        return std::nullopt;
    return readRow(r, 0);
}

void setRequestJob(pg::Connection &dest, const std::string &schema, int64_t id, int64_t jobId)
{
    dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_request SET job_id = $2 WHERE request_id = $1",
              {std::to_string(id), std::to_string(jobId)});
}

void finishRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &status, const std::string &message)
{
    dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_request SET status = $2, message = $3, "
              "finished_at = pg_catalog.clock_timestamp() WHERE request_id = $1",
              {std::to_string(id), status, message});
}

void releaseRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &message)
{
    dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_request SET status = 'waiting', taken_by = NULL, taken_at = NULL, "
              "taken_backend_pid = NULL, taken_backend_start = NULL, message = $2 WHERE request_id = $1 AND status = 'taken'",
              {std::to_string(id), message});
}

bool withdrawRequest(pg::Connection &dest, const std::string &schema, int64_t id, const std::string &message)
{
    return dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_request SET status = 'cancelled', message = $2, "
                     "finished_at = pg_catalog.clock_timestamp() WHERE request_id = $1 AND status = 'waiting'",
                     {std::to_string(id), message})
               .affected()
        == 1;
}

bool cancelUnservedRequest(pg::Connection &dest, const std::string &schema, int64_t target, const std::string &message)
{
    auto r = dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_request t SET status = 'cancelled', message = $2, "
                       "finished_at = pg_catalog.clock_timestamp() WHERE t.request_id = $1 AND t.action <> 'cancel' "
                       "AND (t.status = 'waiting' OR (t.status = 'taken' AND " + takerGoneSql("t") + "))",
                       {std::to_string(target), message});
    return r.affected() == 1;
}

bool requestTargetRunning(pg::Connection &dest, const std::string &schema, std::optional<int64_t> targetRequest,
                          std::optional<int64_t> targetJob)
{
    const std::string qs = pg::quoteIdent(schema);
    return dest.exec("SELECT EXISTS (SELECT 1 FROM " + qs + ".studio_request t WHERE t.request_id = $1 AND t.status = 'taken' AND NOT "
                     + takerGoneSql("t") + ") OR EXISTS (SELECT 1 FROM " + qs + ".studio_job_log j WHERE j.job_id = $2 AND "
                     + liveStatusSql("j") + " = 'running')",
                     {optId(targetRequest), optId(targetJob)})
        .toBool(0, 0);
}

void adoptRunnerRequests(pg::Connection &dest, const std::string &schema, const std::string &runnerId,
                         const std::vector<int64_t> &runningRequests)
{
    const std::string qs = pg::quoteIdent(schema);
    dest.exec("UPDATE " + qs + ".studio_request SET taken_backend_pid = pg_catalog.pg_backend_pid(), "
              "taken_backend_start = (SELECT backend_start FROM pg_catalog.pg_stat_activity WHERE pid = pg_catalog.pg_backend_pid()) "
              "WHERE status = 'taken' AND taken_by = $1 AND request_id = ANY ($2::bigint[])",
              {runnerId, idArray(runningRequests)});
    dest.exec("UPDATE " + qs + ".studio_request SET status = 'waiting', taken_by = NULL, taken_at = NULL, taken_backend_pid = NULL, "
              "taken_backend_start = NULL, message = 'given back: runner ' || $1 || ' lost its connection' "
              "WHERE status = 'taken' AND taken_by = $1 AND request_id <> ALL ($2::bigint[])",
              {runnerId, idArray(runningRequests)});
}

void announceRunner(pg::Connection &dest, const std::string &schema, const RunnerInfo &runner)
{
    dest.exec("INSERT INTO " + pg::quoteIdent(schema) + ".studio_runner (runner_id, host, pid, version, jobs, interval_seconds) "
              "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (runner_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid, "
              "version = EXCLUDED.version, jobs = EXCLUDED.jobs, interval_seconds = EXCLUDED.interval_seconds, role = current_user, "
              "last_seen_at = pg_catalog.clock_timestamp()",
              {runner.id, runner.host, std::to_string(runner.pid), runner.version, std::to_string(runner.jobs),
               std::to_string(runner.intervalSeconds)});
}

void runnerSeen(pg::Connection &dest, const std::string &schema, const std::string &runnerId)
{
    dest.exec("UPDATE " + pg::quoteIdent(schema) + ".studio_runner SET last_seen_at = pg_catalog.clock_timestamp() WHERE runner_id = $1",
              {runnerId});
}

void removeRunner(pg::Connection &dest, const std::string &schema, const std::string &runnerId)
{
    dest.execCleanup("DELETE FROM " + pg::quoteIdent(schema) + ".studio_runner WHERE runner_id = $1", {runnerId});
}

namespace {
constexpr const char *kGoneSql = "r.last_seen_at < pg_catalog.clock_timestamp() - r.interval_seconds * interval '3 seconds'";
}

std::vector<RunnerRow> listRunners(pg::Connection &dest, const std::string &schema)
{
    auto r = dest.exec("SELECT r.runner_id, r.host, coalesce(r.pid, 0), r.version, r.jobs, r.interval_seconds, r.role, "
                       + pg::isoUtcSql("r.started_at", false) + ", " + pg::isoUtcSql("r.last_seen_at", false)
                       + ", extract(epoch FROM pg_catalog.clock_timestamp() - r.last_seen_at), " + kGoneSql + " FROM "
                       + pg::quoteIdent(schema) + ".studio_runner r ORDER BY r.runner_id");
    std::vector<RunnerRow> out;
    for (int i = 0; i < r.rows(); ++i) {
        RunnerRow row;
        row.info = {r.text(i, 0), r.text(i, 1), static_cast<int>(r.toInt(i, 2)), r.text(i, 3), static_cast<int>(r.toInt(i, 4)),
                    static_cast<int>(r.toInt(i, 5))};
        row.role = r.text(i, 6);
        row.startedAt = r.text(i, 7);
        row.lastSeenAt = r.text(i, 8);
        row.secondsSinceSeen = r.optDouble(i, 9).value_or(0);
        row.gone = r.toBool(i, 10);
        out.push_back(std::move(row));
    }
    return out;
}

bool anyLiveRunner(pg::Connection &dest, const std::string &schema)
{
    return dest.exec("SELECT EXISTS (SELECT 1 FROM " + pg::quoteIdent(schema) + ".studio_runner r WHERE NOT (" + kGoneSql + "))")
        .toBool(0, 0);
}

} // namespace mimeo::catalog
