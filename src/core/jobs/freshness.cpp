// SPDX-License-Identifier: PostgreSQL
#include "jobs/freshness.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/params.h"
#include "pg/quote.h"

namespace mimeo::jobs {
namespace {

pg::Error notConfigured(const std::string &schema, const std::string &destTable)
{
    return pg::Error::usage(destTable + " is not a configured table in schema " + schema, pg::Side::Destination,
                            "mimeo status lists the configured tables");
}

} // namespace

Freshness readFreshness(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    const std::string qs = pg::quoteIdent(schema);
    auto r = dest.exec("SELECT c.period::text, f.late_after::text, f.critical_after::text, "
                       "       coalesce(f.late_after, c.period)::text, coalesce(f.critical_after, c.period * 2)::text "
                       "  FROM " + qs + ".refresh_config c LEFT JOIN " + qs + ".studio_freshness f ON f.dest_table = c.dest_table "
                       " WHERE c.dest_table = $1",
                       {destTable});
    if (r.rows() != 1)
        throw notConfigured(schema, destTable);
    return {r.optText(0, 0), r.optText(0, 1), r.optText(0, 2), r.optText(0, 3), r.optText(0, 4)};
}

void setFreshness(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                  const std::optional<std::string> &lateAfter, const std::optional<std::string> &criticalAfter)
{
    const std::string qs = pg::quoteIdent(schema);
    // Parse and judge on the server, which knows interval syntax and
    // arithmetic ('1 day' against '24 hours', months).
    for (const auto &[name, value] : {std::pair{"--late", lateAfter}, std::pair{"--critical", criticalAfter}}) {
        if (!value)
            continue;
        bool positive = false;
        try {
            positive = dest.exec("SELECT $1::interval > interval '0'", {*value}).toBool(0, 0);
        } catch (const pg::Error &e) {
            if (e.sqlstate().rfind("22", 0) != 0)
                throw;
            throw pg::Error::usage(std::string(name) + ": not an interval: " + *value, pg::Side::Destination,
                                   "write it as PostgreSQL does, for example '90 minutes' or '1 day'");
        }
        if (!positive)
            throw pg::Error::usage(std::string(name) + " must be a positive interval, not " + *value, pg::Side::Destination);
    }
    auto r = dest.exec("SELECT coalesce($2::interval, c.period)::text, coalesce($3::interval, c.period * 2)::text, "
                       "       coalesce($3::interval, c.period * 2) < coalesce($2::interval, c.period) "
                       "  FROM " + qs + ".refresh_config c WHERE c.dest_table = $1",
                       {destTable, lateAfter, criticalAfter});
    if (r.rows() != 1)
        throw notConfigured(schema, destTable);
    if (!r.isNull(0, 2) && r.toBool(0, 2))
        throw pg::Error::usage("critical after " + r.text(0, 1) + " would come before late after " + r.text(0, 0) + " for " + destTable,
                               pg::Side::Destination, "give --critical at least as long as --late");
    if (!lateAfter && !criticalAfter) {
        dest.exec("DELETE FROM " + qs + ".studio_freshness WHERE dest_table = $1", {destTable});
        return;
    }
    dest.exec("INSERT INTO " + qs + ".studio_freshness AS f (dest_table, late_after, critical_after) VALUES ($1, $2, $3) "
              "ON CONFLICT (dest_table) DO UPDATE SET late_after = EXCLUDED.late_after, critical_after = EXCLUDED.critical_after",
              {destTable, lateAfter, criticalAfter});
}

} // namespace mimeo::jobs
