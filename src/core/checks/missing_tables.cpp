// SPDX-License-Identifier: PostgreSQL
#include "checks/missing_tables.h"

#include "catalog/sources.h"
#include "pg/quote.h"
#include "replication/queue_orphans.h"

#include <set>

namespace mimeo::checks {

std::vector<MissingTable> checkMissing(const CheckContext &ctx, std::optional<int> dataSourceId, bool views)
{
    catalog::SourceRegistry registry(ctx.dest, ctx.schema);
    std::vector<int> ids;
    if (dataSourceId) {
        registry.get(*dataSourceId);
        ids.push_back(*dataSourceId);
    } else {
        for (const auto &s : registry.list())
            ids.push_back(s.id);
    }
    std::vector<MissingTable> out;
    for (int id : ids) {
        std::set<std::string> replicated;
        auto cfg = ctx.dest.exec("SELECT source_table FROM " + pg::quoteIdent(ctx.schema) + ".refresh_config WHERE dblink = $1",
                                 {std::to_string(id)});
        for (int i = 0; i < cfg.rows(); ++i)
            replicated.insert(cfg.text(i, 0));
        auto src = ctx.connectSource(id, "missing");
        auto r = src.exec(R"SQL(
            SELECT n.nspname, c.relname,
                   CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                                  WHEN 'm' THEN 'materialized view' ELSE 'table' END
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE (c.relkind IN ('r', 'p') OR ($2 AND c.relkind IN ('v', 'm')))
               AND NOT c.relispartition
               AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname <> $1
               AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
             ORDER BY 1, 2)SQL",
                          {ctx.schema, views ? "t" : "f"});
        for (int i = 0; i < r.rows(); ++i) {
            if (replicated.count(pg::QualifiedName{r.text(i, 0), r.text(i, 1)}.catalogText()))
                continue;
            out.push_back({id, r.text(i, 0), r.text(i, 1), r.text(i, 2), {}, {}, {}});
        }
        for (const auto &o : replication::queue::findOrphanedQueues(src, ctx.dest, ctx.schema))
            out.push_back({id, o.objects.queue.schema, o.objects.queue.name, "orphaned queue", o.source.catalogText(), o.destTable,
                           o.dropStatements});
    }
    return out;
}

} // namespace mimeo::checks
