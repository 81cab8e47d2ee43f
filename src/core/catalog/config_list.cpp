// SPDX-License-Identifier: PostgreSQL
#include "catalog/config_list.h"

#include "catalog/replication_types.h"
#include "pg/connection.h"
#include "pg/iso_time.h"
#include "pg/quote.h"

#include <stdexcept>

namespace mimeo::catalog {

std::vector<ConfigSummary> listConfiguredTables(pg::Connection &dest, const std::string &schema)
{
    // refresh_config is the parent of every child table, so one SELECT reads
    // all types (mimeo relies on the same inheritance).
    auto r = dest.exec("SELECT dest_table, source_table, type, dblink, period::text, "
                       + pg::isoUtcSql("last_run") + ", batch_limit "
                       "FROM " + pg::quoteIdent(schema) + ".refresh_config ORDER BY dest_table");
    std::vector<ConfigSummary> out;
    for (int i = 0; i < r.rows(); ++i) {
        ConfigSummary c;
        c.destTable = r.text(i, 0);
        c.sourceTable = r.text(i, 1);
        c.type = r.text(i, 2);
        c.dataSourceId = static_cast<int>(r.toInt(i, 3));
        c.period = r.optText(i, 4);
        c.lastRun = r.optText(i, 5);
        if (auto b = r.optInt(i, 6))
            c.batchLimit = static_cast<int>(*b);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<ConfigSummary> destinationsReplicating(pg::Connection &dest, const std::string &schema, int dataSourceId,
                                                   const pg::QualifiedName &sourceTable)
{
    std::vector<ConfigSummary> out;
    for (auto &c : listConfiguredTables(dest, schema)) {
        if (c.dataSourceId != dataSourceId)
            continue;
        // Compared as names, not as text: the catalog's text may quote a
        // part that holds a dot, and rows edited by hand may not parse.
        try {
            if (pg::QualifiedName::fromCatalogText(c.sourceTable) == sourceTable)
                out.push_back(std::move(c));
        } catch (const std::invalid_argument &) {
        }
    }
    return out;
}

std::string typeFamily(const std::string &type)
{
    const auto *t = findType(type);
    return t ? std::string(t->group) : type;
}

} // namespace mimeo::catalog
