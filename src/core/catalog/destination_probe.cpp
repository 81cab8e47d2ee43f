// SPDX-License-Identifier: PostgreSQL
#include "catalog/destination_probe.h"

#include "pg/connection.h"

namespace mimeo::catalog {

DestinationProbe probeDestination(pg::Connection &dest, const std::string &schema)
{
    DestinationProbe p;
    auto r = dest.exec("SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                       "pg_catalog.pg_is_in_recovery(), current_user, current_database()");
    p.serverVersion = r.text(0, 0);
    p.serverVersionNum = static_cast<int>(r.toInt(0, 1));
    p.standby = r.toBool(0, 2);
    p.user = r.text(0, 3);
    p.database = r.text(0, 4);
    p.catalog = inspectCatalog(dest, schema);
    return p;
}

} // namespace mimeo::catalog
