// SPDX-License-Identifier: PostgreSQL
#pragma once
// Stopping a job from another thread. A CancelToken is one job's (or one
// process's) cancel: request() sets a flag that long loops check between
// rows, and sends PQcancel to the statement running on every connection
// that watches the token (Connection::watch), so an index build, a MERGE or
// a lock wait stops too. A watched connection refuses new statements once
// the token is requested, except the ROLLBACK that ends its transaction.
#include "pg/side.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
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

namespace detail {
// Shared by the token and the connections that watch it, so neither has to
// outlive the other.
struct CancelState {
    std::atomic<bool> requested{false};
    std::mutex mutex;
    std::string reason;
    std::map<int, CancelHandle> handles;
    int nextSlot = 1;
};
} // namespace detail

class CancelToken {
public:
    CancelToken() : state_(std::make_shared<detail::CancelState>()) {}

    bool requested() const noexcept { return state_->requested.load(std::memory_order_acquire); }
    // Any thread, any number of times: the first reason is kept ("cancelled
    // by SIGTERM"); each call cancels what the watching connections run now.
    void request(const std::string &reason = "cancelled");
    std::string reason() const;

    const std::shared_ptr<detail::CancelState> &state() const { return state_; }

private:
    std::shared_ptr<detail::CancelState> state_;
};

} // namespace mimeo::pg
