// SPDX-License-Identifier: PostgreSQL
#include "pg/conninfo.h"

#include "pg/redact.h"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace mimeo::pg {

ConnOptions parseConninfo(std::string_view conninfo)
{
    const std::string text(conninfo);
    char *err = nullptr;
    PQconninfoOption *opts = PQconninfoParse(text.c_str(), &err);
    if (!opts) {
        std::string why = err ? err : "out of memory";
        PQfreemem(err);
        while (!why.empty() && why.back() == '\n')
            why.pop_back();
        throw std::invalid_argument("invalid connection string: " + redact(why));
    }
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> guard(opts, &PQconninfoFree);
    ConnOptions out;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        if (o->val)
            out.emplace_back(o->keyword, o->val);
    }
    return out;
}

std::optional<std::string> findOption(const ConnOptions &options, std::string_view key)
{
    for (const auto &[k, v] : options) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

void setOption(ConnOptions &options, std::string_view key, std::string value)
{
    for (auto &[k, v] : options) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    options.emplace_back(std::string(key), std::move(value));
}

void removeOption(ConnOptions &options, std::string_view key)
{
    std::erase_if(options, [&](const ConnOption &o) { return o.first == key; });
}

bool containsPassword(std::string_view conninfo)
{
    try {
        return findOption(parseConninfo(conninfo), "password").has_value();
    } catch (const std::invalid_argument &) {
        return redact(conninfo) != conninfo;
    }
}

std::string toKeywordValueString(const ConnOptions &options)
{
    std::string out;
    for (const auto &[k, v] : options) {
        if (!out.empty())
            out.push_back(' ');
        out += k;
        out += "='";
        for (char c : v) {
            if (c == '\'' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('\'');
    }
    return out;
}

std::string describeTarget(const ConnOptions &options)
{
    if (auto service = findOption(options, "service"))
        return "service " + *service;
    std::string out = findOption(options, "host").value_or(findOption(options, "hostaddr").value_or("localhost"));
    if (auto port = findOption(options, "port"))
        out += ":" + *port;
    if (auto db = findOption(options, "dbname"))
        out += "/" + *db;
    return out;
}

} // namespace mimeo::pg
