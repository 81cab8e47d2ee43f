// SPDX-License-Identifier: PostgreSQL
// mimeo check rowcount|columns|missing|snapshots|data: monitoring. Exit
// status 1 when a check finds a difference, so monitors can alert on it.
// check data --repair also fixes what it found (key-based types).
#include "catalog/config_row.h"
#include "checks/columns.h"
#include "checks/data_compare.h"
#include "checks/data_repair.h"
#include "checks/missing_tables.h"
#include "checks/rowcount.h"
#include "checks/snapshot_size.h"
#include "checks/validation_record.h"
#include "command_parser.h"
#include "json_output.h"
#include "commands.h"
#include "pg/error.h"
#include "run_reporter.h"
#include "runner_check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <ostream>

namespace mimeo::cli {
namespace {

const QCommandLineOption &sourceOption()
{
    static const QCommandLineOption o(QStringLiteral("source"), QStringLiteral("Only tables of this data source."), QStringLiteral("ID"));
    return o;
}



// Keeps what a check of one table found as its last validation (the
// monitor shows it); a role that may check but not record is told so.
void record(CliContext &ctx, pg::Connection &dest, const jobs::Validation &v)
{
    if (auto why = checks::recordValidation(dest, ctx.schema, v))
        ctx.e() << "warning: the result was not recorded as " << v.destTable << "'s last validation: " << *why << "\n";
}

// Runs a check of table; when it fails, that is recorded before the error goes on.
template <class Check>
auto recordingErrors(CliContext &ctx, pg::Connection &dest, const std::string &table, const char *kind, Check check)
{
    try {
        return check();
    } catch (const pg::Error &e) {
        record(ctx, dest, checks::validationError(table, kind, e.what()));
        throw;
    }
}

std::optional<int> sourceFilter(const CommandParser &p)
{
    if (!p.isSet(sourceOption()))
        return std::nullopt;
    return static_cast<int>(p.intValue(QStringLiteral("source"), 1, 2147483647));
}

} // namespace

int runCheckRowcount(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("check rowcount"),
                    QStringLiteral("Counts the rows on the source and the destination. For inserter and updater\n"
                                   "tables only rows below the destination's highest control value minus the\n"
                                   "boundary are counted (and above max minus --lower when given)."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it."));
    const QCommandLineOption lower(QStringLiteral("lower"), QStringLiteral("Count only control values above max minus this."), QStringLiteral("VALUE"));
    const QCommandLineOption upper(QStringLiteral("upper"), QStringLiteral("Count only control values below max minus this (default: the boundary)."),
                                   QStringLiteral("VALUE"));
    p.addOption(lower);
    p.addOption(upper);
    p.addOption(jsonOption());
    if (!p.parse(args, 1, 1))
        return ExitOk;
    auto dest = ctx.connectDestination("check:rowcount");
    requireCatalog(dest, ctx.schema);
    checks::CheckContext c{dest, ctx.schema, {}};
    const std::string table = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    const auto r = recordingErrors(ctx, dest, table, "rowcount", [&] {
        return checks::checkRowcount(c, table, p.isSet(lower) ? std::optional(toStd(p.value(lower))) : std::nullopt,
                                     p.isSet(upper) ? std::optional(toStd(p.value(upper))) : std::nullopt);
    });
    record(ctx, dest, checks::validationOf(r));
    if (p.isSet(jsonOption())) {
        printJson(ctx.o(), QJsonArray{QJsonObject{{QStringLiteral("dest_table"), fromStd(r.destTable)},
                                              {QStringLiteral("type"), fromStd(r.type)},
                                              {QStringLiteral("match"), r.match},
                                              {QStringLiteral("source_count"), static_cast<qint64>(r.sourceCount)},
                                              {QStringLiteral("dest_count"), static_cast<qint64>(r.destCount)},
                                              {QStringLiteral("lower_bound"), jsonValue(r.lowerBound)},
                                              {QStringLiteral("upper_bound"), jsonValue(r.upperBound)},
                                              {QStringLiteral("note"), fromStd(r.note)}}});
    } else {
        ctx.o() << r.destTable << ": source " << r.sourceCount << ", destination " << r.destCount << " rows"
                << (r.match ? " (match)" : " (DIFFERENT)");
        if (r.lowerBound || r.upperBound)
            ctx.o() << "; control " << (r.lowerBound ? "> " + *r.lowerBound + " " : "") << (r.upperBound ? "< " + *r.upperBound : "");
        if (!r.note.empty())
            ctx.o() << "; " << r.note;
        ctx.o() << "\n";
    }
    return r.match ? ExitOk : ExitFailed;
}

int runCheckColumns(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("check columns"),
                    QStringLiteral("Source columns the destination lacks or has with another type (honouring\n"
                                   "each table's filter). Columns only on the destination are not reported."));
    p.addOption(sourceOption());
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 0))
        return ExitOk;
    auto dest = ctx.connectDestination("check:columns");
    requireCatalog(dest, ctx.schema);
    checks::CheckContext c{dest, ctx.schema, {}};
    const auto rows = checks::checkColumns(c, sourceFilter(p));
    if (p.isSet(jsonOption())) {
        QJsonArray a;
        for (const auto &d : rows)
            a.append(QJsonObject{{QStringLiteral("dest_table"), fromStd(d.destTable)},
                                 {QStringLiteral("source_table"), fromStd(d.sourceTable)},
                                 {QStringLiteral("data_source_id"), d.dataSourceId},
                                 {QStringLiteral("column"), fromStd(d.column)},
                                 {QStringLiteral("source_type"), fromStd(d.sourceType)},
                                 {QStringLiteral("dest_type"), jsonValue(d.destType)},
                                 {QStringLiteral("problem"), fromStd(d.problem)}});
        printJson(ctx.o(), a);
    } else {
        for (const auto &d : rows) {
            ctx.o() << d.destTable << " (" << d.dataSourceId << ":" << d.sourceTable << "): ";
            if (d.column.empty())
                ctx.o() << d.problem << "\n";
            else
                ctx.o() << d.column << " " << d.sourceType << " " << d.problem
                        << (d.destType ? " (destination has " + *d.destType + ")" : "") << "\n";
        }
        if (rows.empty())
            ctx.o() << "every destination has every source column\n";
    }
    return rows.empty() ? ExitOk : ExitFailed;
}

