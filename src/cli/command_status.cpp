// SPDX-License-Identifier: PostgreSQL
// mimeo status: one line (or JSON object) per configured table.
#include "command_parser.h"
#include "json_output.h"
#include "commands.h"
#include "jobs/status.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>
#include <ostream>

namespace mimeo::cli {
int runStatus(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("status"),
                    QStringLiteral("One line per configured table: type, source, last run, period, next due,\n"
                                   "whether it is late (overdue by more than its period) and how its last\n"
                                   "refresh went. Times are UTC, ISO 8601."));
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 0))
        return ExitOk;
    auto dest = ctx.connectDestination("status");
    requireCatalog(dest, ctx.schema);
    const auto rows = jobs::tableStatus(dest, ctx.schema);
    if (p.isSet(jsonOption())) {
        QJsonArray arr;
        for (const auto &t : rows) {
            arr.append(QJsonObject{
                {QStringLiteral("dest_table"), fromStd(t.destTable)},
                {QStringLiteral("type"), fromStd(t.type)},
                {QStringLiteral("source_table"), fromStd(t.sourceTable)},
                {QStringLiteral("data_source_id"), t.dataSourceId},
                {QStringLiteral("period"), jsonValue(t.period)},
                {QStringLiteral("last_run"), jsonValue(t.lastRun)},
                {QStringLiteral("next_due"), jsonValue(t.nextDue)},
                {QStringLiteral("late"), t.late},
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
            });
        }
        printJson(ctx.o(), arr);
        return ExitOk;
    }
    if (rows.empty()) {
        ctx.o() << "no tables configured in schema " << ctx.schema << "; make one with: mimeo make TYPE SOURCE_TABLE --source ID\n";
        return ExitOk;
    }
    auto &o = ctx.o();
    o << std::left << std::setw(32) << "DEST_TABLE" << std::setw(16) << "TYPE" << std::setw(26) << "LAST_RUN"
      << std::setw(12) << "PERIOD" << std::setw(10) << "STATUS" << "SOURCE\n";
    for (const auto &t : rows) {
        o << std::setw(32) << t.destTable << std::setw(16) << t.type << std::setw(26) << t.lastRun.value_or("never")
          << std::setw(12) << t.period.value_or("-") << std::setw(10)
          << (t.late ? std::string("LATE") : t.lastStatus.value_or("-")) << t.dataSourceId << ":" << t.sourceTable << "\n";
    }
    return ExitOk;
}

} // namespace mimeo::cli
