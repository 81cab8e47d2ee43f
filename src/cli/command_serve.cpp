// SPDX-License-Identifier: PostgreSQL
// mimeo serve: a runner near the databases (a systemd service, or a
// terminal): the schedule every --interval seconds, and the requests that
// `mimeo refresh --runner` and the application put in the catalog.
#include "checks/validation_job.h"
#include "command_parser.h"
#include "commands.h"
#include "jobs/serve.h"
#include "mimeo/version.h"
#include "signals.h"

#include <iostream>
#include <unistd.h>

namespace mimeo::cli {

int runServe(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("serve"),
                    QStringLiteral("Stays running: every --interval seconds it refreshes the due tables as\n"
                                   "`mimeo run` does, and it takes requests made through the catalog\n"
                                   "(mimeo refresh --runner, the application) at once: it listens for them and\n"
                                   "polls as well. Requests run with this runner's connection settings and\n"
                                   "passwords; each is taken by one runner however many serve the catalog, and\n"
                                   "one whose runner died is taken again. The runner is listed by\n"
                                   "`mimeo status`. SIGTERM or SIGINT: running requests are cancelled and given\n"
                                   "back to the other runners, and it exits with 143 or 130."));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Refresh N tables at once (default 1), and take N requests at once."),
                                  QStringLiteral("N"));
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Run the schedule every S seconds (default 60)."),
                                      QStringLiteral("S"));
    p.addOption(jobs);
    p.addOption(interval);
    if (!p.parse(args, 0, 0))
        return ExitOk;

    jobs::ServeOptions o;
    o.destination = ctx.destinationSpec("serve");
    o.schema = ctx.schema;
    o.stop = &processCancel();
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    o.runner.host = host;
    o.runner.pid = static_cast<int>(getpid());
    o.runner.id = o.runner.host + ":" + std::to_string(o.runner.pid);
    o.runner.version = kVersion;
    if (p.isSet(jobs))
        o.runner.jobs = static_cast<int>(p.intValue(QStringLiteral("jobs"), 1, 64));
    if (p.isSet(interval))
        o.runner.intervalSeconds = static_cast<int>(p.intValue(QStringLiteral("interval"), 1, 86400));
    // The desktop's Validate (row count, then the rows when the table has a
    // key), as a job of the request, recorded as the table's last validation.
    o.validate = [](pg::Connection &dest, const std::string &table, replication::RunContext &run) {
        const auto v = checks::validateAsJob(dest, table, run);
        return jobs::RequestAnswer{"done", table + " " + v.result.message};
    };
    o.onEvent = [&ctx](const std::string &line) { ctx.o() << line << "\n" << std::flush; };
    {
        auto dest = ctx.connectDestination("serve");
        requireCatalog(dest, ctx.schema);
    }
    setActivity("runner " + o.runner.id);
    jobs::serve(o);
    return ExitOk;
}

} // namespace mimeo::cli
