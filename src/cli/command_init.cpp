// SPDX-License-Identifier: PostgreSQL
// mimeo init: install or upgrade the destination catalog.
#include "catalog/catalog_ddl.h"
#include "catalog/installer.h"
#include "catalog/sources.h"
#include "command_parser.h"
#include "commands.h"

#include <ostream>

namespace mimeo::cli {

int runInit(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("init"),
                    QStringLiteral("Installs the catalog in the destination database, or upgrades it.\n"
                                   "Creates the schema (--schema, default mimeo) with mimeo 1.5.1's tables and\n"
                                   "Mimeo Studio's own (catalog version, job log). When the mimeo extension is\n"
                                   "installed in that schema, only our own tables are added. Running it again\n"
                                   "changes nothing."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Print the SQL it would run; change nothing."));
    p.addOption(dryRun);
    if (!p.parse(args, 0, 0))
        return ExitOk;

    auto dest = ctx.connectDestination("init");
    if (p.isSet(dryRun)) {
        const auto state = catalog::inspectCatalog(dest, ctx.schema);
        const auto steps = catalog::planInstall(state);
        if (steps.empty())
            ctx.o() << "-- catalog in schema " << ctx.schema << " is up to date\n";
        for (const auto &s : steps)
            ctx.o() << "-- " << s.description << "\n" << s.sql << "\n";
        return ExitOk;
    }
    const auto report = catalog::installCatalog(dest, ctx.schema);
    if (!report.changed()) {
        ctx.o() << "catalog in schema " << ctx.schema << " is up to date (version " << catalog::kCatalogVersion << ")\n";
    } else {
        if (report.before.extensionOwnsSchema())
            ctx.o() << "adopted the mimeo extension " << report.before.extensionVersion << " in schema " << ctx.schema
                    << " (its tables are left as they are)\n";
        for (const auto &s : report.applied)
            ctx.o() << "done: " << s.description << "\n";
        ctx.o() << "catalog in schema " << ctx.schema << " is at version " << catalog::kCatalogVersion << "\n";
    }
    // An adopted catalog may keep source passwords in plain text.
    warnAboutCatalogPasswords(ctx, catalog::SourceRegistry(dest, ctx.schema).list());
    return ExitOk;
}

} // namespace mimeo::cli
