// SPDX-License-Identifier: PostgreSQL
#include "pg/sql_lexer.h"

#include <cctype>

namespace mimeo::pg {
namespace {

bool wordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool wordChar(char c) { return wordStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$'; }

// End of a '...' constant starting at the quote at i; backslashes escape in E'...'.
size_t stringEnd(std::string_view s, size_t i, bool backslashes)
{
    for (size_t j = i + 1; j < s.size(); ++j) {
        if (backslashes && s[j] == '\\') {
            ++j;
        } else if (s[j] == '\'') {
            if (j + 1 < s.size() && s[j + 1] == '\'')
                ++j;
            else
                return j + 1;
        }
    }
    return s.size();
}

// A dollar-quote tag ($$ or $tag$) at i, or empty when $ starts something else ($1).
std::string_view dollarTag(std::string_view s, size_t i)
{
    size_t j = i + 1;
    if (j < s.size() && s[j] != '$') {
        if (!wordStart(s[j]))
            return {};
        while (j < s.size() && s[j] != '$' && wordChar(s[j]))
            ++j;
    }
    if (j >= s.size() || s[j] != '$')
        return {};
    return s.substr(i, j - i + 1);
}

} // namespace

std::vector<SqlToken> sqlTokens(std::string_view s)
{
    std::vector<SqlToken> out;
    int depth = 0;
    size_t i = 0;
    auto push = [&](SqlToken::Kind kind, std::string text) { out.push_back({kind, std::move(text), depth}); };
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            const size_t end = s.find('\n', i);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            int nesting = 1; // block comments nest in PostgreSQL
            i += 2;
            while (i < s.size() && nesting > 0) {
                if (s.compare(i, 2, "/*") == 0) {
                    ++nesting;
                    i += 2;
                } else if (s.compare(i, 2, "*/") == 0) {
                    --nesting;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else if (c == '\'') {
            const size_t end = stringEnd(s, i, false);
            push(SqlToken::Kind::String, std::string(s.substr(i, end - i)));
            i = end;
        } else if ((c == 'e' || c == 'E') && i + 1 < s.size() && s[i + 1] == '\'') {
            const size_t end = stringEnd(s, i + 1, true);
            push(SqlToken::Kind::String, std::string(s.substr(i, end - i)));
            i = end;
        } else if (c == '"') {
            size_t j = i + 1;
            for (; j < s.size(); ++j) {
                if (s[j] != '"')
                    continue;
                if (j + 1 < s.size() && s[j + 1] == '"')
                    ++j; // "" is a quote inside the name
                else
                    break;
            }
            const size_t end = j < s.size() ? j + 1 : s.size();
            push(SqlToken::Kind::QuotedIdentifier, std::string(s.substr(i, end - i)));
            i = end;
        } else if (c == '$') {
            const auto tag = dollarTag(s, i);
            if (tag.empty()) {
                size_t j = i + 1;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
                push(SqlToken::Kind::Parameter, std::string(s.substr(i, j - i)));
                i = j;
            } else {
                const size_t close = s.find(tag, i + tag.size());
                const size_t end = close == std::string_view::npos ? s.size() : close + tag.size();
                push(SqlToken::Kind::String, std::string(s.substr(i, end - i)));
                i = end;
            }
        } else if (wordStart(c)) {
            size_t j = i;
            while (j < s.size() && wordChar(s[j]))
                ++j;
            std::string word(s.substr(i, j - i));
            for (auto &ch : word)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            push(SqlToken::Kind::Word, std::move(word));
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.'))
                ++j;
            push(SqlToken::Kind::Number, std::string(s.substr(i, j - i)));
            i = j;
        } else {
            if (c == ')' && depth > 0)
                --depth;
            push(SqlToken::Kind::Symbol, std::string(1, c));
            if (c == '(')
                ++depth;
            ++i;
        }
    }
    return out;
}

std::vector<std::vector<SqlToken>> sqlStatements(std::string_view sql)
{
    std::vector<std::vector<SqlToken>> out(1);
    for (auto &t : sqlTokens(sql)) {
        if (t.kind == SqlToken::Kind::Symbol && t.text == ";") {
            if (!out.back().empty())
                out.emplace_back();
            continue;
        }
        out.back().push_back(std::move(t));
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

} // namespace mimeo::pg
