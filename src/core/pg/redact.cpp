// SPDX-License-Identifier: PostgreSQL
#include "pg/redact.h"

#include <algorithm>
#include <mutex>
#include <regex>
#include <set>

namespace mimeo::pg {
namespace {

std::mutex &secretsMutex()
{
    static std::mutex m;
    return m;
}

// Ordered longest first so a secret that contains another is masked whole.
struct LongerFirst {
    bool operator()(const std::string &a, const std::string &b) const
    {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    }
};

std::set<std::string, LongerFirst> &secrets()
{
    static std::set<std::string, LongerFirst> s;
    return s;
}

void replaceAll(std::string &text, const std::string &needle)
{
    for (size_t pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + kMask.size())) {
        text.replace(pos, needle.size(), kMask);
    }
}

} // namespace

void rememberSecret(std::string_view secret)
{
    if (secret.empty())
        return;
    std::lock_guard lock(secretsMutex());
    secrets().emplace(secret);
}

std::string redact(std::string_view input)
{
    std::string text(input);
    {
        std::lock_guard lock(secretsMutex());
        for (const auto &s : secrets())
            replaceAll(text, s);
    }
    // password='quoted \' value' | password=plain  (conninfo key/value form)
    static const std::regex kvQuoted(R"((password\s*=\s*)'(?:[^'\\]|\\.)*')", std::regex::icase);
    static const std::regex kvPlain(R"((password\s*=\s*)(?!')[^\s]+)", std::regex::icase);
    // postgresql://user:secret@host  (URI form)
    static const std::regex uri(R"(((?:postgres|postgresql)://[^:/@\s]*:)[^@\s]*@)", std::regex::icase);
    // ?password=secret&...  (URI query parameter)
    static const std::regex uriParam(R"(([?&]password=)[^&\s]*)", std::regex::icase);
    const std::string mask(kMask);
    text = std::regex_replace(text, kvQuoted, "$1" + mask);
    text = std::regex_replace(text, kvPlain, "$1" + mask);
    text = std::regex_replace(text, uri, "$1" + mask + "@");
    text = std::regex_replace(text, uriParam, "$1" + mask);
    return text;
}

} // namespace mimeo::pg
