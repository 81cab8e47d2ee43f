// SPDX-License-Identifier: PostgreSQL
#include "pg/array.h"

#include <stdexcept>

namespace mimeo::pg {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view t)
{
    while (!t.empty() && isSpace(t.front()))
        t.remove_prefix(1);
    while (!t.empty() && isSpace(t.back()))
        t.remove_suffix(1);
    return t;
}

bool isNullWord(const std::string &s)
{
    return s.size() == 4 && (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'u' && (s[2] | 0x20) == 'l' && (s[3] | 0x20) == 'l';
}

} // namespace

// Reads what the server prints and what people type, with the server's
// rules: items may be double-quoted (backslash escapes inside), whitespace
// around items is ignored, an unquoted NULL (any case) is NULL.
std::vector<std::optional<std::string>> parseTextArray(std::string_view text)
{
    text = trim(text);
    // Optional dimension decoration "[1:2]={...}" is skipped.
    if (!text.empty() && text.front() == '[') {
        const auto eq = text.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument("malformed array: " + std::string(text));
        text = trim(text.substr(eq + 1));
    }
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        throw std::invalid_argument("not an array literal: " + std::string(text));
    std::vector<std::optional<std::string>> out;
    const std::string_view body = text.substr(1, text.size() - 2);
    if (trim(body).empty())
        return out;
    size_t i = 0;
    const size_t end = body.size();
    for (;;) {
        while (i < end && isSpace(body[i]))
            ++i;
        std::string item;
        bool quoted = false;
        if (i < end && body[i] == '"') {
            quoted = true;
            ++i;
            while (i < end && body[i] != '"') {
                if (body[i] == '\\' && i + 1 < end)
                    ++i;
                item.push_back(body[i++]);
            }
            if (i >= end)
                throw std::invalid_argument("unterminated quoted item in array literal: " + std::string(text));
            ++i; // closing quote
            while (i < end && isSpace(body[i]))
                ++i;
        } else {
            while (i < end && body[i] != ',') {
                if (body[i] == '{' || body[i] == '"')
                    throw std::invalid_argument("malformed array (nested or stray quote): " + std::string(text));
                if (body[i] == '\\' && i + 1 < end)
                    ++i;
                item.push_back(body[i++]);
            }
            item = std::string(trim(item));
        }
        if (!quoted && isNullWord(item))
            out.emplace_back(std::nullopt);
        else
            out.emplace_back(std::move(item));
        if (i >= end)
            break;
        if (body[i] != ',')
            throw std::invalid_argument("expected a comma in array literal: " + std::string(text));
        ++i;
    }
    return out;
}

std::vector<std::string> parseTextArrayNoNulls(std::string_view text)
{
    std::vector<std::string> out;
    for (auto &v : parseTextArray(text)) {
        if (!v)
            throw std::invalid_argument("unexpected NULL element in " + std::string(text));
        out.push_back(std::move(*v));
    }
    return out;
}

std::string toTextArrayLiteral(const std::vector<std::string> &items)
{
    std::string out = "{";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out.push_back(',');
        out.push_back('"');
        for (char c : items[i]) {
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out.push_back('}');
    return out;
}

} // namespace mimeo::pg
