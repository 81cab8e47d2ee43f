// SPDX-License-Identifier: PostgreSQL
// mimeo refresh DEST_TABLE and mimeo destroy DEST_TABLE.
#include "catalog/config_row.h"
#include "command_parser.h"
#include "commands.h"
#include "pg/error.h"
#include "run_reporter.h"
#include "runner_request.h"

namespace mimeo::cli {
int runRefresh(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("refresh"),
                    QStringLiteral("Refreshes one configured table now, in one destination transaction.\n"
                                   "Exit status 3 when another process is refreshing it (see --lock-wait)."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it (schema.table)."));
    const QCommandLineOption repull(QStringLiteral("repull"),
                                    QStringLiteral("snap/table: pull even when the source looks unchanged; other types: empty\n"
                                                   "the destination (logdel: keep deleted rows) and pull everything."));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("Rows (or queued keys) this run handles at most."), QStringLiteral("N"));
    const QCommandLineOption start(QStringLiteral("repull-start"), QStringLiteral("incremental: repull rows with control above this (exclusive)."), QStringLiteral("VALUE"));
    const QCommandLineOption end(QStringLiteral("repull-end"), QStringLiteral("incremental: ... and below this (exclusive)."), QStringLiteral("VALUE"));
    const QCommandLineOption lockWait(QStringLiteral("lock-wait"),
                                      QStringLiteral("Wait up to SECONDS for a concurrent refresh to finish (0 or less: as long as it takes)."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Print each step on stderr as it happens (as the job log records it)."));
    const QCommandLineOption runner(QStringLiteral("runner"),
                                    QStringLiteral("Hand it to a runner of this catalog (mimeo serve) and follow it there, with the "
                                                   "same exit status; on SIGINT the runner is asked to cancel it (--repull goes too)."));
    for (const auto *o : {&repull, &limit, &start, &end, &lockWait, &verbose, &runner})
        p.addOption(*o);
    if (!p.parse(args, 1, 1))
        return ExitOk;

    replication::RefreshRequest req;
    req.repull = p.isSet(repull);
    if (p.isSet(limit))
        req.limit = p.intValue(QStringLiteral("limit"), 1, 2147483647);
    if (p.isSet(start))
        req.repullStart = toStd(p.value(start));
    if (p.isSet(end))
        req.repullEnd = toStd(p.value(end));
    if (p.isSet(lockWait)) {
        const auto seconds = p.intValue(QStringLiteral("lock-wait"), -2147483647, 2147483647);
        req.lockWait = seconds > 0 ? catalog::LockWait::forSeconds(static_cast<int>(seconds)) : catalog::LockWait::untilGranted();
    }

    if (p.isSet(runner) && (p.isSet(limit) || p.isSet(start) || p.isSet(end) || p.isSet(lockWait)))
        throw UsageError{QStringLiteral("refresh: --runner goes with --repull and --verbose only"), {}};

    auto dest = ctx.connectDestination("refresh:" + toStd(p.positional().at(0)));
    requireCatalog(dest, ctx.schema);
    req.destTable = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    if (p.isSet(runner))
        return requestFromRunner(ctx, dest, req.repull ? "repull" : "refresh", req.destTable, p.isSet(verbose));
    RunReporter reporter(ctx, "refresh:" + req.destTable);
    if (p.isSet(verbose))
        reporter.context().stepped = [&ctx](const std::string &s) { ctx.e() << "step: " << s << "\n" << std::flush; };
    return reporter.report(replication::refresh(dest, req, reporter.context()));
}

int runDestroy(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("destroy"),
                    QStringLiteral("Removes a replication: its configuration, and for dml/logdel the queue and\n"
                                   "trigger on the source. The destination data is kept by default."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it (schema.table)."));
    const QCommandLineOption keep(QStringLiteral("keep-table"),
                                  QStringLiteral("Keep the destination table (default; a snapshot's newest data becomes a table)."));
    const QCommandLineOption drop(QStringLiteral("drop-table"), QStringLiteral("Drop the destination table(s) too."));
    p.addOption(keep);
    p.addOption(drop);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    if (p.isSet(keep) && p.isSet(drop))
        throw UsageError{QStringLiteral("destroy: --keep-table and --drop-table exclude each other"), {}};

    auto dest = ctx.connectDestination("destroy:" + toStd(p.positional().at(0)));
    requireCatalog(dest, ctx.schema);
    const std::string table = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    RunReporter reporter(ctx, "destroy:" + table);
    return reporter.report(replication::destroy(dest, table, !p.isSet(drop), reporter.context()));
}

} // namespace mimeo::cli
