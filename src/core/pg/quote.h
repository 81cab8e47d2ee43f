// SPDX-License-Identifier: PostgreSQL
#pragma once
// Identifier and literal quoting, and schema-qualified names.
//
// We always quote identifiers (never rely on "only when needed"): a quoted
// identifier is exact for mixed case, spaces, quotes, unicode and reserved
// words, and it does not depend on the server's keyword list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::pg {

// "name" with embedded double quotes doubled.
std::string quoteIdent(std::string_view name);

// 'value' with quotes doubled; E'...' with doubled backslashes when the value
// has a backslash, so it reads the same whatever standard_conforming_strings is.
std::string quoteLiteral(std::string_view value);

// Comma-separated quoted identifiers: "a", "b", "c".
std::string quoteIdentList(const std::vector<std::string> &names);

// PostgreSQL's limit on identifier length in bytes (NAMEDATALEN - 1).
inline constexpr size_t kMaxIdentifierBytes = 63;

// Clips to at most maxBytes bytes without cutting a UTF-8 character in two,
// as the server does with over-long identifiers.
std::string clipIdentifier(std::string_view name, size_t maxBytes = kMaxIdentifierBytes);

// A relation name with optional schema.
struct QualifiedName {
    std::string schema; // empty when the input had none
    std::string name;

    // Parses SQL syntax with the server's rules: "Quoted"."Parts" kept exactly
    // ("" is a quote), unquoted parts folded to lower case (ASCII only, as the
    // server does for UTF-8), over-long parts clipped to 63 bytes, whitespace
    // around parts allowed. Throws std::invalid_argument naming what is wrong.
    static QualifiedName parse(std::string_view text);

    // mimeo's catalog form: plain `schema.table`, case-sensitive, nothing
    // folded; a part holding a dot (or starting with a double quote) is
    // double-quoted ("a.b".c), which mimeo never supported. Throws
    // std::invalid_argument for text that is not exactly one or two parts.
    static QualifiedName fromCatalogText(std::string_view text);

    bool hasSchema() const { return !schema.empty(); }
    // "schema"."name" (or "name" alone).
    std::string quoted() const;
    // schema.name as mimeo's catalog stores it (see fromCatalogText).
    std::string catalogText() const;

    friend bool operator==(const QualifiedName &, const QualifiedName &) = default;
};

} // namespace mimeo::pg
