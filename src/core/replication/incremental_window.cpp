// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_window.h"

namespace mimeo::replication::incremental {
namespace {

// A custom setting name needs a dot; this prefix is ours alone.
std::string settingName(size_t i) { return "mimeo_studio.bound_" + std::to_string(i + 1); }

} // namespace

std::string Window::copyPredicate() const
{
    std::string out;
    for (size_t i = 0; i < bounds_.size(); ++i) {
        out += (out.empty() ? "" : " AND ") + control_.ident() + " " + bounds_[i].op + " "
            + control_.cast("pg_catalog.current_setting('" + settingName(i) + "')");
    }
    return out.empty() ? "true" : out;
}

void Window::bindSettings(pg::Connection &conn) const
{
    for (size_t i = 0; i < bounds_.size(); ++i)
        conn.exec("SELECT pg_catalog.set_config($1, $2, true)", {settingName(i), bounds_[i].value});
}

std::string Window::paramPredicate(pg::Params &params) const
{
    std::string out;
    for (const auto &b : bounds_) {
        params.push_back(b.value);
        out += (out.empty() ? "" : " AND ") + control_.ident() + " " + b.op + " "
            + control_.cast("$" + std::to_string(params.size()) + "::text");
    }
    return out.empty() ? "true" : out;
}

std::string Window::describe() const
{
    std::string out;
    for (const auto &b : bounds_) {
        const char *word = b.op == ">" ? "above " : b.op == "<" ? "below " : "up to ";
        out += (out.empty() ? "" : ", ") + std::string(word) + b.value;
    }
    return out.empty() ? "all rows" : out;
}

} // namespace mimeo::replication::incremental
