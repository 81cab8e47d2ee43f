// SPDX-License-Identifier: PostgreSQL
#include "replication/dest_objects.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/search_path.h"

#include <algorithm>

namespace mimeo::replication {

std::optional<char> relationKind(pg::Connection &dest, const pg::QualifiedName &name)
{
    auto r = dest.exec("SELECT c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = $1 AND c.relname = $2",
                       {name.schema, name.name});
    if (r.rows() == 0 || r.value(0, 0).empty())
        return std::nullopt;
    return r.value(0, 0)[0];
}

void requireSchema(pg::Connection &dest, const std::string &schema)
{
    auto r = dest.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)", {schema});
    if (!r.toBool(0, 0))
        throw pg::Error::usage("destination schema " + schema + " does not exist", pg::Side::Destination,
                               "create it first: CREATE SCHEMA " + pg::quoteIdent(schema) + ";");
}

std::vector<Column> relationColumns(pg::Connection &dest, const pg::QualifiedName &name)
{
    std::vector<Column> out;
    pg::withCatalogSearchPath(dest, [&] {
        auto r = dest.exec("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) "
                           "FROM pg_catalog.pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 "
                           "AND NOT a.attisdropped ORDER BY a.attnum",
                           {name.quoted()});
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.text(i, 1), false});
    });
    return out;
}

void createTable(pg::Connection &dest, const pg::QualifiedName &name, const std::vector<Column> &columns)
{
    dest.exec("CREATE TABLE " + name.quoted() + " (" + columnDefinitions(columns) + ")");
}

void requireDestinationCovers(const pg::QualifiedName &dest, const std::vector<Column> &destCols, const std::vector<Column> &source)
{
    std::string problems;
    for (const auto &s : source) {
        auto it = std::find_if(destCols.begin(), destCols.end(), [&](const Column &d) { return d.name == s.name; });
        if (it == destCols.end())
            problems += (problems.empty() ? "" : ", ") + s.name + " (missing)";
        else if (it->type != s.type)
            problems += (problems.empty() ? "" : ", ") + s.name + " (" + it->type + ", source has " + s.type + ")";
    }
    if (!problems.empty())
        throw pg::Error::usage("destination table " + dest.catalogText() + " does not match the source: " + problems,
                               pg::Side::Destination, "alter the destination table to match the source columns");
}

} // namespace mimeo::replication
