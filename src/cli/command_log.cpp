// SPDX-License-Identifier: PostgreSQL
// mimeo log [DEST_TABLE]: the job log, newest first; --steps JOB_ID, one
// job's steps; --follow, jobs of every process and host on this catalog as
// they start, progress and end (LISTEN on the job log's channel, polling as
// the fallback).
#include "catalog/catalog_ddl.h"
#include "catalog/config_row.h"
#include "command_parser.h"
#include "commands.h"
#include "jobs/job_history.h"
#include "json_output.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "signals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <ostream>

namespace mimeo::cli {
namespace {

QJsonObject toJson(const jobs::JobRecord &j)
{
    return QJsonObject{
        {QStringLiteral("job_id"), static_cast<qint64>(j.jobId)},
        {QStringLiteral("dest_table"), fromStd(j.destTable)},
        {QStringLiteral("type"), jsonValue(j.type)},
        {QStringLiteral("action"), fromStd(j.action)},
        {QStringLiteral("status"), fromStd(j.status)},
        {QStringLiteral("reason"), jsonValue(j.reason)},
        {QStringLiteral("phase"), jsonValue(j.phase)},
        {QStringLiteral("rows"), jsonValue(j.rows)},
        {QStringLiteral("rows_expected"), jsonValue(j.rowsExpected)},
        {QStringLiteral("rows_inserted"), jsonValue(j.rowsInserted)},
        {QStringLiteral("rows_updated"), jsonValue(j.rowsUpdated)},
        {QStringLiteral("rows_deleted"), jsonValue(j.rowsDeleted)},
        {QStringLiteral("bytes"), jsonValue(j.bytes)},
        {QStringLiteral("pid"), jsonValue(j.pid)},
        {QStringLiteral("host"), jsonValue(j.host)},
        {QStringLiteral("heartbeat_at"), jsonValue(j.heartbeatAt)},
        {QStringLiteral("started_at"), fromStd(j.startedAt)},
        {QStringLiteral("finished_at"), jsonValue(j.finishedAt)},
        {QStringLiteral("error"), jsonValue(j.error)},
        {QStringLiteral("error_sqlstate"), jsonValue(j.errorSqlstate)},
        {QStringLiteral("error_side"), jsonValue(j.errorSide)},
        {QStringLiteral("origin"), fromStd(j.origin)},
    };
}

void printLine(std::ostream &o, const jobs::JobRecord &j)
{
    o << j.startedAt << "  " << j.action << " " << j.destTable << "  " << j.status;
    if (j.phase && j.status == "running")
        o << "  " << *j.phase;
    if (j.rows) {
        o << "  " << *j.rows;
        if (j.rowsExpected && j.status == "running")
            o << " of ~" << *j.rowsExpected;
        o << " rows";
        if (j.rowsInserted && j.rowsUpdated && j.rowsDeleted)
            o << " (+" << *j.rowsInserted << " ~" << *j.rowsUpdated << " -" << *j.rowsDeleted << ")";
    }
    if (j.status == "running" && j.host)
        o << "  (" << j.origin << " on " << *j.host << ", pid " << (j.pid ? std::to_string(*j.pid) : "?") << ")";
    if (j.error)
        o << "  " << (j.errorSide ? *j.errorSide + " " : "") << (j.errorSqlstate ? "[" + *j.errorSqlstate + "] " : "")
          << j.error->substr(0, j.error->find('\n'));
    else if (j.reason)
        o << "  " << *j.reason;
    o << "\n";
}

int printSteps(CliContext &ctx, pg::Connection &dest, long long jobId, bool json)
{
    const auto steps = jobs::jobSteps(dest, ctx.schema, jobId);
    if (json) {
        QJsonArray arr;
        for (const auto &s : steps)
            arr.append(QJsonObject{{QStringLiteral("step"), s.stepNo},
                                   {QStringLiteral("at"), fromStd(s.at)},
                                   {QStringLiteral("status"), fromStd(s.status)},
                                   {QStringLiteral("message"), fromStd(s.message)}});
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    if (steps.empty() && dest.exec("SELECT 1 FROM " + pg::quoteIdent(ctx.schema) + ".studio_job_log WHERE job_id = $1",
                                   {std::to_string(jobId)}).rows() == 0)
        throw pg::Error::usage("no job " + std::to_string(jobId) + " in the job log", pg::Side::Destination,
                               "list the jobs with: mimeo log");
    for (const auto &s : steps)
        ctx.o() << s.at << "  " << s.status << "  " << s.message << "\n";
    return ExitOk;
}

// Prints each job the first time it is seen and whenever its status,
// phase or row count changed, until SIGINT/SIGTERM.
int follow(CliContext &ctx, pg::Connection &dest, const std::string &table, int limit, bool json)
{
    dest.exec("LISTEN " + pg::quoteIdent(catalog::jobChannel(ctx.schema)));
    std::map<long long, std::string> shown; // job id -> what was printed last
    bool first = true;
    while (cancelledExitCode() == 0) {
        auto jobs = jobs::recentJobs(dest, ctx.schema, table, first ? limit : 200);
        for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {
            const auto &j = *it;
            // Before following: only what still runs; then every change.
            if (first && j.status != "running")
                continue;
            const std::string key = j.status + "|" + j.phase.value_or("") + "|" + std::to_string(j.rows.value_or(-1));
            auto seen = shown.find(j.jobId);
            if (seen != shown.end() && seen->second == key)
                continue;
            if (first || seen != shown.end() || j.jobId > (shown.empty() ? 0 : shown.rbegin()->first)) {
                if (json)
                    ctx.o() << QJsonDocument(toJson(j)).toJson(QJsonDocument::Compact).toStdString() << "\n";
                else
                    printLine(ctx.o(), j);
                ctx.o().flush();
            }
            shown[j.jobId] = key;
        }
        first = false;
        // A notification wakes us at once; without one, poll every 2 s.
        dest.waitForNotification(2000);
    }
    return ExitOk;
}

} // namespace

int runLog(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("log"),
                    QStringLiteral("The job log: every make, refresh and destroy, newest first, with why it was\n"
                                   "skipped, cancelled, abandoned or failed (side and SQLSTATE). A running job shows\n"
                                   "its phase and rows so far. Times are UTC, ISO 8601."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("Only this table."), QStringLiteral("[DEST_TABLE]"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N entries (default 50)."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Print the steps of one job."), QStringLiteral("JOB_ID"));
    const QCommandLineOption followOpt(QStringLiteral("follow"),
                                       QStringLiteral("Keep printing jobs as they start, progress and end, from every process\n"
                                                      "and host on this catalog, until interrupted."));
    p.addOption(limit);
    p.addOption(steps);
    p.addOption(followOpt);
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 1))
        return ExitOk;
    const int n = static_cast<int>(p.intValue(QStringLiteral("limit"), 1, 1000000));
    if (p.isSet(steps) && (p.isSet(followOpt) || !p.positional().isEmpty()))
        throw UsageError{QStringLiteral("log: --steps takes a job id alone"), {}};
    auto dest = ctx.connectDestination("log");
    requireCatalog(dest, ctx.schema);
    if (p.isSet(steps))
        return printSteps(ctx, dest, p.intValue(QStringLiteral("steps"), 1, 9223372036854775807LL), p.isSet(jsonOption()));
    std::string table;
    if (!p.positional().isEmpty()) {
        table = toStd(p.positional().at(0));
        if (auto resolved = catalog::resolveConfiguredTable(dest, ctx.schema, table))
            table = *resolved; // a destroyed table's log is still found by its catalog text
    }
    if (p.isSet(followOpt))
        return follow(ctx, dest, table, n, p.isSet(jsonOption()));
    const auto jobs = jobs::recentJobs(dest, ctx.schema, table, n);
    if (p.isSet(jsonOption())) {
        QJsonArray arr;
        for (const auto &j : jobs)
            arr.append(toJson(j));
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    for (const auto &j : jobs)
        printLine(ctx.o(), j);
    return ExitOk;
}

} // namespace mimeo::cli
