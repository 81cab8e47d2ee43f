// SPDX-License-Identifier: PostgreSQL
#include "jobs/status.h"

#include "jobs/job_log.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

namespace mimeo::jobs {

std::vector<TableStatus> tableStatus(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    // Times are printed in UTC with an explicit offset, whatever the session's
    // TimeZone, so scripts can parse them.
    const std::string sql =
        "SELECT c.dest_table, c.type, c.source_table, c.dblink, c.period::text, "
        "       " + pg::isoUtcSql("c.last_run", false) + ", "
        "       " + pg::isoUtcSql("c.last_run + c.period", false) + ", "
        "       j.live, extract(epoch FROM j.finished_at - j.started_at)::float8, j.rows, j.error, "
        "       j.phase, j.rows_expected, j.bytes, j.reason, j.pid, j.host, " + pg::isoUtcSql("j.heartbeat_at") + " "
        "  FROM " + qs + ".refresh_config c "
        + catalog::latestRefreshJobJoinSql(schema, "c") +
        " ORDER BY c.dest_table";
    auto r = dest.exec(sql);
    std::vector<TableStatus> out;
    for (int i = 0; i < r.rows(); ++i) {
        TableStatus t;
        t.destTable = r.text(i, 0);
        t.type = r.text(i, 1);
        t.sourceTable = r.text(i, 2);
        t.dataSourceId = static_cast<int>(r.toInt(i, 3));
        t.period = r.optText(i, 4);
        t.lastRun = r.optText(i, 5);
        t.nextDue = r.optText(i, 6);
        t.lastStatus = r.optText(i, 7);
        t.lastDurationSeconds = r.optDouble(i, 8);
        if (auto rows = r.optInt(i, 9))
            t.lastRows = *rows;
        t.lastError = r.optText(i, 10);
        t.phase = r.optText(i, 11);
        t.rowsExpected = r.optInt(i, 12);
        t.bytes = r.optInt(i, 13);
        t.reason = r.optText(i, 14);
        if (t.lastStatus == "abandoned" && !t.reason)
            t.reason = "its process ended without finishing it: killed, or its machine or connection was lost";
        t.pid = r.optInt(i, 15);
        t.host = r.optText(i, 16);
        t.heartbeatAt = r.optText(i, 17);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace mimeo::jobs
