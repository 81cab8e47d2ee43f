// SPDX-License-Identifier: PostgreSQL
#include "cli_context.h"

namespace mimeo::cli {

pg::ConnectSpec CliContext::destinationSpec(const std::string &action) const
{
    pg::ConnectSpec spec;
    spec.conninfo = destConninfo;
    spec.applicationName = "mimeo:" + action;
    spec.side = pg::Side::Destination;
    return spec;
}

pg::Connection CliContext::connectDestination(const std::string &action) const
{
    return pg::Connection::open(destinationSpec(action));
}

std::string toStd(const QString &s) { return s.toStdString(); }
QString fromStd(const std::string &s) { return QString::fromStdString(s); }

} // namespace mimeo::cli

#include "catalog/catalog_ddl.h"
#include "pg/error.h"
#include "pg/quote.h"

namespace mimeo::cli {

void requireCatalog(pg::Connection &dest, const std::string &schema)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec("SELECT pg_catalog.to_regclass($1) IS NOT NULL, pg_catalog.to_regclass($2) IS NOT NULL",
                       {qs + ".dblink_mapping_mimeo", qs + ".studio_catalog_version"});
    if (!r.toBool(0, 0))
        throw pg::Error::usage("no mimeo catalog in schema " + schema + " on " + dest.describe(),
                               pg::Side::Destination, "run: mimeo init (or pass --schema NAME)");
    if (!r.toBool(0, 1))
        throw pg::Error::usage("the mimeo catalog in schema " + schema + " has not been set up for Mimeo Studio yet",
                               pg::Side::Destination,
                               "run: mimeo init (it adds our own tables and leaves mimeo's as they are)");
    const auto version = dest.exec("SELECT coalesce(max(version), 0) FROM " + qs + ".studio_catalog_version").toInt(0, 0);
    if (version < catalog::kCatalogVersion)
        throw pg::Error::usage("the mimeo catalog in schema " + schema + " is version " + std::to_string(version)
                                   + "; this mimeo needs version " + std::to_string(catalog::kCatalogVersion),
                               pg::Side::Destination,
                               "run: mimeo init (it upgrades our own tables and leaves mimeo's as they are)");
}

} // namespace mimeo::cli
