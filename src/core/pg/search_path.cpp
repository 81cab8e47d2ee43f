// SPDX-License-Identifier: PostgreSQL
#include "pg/search_path.h"

#include "pg/connection.h"

namespace mimeo::pg {

void withCatalogSearchPath(Connection &conn, const std::function<void()> &fn)
{
    const bool local = conn.inTransaction();
    const std::string isLocal = local ? "true" : "false";
    const std::string old = conn.exec("SELECT pg_catalog.current_setting('search_path')").text(0, 0);
    conn.exec("SELECT pg_catalog.set_config('search_path', 'pg_catalog', " + isLocal + ")");
    try {
        fn();
    } catch (...) {
        // Inside a transaction the rollback restores it; outside, do it here.
        if (!local && !conn.isBad()) {
            try {
                conn.exec("SELECT pg_catalog.set_config('search_path', $1, false)", {old});
            } catch (...) {
            }
        }
        throw;
    }
    conn.exec("SELECT pg_catalog.set_config('search_path', $1, " + isLocal + ")", {old});
}

} // namespace mimeo::pg
