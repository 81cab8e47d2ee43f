// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_rewrite.h"

#include "pg/connection.h"
#include "replication/copy_pull.h"
#include "replication/job.h"

#include <algorithm>

namespace mimeo::replication::queue {

std::optional<int64_t> sourceFilenode(pg::Connection &src, const SourceRelation &rel)
{
    auto r = src.exec("SELECT relfilenode::bigint FROM pg_catalog.pg_class WHERE oid = $1::oid", {std::to_string(rel.oid)});
    if (r.rows() == 0 || r.isNull(0, 0) || r.toInt(0, 0) == 0)
        return std::nullopt;
    return r.toInt(0, 0);
}

int64_t reconcileKeys(Job &job, pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                      const pg::QualifiedName &dest, const std::vector<std::string> &keys, bool logdel)
{
    auto &conn = job.dest();
    // The key columns as the source has them, in the key's order.
    SourceRelation keyRel = rel;
    keyRel.columns.clear();
    for (const auto &k : keys) {
        auto it = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == k; });
        if (it != rel.columns.end())
            keyRel.columns.push_back(*it);
    }
    const pg::QualifiedName staging{"pg_temp", "mimeo_source_keys"};
    conn.exec("DROP TABLE IF EXISTS " + staging.quoted());
    conn.exec("CREATE TEMP TABLE " + pg::quoteIdent(staging.name) + " (" + columnDefinitions(keyRel.columns) + ") ON COMMIT DROP");
    PullSpec spec;
    spec.source = &keyRel;
    spec.condition = condition;
    spec.target = staging;
    spec.targetColumns = keyRel.columns;
    spec.freeze = true;
    pullInto(job, src, spec);
    job.checkCancel();
    conn.exec("ANALYZE " + staging.quoted());
    const std::string gone = "NOT EXISTS (SELECT 1 FROM " + staging.quoted() + " AS k WHERE " + keysEqual("k", "d", keys) + ")";
    const int64_t n = logdel ? conn.exec("UPDATE " + dest.quoted() + " AS d SET mimeo_source_deleted = pg_catalog.now() "
                                         "WHERE d.mimeo_source_deleted IS NULL AND " + gone)
                                   .affected()
                             : conn.exec("DELETE FROM " + dest.quoted() + " AS d WHERE " + gone).affected();
    conn.exec("DROP TABLE " + staging.quoted());
    return n;
}

} // namespace mimeo::replication::queue
