// SPDX-License-Identifier: PostgreSQL
#include "pg/statement_log.h"

#include "pg/statement_kind.h"

namespace mimeo::pg {

void StatementLog::append(LoggedStatement statement)
{
    std::lock_guard lock(mutex_);
    statements_.push_back(std::move(statement));
}

std::vector<LoggedStatement> StatementLog::statements() const
{
    std::lock_guard lock(mutex_);
    return statements_;
}

size_t StatementLog::size() const
{
    std::lock_guard lock(mutex_);
    return statements_.size();
}

void StatementLog::clear()
{
    std::lock_guard lock(mutex_);
    statements_.clear();
}

bool changesSomething(const LoggedStatement &statement) { return statementEffect(statement.sql) == StatementEffect::Change; }

std::vector<LoggedStatement> statementsOf(const std::vector<LoggedStatement> &all, Side side)
{
    std::vector<LoggedStatement> out;
    for (const auto &s : all) {
        if (s.side == side)
            out.push_back(s);
    }
    return out;
}

} // namespace mimeo::pg
