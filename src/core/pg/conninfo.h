// SPDX-License-Identifier: PostgreSQL
#pragma once
// Conninfo strings and URIs, parsed by libpq itself (PQconninfoParse), so we
// accept exactly what psql accepts.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mimeo::pg {

using ConnOption = std::pair<std::string, std::string>;
using ConnOptions = std::vector<ConnOption>;

// The options given explicitly in a conninfo string or URI, in libpq's order.
// Throws std::invalid_argument with libpq's message (redacted) when it does not parse.
ConnOptions parseConninfo(std::string_view conninfo);

std::optional<std::string> findOption(const ConnOptions &options, std::string_view key);
void setOption(ConnOptions &options, std::string_view key, std::string value);
void removeOption(ConnOptions &options, std::string_view key);

// Whether a conninfo string or URI carries a password (password=..., or
// user:secret@ in a URI). Text libpq cannot parse counts when it merely
// looks like it holds one.
bool containsPassword(std::string_view conninfo);

// key='value' pairs joined by spaces, quoted so libpq (and dblink) read them
// back exactly. This is the form mimeo's catalog stores in data_source.
std::string toKeywordValueString(const ConnOptions &options);

// host:port/dbname as the user would name the server in a message; never a password.
std::string describeTarget(const ConnOptions &options);

} // namespace mimeo::pg
