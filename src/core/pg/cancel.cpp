#include "pg/cancel.h"

#include <libpq-fe.h>

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

} // namespace mimeo::pg
