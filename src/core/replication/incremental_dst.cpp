// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_dst.h"

#include "pg/connection.h"

namespace mimeo::replication::incremental {

bool zoneObservesDst(pg::Connection &dest)
{
    // The first day of every month of this year: more than one UTC offset
    // means the zone switches (either hemisphere).
    return dest
        .exec("SELECT pg_catalog.count(DISTINCT pg_catalog.date_part('timezone', d)) > 1 FROM pg_catalog.generate_series("
              "pg_catalog.date_trunc('year', pg_catalog.now()), pg_catalog.date_trunc('year', pg_catalog.now()) + "
              "interval '11 months', interval '1 month') AS d")
        .toBool(0, 0);
}

bool dstPause(pg::Connection &dest, const DstSettings &settings, const std::optional<std::string> &at)
{
    if (!settings.active)
        return false;
    return dest
        .exec("SELECT pg_catalog.date_part('timezone', pg_catalog.date_trunc('day', t)) <> "
              "       pg_catalog.date_part('timezone', pg_catalog.date_trunc('day', t) + interval '1 day') "
              "   AND pg_catalog.to_char(t, 'HH24MI')::int > $2::int AND pg_catalog.to_char(t, 'HH24MI')::int < $3::int "
              "FROM (SELECT coalesce($1::timestamptz, pg_catalog.now()) AS t) AS x",
              {at, std::to_string(settings.start), std::to_string(settings.end)})
        .toBool(0, 0);
}

} // namespace mimeo::replication::incremental