int runCheckMissing(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("check missing"), QStringLiteral("Source tables that no configured table replicates, and queue tables,\n"
                                   "trigger functions and triggers that an interrupted dml/logdel make left\n"
                                   "on a source, with the statements that remove them."));
    const QCommandLineOption views(QStringLiteral("views"), QStringLiteral("Include views and materialized views."));
    p.addOption(sourceOption());
    p.addOption(views);
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 0))
        return ExitOk;
    auto dest = ctx.connectDestination("check:missing");
    requireCatalog(dest, ctx.schema);
    checks::CheckContext c{dest, ctx.schema, {}};
    const auto rows = checks::checkMissing(c, sourceFilter(p), p.isSet(views));
    if (p.isSet(jsonOption())) {
        QJsonArray a;
        for (const auto &m : rows) {
            QJsonObject o{{QStringLiteral("data_source_id"), m.dataSourceId},
                          {QStringLiteral("schema"), fromStd(m.schema)},
                          {QStringLiteral("table"), fromStd(m.table)},
                          {QStringLiteral("kind"), fromStd(m.kind)}};
            if (!m.fix.empty()) {
                QJsonArray fix;
                for (const auto &f : m.fix)
                    fix.append(fromStd(f));
                o.insert(QStringLiteral("source_table"), fromStd(m.sourceTable));
                o.insert(QStringLiteral("dest_table"), fromStd(m.destTable));
                o.insert(QStringLiteral("fix"), fix);
            }
            a.append(o);
        }
        printJson(ctx.o(), a);
    } else {
        for (const auto &m : rows) {
            ctx.o() << m.dataSourceId << "\t" << m.schema << "." << m.table << "\t" << m.kind;
            if (!m.fix.empty()) {
                ctx.o() << " (trigger on " << m.sourceTable << ", left by an interrupted make of " << m.destTable
                        << "); remove on the source with:";
                for (const auto &f : m.fix)
                    ctx.o() << " " << f << ";";
            }
            ctx.o() << "\n";
        }
    }
    return rows.empty() ? ExitOk : ExitFailed;
}

