// SPDX-License-Identifier: PostgreSQL
// mimeo adopt DEST_TABLE: records a replication's catalog row as it is now,
// as the role that runs the command (issue 13.2). For tables the mimeo
// extension made after `mimeo init`, and for edits made on purpose.
#include "catalog/config_row.h"
#include "catalog/replication_identity.h"
#include "command_parser.h"
#include "commands.h"
#include "catalog/table_lock.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"

namespace mimeo::cli {

int runAdopt(CliContext &ctx, const QStringList &args)
{
    CommandParser p(QStringLiteral("adopt"),
                    QStringLiteral("Records what a replication is made from and onto, as its catalog row says now, under\n"
                                   "the role that runs this. Refreshes act only on what was recorded, and a refresh by\n"
                                   "another role never beyond the rights of the recording role. Needed for tables the\n"
                                   "mimeo extension made after `mimeo init`, and after a change of a setting that\n"
                                   "cannot be edited in place (source_table, dblink, control, keys...) made on purpose."));
    p.addPositional(QStringLiteral("DEST_TABLE"), QStringLiteral("The destination as `mimeo status` shows it (schema.table)."));
    if (!p.parse(args, 1, 1))
        return ExitOk;

    auto dest = ctx.connectDestination("adopt:" + toStd(p.positional().at(0)));
    requireCatalog(dest, ctx.schema);
    const std::string table = catalog::requireConfiguredTable(dest, ctx.schema, toStd(p.positional().at(0)));
    pg::Transaction tx(dest);
    // Not while a refresh of it runs: it would record what that refresh is changing.
    if (!catalog::acquireTableLock(dest, table, catalog::LockWait::forSeconds(30)))
        throw pg::Error::usage(table + " is being refreshed; try again when it finishes", pg::Side::Destination);
    const auto row = catalog::requireConfig(dest, ctx.schema, table);
    if (!dest.exec("SELECT pg_catalog.to_regclass($1) IS NOT NULL", {pg::QualifiedName::fromCatalogText(table).quoted()})
             .toBool(0, 0))
        throw pg::Error::usage("destination " + table + " does not exist; there is nothing to record", pg::Side::Destination,
                               "make it again, or destroy it: mimeo destroy " + table);
    catalog::recordIdentity(dest, ctx.schema, table);
    const std::string role = dest.exec("SELECT current_user::text").text(0, 0);
    tx.commit();
    ctx.o() << "recorded " << table << " (" << row.type() << " of " << row.sourceTable() << ", source "
            << row.dataSourceId() << ") as made by " << role << "\n";
    return ExitOk;
}

} // namespace mimeo::cli
