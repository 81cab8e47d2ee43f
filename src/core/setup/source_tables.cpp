// SPDX-License-Identifier: PostgreSQL
#include "setup/source_tables.h"

#include "catalog/source_probe.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/change_detector.h"
#include "replication/incremental_control.h"
#include "replication/index_copy.h"
#include "replication/source_relation.h"

#include <algorithm>
#include <map>

namespace mimeo::setup {
namespace {

// The kinds describeSource accepts, and the schemas no one replicates from.
constexpr const char *kBrowsable = "c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition";
constexpr const char *kUserSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
                                    "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
                                    "AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')";

// Estimated rows and total bytes of the pg_class row `p` (oid, relkind,
// reltuples): a partitioned table sums its leaf partitions. reltuples is -1
// before the first VACUUM or ANALYZE; leaves still unknown are left out of
// the sum, which is -1 only when none is known (0 without any partition).
constexpr const char *kSizeColumns = R"SQL(
       CASE WHEN p.relkind = 'p' THEN
                (SELECT CASE WHEN count(*) = 0 THEN 0
                             ELSE coalesce(sum(pc.reltuples) FILTER (WHERE pc.reltuples >= 0), -1) END::bigint
                   FROM pg_catalog.pg_partition_tree(p.oid) t JOIN pg_catalog.pg_class pc ON pc.oid = t.relid
                  WHERE t.isleaf)
            WHEN p.relkind IN ('r', 'm') AND p.reltuples >= 0 THEN p.reltuples::bigint
            ELSE -1 END,
       CASE WHEN p.relkind = 'p' THEN
                (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(t.relid)), 0)::bigint
                   FROM pg_catalog.pg_partition_tree(p.oid) t WHERE t.isleaf)
            WHEN p.relkind IN ('r', 'm') THEN pg_catalog.pg_total_relation_size(p.oid)
            ELSE -1 END)SQL";

// The filter as a LIKE pattern that matches it anywhere, literally.
std::string containsPattern(const std::string &text)
{
    std::string out = "%";
    for (char ch : text) {
        if (ch == '\\' || ch == '%' || ch == '_')
            out += '\\';
        out += ch;
    }
    return out + "%";
}

char relkindOf(std::string_view v) { return v.empty() ? 'r' : v[0]; }

std::vector<std::string> typesOf(const std::vector<std::string> &columns, const std::vector<SourceColumnInfo> &all)
{
    std::vector<std::string> out;
    for (const auto &c : columns) {
        auto it = std::find_if(all.begin(), all.end(), [&](const SourceColumnInfo &i) { return i.name == c; });
        out.push_back(it == all.end() ? std::string() : it->type);
    }
    return out;
}

} // namespace

