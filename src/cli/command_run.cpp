// SPDX-License-Identifier: PostgreSQL
// mimeo run: refresh everything that is due (for cron and systemd timers).
#include "catalog/replication_types.h"
#include "command_parser.h"
#include "commands.h"
#include "signals.h"
#include "jobs/runner.h"

#include <iostream>
#include <mutex>

namespace mimeo::cli {

int runRun(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("run"),
                    QStringLiteral("Refreshes every table whose period has elapsed since its last_run, oldest first\n"
                                   "(tables without a period, or never run, are not due). Safe to start from\n"
                                   "several hosts at once: each due table is refreshed once. Exit status 1 when\n"
                                   "any refresh failed, with one line per failure on stderr."));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("Only this type: %1.").arg(fromStd(catalog::makeTypeNamesText())),
                                  QStringLiteral("TYPE"));
    const QCommandLineOption batch(QStringLiteral("batch-limit"), QStringLiteral("Start at most N tables in this run."), QStringLiteral("N"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Refresh N tables at once (default 1)."), QStringLiteral("N"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Print a line per table."));
    for (const auto *o : {&type, &batch, &jobs, &verbose})
        p.addOption(*o);
    if (!p.parse(args, 0, 0))
        return ExitOk;

    jobs::RunnerOptions o;
    o.destination = ctx.destinationSpec("run");
    o.origin = "mimeo run";
    o.cancel = &processCancel();
    o.schema = ctx.schema;
    o.typeFilter = toStd(p.value(type));
    if (p.isSet(type) && o.typeFilter.empty())
        throw UsageError{QStringLiteral("--type: empty"), {}};
    if (const auto *t = catalog::findType(o.typeFilter); p.isSet(type) && (!t || !t->isMakeLevel()))
        throw UsageError{QStringLiteral("--type: expected one of %1, got \"%2\"").arg(fromStd(catalog::makeTypeNamesText()), p.value(type)), {}};
    if (p.isSet(batch))
        o.batchLimit = static_cast<int>(p.intValue(QStringLiteral("batch-limit"), 0, 1000000));
    if (p.isSet(jobs))
        o.workers = static_cast<int>(p.intValue(QStringLiteral("jobs"), 1, 64));
    if (p.isSet(verbose))
        o.onEvent = [&ctx](const std::string &line) { ctx.o() << line << "\n" << std::flush; };

    {
        auto dest = ctx.connectDestination("run");
        requireCatalog(dest, ctx.schema);
    }
    const auto summary = jobs::runDueJobs(o);
    for (const auto &out : summary.outcomes) {
        if (out.kind == jobs::JobOutcome::Kind::Failed && cancelledExitCode() == 0)
            ctx.e() << "mimeo: refresh of " << out.job.destTable << " failed: " << out.message << "\n";
    }
    if (p.isSet(verbose))
        ctx.o() << summary.outcomes.size() << " due, " << summary.refreshed() << " refreshed, " << summary.failed()
                << " failed\n";
    return summary.failed() > 0 ? ExitFailed : ExitOk;
}

} // namespace mimeo::cli
