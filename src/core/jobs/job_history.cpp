#include "jobs/job_history.h"

#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

namespace mimeo::jobs {

std::vector<JobRecord> recentJobs(pg::Connection &dest, const std::string &schema, const std::string &destTable, int limit)
{
    auto r = dest.exec("SELECT job_id, dest_table, type, action, status, "
                       + pg::isoUtcSql("started_at") + ", " + pg::isoUtcSql("finished_at") + ", "
                       "rows, bytes, error_side, error_sqlstate, error, origin, host FROM "
                           + pg::quoteIdent(schema) + ".studio_job_log WHERE ($1 = '' OR dest_table = $1) "
                           "ORDER BY started_at DESC, job_id DESC LIMIT $2",
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
        out.push_back(std::move(j));
    }
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
