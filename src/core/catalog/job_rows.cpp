// SPDX-License-Identifier: PostgreSQL
#include "catalog/job_rows.h"

#include "pg/connection.h"
#include "pg/quote.h"

namespace mimeo::catalog {
namespace {

// How describeLockHolder's sentences begin; lockedSkipSql recognises them.
constexpr const char *kHeldByJob = "another run holds the table";
constexpr const char *kHeldByOther = "another process holds the table's lock";

} // namespace

std::string liveStatusSql(const std::string &a)
{
    // pg_stat_activity shows every backend's pid to every role; backend_start
    // only to privileged ones (NULL otherwise), which then match on pid.
    return "CASE WHEN " + a + ".status = 'running' AND (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity AS sa "
           "WHERE sa.pid = " + a + ".backend_pid AND (sa.backend_start IS NULL OR sa.backend_start = " + a + ".backend_start)) "
           "OR " + a + ".heartbeat_at < pg_catalog.now() - interval '30 seconds') THEN 'abandoned' ELSE " + a + ".status END";
}

std::string lockedSkipSql(const std::string &a)
{
    return "(" + a + ".status = 'skipped' AND (pg_catalog.starts_with(" + a + ".reason, " + pg::quoteLiteral(kHeldByJob)
        + ") OR pg_catalog.starts_with(" + a + ".reason, " + pg::quoteLiteral(kHeldByOther) + ")))";
}

std::string latestRefreshJobJoinSql(const std::string &schema, const std::string &c)
{
    return " LEFT JOIN LATERAL (SELECT l.*, " + liveStatusSql("l") + " AS live, " + lockedSkipSql("l") + " AS locked FROM "
        + pg::quoteIdent(schema) + ".studio_job_log l WHERE l.dest_table = " + c + ".dest_table AND l.action = 'refresh' "
        "ORDER BY l.started_at DESC LIMIT 1) AS j ON true ";
}

std::string describeLockHolder(pg::Connection &dest, const std::string &schema, const std::string &destTable, long long exceptJob)
{
    try {
        auto r = dest.exec("SELECT j.origin, coalesce(j.host, '?'), coalesce(j.pid::text, '?'), j.action, "
                           "pg_catalog.to_char(j.started_at, 'HH24:MI:SS TZ') FROM " + pg::quoteIdent(schema) + ".studio_job_log AS j "
                           // A validation holds no lock of the table.
                           "WHERE j.dest_table = $1 AND j.job_id <> $2 AND j.action <> 'validate' AND " + liveStatusSql("j")
                           + " = 'running' "
                           "ORDER BY j.started_at DESC LIMIT 1",
                           {destTable, std::to_string(exceptJob)});
        if (r.rows() == 1)
            return std::string(kHeldByJob) + ": " + r.text(0, 0) + " (" + r.text(0, 3) + ") on host " + r.text(0, 1) + " (pid "
                + r.text(0, 2) + ") since " + r.text(0, 4);
    } catch (const std::exception &) {
        // The sentence below is still true.
    }
    return std::string(kHeldByOther) + " (no running job of this catalog: perhaps the mimeo extension's refresh)";
}

} // namespace mimeo::catalog
