// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_apply.h"

#include "pg/connection.h"
#include "replication/batch_plan_settings.h"
#include "replication/queue_plan.h"

#include <algorithm>

namespace mimeo::replication::incremental {
namespace {

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

ApplyCounts upsertByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                        const std::vector<Column> &columns, const std::vector<std::string> &key)
{
    const auto names = columnNames(columns);
    std::string sets;
    for (const auto &n : names) {
        if (std::find(key.begin(), key.end(), n) == key.end())
            sets += (sets.empty() ? "" : ", ") + pg::quoteIdent(n) + " = EXCLUDED." + pg::quoteIdent(n);
    }
    BatchPlanSettings settings(dest, BatchPlanSettings::Joins::Any);
    // A row the statement inserted has no xmax yet; one it updated has ours.
    const std::string sql = "WITH written AS (INSERT INTO " + target.quoted() + " AS d (" + pg::quoteIdentList(names)
        + ") SELECT " + prefixed("s", names) + " FROM " + staging.quoted() + " AS s ON CONFLICT (" + pg::quoteIdentList(key)
        + ") " + (sets.empty() ? "DO NOTHING" : "DO UPDATE SET " + sets)
        + " RETURNING d.xmax::text OPERATOR(pg_catalog.=) '0' AS fresh) "
          "SELECT pg_catalog.count(*) FILTER (WHERE NOT fresh), pg_catalog.count(*) FILTER (WHERE fresh) FROM written";
    auto r = dest.exec(sql);
    return {r.toInt(0, 0), r.toInt(0, 1)};
}

ApplyCounts replaceByKey(pg::Connection &dest, const pg::QualifiedName &target, const pg::QualifiedName &staging,
                         const std::vector<Column> &columns, const std::vector<std::string> &key, int64_t batchRows)
{
    const auto names = pg::quoteIdentList(columnNames(columns));
    ApplyCounts out;
    {
        // The batch's rows are found through the key's index, not by a hash
        // join over the whole table, unless the batch is most of the table.
        BatchPlanSettings settings(dest, queue::preferLookups(batchRows, queue::estimatedRows(dest, target.quoted()))
                                             ? BatchPlanSettings::Joins::NoHash
                                             : BatchPlanSettings::Joins::Any);
        out.updated = dest.exec("DELETE FROM " + target.quoted() + " AS d USING " + staging.quoted() + " AS s WHERE "
                                + keysEqual("d", "s", key))
                          .affected();
    }
    const int64_t written = dest.exec("INSERT INTO " + target.quoted() + " (" + names + ") SELECT " + names + " FROM "
                                      + staging.quoted())
                                .affected();
    out.inserted = written - out.updated;
    return out;
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
        + " AS s WHERE " + keysEqual("d", "s", key) + " RETURNING " + prefixed("s", key) + "), inserted AS (INSERT INTO "
        + target.quoted() + " (" + pg::quoteIdentList(names) + ") SELECT " + prefixed("s", names) + " FROM "
        + staging.quoted() + " AS s WHERE NOT EXISTS (SELECT 1 FROM updated AS u WHERE " + keysEqual("u", "s", key)
        + ") RETURNING 1) SELECT (SELECT pg_catalog.count(*) FROM updated), (SELECT pg_catalog.count(*) FROM inserted)";
    auto r = dest.exec(sql);
    return {r.toInt(0, 0), r.toInt(0, 1)};
}

} // namespace mimeo::replication::incremental
