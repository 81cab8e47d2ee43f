// SPDX-License-Identifier: PostgreSQL
#pragma once
// One refresh of a table at a time, across every process and host: a
// transaction-scoped advisory lock on the destination, with exactly mimeo's
// key (hashtext('mimeo advisory lock'), hashtext(dest_table)), so our runs and
// the extension's exclude each other too. Below replication (the key is the
// catalog's dest_table), so the replication units, the checks and the
// runner take the same lock without replication including jobs/.
#include <string>

namespace mimeo::pg {
class Connection;
class CancelToken;
}

namespace mimeo::catalog {

// How long to wait for the lock. mimeo's concurrent_lock_check semantics,
// with the waiting that its 1.5.1 never did (bug 9.2 #1): noWait() or
// forSeconds(n <= 0): one try; forSeconds(n > 0): keep trying for n seconds;
// untilGranted(): as long as it takes. No wait is unbounded unless asked.
struct LockWait {
    bool wait = false;
    int seconds = 0;
    bool unbounded = false;
    static LockWait noWait() { return {}; }
    static LockWait forSeconds(int s) { return {s > 0, s > 0 ? s : 0, false}; } // <= 0: one try
    static LockWait untilGranted() { return {true, 0, true}; }
};

// Must be called inside a transaction on dest. True when the lock is held
// (until the transaction ends); false when another session holds it. Every
// wait is cancellable: a watched dest (Connection::watch) throws 57014 once
// its token is requested, and PQcancel ends the blocking wait of untilGranted().
bool acquireTableLock(pg::Connection &dest, const std::string &destTable, LockWait wait,
                      const pg::CancelToken *cancel = nullptr);

// The same lock held across transactions, until the object goes away
// (session level). A make holds it from its "is it configured yet?" check
// to its end, so concurrent makes of one destination run one after the
// other and the later ones find it configured. Waits as long as it takes
// (PQcancel of the statement, or the end of the process, ends the wait:
// the lock goes with the session). The transaction-level lock a
// maker takes inside is then granted at once: advisory locks are
// re-entrant within a session.
// The session-level lock without waiting, for a runner that holds it over
// a whole refresh on a connection of its own: true when now held. Release
// it with releaseSessionTableLock (never throws; a broken connection has
// lost it with its session).
bool tryHoldSessionTableLock(pg::Connection &dest, const std::string &destTable);
void releaseSessionTableLock(pg::Connection &dest, const std::string &destTable) noexcept;

class SessionTableLock {
public:
    SessionTableLock(pg::Connection &dest, std::string destTable);
    ~SessionTableLock();
    SessionTableLock(const SessionTableLock &) = delete;
    SessionTableLock &operator=(const SessionTableLock &) = delete;

private:
    pg::Connection &dest_;
    std::string destTable_;
};

} // namespace mimeo::catalog
