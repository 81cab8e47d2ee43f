// SPDX-License-Identifier: PostgreSQL
#pragma once
// Just enough of PostgreSQL's lexical rules to tell what a statement is from
// its text: words, quoted identifiers, string constants (standard, E'',
// dollar-quoted), comments and statement boundaries. Nothing is parsed; a
// function body or a literal never counts as the statement's own words.
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::pg {

struct SqlToken {
    enum class Kind { Word, QuotedIdentifier, String, Number, Parameter, Symbol };
    Kind kind = Kind::Symbol;
    std::string text; // Word: upper-cased; Symbol: the character; others: as written
    int depth = 0;    // parentheses open around it
};

// The tokens of one or more statements, whitespace and comments left out.
std::vector<SqlToken> sqlTokens(std::string_view sql);

// The statements of a string that may hold several (separated by ";" outside
// literals and bodies), as token lists; empty statements left out.
std::vector<std::vector<SqlToken>> sqlStatements(std::string_view sql);

} // namespace mimeo::pg
