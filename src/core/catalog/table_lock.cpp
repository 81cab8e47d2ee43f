// SPDX-License-Identifier: PostgreSQL
#include "catalog/table_lock.h"

#include "pg/cancel.h"
#include "pg/connection.h"

#include <chrono>
#include <thread>

namespace mimeo::catalog {

namespace {
constexpr const char *kTry = "SELECT pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtext('mimeo advisory lock'), "
                             "pg_catalog.hashtext($1))";
constexpr const char *kWait = "SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('mimeo advisory lock'), "
                              "pg_catalog.hashtext($1))";
constexpr const char *kSessionLock = "SELECT pg_catalog.pg_advisory_lock(pg_catalog.hashtext('mimeo advisory lock'), "
                                     "pg_catalog.hashtext($1))";
constexpr const char *kTrySessionLock = "SELECT pg_catalog.pg_try_advisory_lock(pg_catalog.hashtext('mimeo advisory lock'), "
                                        "pg_catalog.hashtext($1))";
constexpr const char *kSessionUnlock = "SELECT pg_catalog.pg_advisory_unlock(pg_catalog.hashtext('mimeo advisory lock'), "
                                       "pg_catalog.hashtext($1))";
} // namespace

SessionTableLock::SessionTableLock(pg::Connection &dest, std::string destTable)
    : dest_(dest)
    , destTable_(std::move(destTable))
{
    dest_.exec(kSessionLock, {destTable_});
}

SessionTableLock::~SessionTableLock() { releaseSessionTableLock(dest_, destTable_); }

bool tryHoldSessionTableLock(pg::Connection &dest, const std::string &destTable)
{
    return dest.exec(kTrySessionLock, {destTable}).toBool(0, 0);
}

void releaseSessionTableLock(pg::Connection &dest, const std::string &destTable) noexcept
{
    // A connection that broke has lost the lock with its session. A
    // cancelled run releases it too (execCleanup): the connection may serve
    // other runs, and others would wait for the lock until it closed.
    try {
        if (!dest.isBad())
            dest.execCleanup(kSessionUnlock, {destTable});
    } catch (...) {
    }
}

bool acquireTableLock(pg::Connection &dest, const std::string &destTable, LockWait wait, const pg::CancelToken *cancel)
{
    if (wait.unbounded) {
        dest.exec(kWait, {destTable}); // blocks; a cancel reaches it through PQcancel
        return true;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait.wait ? wait.seconds : 0);
    for (;;) {
        if (dest.exec(kTry, {destTable}).toBool(0, 0))
            return true;
        if (!wait.wait || std::chrono::steady_clock::now() >= deadline)
            return false;
        if (cancel && cancel->requested())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace mimeo::catalog
