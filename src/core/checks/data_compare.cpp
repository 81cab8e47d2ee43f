// SPDX-License-Identifier: PostgreSQL
#include "checks/data_compare.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "pg/array.h"
#include "pg/error.h"
#include "pg/quote.h"
#include "replication/index_copy.h"
#include "replication/source_relation.h"

#include <algorithm>
#include <map>

namespace mimeo::checks {
namespace {

// Both sides print values the same way only under the same settings.
constexpr const char *kSettings = "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, MDY'; "
                                  "SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1; "
                                  "SET LOCAL bytea_output = 'hex'";

struct Side {
    std::string from;  // FROM ... [WHERE ...] part
    std::string keyExpr;
    std::string rowExpr;
    std::string keyValues;
};

std::string bucketExpr(const std::string &keyExpr, int buckets)
{
    return "((('x' || substr(md5(" + keyExpr + "), 1, 8))::bit(32)::int) & " + std::to_string(buckets - 1) + ")";
}

struct Buckets {
    long long rows = 0;
    std::map<int, std::string> digests;
};

Buckets readBuckets(pg::Connection &c, const Side &s, int buckets)
{
    auto r = c.exec("SELECT b, count(*), md5(string_agg(h, '' ORDER BY h COLLATE \"C\")) FROM (SELECT "
                    + bucketExpr(s.keyExpr, buckets) + " AS b, md5(" + s.keyExpr + " || ':' || " + s.rowExpr + ") AS h "
                    + s.from + ") x GROUP BY b");
    Buckets out;
    for (int i = 0; i < r.rows(); ++i) {
        out.rows += r.toInt(i, 1);
        out.digests[static_cast<int>(r.toInt(i, 0))] = r.text(i, 2);
    }
    return out;
}

struct KeyedRow {
    std::string hash;
    std::vector<std::optional<std::string>> keyValues;
};

std::map<std::string, KeyedRow> readRows(pg::Connection &c, const Side &s, int buckets, const std::vector<std::string> &which)
{
    auto r = c.exec("SELECT " + s.keyExpr + ", md5(" + s.rowExpr + "), " + s.keyValues + " " + s.from
                        + (s.from.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ") + bucketExpr(s.keyExpr, buckets)
                        + " = ANY($1::int[])",
                    {pg::toTextArrayLiteral(which)});
    std::map<std::string, KeyedRow> out;
    for (int i = 0; i < r.rows(); ++i)
        out[r.text(i, 0)] = {r.text(i, 1), pg::parseTextArray(r.text(i, 2))};
    return out;
}

// ARRAY[k1::text, ...]: the key's columns one by one, for a repair.
std::string valuesOf(const std::string &qualifier, const std::vector<std::string> &cols)
{
    std::string e = "ARRAY[";
    for (size_t i = 0; i < cols.size(); ++i)
        e += (i ? ", " : "") + qualifier + pg::quoteIdent(cols[i]) + "::text";
    return e + "]::text";
}

std::string rowOf(const std::string &qualifier, const std::vector<std::string> &cols)
{
    std::string e = "ROW(";
    for (size_t i = 0; i < cols.size(); ++i)
        e += (i ? ", " : "") + qualifier + pg::quoteIdent(cols[i]);
    // A one-column ROW() still prints as (value), the same on both sides.
    return e + ")::text";
}

} // namespace

DataReport checkData(const CheckContext &ctx, const std::string &destTable, int maxDifferences)
{
    auto &dest = ctx.dest;
    const auto config = catalog::requireConfig(dest, ctx.schema, destTable);
    DataReport rep;
    rep.destTable = destTable;
    const auto &type = catalog::concreteType(config.type());
    const auto srcName = pg::QualifiedName::fromCatalogText(config.sourceTable());
    const auto destName = pg::QualifiedName::fromCatalogText(destTable);
    auto src = ctx.connectSource(config.dataSourceId(), destTable);
    const auto rel = replication::describeSource(src, srcName, config.array("filter"), config.dataSourceId());
    std::vector<std::string> cols;
    for (const auto &c : rel.columns)
        cols.push_back(c.name);

    if (config.has("pk_name")) {
        rep.keyColumns = config.array("pk_name");
    } else if (!rel.isView()) {
        if (auto key = replication::readSourceIndexes(src, rel.oid).key)
            rep.keyColumns = key->columns;
    }
    if (rep.keyColumns.empty() || !std::all_of(rep.keyColumns.begin(), rep.keyColumns.end(), [&](const std::string &k) {
            return std::find(cols.begin(), cols.end(), k) != cols.end();
        }))
        throw pg::Error::usage("comparing rows of " + destTable + " needs a primary key or unique index on the source "
                                   "among the replicated columns",
                               pg::Side::Source, "use: mimeo check rowcount " + destTable);

    const std::string srcQ = srcName.quoted() + ".";
    Side s{"FROM " + srcName.quoted(), rowOf(srcQ, rep.keyColumns), rowOf(srcQ, cols), valuesOf(srcQ, rep.keyColumns)};
    Side d{"FROM " + destName.quoted(), rowOf("", rep.keyColumns), rowOf("", cols), valuesOf("", rep.keyColumns)};
    std::string srcWhere, destWhere;
    if (auto cond = config.optText("condition"))
        s.from += " " + *cond;
    const bool srcHasWhere = config.optText("condition").has_value();
    if (type.family == catalog::TypeFamily::Incremental) {
        const std::string cast = type.control == catalog::ControlKind::Serial ? "bigint" : "timestamptz";
        const std::string bound = pg::quoteIdent(config.text("control")) + " <= " + pg::quoteLiteral(config.text("last_value")) + "::" + cast;
        s.from += (srcHasWhere ? " AND " : " WHERE ") + srcQ + bound;
        d.from += " WHERE " + bound;
        rep.scope = "rows with " + config.text("control") + " <= last_value (" + config.text("last_value") + ")";
    } else if (type.marksDeleted) {
        d.from += " WHERE mimeo_source_deleted IS NULL";
        rep.scope = "rows not marked deleted on the destination";
    } else {
        rep.scope = "all rows";
    }

    // Consistent reads on both sides while we look twice.
    pg::Transaction srcTx(src, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    pg::Transaction destTx(dest, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    src.exec(kSettings);
    dest.exec(kSettings);
    const auto estimate = std::max<long long>(1, src.exec("SELECT count(*) " + s.from).toInt(0, 0));
    rep.buckets = 64;
    while (rep.buckets < 65536 && rep.buckets * 500LL < estimate)
        rep.buckets *= 2;
    const auto a = readBuckets(src, s, rep.buckets);
    const auto b = readBuckets(dest, d, rep.buckets);
    rep.sourceRows = a.rows;
    rep.destRows = b.rows;
    std::vector<std::string> differing;
    for (int i = 0; i < rep.buckets; ++i) {
        auto x = a.digests.find(i), y = b.digests.find(i);
        const bool same = (x == a.digests.end() && y == b.digests.end())
            || (x != a.digests.end() && y != b.digests.end() && x->second == y->second);
        if (!same)
            differing.push_back(std::to_string(i));
    }
    rep.differingBuckets = static_cast<int>(differing.size());
    if (!differing.empty()) {
        const auto left = readRows(src, s, rep.buckets, differing);
        const auto right = readRows(dest, d, rep.buckets, differing);
        auto add = [&](RowDifference::Kind k, const std::string &key, const KeyedRow &row) {
            if (static_cast<int>(rep.differences.size()) < maxDifferences)
                rep.differences.push_back({k, key, row.keyValues});
            else
                rep.truncated = true;
        };
        for (const auto &[key, row] : left) {
            auto it = right.find(key);
            if (it == right.end())
                add(RowDifference::Kind::MissingOnDestination, key, row);
            else if (it->second.hash != row.hash)
                add(RowDifference::Kind::Different, key, row);
        }
        for (const auto &[key, row] : right) {
            if (!left.count(key))
                add(RowDifference::Kind::ExtraOnDestination, key, row);
        }
    }
    srcTx.commit();
    destTx.commit();
    return rep;
}

} // namespace mimeo::checks
