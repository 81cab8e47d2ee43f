// SPDX-License-Identifier: PostgreSQL
#include "jobs/job_history.h"

#include "catalog/job_rows.h"
#include "jobs/job_log.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

namespace mimeo::jobs {

std::vector<JobRecord> recentJobs(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit)
{
    auto r = dest.exec("SELECT j.job_id, j.dest_table, j.type, j.action, " + catalog::liveStatusSql("j") + ", "
                       + pg::isoUtcSql("j.started_at") + ", " + pg::isoUtcSql("j.finished_at") + ", "
                       "j.rows, j.bytes, j.error_side, j.error_sqlstate, j.error, j.origin, j.host, j.phase, j.rows_expected, "
                       "CASE WHEN j.status = 'running' AND " + catalog::liveStatusSql("j") + " = 'abandoned' "
                       "THEN 'its process ended without finishing it: killed, or its machine or connection was lost' ELSE j.reason END, "
                       "j.pid, " + pg::isoUtcSql("j.heartbeat_at") + " FROM "
                           + pg::quoteIdent(schema) + ".studio_job_log AS j WHERE ($1 = '' OR j.dest_table = $1) "
                           "ORDER BY j.started_at DESC, j.job_id DESC LIMIT $2",
                       {destTable, std::to_string(limit)});
    std::vector<JobRecord> out;
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
        out.push_back(std::move(j));
    }
    return out;
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
