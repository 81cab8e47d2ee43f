// mimeo log [DEST_TABLE]: the job log, newest first.
#include "catalog/config_row.h"
#include "command_parser.h"
#include "json_output.h"
#include "commands.h"
#include "jobs/job_history.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace mimeo::cli {
int runLog(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("log"),
                    QStringLiteral("The job log: every make, refresh and destroy, newest first, with the error\n"
                                   "(side and SQLSTATE) of failed ones. Times are UTC, ISO 8601."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("Only this table."), QStringLiteral("[DEST_TABLE]"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N entries (default 50)."), QStringLiteral("N"), QStringLiteral("50"));
    p.addOption(limit);
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 1))
        return ExitOk;
    const int n = static_cast<int>(p.intValue(QStringLiteral("limit"), 1, 1000000));
    auto dest = ctx.connectDestination("log");
    requireCatalog(dest, ctx.schema);
    std::string table;
    if (!p.positional().isEmpty()) {
        table = toStd(p.positional().at(0));
        if (auto resolved = catalog::resolveConfiguredTable(dest, ctx.schema, table))
            table = *resolved; // a destroyed table's log is still found by its catalog text
    }
    const auto jobs = jobs::recentJobs(dest, ctx.schema, table, n);
    if (p.isSet(jsonOption())) {
        QJsonArray arr;
        for (const auto &j : jobs) {
            arr.append(QJsonObject{
                {QStringLiteral("job_id"), static_cast<qint64>(j.jobId)},
                {QStringLiteral("dest_table"), fromStd(j.destTable)},
                {QStringLiteral("type"), jsonValue(j.type)},
                {QStringLiteral("action"), fromStd(j.action)},
                {QStringLiteral("status"), fromStd(j.status)},
                {QStringLiteral("started_at"), fromStd(j.startedAt)},
                {QStringLiteral("finished_at"), jsonValue(j.finishedAt)},
                {QStringLiteral("rows"), jsonValue(j.rows)},
                {QStringLiteral("bytes"), jsonValue(j.bytes)},
                {QStringLiteral("error"), jsonValue(j.error)},
                {QStringLiteral("error_sqlstate"), jsonValue(j.errorSqlstate)},
                {QStringLiteral("error_side"), jsonValue(j.errorSide)},
                {QStringLiteral("origin"), fromStd(j.origin)},
            });
        }
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    for (const auto &j : jobs) {
        ctx.o() << j.startedAt << "  " << j.action << " " << j.destTable << "  " << j.status;
        if (j.rows)
            ctx.o() << "  " << *j.rows << " rows";
        if (j.error)
            ctx.o() << "  " << (j.errorSide ? *j.errorSide + " " : "") << (j.errorSqlstate ? "[" + *j.errorSqlstate + "] " : "")
                    << j.error->substr(0, j.error->find('\n'));
        ctx.o() << "\n";
    }
    return ExitOk;
}

} // namespace mimeo::cli
