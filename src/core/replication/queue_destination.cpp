// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_destination.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/dest_objects.h"
#include "replication/queue_names.h"

#include <algorithm>
#include <set>

namespace mimeo::replication::queue {
namespace {

bool hasUniqueIndexOn(pg::Connection &dest, const pg::QualifiedName &name, const std::vector<std::string> &columns)
{
    auto r = dest.exec("SELECT ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::int2[]) k(attnum) "
                       "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) "
                       "FROM pg_catalog.pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indisvalid "
                       "AND i.indexprs IS NULL AND i.indpred IS NULL",
                       {name.quoted()});
    const std::set<std::string> wanted(columns.begin(), columns.end());
    for (int i = 0; i < r.rows(); ++i) {
        const auto cols = pg::parseTextArrayNoNulls(r.value(i, 0));
        if (std::set<std::string>(cols.begin(), cols.end()) == wanted && cols.size() == columns.size())
            return true;
    }
    return false;
}

bool relationNameTaken(pg::Connection &dest, const std::string &schema, const std::string &name)
{
    return relationKind(dest, {schema, name}).has_value();
}

} // namespace

bool hasDeletedColumn(pg::Connection &dest, const pg::QualifiedName &name)
{
    const auto cols = relationColumns(dest, name);
    return std::any_of(cols.begin(), cols.end(), [](const Column &c) { return c.name == "mimeo_source_deleted"; });
}

void requireDestinationColumns(pg::Connection &dest, const pg::QualifiedName &name, const std::vector<Column> &source,
                               bool logdel)
{
    const auto have = relationColumns(dest, name);
    std::vector<Column> missing;
    for (const auto &s : source) {
        if (std::none_of(have.begin(), have.end(), [&](const Column &d) { return d.name == s.name; }))
            missing.push_back(s);
    }
    if (logdel && std::none_of(have.begin(), have.end(), [](const Column &d) { return d.name == "mimeo_source_deleted"; }))
        missing.push_back({"mimeo_source_deleted", "timestamp with time zone", false});
    if (missing.empty())
        return;
    std::string list, fix;
    for (const auto &m : missing) {
        list += (list.empty() ? "" : ", ") + m.name;
        fix += (fix.empty() ? "" : "; ") + ("ALTER TABLE " + name.quoted() + " ADD COLUMN " + pg::quoteIdent(m.name) + " " + m.type);
    }
    throw pg::Error::usage("destination table " + name.catalogText() + " lacks columns the source has: " + list,
                           pg::Side::Destination, "add them on the destination first (then on the queue table for logdel): " + fix + ";");
}

void createDestinationIndexes(pg::Connection &dest, const pg::QualifiedName &name, const std::string &sourceTableName,
                              const SourceIndexes &indexes, const ReplicationKey &key,
                              const std::vector<Column> &columns, const DestIndexOptions &options)
{
    const auto keyNames = key.names();
    if (options.copyAll) {
        IndexCopyOptions o;
        o.keyOnly = options.keyOnly;
        o.availableColumns = columnNames(columns);
        o.warn = options.warn;
        copyIndexes(dest, name, sourceTableName, indexes, o);
    } else if (key.primary && !key.manual) {
        // mimeo's "minimal required indexes" when p_index is false.
        dest.exec("ALTER TABLE " + name.quoted() + " ADD PRIMARY KEY (" + pg::quoteIdentList(keyNames) + ")");
    }
    // Every refresh looks rows up by the key, and a key that is not unique
    // cannot be replayed: make sure an index says so (mimeo skipped it for a
    // --pk-name key when copying indexes).
    if (!hasUniqueIndexOn(dest, name, keyNames))
        dest.exec("CREATE UNIQUE INDEX ON " + name.quoted() + " (" + pg::quoteIdentList(keyNames) + ")");
    if (options.logdel && options.copyAll) {
        const std::string wanted = lengthChecked(name.name, "_mimeo_source_deleted");
        const std::string index = relationNameTaken(dest, name.schema, wanted) ? std::string() : pg::quoteIdent(wanted) + " ";
        dest.exec("CREATE INDEX " + index + "ON " + name.quoted() + " (mimeo_source_deleted)");
    }
}

} // namespace mimeo::replication::queue
