// SPDX-License-Identifier: PostgreSQL
#include "checks/columns.h"

#include "catalog/config_row.h"
#include "catalog/sources.h"
#include "pg/error.h"
#include "replication/dest_objects.h"
#include "replication/source_relation.h"

#include <algorithm>

namespace mimeo::checks {

std::vector<ColumnDrift> checkColumns(const CheckContext &ctx, std::optional<int> dataSourceId)
{
    catalog::SourceRegistry registry(ctx.dest, ctx.schema);
    std::vector<int> ids;
    if (dataSourceId) {
        registry.get(*dataSourceId); // names an unknown id
        ids.push_back(*dataSourceId);
    } else {
        for (const auto &s : registry.list())
            ids.push_back(s.id);
    }
    std::vector<ColumnDrift> out;
    for (int id : ids) {
        auto rows = ctx.dest.exec("SELECT dest_table FROM " + pg::quoteIdent(ctx.schema)
                                      + ".refresh_config WHERE dblink = $1 ORDER BY source_table, dest_table",
                                  {std::to_string(id)});
        if (rows.rows() == 0)
            continue;
        auto src = ctx.connectSource(id, "columns");
        for (int i = 0; i < rows.rows(); ++i) {
            const auto config = catalog::findConfig(ctx.dest, ctx.schema, rows.text(i, 0));
            if (!config)
                continue;
            ColumnDrift base;
            base.destTable = config->destTable();
            base.sourceTable = config->sourceTable();
            base.dataSourceId = id;
            replication::SourceRelation rel;
            try {
                rel = replication::describeSource(src, pg::QualifiedName::fromCatalogText(base.sourceTable),
                                                  config->array("filter"), id);
            } catch (const pg::Error &e) {
                base.problem = "source table missing";
                out.push_back(base);
                continue;
            }
            // The view for a snapshot, the table otherwise: what users read.
            const auto destName = pg::QualifiedName::fromCatalogText(base.destTable);
            if (!replication::relationKind(ctx.dest, destName)) {
                base.problem = "destination missing";
                out.push_back(base);
                continue;
            }
            const auto destCols = replication::relationColumns(ctx.dest, destName);
            for (const auto &c : rel.columns) {
                auto it = std::find_if(destCols.begin(), destCols.end(), [&](const auto &d) { return d.name == c.name; });
                if (it != destCols.end() && it->type == c.type)
                    continue;
                ColumnDrift d = base;
                d.column = c.name;
                d.sourceType = c.type;
                if (it != destCols.end())
                    d.destType = it->type;
                d.problem = it == destCols.end() ? "missing" : "type differs";
                out.push_back(d);
            }
        }
    }
    return out;
}

} // namespace mimeo::checks
