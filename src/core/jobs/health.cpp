// SPDX-License-Identifier: PostgreSQL
#include "jobs/health.h"

#include "catalog/job_rows.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

#include <algorithm>

namespace mimeo::jobs {
namespace {

// What one row of the health query says about a table, before grading.
struct Facts {
    bool critical = false;
    bool late = false;
    bool lockedSkip = false;
    std::optional<std::string> age;   // since the last success
    std::optional<std::string> error; // of the latest job: its error, else its reason
    std::optional<std::string> phase;
};

std::string firstLine(const std::string &s)
{
    const auto nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl);
}

std::string sinceLastSuccess(const TableHealth &t, const Facts &f)
{
    return "no successful refresh for " + f.age.value_or("?") + " (last at " + t.lastRun.value_or("?") + ")";
}

std::string runningSince(const TableHealth &t, const Facts &f)
{
    return "a refresh is running since " + t.lastStartedAt.value_or("?") + (f.phase ? " (" + *f.phase + ")" : std::string());
}

// Applies the rules listed in health.h; fills health and reason.
void grade(TableHealth &t, const Facts &f)
{
    const std::string last = t.lastStatus.value_or("");
    if (last == "failed") {
        t.health = Health::Failed;
        t.reason = "its last refresh failed: " + firstLine(f.error.value_or("no error recorded"));
    } else if (last == "abandoned") {
        t.health = Health::Abandoned;
        t.reason = "its last refresh was abandoned: "
            + f.error.value_or("its process ended without finishing it: killed, or its machine or connection was lost");
    } else if (f.critical || f.late) {
        t.health = f.critical ? Health::Critical : Health::Late;
        t.reason = sinceLastSuccess(t, f) + ", " + (f.critical ? "critical after " + t.criticalAfter.value_or("?")
                                                               : "late after " + t.lateAfter.value_or("?"));
        if (last == "running")
            t.reason += "; " + runningSince(t, f);
        else if (f.lockedSkip)
            t.reason += "; its last refresh was skipped: " + f.error.value_or("the table was locked");
    } else if (last == "running") {
        t.health = Health::Running;
        t.reason = runningSince(t, f);
    } else if (f.lockedSkip) {
        t.health = Health::Busy;
        t.reason = "its last refresh was skipped: " + f.error.value_or("the table was locked");
    } else if (!t.period) {
        t.health = Health::NotScheduled;
        t.reason = "it has no period: it is refreshed only when someone asks";
    } else if (!t.lastRun) {
        t.health = Health::NeverRun;
        t.reason = "it has a period but has never run successfully: mimeo run starts it only after a first refresh";
    } else {
        t.health = Health::Ok;
        t.reason = "last successful refresh " + f.age.value_or("?") + " ago, late after " + t.lateAfter.value_or("?");
    }
}

} // namespace

std::string healthName(Health h)
{
    switch (h) {
    case Health::Failed: return "failed";
    case Health::Abandoned: return "abandoned";
    case Health::Critical: return "critical";
    case Health::Late: return "late";
    case Health::Running: return "running";
    case Health::Busy: return "busy";
    case Health::Ok: return "ok";
    case Health::NeverRun: return "never run";
    case Health::NotScheduled: return "not scheduled";
    }
    return "unknown";
}

Health worstOf(Health a, Health b) { return static_cast<int>(a) <= static_cast<int>(b) ? a : b; }

Health worstOf(const std::vector<TableHealth> &tables)
{
    Health worst = Health::NotScheduled;
    for (const auto &t : tables)
        worst = worstOf(worst, t.health);
    return worst;
}

Severity severityOf(Health h)
{
    switch (h) {
    case Health::Failed:
    case Health::Abandoned:
    case Health::Critical: return Severity::Critical;
    case Health::Late:
    case Health::Busy: return Severity::Warning;
    default: return Severity::Ok;
    }
}

std::vector<TableHealth> readHealth(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    // One statement: the configuration, the thresholds in effect and the
    // latest refresh job of every table (its live status: a dead process's
    // running row reads as abandoned).
    const std::string sql =
        "SELECT c.dest_table, c.type, c.source_table, c.dblink, c.period::text, "
        "       " + pg::isoUtcSql("c.last_run", false) + ", " + pg::isoUtcSql("c.last_run + c.period", false) + ", "
        "       th.late_after::text, th.critical_after::text, f.dest_table IS NOT NULL, "
        "       j.live, " + pg::isoUtcSql("j.started_at", false) + ", extract(epoch FROM j.finished_at - j.started_at)::float8, j.rows, "
        "       coalesce(c.last_run IS NOT NULL AND pg_catalog.now() - c.last_run > th.critical_after, false), "
        "       coalesce(c.last_run IS NOT NULL AND pg_catalog.now() - c.last_run > th.late_after, false), "
        "       coalesce(j.locked, false), "
        "       pg_catalog.justify_interval(pg_catalog.date_trunc('second', pg_catalog.now() - c.last_run))::text, "
        "       coalesce(j.error, j.reason), j.phase, j.rows_expected, " + lagColumnsSql("lg") + ", " + validationSelectSql("v") + " "
        "  FROM " + qs + ".refresh_config c "
        "  LEFT JOIN " + qs + ".studio_freshness f ON f.dest_table = c.dest_table "
        "  LEFT JOIN " + qs + ".studio_lag lg ON lg.dest_table = c.dest_table "
        "  LEFT JOIN " + qs + ".studio_validation v ON v.dest_table = c.dest_table "
        " CROSS JOIN LATERAL (SELECT coalesce(f.late_after, c.period) AS late_after, "
        "                            coalesce(f.critical_after, c.period * 2) AS critical_after) th "
        + catalog::latestRefreshJobJoinSql(schema, "c") +
        " ORDER BY c.dest_table";
    auto r = dest.exec(sql);
    std::vector<TableHealth> out;
    for (int i = 0; i < r.rows(); ++i) {
        TableHealth t;
        t.destTable = r.text(i, 0);
        t.type = r.text(i, 1);
        t.sourceTable = r.text(i, 2);
        t.dataSourceId = static_cast<int>(r.toInt(i, 3));
        t.period = r.optText(i, 4);
        t.lastRun = r.optText(i, 5);
        t.nextDue = r.optText(i, 6);
        t.lateAfter = r.optText(i, 7);
        t.criticalAfter = r.optText(i, 8);
        t.thresholdsOverridden = r.toBool(i, 9);
        t.lastStatus = r.optText(i, 10);
        t.lastStartedAt = r.optText(i, 11);
        t.lastDurationSeconds = r.optDouble(i, 12);
        if (auto rows = r.optInt(i, 13))
            t.lastRows = *rows;
        Facts f;
        f.critical = r.toBool(i, 14);
        f.late = r.toBool(i, 15);
        f.lockedSkip = r.toBool(i, 16);
        f.age = r.optText(i, 17);
        f.error = r.optText(i, 18);
        f.phase = r.optText(i, 19);
        if (auto expected = r.optInt(i, 20))
            t.lastRowsExpected = *expected;
        t.lag = lagFromRow(r, i, 21);
        t.validation = validationFromRow(r, i, 21 + kLagColumns);
        t.pastLate = f.late;
        t.pastCritical = f.critical;
        grade(t, f);
        out.push_back(std::move(t));
    }
    // Stable: equal grades keep the query's order by name.
    std::stable_sort(out.begin(), out.end(),
                     [](const TableHealth &a, const TableHealth &b) { return static_cast<int>(a.health) < static_cast<int>(b.health); });
    return out;
}

} // namespace mimeo::jobs
