// SPDX-License-Identifier: PostgreSQL
#include "checks/snapshot_size.h"

#include "pg/quote.h"

#include <cstdio>

namespace mimeo::checks {

namespace {

std::string sizeText(long long bytes)
{
    const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    if (u == 0)
        return std::to_string(bytes) + " bytes";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

} // namespace

std::optional<std::string> snapshotSizeAdvice(const std::string &table, long long rows, long long bytes)
{
    const bool manyRows = rows >= kSnapshotAdviceRows;
    const bool manyBytes = bytes >= kSnapshotAdviceBytes;
    if (!manyRows && !manyBytes)
        return std::nullopt;
    std::string size = rows >= 0 ? "about " + std::to_string(rows) + " rows" : "an unknown number of rows";
    if (bytes >= 0)
        size += " in " + sizeText(bytes);
    return table + " has " + size + " (past " + std::to_string(kSnapshotAdviceRows) + " rows or " + sizeText(kSnapshotAdviceBytes)
        + "); snap and table copy all of it at every refresh: an incremental or dml replication moves only what changed";
}

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
