// SPDX-License-Identifier: PostgreSQL
// mimeo status: one line (or JSON object) per configured table, with its
// health grade; --check: one line and the Nagios plugin exit status.
#include "catalog/requests.h"
#include "command_parser.h"
#include "json_output.h"
#include "commands.h"
#include "jobs/health.h"
#include "jobs/status.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>
#include <map>
#include <ostream>

namespace mimeo::cli {
namespace {

// The Nagios plugin convention.
enum CheckExit : int { CheckOk = 0, CheckWarning = 1, CheckCritical = 2, CheckUnknown = 3 };

// "2 late, 1 busy: rep.a, rep.b, rep.c": the counts of the grades at
// severity level (worst grade first) and the tables that have them.
std::string checkDetail(const std::vector<jobs::TableHealth> &tables, jobs::Severity level)
{
    std::map<jobs::Health, int> counts;
    std::string names;
    for (const auto &t : tables) {
        if (jobs::severityOf(t.health) != level)
            continue;
        ++counts[t.health];
        names += (names.empty() ? "" : ", ") + t.destTable;
    }
    std::string out;
    for (const auto &[h, n] : counts)
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + jobs::healthName(h);
    return out + ": " + names;
}

// mimeo status --check: exactly one line on stdout, whatever happens.
int runCheck(CliContext &ctx)
{
    std::vector<jobs::TableHealth> tables;
    try {
        auto dest = ctx.connectDestination("status");
        requireCatalog(dest, ctx.schema);
        tables = jobs::readHealth(dest, ctx.schema);
    } catch (const std::exception &e) {
        std::string why = e.what();
        why = why.substr(0, why.find('\n'));
        ctx.o() << "MIMEO UNKNOWN - " << why << "\n";
        return CheckUnknown;
    }
    bool warning = false, critical = false;
    for (const auto &t : tables) {
        critical = critical || jobs::severityOf(t.health) == jobs::Severity::Critical;
        warning = warning || jobs::severityOf(t.health) == jobs::Severity::Warning;
    }
    if (critical) {
        ctx.o() << "MIMEO CRITICAL - " << checkDetail(tables, jobs::Severity::Critical) << "\n";
        return CheckCritical;
    }
    if (warning) {
        ctx.o() << "MIMEO WARNING - " << checkDetail(tables, jobs::Severity::Warning) << "\n";
        return CheckWarning;
    }
    std::map<jobs::Health, int> counts;
    for (const auto &t : tables)
        ++counts[t.health];
    std::string summary;
    for (const auto &[h, n] : counts)
        summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + jobs::healthName(h);
    ctx.o() << "MIMEO OK - " << (tables.empty() ? std::string("no tables configured") : summary) << "\n";
    return CheckOk;
}

// The runners (mimeo serve) serving the catalog; one not seen for three
// of its intervals is gone.
QJsonArray runnersJson(const std::vector<catalog::RunnerRow> &runners)
{
    QJsonArray arr;
    for (const auto &r : runners)
        arr.append(QJsonObject{
            {QStringLiteral("runner_id"), fromStd(r.info.id)},
            {QStringLiteral("host"), fromStd(r.info.host)},
            {QStringLiteral("pid"), r.info.pid},
            {QStringLiteral("version"), fromStd(r.info.version)},
            {QStringLiteral("jobs"), r.info.jobs},
            {QStringLiteral("interval_seconds"), r.info.intervalSeconds},
            {QStringLiteral("role"), fromStd(r.role)},
            {QStringLiteral("started_at"), fromStd(r.startedAt)},
            {QStringLiteral("last_seen_at"), fromStd(r.lastSeenAt)},
            {QStringLiteral("state"), r.gone ? QStringLiteral("gone") : QStringLiteral("serving")},
        });
    return arr;
}

void printRunners(std::ostream &o, const std::vector<catalog::RunnerRow> &runners)
{
    size_t width = 8; // runner ids hold the host name, whose length varies
    for (const auto &r : runners)
        width = std::max(width, r.info.id.size() + 2);
    const int w = static_cast<int>(width);
    o << std::left << std::setw(w) << "RUNNER" << std::setw(10) << "VERSION" << std::setw(6) << "JOBS" << std::setw(10) << "INTERVAL"
      << std::setw(27) << "SINCE" << std::setw(27) << "LAST_SEEN" << "STATE\n";
    for (const auto &r : runners)
        o << std::setw(w) << r.info.id << std::setw(10) << r.info.version << std::setw(6) << r.info.jobs << std::setw(10)
          << (std::to_string(r.info.intervalSeconds) + "s") << std::setw(27) << r.startedAt << std::setw(27) << r.lastSeenAt
          << (r.gone ? "gone" : "serving") << "\n";
}

} // namespace

int runStatus(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("status"),
                    QStringLiteral("One line per configured table: type, source, last run, period, how its last\n"
                                   "refresh went, and its health with the reason. Times are UTC, ISO 8601.\n"
                                   "Health, first rule that applies: failed or abandoned (its last\n"
                                   "refresh), critical or late (no successful run for longer than its thresholds,\n"
                                   "by default 2x and 1x its period; set them with mimeo freshness), running,\n"
                                   "busy (last refresh skipped: the table was locked), not scheduled (no\n"
                                   "period), never run, ok.\n"
                                   "--check prints one line for monitoring (Nagios plugin convention) and exits\n"
                                   "0 OK (nothing below), 1 WARNING (late or busy tables), 2 CRITICAL (critical,\n"
                                   "failed or abandoned tables), 3 UNKNOWN (no connection or no catalog).\n"
                                   "The runners serving the catalog (mimeo serve) follow the tables; --runners\n"
                                   "lists only them (with --json, as an array). A runner not seen for three of\n"
                                   "its intervals is gone."));
    p.addOption(jsonOption());
    const QCommandLineOption check(QStringLiteral("check"), QStringLiteral("one line and exit status 0/1/2/3 for monitoring"));
    p.addOption(check);
    const QCommandLineOption runners(QStringLiteral("runners"), QStringLiteral("only the runners (mimeo serve) serving this catalog"));
    p.addOption(runners);
    if (!p.parse(args, 0, 0))
        return ExitOk;
    if (p.isSet(check)) {
        if (p.isSet(jsonOption()) || p.isSet(runners))
            throw UsageError{QStringLiteral("status: --check goes with neither --json nor --runners"), {}};
        return runCheck(ctx);
    }
    auto dest = ctx.connectDestination("status");
    requireCatalog(dest, ctx.schema);
    if (p.isSet(runners)) {
        const auto list = catalog::listRunners(dest, ctx.schema);
        if (p.isSet(jsonOption()))
            printJson(ctx.o(), runnersJson(list));
        else if (list.empty())
            ctx.o() << "no runner serves schema " << ctx.schema << "; start one with: mimeo serve\n";
        else
            printRunners(ctx.o(), list);
        return ExitOk;
    }
    const auto statuses = jobs::tableStatus(dest, ctx.schema);
    std::map<std::string, jobs::TableHealth> health;
    for (auto &h : jobs::readHealth(dest, ctx.schema))
        health.emplace(h.destTable, std::move(h));
    // By name, as ever (scripts rely on it); --check and the desktop rank by health.
    std::vector<std::pair<jobs::TableStatus, jobs::TableHealth>> rows;
    for (const auto &t : statuses)
        if (auto h = health.find(t.destTable); h != health.end())
            rows.emplace_back(t, h->second);
    if (p.isSet(jsonOption())) {
        QJsonArray arr;
        for (const auto &[t, h] : rows) {
            arr.append(QJsonObject{
                {QStringLiteral("dest_table"), fromStd(t.destTable)},
                {QStringLiteral("type"), fromStd(t.type)},
                {QStringLiteral("source_table"), fromStd(t.sourceTable)},
                {QStringLiteral("data_source_id"), t.dataSourceId},
                {QStringLiteral("period"), jsonValue(t.period)},
                {QStringLiteral("last_run"), jsonValue(t.lastRun)},
                {QStringLiteral("next_due"), jsonValue(t.nextDue)},
                {QStringLiteral("late"), h.pastLate},
                {QStringLiteral("last_status"), jsonValue(t.lastStatus)},
                {QStringLiteral("last_duration_seconds"), jsonValue(t.lastDurationSeconds)},
                {QStringLiteral("last_rows"), jsonValue(t.lastRows)},
                {QStringLiteral("last_error"), jsonValue(t.lastError)},
                {QStringLiteral("reason"), jsonValue(t.reason)},
                {QStringLiteral("phase"), jsonValue(t.phase)},
                {QStringLiteral("rows"), jsonValue(t.lastRows)},
                {QStringLiteral("rows_expected"), jsonValue(t.rowsExpected)},
                {QStringLiteral("bytes"), jsonValue(t.bytes)},
                {QStringLiteral("pid"), jsonValue(t.pid)},
                {QStringLiteral("host"), jsonValue(t.host)},
                {QStringLiteral("heartbeat_at"), jsonValue(t.heartbeatAt)},
                {QStringLiteral("health"), fromStd(jobs::healthName(h.health))},
                {QStringLiteral("health_reason"), fromStd(h.reason)},
                {QStringLiteral("late_after"), jsonValue(h.lateAfter)},
                {QStringLiteral("critical_after"), jsonValue(h.criticalAfter)},
                {QStringLiteral("lag"), jsonValue(h.lag)},
            });
        }
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    const auto runnerList = catalog::listRunners(dest, ctx.schema);
    if (rows.empty()) {
        ctx.o() << "no tables configured in schema " << ctx.schema << "; make one with: mimeo make TYPE SOURCE_TABLE --source ID\n";
        if (!runnerList.empty())
            printRunners(ctx.o() << "\n", runnerList);
        return ExitOk;
    }
    auto &o = ctx.o();
    o << std::left << std::setw(32) << "DEST_TABLE" << std::setw(16) << "TYPE" << std::setw(26) << "LAST_RUN"
      << std::setw(12) << "PERIOD" << std::setw(10) << "STATUS" << std::setw(24) << "SOURCE" << std::setw(15) << "HEALTH"
      << "REASON\n";
    for (const auto &[t, h] : rows) {
        o << std::setw(32) << t.destTable << std::setw(16) << t.type << std::setw(26) << t.lastRun.value_or("never")
          << std::setw(12) << t.period.value_or("-") << std::setw(10)
          << (h.pastLate ? std::string("LATE") : t.lastStatus.value_or("-"))
          << std::setw(24) << (std::to_string(t.dataSourceId) + ":" + t.sourceTable) << std::setw(15) << jobs::healthName(h.health)
          << h.reason << "\n";
    }
    if (!runnerList.empty())
        printRunners(o << "\n", runnerList);
    return ExitOk;
}

} // namespace mimeo::cli