int runCheckSnapshots(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("check snapshots"),
                    QStringLiteral("Snapshot sources with at least --rows rows or --bytes bytes (either); all\n"
                                   "snapshots when neither is given. Big ones may be better as incremental or dml."));
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Row count threshold."), QStringLiteral("N"));
    const QCommandLineOption bytesOpt(QStringLiteral("bytes"), QStringLiteral("Size threshold in bytes."), QStringLiteral("N"));
    p.addOption(rowsOpt);
    p.addOption(bytesOpt);
    p.addOption(jsonOption());
    if (!p.parse(args, 0, 0))
        return ExitOk;
    std::optional<long long> minRows, minBytes;
    if (p.isSet(rowsOpt))
        minRows = p.intValue(QStringLiteral("rows"), 0, 9223372036854775807LL);
    if (p.isSet(bytesOpt))
        minBytes = p.intValue(QStringLiteral("bytes"), 0, 9223372036854775807LL);
    auto dest = ctx.connectDestination("check:snapshots");
    requireCatalog(dest, ctx.schema);
    checks::CheckContext c{dest, ctx.schema, {}};
    const auto rows = checks::checkSnapshots(c, minRows, minBytes);
    if (p.isSet(jsonOption())) {
        QJsonArray a;
        for (const auto &s : rows)
            a.append(QJsonObject{{QStringLiteral("dest_table"), fromStd(s.destTable)},
                                 {QStringLiteral("source_table"), fromStd(s.sourceTable)},
                                 {QStringLiteral("source_rows"), static_cast<qint64>(s.rows)},
                                 {QStringLiteral("source_bytes"), static_cast<qint64>(s.bytes)}});
        printJson(ctx.o(), a);
    } else {
        for (const auto &s : rows)
            ctx.o() << s.destTable << "\t" << s.rows << " rows\t" << s.bytes << " bytes\t(source " << s.sourceTable << ")\n";
    }
    return (minRows || minBytes) && !rows.empty() ? ExitFailed : ExitOk;
}

namespace {

const char *differenceName(checks::RowDifference::Kind k)
{
    switch (k) {
    case checks::RowDifference::Kind::MissingOnDestination: return "missing on destination";
    case checks::RowDifference::Kind::ExtraOnDestination: return "extra on destination";
    case checks::RowDifference::Kind::Different: return "different";
    }
    return "";
}

QJsonObject dataJson(const checks::DataReport &r)
{
    QJsonArray diffs;
    for (const auto &d : r.differences)
        diffs.append(QJsonObject{{QStringLiteral("key"), fromStd(d.key)}, {QStringLiteral("difference"), QString::fromLatin1(differenceName(d.kind))}});
    QJsonArray keys;
    for (const auto &k : r.keyColumns)
        keys.append(fromStd(k));
    return QJsonObject{{QStringLiteral("dest_table"), fromStd(r.destTable)},
                       {QStringLiteral("equal"), r.equal()},
                       {QStringLiteral("key_columns"), keys},
                       {QStringLiteral("scope"), fromStd(r.scope)},
                       {QStringLiteral("source_rows"), static_cast<qint64>(r.sourceRows)},
                       {QStringLiteral("dest_rows"), static_cast<qint64>(r.destRows)},
                       {QStringLiteral("differences"), diffs},
                       {QStringLiteral("truncated"), r.truncated}};
}

void printData(std::ostream &o, const checks::DataReport &r, const char *more)
{
    o << r.destTable << ": " << (r.equal() ? "rows equal" : "rows DIFFER") << " (" << r.scope << "; source " << r.sourceRows
      << ", destination " << r.destRows << " rows)\n";
    for (const auto &d : r.differences)
        o << "  " << d.key << "\t" << differenceName(d.kind) << "\n";
    if (r.truncated)
        o << "  ... more (" << more << ")\n";
}

// check data --repair: check, repair the differing keys, check again.
int repairData(CliContext &ctx, pg::Connection &dest, const std::string &table, int maxRepair, bool json)
{
    RunReporter reporter(ctx, "repair:" + table);
    checks::CheckContext c{dest, ctx.schema, {}};
    const auto r = checks::checkAndRepair(c, reporter.context(), table, maxRepair);
    // The table's last validation: the check after the repair, else the first.
    record(ctx, dest, checks::validationOf(r.after ? *r.after : r.before));
    if (r.repair && r.repair->outcome == replication::Outcome::Locked) {
        if (!json)
            printData(ctx.o(), r.before, "raise --max-repair");
        return reporter.report(*r.repair); // 3, with who holds the table
    }
    if (json) {
        QJsonObject o = dataJson(r.before);
        o.insert(QStringLiteral("repaired"), r.repaired());
        if (r.repair)
            o.insert(QStringLiteral("repair"), QJsonObject{{QStringLiteral("job_id"), static_cast<qint64>(r.repair->jobId)},
                                                           {QStringLiteral("rows_changed"), static_cast<qint64>(r.repair->rows)},
                                                           {QStringLiteral("message"), fromStd(r.repair->message)}});
        if (r.after)
            o.insert(QStringLiteral("after"), dataJson(*r.after));
        printJson(ctx.o(), QJsonArray{o});
    } else {
        printData(ctx.o(), r.before, "raise --max-repair");
        if (r.repair)
            ctx.o() << r.repair->message << "\n";
        if (r.after) {
            ctx.o() << "after the repair: ";
            printData(ctx.o(), *r.after, "check again");
        }
    }
    return r.before.equal() || r.repaired() ? ExitOk : ExitFailed;
}

} // namespace

