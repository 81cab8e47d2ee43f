// SPDX-License-Identifier: PostgreSQL
#pragma once
// PostgreSQL one-dimensional text[] values in their text form ({a,"b c",NULL}),
// for catalog columns such as filter, post_script, pk_name and sequences.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::pg {

// Parses the server's output of a text[] value; NULL elements become nullopt.
// Throws std::invalid_argument on malformed input.
std::vector<std::optional<std::string>> parseTextArray(std::string_view text);

// The same, with NULL elements refused (throws std::invalid_argument).
std::vector<std::string> parseTextArrayNoNulls(std::string_view text);

// An array literal the server reads back as the same text[] (pass it as a
// parameter cast to text[]; every element is quoted).
std::string toTextArrayLiteral(const std::vector<std::string> &items);

} // namespace mimeo::pg