std::vector<std::string> listSourceSchemas(pg::Connection &src)
{
    auto r = src.exec(std::string("SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE ") + kUserSchema
                      + " AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid AND " + kBrowsable
                      + ") ORDER BY n.nspname");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

RelationPage listSourceRelations(pg::Connection &src, const std::string &schema, const std::string &nameFilter, int offset,
                                 int limit)
{
    if (offset < 0 || limit < 1)
        throw pg::Error::usage("a page of relations needs offset >= 0 and limit >= 1", pg::Side::Source);
    // The inner query pages over pg_class alone; privileges and sizes are
    // computed for the rows of the page only (one more, to know of a next page).
    const std::string sql = std::string("SELECT p.nspname, p.relname, p.relkind, ") + kSizeColumns
        + ", pg_catalog.has_table_privilege(p.oid, 'SELECT') FROM ("
          "SELECT n.nspname, c.relname, c.relkind, c.oid, c.reltuples "
          "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
        + kBrowsable + " AND " + kUserSchema
        + " AND ($1 = '' OR n.nspname = $1) AND ($2 = '' OR c.relname ILIKE $3 ESCAPE '\\') "
          "ORDER BY n.nspname, c.relname OFFSET $4 LIMIT $5) p ORDER BY p.nspname, p.relname";
    auto r = src.exec(sql, {schema, nameFilter, containsPattern(nameFilter), std::to_string(offset), std::to_string(limit + 1)});
    RelationPage page;
    for (int i = 0; i < r.rows() && i < limit; ++i)
        page.rows.push_back({r.text(i, 0), r.text(i, 1), relkindOf(r.value(i, 2)), r.toInt(i, 3), r.toInt(i, 4), r.toBool(i, 5)});
    page.more = r.rows() > limit;
    return page;
}

const SourceKey *SourceTableDetails::replicationKey() const
{
    auto it = std::find_if(keys.begin(), keys.end(), [](const SourceKey &k) { return k.replicationKey; });
    return it == keys.end() ? nullptr : &*it;
}

SourceTableDetails describeSourceTable(pg::Connection &src, const pg::QualifiedName &table)
{
    const auto rel = replication::describeSource(src, table, {}, 0);
    const auto access = catalog::probeRelationAccess(src, table, rel.oid, {});
    if (!access.usage || !access.select) {
        throw pg::Error::usage("role " + access.role + " may not read source " + rel.kindName() + " " + table.catalogText(),
                               pg::Side::Source,
                               "on the source, as its owner or a superuser: "
                                   + (access.usage ? std::string() : access.usageFix + " ") + access.selectFix);
    }

    SourceTableDetails d;
    d.name = rel.name;
    d.relkind = rel.relkind;
    d.isView = rel.isView();

    auto nn = src.exec("SELECT attname, attnotnull FROM pg_catalog.pg_attribute WHERE attrelid = $1::oid AND attnum > 0 "
                       "AND NOT attisdropped",
                       {std::to_string(rel.oid)});
    std::map<std::string, bool> notNull;
    for (int i = 0; i < nn.rows(); ++i)
        notNull[nn.text(i, 0)] = nn.toBool(i, 1);
    for (const auto &c : rel.columns)
        d.columns.push_back({c.name, c.type, notNull[c.name]});

    auto sizes = src.exec(std::string("SELECT ") + kSizeColumns
                              + ", pg_catalog.current_setting('track_counts')::bool FROM pg_catalog.pg_class p WHERE p.oid = $1::oid",
                          {std::to_string(rel.oid)});
    d.estimatedRows = sizes.toInt(0, 0);
    d.bytes = sizes.toInt(0, 1);
    d.trackCounts = sizes.toBool(0, 2);

    // The engine's own reading of the indexes, so "the replication key" here
    // is the one a make would take.
    const auto indexes = replication::readSourceIndexes(src, rel.oid);
    std::vector<const replication::SourceIndex *> all;
    if (indexes.key)
        all.push_back(&*indexes.key);
    for (const auto &o : indexes.others)
        all.push_back(&o);
    for (const auto *idx : all) {
        if (!(idx->primary || idx->unique) || !idx->plain || idx->columns.empty())
            continue;
        d.keys.push_back({idx->name, idx->primary, idx->columns, typesOf(idx->columns, d.columns), idx->notNull,
                          idx == all.front() && indexes.key.has_value()});
    }
    std::stable_sort(d.keys.begin(), d.keys.end(), [](const SourceKey &a, const SourceKey &b) {
        return a.replicationKey != b.replicationKey ? a.replicationKey : a.name < b.name;
    });

    for (const auto &c : replication::incremental::controlCandidates(src, rel.oid)) {
        ControlCandidateInfo info;
        info.column = c.column;
        info.type = typesOf({c.column}, d.columns).front();
        info.time = c.kind == replication::incremental::ControlKind::Time;
        info.notNull = notNull[c.column];
        info.indexed = std::any_of(all.begin(), all.end(), [&](const replication::SourceIndex *idx) {
            return idx->accessMethod == "btree" && !idx->partial && idx->leadingColumn == c.column;
        });
        d.controlCandidates.push_back(std::move(info));
    }

    const auto counters = replication::readCounters(src, rel);
    if (counters.available)
        d.activity = DmlActivity{counters.inserted, counters.updated, counters.deleted, counters.live};
    return d;
}

} // namespace mimeo::setup
