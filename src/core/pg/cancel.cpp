// SPDX-License-Identifier: PostgreSQL
#include "pg/cancel.h"

#include <libpq-fe.h>

#include <vector>

namespace mimeo::pg {

CancelHandle::CancelHandle(pg_conn *conn, Side side)
    : handle_(conn ? PQgetCancel(conn) : nullptr, [](PGcancel *c) { PQfreeCancel(c); })
    , side_(side)
{
}

bool CancelHandle::cancel(std::string *why) const
{
    if (!handle_) {
        if (why)
            *why = "no connection to cancel";
        return false;
    }
    char buf[256] = {0};
    if (PQcancel(handle_.get(), buf, sizeof buf))
        return true;
    if (why)
        *why = std::string(sideName(side_)) + ": " + buf;
    return false;
}

void CancelToken::request(const std::string &reason)
{
    std::vector<CancelHandle> handles;
    {
        std::lock_guard lock(state_->mutex);
        if (!state_->requested.load())
            state_->reason = reason;
        state_->requested.store(true, std::memory_order_release);
        for (const auto &[slot, h] : state_->handles)
            handles.push_back(h);
    }
    // Outside the lock: PQcancel talks to the server.
    for (const auto &h : handles)
        h.cancel();
}

std::string CancelToken::reason() const
{
    std::lock_guard lock(state_->mutex);
    return state_->reason;
}

} // namespace mimeo::pg
