// SPDX-License-Identifier: PostgreSQL
#include "replication/index_copy.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "pg/search_path.h"

#include <algorithm>

namespace mimeo::replication {
namespace {

constexpr const char *kIndexesSql = R"SQL(
SELECT ic.relname,
       i.indisprimary,
       i.indisunique,
       pg_catalog.pg_get_indexdef(i.indexrelid),
       pg_catalog.quote_ident(ic.relname),
       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
       i.indexprs IS NULL AND i.indpred IS NULL,
       ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.ord <= i.indnkeyatts ORDER BY k.ord),
       (SELECT coalesce(bool_and(a.attnotnull), false) FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.ord <= i.indnkeyatts),
       am.amname,
       i.indpred IS NOT NULL,
       (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0])
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE i.indrelid = $1 AND i.indisvalid
 ORDER BY i.indisprimary DESC, ic.relname
)SQL";

bool startsWith(const std::string &s, const std::string &prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool relationExists(pg::Connection &dest, const std::string &schema, const std::string &name)
{
    return dest
        .exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = $1 AND c.relname = $2)",
              {schema, name})
        .toBool(0, 0);
}

// A name not yet used in the schema: the wanted one, else with _2, _3, ...
// (mimeo reused names verbatim and collided, bug 9.2 #16).
std::string freeName(pg::Connection &dest, const std::string &schema, const std::string &wanted)
{
    std::string name = pg::clipIdentifier(wanted);
    for (int n = 2; relationExists(dest, schema, name); ++n) {
        const std::string suffix = "_" + std::to_string(n);
        name = pg::clipIdentifier(wanted, pg::kMaxIdentifierBytes - suffix.size()) + suffix;
    }
    return name;
}

std::string renamedIndex(const std::string &sourceIndex, const std::string &sourceTable, const std::string &targetTable,
                         const std::string &prefix)
{
    std::string name = sourceIndex;
    if (const auto pos = name.find(sourceTable); pos != std::string::npos && !sourceTable.empty())
        name.replace(pos, sourceTable.size(), targetTable);
    return prefix + name;
}

bool columnsAvailable(const SourceIndex &idx, const std::vector<std::string> &available)
{
    return std::all_of(idx.columns.begin(), idx.columns.end(), [&](const std::string &c) {
        return std::find(available.begin(), available.end(), c) != available.end();
    });
}

} // namespace

SourceIndexes readSourceIndexes(pg::Connection &src, uint32_t relationOid)
{
    SourceIndexes out;
    std::vector<SourceIndex> uniqueCandidates;
    pg::withCatalogSearchPath(src, [&] {
        auto r = src.exec(kIndexesSql, {std::to_string(relationOid)});
        for (int i = 0; i < r.rows(); ++i) {
            SourceIndex idx;
            idx.name = r.text(i, 0);
            idx.primary = r.toBool(i, 1);
            idx.unique = r.toBool(i, 2);
            const std::string def = r.text(i, 3);
            const std::string head = std::string("CREATE ") + (idx.unique ? "UNIQUE " : "") + "INDEX " + r.text(i, 4) + " ON ";
            const std::string table = r.text(i, 5) + " USING ";
            std::string rest;
            if (startsWith(def, head + table))
                rest = def.substr(head.size() + table.size());
            else if (startsWith(def, head + "ONLY " + table))
                rest = def.substr(head.size() + 5 + table.size());
            else
                continue; // a form we do not understand: better not to guess
            idx.method = rest;
            idx.plain = r.toBool(i, 6);
            idx.columns = pg::parseTextArrayNoNulls(r.value(i, 7));
            idx.notNull = r.toBool(i, 8);
            idx.accessMethod = r.text(i, 9);
            idx.partial = r.toBool(i, 10);
            idx.leadingColumn = r.text(i, 11);
            if (idx.primary && !out.key)
                out.key = idx;
            else if (idx.unique && idx.plain && idx.notNull && !idx.columns.empty())
                uniqueCandidates.push_back(idx);
            else
                out.others.push_back(idx);
        }
    });
    // No primary key: the first usable unique index by name is the key (what
    // mimeo's documentation promises; its code took the oldest).
    for (auto &u : uniqueCandidates) {
        if (!out.key)
            out.key = u;
        else
            out.others.push_back(u);
    }
    return out;
}

void copyIndexes(pg::Connection &dest, const pg::QualifiedName &target, const std::string &sourceTableName,
                 const SourceIndexes &indexes, const IndexCopyOptions &options)
{
    auto warn = [&](const std::string &w) {
        if (options.warn)
            options.warn(w);
    };
    if (indexes.key) {
        const auto &key = *indexes.key;
        if (!columnsAvailable(key, options.availableColumns)) {
            warn("replication key " + key.name + " not copied: the destination lacks some of its columns");
        } else if (key.primary) {
            std::string wanted = target.name;
            for (const auto &c : key.columns)
                wanted += "_" + c;
            wanted += "_pk";
            const std::string name = freeName(dest, target.schema, wanted);
            dest.exec("ALTER TABLE " + target.quoted() + " ADD CONSTRAINT " + pg::quoteIdent(name) + " PRIMARY KEY ("
                      + pg::quoteIdentList(key.columns) + ")");
        } else {
            const std::string name =
                freeName(dest, target.schema, renamedIndex(key.name, sourceTableName, target.name, options.namePrefix));
            dest.exec("CREATE UNIQUE INDEX " + pg::quoteIdent(name) + " ON " + target.quoted() + " USING " + key.method);
        }
    }
    if (options.keyOnly)
        return;
    for (const auto &idx : indexes.others) {
        if (!idx.columns.empty() && !columnsAvailable(idx, options.availableColumns)) {
            warn("index " + idx.name + " not copied: the destination lacks some of its columns");
            continue;
        }
        const std::string name =
            freeName(dest, target.schema, renamedIndex(idx.name, sourceTableName, target.name, options.namePrefix));
        const std::string sql = std::string("CREATE ") + (idx.unique ? "UNIQUE " : "") + "INDEX " + pg::quoteIdent(name)
            + " ON " + target.quoted() + " USING " + idx.method;
        if (auto e = pg::attemptInSavepoint(dest, [&] { dest.exec(sql); }))
            warn("index " + idx.name + " not copied: " + e->message());
    }
}

} // namespace mimeo::replication
