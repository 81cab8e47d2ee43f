// SPDX-License-Identifier: PostgreSQL
#pragma once
// Timestamps for machines: SQL that prints a timestamptz expression in UTC as
// ISO 8601 with an explicit offset, whatever the session's TimeZone and
// DateStyle, so JSON output and scripts agree.
#include <string>

namespace mimeo::pg {

inline std::string isoUtcSql(const std::string &expr, bool microseconds = true)
{
    return "to_char((" + expr + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS" + (microseconds ? ".US" : "")
        + "\"+00:00\"')";
}

} // namespace mimeo::pg
