// SPDX-License-Identifier: PostgreSQL
// mimeo grant ROLE --operator|--monitor and mimeo revoke ROLE.
#include "catalog/roles.h"
#include "command_parser.h"
#include "commands.h"

#include <ostream>

namespace mimeo::cli {
namespace {

int runPlan(CliContext &ctx, pg::Connection &dest, const std::vector<std::string> &sql, bool dryRun)
{
    // The SQL is shown before it runs, so a DBA sees exactly what changes.
    for (const auto &s : sql)
        ctx.o() << s << ";\n";
    if (!dryRun && !sql.empty())
        catalog::applyStatements(dest, sql);
    if (sql.empty())
        ctx.o() << "-- nothing to do\n";
    return ExitOk;
}

} // namespace

int runGrant(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("grant"),
                    QStringLiteral("Makes ROLE a monitor (reads the catalog and the job log, not stored passwords)\n"
                                   "or an operator (also edits the configuration and runs makes and refreshes) of\n"
                                   "this catalog, through the group roles <schema>_monitor and <schema>_operator.\n"
                                   "Operators own the destination objects, so --operator hands the existing ones\n"
                                   "to <schema>_operator. Prints the SQL, then runs it."));
    p.addPositional(QStringLiteral("ROLE"), QStringLiteral("An existing role."));
    const QCommandLineOption op(QStringLiteral("operator"), QStringLiteral("Run refreshes and edit the configuration."));
    const QCommandLineOption mon(QStringLiteral("monitor"), QStringLiteral("Read the catalog and the job log only."));
    const QCommandLineOption dry(QStringLiteral("dry-run"), QStringLiteral("Print the SQL; change nothing."));
    p.addOption(op);
    p.addOption(mon);
    p.addOption(dry);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    if (p.isSet(op) == p.isSet(mon))
        throw UsageError{QStringLiteral("grant: give exactly one of --operator and --monitor"), QStringLiteral("see: mimeo grant --help")};
    auto dest = ctx.connectDestination("grant");
    requireCatalog(dest, ctx.schema);
    const auto sql = catalog::planGrant(dest, ctx.schema, toStd(p.positional().at(0)),
                                        p.isSet(op) ? catalog::RoleLevel::Operator : catalog::RoleLevel::Monitor);
    return runPlan(ctx, dest, sql, p.isSet(dry));
}

int runRevoke(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("revoke"),
                    QStringLiteral("Removes ROLE from this catalog's operator and monitor groups. Prints the SQL,\n"
                                   "then runs it."));
    p.addPositional(QStringLiteral("ROLE"), QStringLiteral("An existing role."));
    const QCommandLineOption dry(QStringLiteral("dry-run"), QStringLiteral("Print the SQL; change nothing."));
    p.addOption(dry);
    if (!p.parse(args, 1, 1))
        return ExitOk;
    auto dest = ctx.connectDestination("revoke");
    requireCatalog(dest, ctx.schema);
    return runPlan(ctx, dest, catalog::planRevoke(dest, ctx.schema, toStd(p.positional().at(0))), p.isSet(dry));
}

} // namespace mimeo::cli
