#include "pg/array.h"

#include <stdexcept>

namespace mimeo::pg {

std::vector<std::optional<std::string>> parseTextArray(std::string_view text)
{
    // Optional dimension decoration "[1:2]={...}" is skipped.
    if (!text.empty() && text.front() == '[') {
        const auto eq = text.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument("malformed array: " + std::string(text));
        text.remove_prefix(eq + 1);
    }
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        throw std::invalid_argument("malformed array: " + std::string(text));
    std::vector<std::optional<std::string>> out;
    size_t i = 1;
    const size_t end = text.size() - 1;
    if (i == end)
        return out;
    while (i <= end) {
        std::string item;
        bool quoted = false;
        if (text[i] == '"') {
            quoted = true;
            ++i;
            while (i < end && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < end)
                    ++i;
                item.push_back(text[i++]);
            }
            if (i >= end)
                throw std::invalid_argument("malformed array: " + std::string(text));
            ++i; // closing quote
        } else {
            while (i < end && text[i] != ',') {
                if (text[i] == '{')
                    throw std::invalid_argument("multi-dimensional arrays are not supported here");
                item.push_back(text[i++]);
            }
        }
        if (!quoted && item == "NULL")
            out.emplace_back(std::nullopt);
        else
            out.emplace_back(std::move(item));
        if (i < end && text[i] != ',')
            throw std::invalid_argument("malformed array: " + std::string(text));
        ++i; // the comma, or past the end
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
