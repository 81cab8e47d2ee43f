// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_key.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/type_name.h"

#include <algorithm>

namespace mimeo::replication::incremental {
namespace {

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool replicated(const SourceRelation &rel, const std::string &column)
{
    return std::any_of(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == column; });
}

} // namespace

ReplicationKey resolveKey(pg::Connection &src, const SourceRelation &rel, const std::optional<SourceIndexes> &indexes,
                          const std::vector<std::string> &pkName, const std::vector<std::string> &pkType,
                          const std::vector<std::string> &filter)
{
    ReplicationKey key;
    if (!pkName.empty() || !pkType.empty()) {
        if (pkName.size() != pkType.size())
            throw pg::Error::usage("--pk-name and --pk-type must list the same number of items");
        // pk_type is written to the catalog, whose rows mimeo's own refresh
        // functions splice into SQL: the source's spelling, never the text as given.
        for (size_t i = 0; i < pkType.size(); ++i)
            key.types.push_back(pg::canonicalTypeName(src, pkType[i], "--pk-type " + pkType[i] + " (for " + pkName[i] + ")"));
        key.names = pkName;
    } else {
        if (!indexes || !indexes->key) {
            throw pg::Error::usage("source " + rel.kindName() + " " + rel.name.catalogText()
                                       + " has no primary key or unique index on NOT NULL columns; an updater needs one",
                                   pg::Side::Source, "name the key columns with --pk-name COL,... and --pk-type TYPE,...");
        }
        key.names = indexes->key->columns;
        key.primary = indexes->key->primary;
        for (const auto &n : key.names) {
            auto c = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &col) { return col.name == n; });
            key.types.push_back(c != rel.columns.end() ? c->type : std::string());
        }
    }
    for (const auto &n : key.names) {
        if (replicated(rel, n))
            continue;
        if (!filter.empty())
            throw pg::Error::usage("the column filter lacks key column " + n + " of " + rel.name.catalogText(), pg::Side::Source,
                                   "add every key column (" + joined(key.names) + ") to --filter");
        throw pg::Error::usage("key column " + n + " does not exist in " + rel.name.catalogText(), pg::Side::Source);
    }
    return key;
}

void requireKeyReplicated(const std::vector<std::string> &key, const SourceRelation &rel, const std::string &destTable)
{
    for (const auto &n : key) {
        if (!replicated(rel, n))
            throw pg::Error::usage("Filter list did not contain all columns that compose primary/unique key for " + destTable
                                       + " (missing " + n + ")",
                                   pg::Side::Destination);
    }
}

void createKeyIndex(pg::Connection &dest, const pg::QualifiedName &target, const ReplicationKey &key)
{
    if (key.primary)
        dest.exec("ALTER TABLE " + target.quoted() + " ADD PRIMARY KEY (" + pg::quoteIdentList(key.names) + ")");
    else
        dest.exec("CREATE UNIQUE INDEX ON " + target.quoted() + " (" + pg::quoteIdentList(key.names) + ")");
}

bool hasKeyIndex(pg::Connection &dest, const pg::QualifiedName &target, const std::vector<std::string> &key)
{
    // Plain-column unique indexes whose column set is exactly the key, in
    // any order; valid and not deferrable, as ON CONFLICT wants its arbiter.
    return dest
        .exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique "
              "AND i.indisvalid AND i.indimmediate "
              "AND i.indexprs IS NULL AND i.indpred IS NULL "
              "AND (SELECT pg_catalog.array_agg(a.attname::text COLLATE \"C\" ORDER BY a.attname::text COLLATE \"C\") "
              "       FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
              "       JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
              "      WHERE k.ord <= i.indnkeyatts) = "
              "    (SELECT pg_catalog.array_agg(k COLLATE \"C\" ORDER BY k COLLATE \"C\") FROM pg_catalog.unnest($2::text[]) AS k))",
              {target.quoted(), pg::toTextArrayLiteral(key)})
        .toBool(0, 0);
}

} // namespace mimeo::replication::incremental
