#pragma once
// One refresh of a table at a time, across every process and host: a
// transaction-scoped advisory lock on the destination, with exactly mimeo's
// key (hashtext('mimeo advisory lock'), hashtext(dest_table)), so our runs and
// the extension's exclude each other too.
#include <string>

namespace mimeo::pg {
class Connection;
class CancelToken;
}

namespace mimeo::jobs {

// How long to wait for the lock. mimeo's concurrent_lock_check semantics,
// with the waiting that its 1.5.1 never did (bug 9.2 #1):
//   noWait(): one try; forSeconds(n), n > 0: keep trying for n seconds;
//   forSeconds(n), n <= 0: wait as long as it takes.
struct LockWait {
    bool wait = false;
    int seconds = 0;
    static LockWait noWait() { return {}; }
    static LockWait forSeconds(int s) { return {true, s}; }
};

// Must be called inside a transaction on dest. True when the lock is held
// (until the transaction ends); false when another session holds it.
bool acquireTableLock(pg::Connection &dest, const std::string &destTable, LockWait wait,
                      const pg::CancelToken *cancel = nullptr);

} // namespace mimeo::jobs
