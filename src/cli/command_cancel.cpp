// SPDX-License-Identifier: PostgreSQL
// mimeo cancel JOB_ID: stop a job that a runner (mimeo serve) runs, from any
// host, through a cancel request in the catalog.
#include "command_parser.h"
#include "commands.h"
#include "runner_request.h"

namespace mimeo::cli {

int runCancel(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("cancel"),
                    QStringLiteral("Asks the runner (mimeo serve) that runs the job to cancel it, and waits for\n"
                                   "its answer: exit status 0 once the job was cancelled (it rolls back as a\n"
                                   "failure would), 1 when it is over or no runner runs it (a job started by\n"
                                   "mimeo refresh or the application on a desk is cancelled there)."));
    p.addPositional(QStringLiteral("JOB_ID"), QStringLiteral("The job, as mimeo log shows it."));
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("Wait up to S seconds for a runner's answer (default 10)."),
                                  QStringLiteral("S"));
    p.addOption(wait);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    bool ok = false;
    const qlonglong job = p.positional().at(0).toLongLong(&ok);
    if (!ok || job <= 0)
        throw UsageError{QStringLiteral("cancel: JOB_ID must be a job number, got \"%1\"").arg(p.positional().at(0)), {}};
    const int seconds = p.isSet(wait) ? static_cast<int>(p.intValue(QStringLiteral("wait"), 1, 3600)) : 10;
    auto dest = ctx.connectDestination("cancel");
    requireCatalog(dest, ctx.schema);
    return cancelOnRunner(ctx, dest, job, seconds);
}

} // namespace mimeo::cli
