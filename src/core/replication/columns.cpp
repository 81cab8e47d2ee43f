// SPDX-License-Identifier: PostgreSQL
#include "replication/columns.h"

#include "pg/quote.h"

namespace mimeo::replication {

std::vector<std::string> columnNames(const std::vector<Column> &columns)
{
    std::vector<std::string> out;
    for (const auto &c : columns)
        out.push_back(c.name);
    return out;
}

std::string columnDefinitions(const std::vector<Column> &columns)
{
    std::string out;
    for (const auto &c : columns) {
        if (!out.empty())
            out += ", ";
        out += pg::quoteIdent(c.name) + " " + c.type;
    }
    return out;
}

std::string columnList(const std::vector<Column> &columns) { return pg::quoteIdentList(columnNames(columns)); }

std::string keysEqual(const std::string &a, const std::string &b, const std::vector<std::string> &keys)
{
    std::string out;
    for (const auto &k : keys)
        out += (out.empty() ? "" : " AND ") + a + "." + pg::quoteIdent(k) + " = " + b + "." + pg::quoteIdent(k);
    return out;
}

} // namespace mimeo::replication
