// SPDX-License-Identifier: PostgreSQL
#include "replication/source_relation.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "pg/search_path.h"

#include <algorithm>

namespace mimeo::replication {

std::string relationKindName(char relkind)
{
    switch (relkind) {
    case 'p': return "partitioned table";
    case 'v': return "view";
    case 'm': return "materialized view";
    case 'f': return "foreign table";
    default: return "table";
    }
}

namespace {

// Binary COPY is safe for a column when its wire form carries no OID that
// differs between servers: built-in scalar types, enums (sent as their label),
// and arrays of built-in scalars. Composites, user arrays (element OID inside)
// and nested domains go as text.
constexpr const char *kColumnsSql = R"SQL(
SELECT a.attname,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       CASE WHEN bt.typtype = 'e' THEN true
            WHEN bt.typtype IN ('c', 'd', 'p', 'r', 'm') THEN false
            WHEN bt.oid >= 16384 THEN false
            WHEN bt.typcategory = 'A' THEN coalesce(et.oid < 16384 AND et.typtype = 'b', false)
            ELSE true END
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
  LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
 WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attnum
)SQL";

// The name is looked up exactly, but a name typed as SQL (the command
// line) had its unquoted parts folded to lower case before it got here: the
// hint names a relation that differs only in case, quoted as it must be
// written.
std::string notFoundHint(pg::Connection &src, const pg::QualifiedName &name)
{
    auto r = src.exec("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
                      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE lower(n.nspname) = lower($1) AND lower(c.relname) = lower($2) "
                      "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1, 2 LIMIT 3",
                      {name.schema, name.name});
    const std::string folding = "unquoted names are folded to lower case, as in SQL";
    if (r.rows() == 0)
        return "write schema.table as on the source; " + folding + ": quote a part (\"Sales\".\"Orders\") to keep its capitals";
    std::string candidates;
    for (int i = 0; i < r.rows(); ++i)
        candidates += (i ? " or " : "") + pg::QualifiedName{r.text(i, 0), r.text(i, 1)}.quoted();
    return "the source has " + candidates + ": write it quoted like that (" + folding + ")";
}

} // namespace

SourceRelation describeSource(pg::Connection &src, const pg::QualifiedName &name, const std::vector<std::string> &filter,
                              int dataSourceId)
{
    SourceRelation rel;
    rel.name = name;
    auto r = src.exec("SELECT c.oid, c.relkind, c.reltuples::bigint FROM pg_catalog.pg_class c "
                      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                      {name.schema, name.name});
    if (r.rows() == 0) {
        throw pg::Error::usage("source table " + name.catalogText() + " not found"
                                   + (dataSourceId > 0 ? " in source " + std::to_string(dataSourceId) : std::string()),
                               pg::Side::Source, notFoundHint(src, name));
    }
    rel.oid = static_cast<uint32_t>(r.toInt(0, 0));
    rel.relkind = r.value(0, 1).empty() ? 'r' : r.value(0, 1)[0];
    rel.estimatedRows = r.toInt(0, 2);

    std::vector<Column> all;
    pg::withCatalogSearchPath(src, [&] {
        auto cols = src.exec(kColumnsSql, {std::to_string(rel.oid)});
        for (int i = 0; i < cols.rows(); ++i)
            all.push_back({cols.text(i, 0), cols.text(i, 1), cols.toBool(i, 2)});
    });

    if (filter.empty()) {
        rel.columns = std::move(all);
    } else {
        std::vector<std::string> unknown;
        for (const auto &f : filter) {
            if (std::none_of(all.begin(), all.end(), [&](const Column &c) { return c.name == f; }))
                unknown.push_back(f);
        }
        if (!unknown.empty()) {
            std::string list;
            for (const auto &u : unknown)
                list += (list.empty() ? "" : ", ") + u;
            throw pg::Error::usage("filter names columns that " + name.catalogText() + " does not have: " + list,
                                   pg::Side::Source, "column names are case-sensitive");
        }
        for (auto &c : all) {
            if (std::find(filter.begin(), filter.end(), c.name) != filter.end())
                rel.columns.push_back(std::move(c));
        }
    }
    if (rel.columns.empty())
        throw pg::Error::usage("source " + rel.kindName() + " " + name.catalogText() + " has no columns to replicate",
                               pg::Side::Source);
    return rel;
}

} // namespace mimeo::replication