int runCheckData(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("check data"),
                    QStringLiteral("Compares the rows themselves: each side hashes its rows into buckets by key;\n"
                                   "only buckets that differ are compared key by key. Lists the differing keys.\n"
                                   "With --repair (updater, dml, logdel) re-pulls exactly those keys from the\n"
                                   "source in one transaction under the table's lock and checks again: exit\n"
                                   "status 0 when the rows are equal in the end. With --runner a runner of this\n"
                                   "catalog (mimeo serve) checks instead (the row count, then the rows when the\n"
                                   "table has a key), and its result, recorded as the table's last validation,\n"
                                   "is printed here."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it."));
    const QCommandLineOption max(QStringLiteral("max-keys"), QStringLiteral("List at most N differing keys (default 100)."),
                                 QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption repair(QStringLiteral("repair"),
                                    QStringLiteral("Re-pull the differing rows from the source, then check again (not for snap, table, inserter: refresh those)."));
    const QCommandLineOption maxRepair(QStringLiteral("max-repair"),
                                       QStringLiteral("With --repair: refuse when more than N rows differ (default 10000)."),
                                       QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runner(QStringLiteral("runner"),
                                    QStringLiteral("Hand the check to a runner of this catalog (mimeo serve), follow it there and "
                                                   "print what it found, with the same exit status; on SIGINT the runner is asked "
                                                   "to cancel it. Not with --repair: a repair runs on this computer only."));
    p.addOption(max);
    p.addOption(repair);
    p.addOption(maxRepair);
    p.addOption(runner);
    p.addOption(jsonOption());
    if (!p.parse(args, 1, 1))
        return ExitOk;
    if (p.isSet(maxRepair) && !p.isSet(repair))
        throw UsageError{QStringLiteral("check data: --max-repair needs --repair"), {}};
    if (p.isSet(runner) && p.isSet(repair))
        throw UsageError{QStringLiteral("check data: --repair runs on this computer only, not on a runner: leave out --runner"), {}};
    const auto maxRepairKeys = static_cast<int>(p.intValue(QStringLiteral("max-repair"), 1, 1000000));
    auto dest = ctx.connectDestination("check:data");
    requireCatalog(dest, ctx.schema);
    const std::string table = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    if (p.isSet(repair))
        return repairData(ctx, dest, table, maxRepairKeys, p.isSet(jsonOption()));
    const int maxKeys = static_cast<int>(p.intValue(QStringLiteral("max-keys"), 1, 1000000));
    if (p.isSet(runner))
        return checkDataOnRunner(ctx, dest, table, maxKeys, p.isSet(jsonOption()), false);
    checks::CheckContext c{dest, ctx.schema, {}};
    // Counted in full for the record's totals, listed up to --max-keys.
    auto r = recordingErrors(ctx, dest, table, "data",
                             [&] { return checks::checkData(c, table, std::max(maxKeys, checks::kCountDifferences)); });
    record(ctx, dest, checks::validationOf(r));
    checks::keepFirstDifferences(r, maxKeys);
    if (p.isSet(jsonOption()))
        printJson(ctx.o(), QJsonArray{dataJson(r)});
    else
        printData(ctx.o(), r, "raise --max-keys");
    return r.equal() ? ExitOk : ExitFailed;
}

} // namespace mimeo::cli
