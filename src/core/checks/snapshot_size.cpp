// SPDX-License-Identifier: PostgreSQL
#include "checks/snapshot_size.h"

#include "pg/quote.h"

namespace mimeo::checks {

std::vector<SnapshotSize> checkSnapshots(const CheckContext &ctx, std::optional<long long> minRows,
                                         std::optional<long long> minBytes)
{
    auto cfg = ctx.dest.exec("SELECT dest_table, source_table, dblink FROM " + pg::quoteIdent(ctx.schema)
                             + ".refresh_config_snap ORDER BY dest_table");
    std::vector<SnapshotSize> out;
    for (int i = 0; i < cfg.rows(); ++i) {
        SnapshotSize s;
        s.destTable = cfg.text(i, 0);
        s.sourceTable = cfg.text(i, 1);
        const auto name = pg::QualifiedName::fromCatalogText(s.sourceTable);
        auto src = ctx.connectSource(static_cast<int>(cfg.toInt(i, 2)), s.destTable);
        auto r = src.exec("SELECT (SELECT count(*) FROM " + name.quoted() + "), pg_catalog.pg_total_relation_size($1::regclass)",
                          {name.quoted()});
        s.rows = r.toInt(0, 0);
        s.bytes = r.toInt(0, 1);
        const bool any = !minRows && !minBytes;
        if (any || (minRows && s.rows >= *minRows) || (minBytes && s.bytes >= *minBytes))
            out.push_back(s);
    }
    return out;
}

} // namespace mimeo::checks
