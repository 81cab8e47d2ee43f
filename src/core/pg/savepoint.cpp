// SPDX-License-Identifier: PostgreSQL
#include "pg/savepoint.h"

#include "pg/connection.h"

namespace mimeo::pg {

std::optional<Error> attemptInSavepoint(Connection &conn, const std::function<void()> &fn)
{
    conn.exec("SAVEPOINT mimeo_attempt");
    try {
        fn();
    } catch (const Error &e) {
        if (conn.isBad())
            throw;
        conn.exec("ROLLBACK TO SAVEPOINT mimeo_attempt; RELEASE SAVEPOINT mimeo_attempt");
        return e;
    }
    conn.exec("RELEASE SAVEPOINT mimeo_attempt");
    return std::nullopt;
}

} // namespace mimeo::pg
