// SPDX-License-Identifier: PostgreSQL
#include "pg/quote.h"

#include <stdexcept>

namespace mimeo::pg {

std::string quoteIdent(std::string_view name)
{
    std::string out;
    out.reserve(name.size() + 2);
    out.push_back('"');
    for (char c : name) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string quoteLiteral(std::string_view value)
{
    const bool hasBackslash = value.find('\\') != std::string_view::npos;
    std::string out;
    out.reserve(value.size() + 3);
    if (hasBackslash)
        out.push_back('E');
    out.push_back('\'');
    for (char c : value) {
        if (c == '\'' || (hasBackslash && c == '\\'))
            out.push_back(c);
        out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

std::string quoteIdentList(const std::vector<std::string> &names)
{
    std::string out;
    for (const auto &n : names) {
        if (!out.empty())
            out += ", ";
        out += quoteIdent(n);
    }
    return out;
}

std::string clipIdentifier(std::string_view name, size_t maxBytes)
{
    if (name.size() <= maxBytes)
        return std::string(name);
    size_t len = maxBytes;
    // Step back over UTF-8 continuation bytes (10xxxxxx) to a character start.
    while (len > 0 && (static_cast<unsigned char>(name[len]) & 0xC0) == 0x80)
        --len;
    return std::string(name.substr(0, len));
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The server's scanner: identifier start is a letter, '_' or any byte >= 0x80;
// later characters may also be digits and '$'.
bool isIdentStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isIdentCont(unsigned char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
}

// Reads the double-quoted part that starts at text[pos] ('"'), where ""
// stands for one quote, into out; pos ends after the closing quote. False
// when the quote is never closed.
bool readQuoted(std::string_view text, size_t &pos, std::string &out)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] != '"') {
            out.push_back(text[pos]);
            continue;
        }
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
            out.push_back('"');
            ++pos;
            continue;
        }
        ++pos;
        return true;
    }
    return false;
}

struct Parser {
    std::string_view text;
    size_t pos = 0;

    [[noreturn]] void fail(const std::string &why) const
    {
        throw std::invalid_argument("invalid name \"" + std::string(text) + "\": " + why);
    }

    void skipSpace()
    {
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
    }

    std::string part()
    {
        skipSpace();
        if (pos >= text.size())
            fail("a name part is missing");
        std::string out;
        if (text[pos] == '"') {
            if (!readQuoted(text, pos, out))
                fail("unterminated quoted identifier");
            if (out.empty())
                fail("zero-length quoted identifier");
        } else {
            if (!isIdentStart(static_cast<unsigned char>(text[pos])))
                fail(std::string("unexpected character '") + text[pos]
                     + "' (quote names with special characters in double quotes)");
            while (pos < text.size() && isIdentCont(static_cast<unsigned char>(text[pos]))) {
                char c = text[pos++];
                if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
                out.push_back(c);
            }
        }
        skipSpace();
        return clipIdentifier(out);
    }
};

} // namespace

QualifiedName QualifiedName::parse(std::string_view text)
{
    Parser p{text};
    std::vector<std::string> parts;
    parts.push_back(p.part());
    while (p.pos < text.size()) {
        if (text[p.pos] != '.')
            p.fail(std::string("unexpected character '") + text[p.pos] + "'");
        ++p.pos;
        parts.push_back(p.part());
    }
    if (parts.size() > 2)
        p.fail("expected schema.table, got " + std::to_string(parts.size()) + " parts");
    if (parts.size() == 1)
        return {std::string(), parts[0]};
    return {parts[0], parts[1]};
}

QualifiedName QualifiedName::fromCatalogText(std::string_view text)
{
    auto fail = [&](const std::string &why) -> void {
        throw std::invalid_argument("invalid table name \"" + std::string(text) + "\" in the catalog: " + why);
    };
    // A part is either double-quoted (written so because it holds a dot or
    // starts with a quote; "" stands for one quote) or taken verbatim up to
    // the next dot: mimeo's plain, case-sensitive form.
    std::vector<std::string> parts;
    size_t pos = 0;
    for (;;) {
        std::string part;
        if (pos < text.size() && text[pos] == '"') {
            if (!readQuoted(text, pos, part))
                fail("unterminated quoted part");
            if (pos < text.size() && text[pos] != '.')
                fail("a quoted part must be followed by a dot or the end");
        } else {
            const size_t dot = text.find('.', pos);
            part = std::string(text.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos));
            pos = dot == std::string_view::npos ? text.size() : dot;
        }
        if (part.empty())
            fail("a name part is empty");
        parts.push_back(std::move(part));
        if (pos >= text.size())
            break;
        ++pos; // the dot
    }
    if (parts.size() > 2)
        fail("more than one dot outside double quotes (write a name that contains a dot in double quotes, "
             "for example \"a.b\".c)");
    if (parts.size() == 1)
        return {std::string(), parts[0]};
    return {parts[0], parts[1]};
}

std::string QualifiedName::quoted() const
{
    return hasSchema() ? quoteIdent(schema) + "." + quoteIdent(name) : quoteIdent(name);
}

std::string QualifiedName::catalogText() const
{
    // Plain text as mimeo writes it, except that a part holding a dot or
    // starting with a double quote is double-quoted, so that the text reads
    // back as exactly these two parts (fromCatalogText).
    auto part = [](const std::string &p) {
        return p.find('.') != std::string::npos || (!p.empty() && p.front() == '"') ? quoteIdent(p) : p;
    };
    return hasSchema() ? part(schema) + "." + part(name) : part(name);
}

} // namespace mimeo::pg
