#pragma once
// Cancelling a running statement from another thread (libpq's PQcancel), and
// a flag long loops check between rows.
#include "pg/side.h"

#include <atomic>
#include <memory>
#include <string>

struct pg_conn;
struct pg_cancel;

namespace mimeo::pg {

class CancelHandle {
public:
    CancelHandle() = default;
    CancelHandle(pg_conn *conn, Side side);
    // Asks the server to cancel whatever the connection is running now.
    // Safe to call from any thread; false with a reason when it could not ask.
    bool cancel(std::string *why = nullptr) const;
    bool valid() const { return handle_ != nullptr; }

private:
    std::shared_ptr<pg_cancel> handle_;
    Side side_ = Side::Unknown;
};

// Shared between the thread doing the work and the one that wants it stopped.
class CancelToken {
public:
    bool requested() const noexcept { return flag_.load(std::memory_order_relaxed); }
    void request() noexcept { flag_.store(true, std::memory_order_relaxed); }

private:
    std::atomic<bool> flag_{false};
};

} // namespace mimeo::pg
