// SPDX-License-Identifier: PostgreSQL
#include "jobs/due_jobs.h"

#include "catalog/replication_types.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/quote.h"


namespace mimeo::jobs {

std::vector<DueJob> dueJobs(pg::Connection &dest, const std::string &schema, const std::string &typeFilter,
                            std::optional<int> batchLimit)
{
    // Each type filter reads the matching part of the inheritance tree, as
    // run_refresh.py does: inserter reads both inserter tables' parent.
    std::string table = "refresh_config";
    if (!typeFilter.empty()) {
        const auto *t = catalog::findType(typeFilter);
        if (!t || !t->isMakeLevel())
            throw pg::Error::usage("unknown type \"" + typeFilter + "\"", pg::Side::Unknown,
                                   "expected " + catalog::makeTypeNamesText());
        table = std::string(t->configTable);
    }
    std::string sql = "SELECT dest_table, type FROM " + pg::quoteIdent(schema) + "." + pg::quoteIdent(table)
        + " WHERE period IS NOT NULL AND last_run IS NOT NULL AND pg_catalog.now() - last_run > period"
          " ORDER BY last_run, dest_table";
    pg::Params params;
    if (batchLimit) {
        sql += " LIMIT $1";
        params.push_back(std::to_string(*batchLimit));
    }
    auto r = dest.exec(sql, params);
    std::vector<DueJob> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1)});
    return out;
}

bool stillDue(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    auto r = dest.exec("SELECT period IS NOT NULL AND last_run IS NOT NULL AND pg_catalog.now() - last_run > period FROM "
                           + pg::quoteIdent(schema) + ".refresh_config WHERE dest_table = $1",
                       {destTable});
    return r.rows() == 1 && r.toBool(0, 0);
}

} // namespace mimeo::jobs
