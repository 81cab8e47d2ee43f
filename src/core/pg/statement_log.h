// SPDX-License-Identifier: PostgreSQL
#pragma once
// The statements connections ran, in order, for showing them (the
// application's "SQL that will run" previews) and for comparing a rehearsal
// with the real run. A connection appends to it (Connection::record) before
// each statement runs, so a statement that fails is in it too.
#include "pg/params.h"
#include "pg/side.h"

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace mimeo::pg {

struct LoggedStatement {
    Side side = Side::Unknown;
    std::string sql;
    Params params; // as sent; a value that is a password we know of is masked (pg/redact.h)
};

// Safe to append to from several threads (a queue cleanup runs its DELETE
// on a thread of its own): each connection's statements keep their order.
class StatementLog {
public:
    void append(LoggedStatement statement);
    std::vector<LoggedStatement> statements() const;
    size_t size() const;
    void clear();

private:
    mutable std::mutex mutex_;
    std::vector<LoggedStatement> statements_;
};

// False for what leaves nothing behind: reads (SELECT, SHOW, EXPLAIN,
// COPY ... TO, WITH ... SELECT), settings and locks, transaction control. See
// pg/statement_kind.h for the rules.
bool changesSomething(const LoggedStatement &statement);

// The statements of one side, in order.
std::vector<LoggedStatement> statementsOf(const std::vector<LoggedStatement> &all, Side side);

} // namespace mimeo::pg
