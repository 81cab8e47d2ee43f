#include "replication/incremental_apply.h"

#include "pg/connection.h"

namespace mimeo::replication::incremental {
namespace {

std::string keyMatch(const std::string &a, const std::string &b, const std::vector<std::string> &key)
{
    std::string out;
    for (const auto &k : key)
        out += (out.empty() ? "" : " AND ") + a + "." + pg::quoteIdent(k) + " = " + b + "." + pg::quoteIdent(k);
    return out;
}

std::string prefixed(const std::string &alias, const std::vector<std::string> &names)
{
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : ", ") + alias + "." + pg::quoteIdent(n);
    return out;
}

} // namespace

pg::QualifiedName createStaging(pg::Connection &dest, const std::string &name, const std::vector<Column> &columns)
{
    const pg::QualifiedName staging{"pg_temp", name};
    dest.exec("CREATE TEMP TABLE " + pg::quoteIdent(staging.name) + " (" + columnDefinitions(columns) + ") ON COMMIT DROP");
    return staging;
}

int64_t deleteByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &keys,
                    const std::vector<std::string> &key)
{
    // With the batch's size known, the planner chooses between probing the
    // key index and a hash join over the table (forcing either was slower
    // in one case or the other when measured).
    dest.exec("ANALYZE " + keys.quoted());
    return dest.exec("DELETE FROM " + target.quoted() + " AS d USING " + keys.quoted() + " AS s WHERE " + keyMatch("d", "s", key))
        .affected();
}

ApplyCounts applyByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                       const std::vector<Column> &columns, const std::vector<std::string> &key)
{
    // The planner needs the batch's size to choose between a hash join and
    // index lookups.
    dest.exec("ANALYZE " + staging.quoted());
    const auto names = columnNames(columns);
    std::string sets;
    for (const auto &n : names)
        sets += (sets.empty() ? "" : ", ") + pg::quoteIdent(n) + " = s." + pg::quoteIdent(n);
    // One statement: the INSERT sees which keys the UPDATE found through the
    // CTE, so the destination is read once.
    const std::string sql = "WITH updated AS (UPDATE " + target.quoted() + " AS d SET " + sets + " FROM " + staging.quoted()
        + " AS s WHERE " + keyMatch("d", "s", key) + " RETURNING " + prefixed("s", key) + "), inserted AS (INSERT INTO "
        + target.quoted() + " (" + pg::quoteIdentList(names) + ") SELECT " + prefixed("s", names) + " FROM "
        + staging.quoted() + " AS s WHERE NOT EXISTS (SELECT 1 FROM updated AS u WHERE " + keyMatch("u", "s", key)
        + ") RETURNING 1) SELECT (SELECT pg_catalog.count(*) FROM updated), (SELECT pg_catalog.count(*) FROM inserted)";
    auto r = dest.exec(sql);
    return {r.toInt(0, 0), r.toInt(0, 1)};
}

} // namespace mimeo::replication::incremental
