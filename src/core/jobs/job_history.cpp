// SPDX-License-Identifier: PostgreSQL
#include "jobs/job_history.h"

#include "catalog/job_rows.h"
#include "jobs/job_log.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

#include <algorithm>

namespace mimeo::jobs {

namespace {

// The columns of a JobRecord, in readJobs' order, from studio_job_log AS j.
std::string jobColumns()
{
    return "j.job_id, j.dest_table, j.type, j.action, " + catalog::liveStatusSql("j") + ", " + pg::isoUtcSql("j.started_at") + ", "
        + pg::isoUtcSql("j.finished_at") + ", "
        "j.rows, j.bytes, j.error_side, j.error_sqlstate, j.error, j.origin, j.host, j.phase, j.rows_expected, "
        "CASE WHEN j.status = 'running' AND " + catalog::liveStatusSql("j") + " = 'abandoned' "
        "THEN 'its process ended without finishing it: killed, or its machine or connection was lost' ELSE j.reason END, "
        "j.pid, " + pg::isoUtcSql("j.heartbeat_at") + ", j.rows_inserted, j.rows_updated, j.rows_deleted, "
        "(extract(epoch FROM j.finished_at - j.started_at) * 1000)::bigint";
}

// The newest `limit` jobs of one table (through its (dest_table, started_at) index).
std::string lastJobsOfTableSql(const std::string &schema, const std::string &actionCondition)
{
    return "SELECT " + jobColumns() + " FROM " + pg::quoteIdent(schema) + ".studio_job_log AS j WHERE ($1 = '' OR j.dest_table = $1)"
        + actionCondition + " ORDER BY j.started_at DESC, j.job_id DESC LIMIT $2";
}

std::vector<JobRecord> readJobs(const pg::Result &r)
{
    std::vector<JobRecord> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        JobRecord j;
        j.jobId = r.toInt(i, 0);
        j.destTable = r.text(i, 1);
        j.type = r.optText(i, 2);
        j.action = r.text(i, 3);
        j.status = r.text(i, 4);
        j.startedAt = r.text(i, 5);
        j.finishedAt = r.optText(i, 6);
        j.rows = r.optInt(i, 7);
        j.bytes = r.optInt(i, 8);
        j.errorSide = r.optText(i, 9);
        j.errorSqlstate = r.optText(i, 10);
        j.error = r.optText(i, 11);
        j.origin = r.text(i, 12);
        j.host = r.optText(i, 13);
        j.phase = r.optText(i, 14);
        j.rowsExpected = r.optInt(i, 15);
        j.reason = r.optText(i, 16);
        j.pid = r.optInt(i, 17);
        j.heartbeatAt = r.optText(i, 18);
        j.rowsInserted = r.optInt(i, 19);
        j.rowsUpdated = r.optInt(i, 20);
        j.rowsDeleted = r.optInt(i, 21);
        j.durationMs = r.optInt(i, 22);
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace

std::vector<JobRecord> recentJobs(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit)
{
    return readJobs(dest.exec(lastJobsOfTableSql(schema, ""), {destTable, std::to_string(limit)}));
}

std::vector<JobRecord> lastRefreshes(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit)
{
    auto out = readJobs(dest.exec(lastJobsOfTableSql(schema, " AND j.action = 'refresh'"), {destTable, std::to_string(limit)}));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<JobRecord> jobPage(pg::Connection &dest, const std::string &schema, const JobFilter &f,
                               std::optional<long long> beforeJobId, int limit)
{
    // Keyset paging on job_id (the primary key): every page is one index
    // range, however deep into a year of history it is.
    const std::string origin = f.origin == JobFilter::Origin::Application ? "application"
        : f.origin == JobFilter::Origin::CommandLine                      ? "cli"
                                                                          : "";
    return readJobs(dest.exec(
        "SELECT " + jobColumns() + " FROM " + pg::quoteIdent(schema) + ".studio_job_log AS j WHERE "
        "($1::bigint IS NULL OR j.job_id < $1::bigint) "
        "AND ($2 = '' OR strpos(pg_catalog.lower(j.dest_table), pg_catalog.lower($2)) > 0) "
        "AND ($3 = '' OR " + catalog::liveStatusSql("j") + " = $3) "
        "AND ($4 = '' OR ($4 = 'application') = (j.origin LIKE 'mimeo studio%')) "
        "AND ($5 = '' OR j.host = $5) "
        "AND ($6::timestamptz IS NULL OR j.started_at >= $6::timestamptz) "
        "AND ($7::timestamptz IS NULL OR j.started_at < $7::timestamptz) "
        "ORDER BY j.job_id DESC LIMIT $8",
        {beforeJobId ? pg::Param(std::to_string(*beforeJobId)) : pg::Param(), f.tableText, f.status, origin, f.host, f.from, f.to,
         std::to_string(limit)}));
}

std::vector<JobStep> jobSteps(pg::Connection &dest, const std::string &schema, long long jobId)
{
    auto r = dest.exec("SELECT step_no, " + pg::isoUtcSql("at") + ", status, message FROM " + pg::quoteIdent(schema)
                           + ".studio_job_step WHERE job_id = $1 ORDER BY step_no",
                       {std::to_string(jobId)});
    std::vector<JobStep> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({static_cast<int>(r.toInt(i, 0)), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
}

long long pruneJobLog(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec("DELETE FROM " + qs + ".studio_job_log WHERE started_at < pg_catalog.now() - "
                       "coalesce((SELECT value FROM " + qs + ".studio_settings WHERE name = 'job_log_retention'), '90 days')::interval");
    return r.affected();
}

} // namespace mimeo::jobs
