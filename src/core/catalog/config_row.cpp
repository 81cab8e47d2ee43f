// SPDX-License-Identifier: PostgreSQL
#include "catalog/config_row.h"

#include "catalog/config_tables.h"
#include "catalog/replication_identity.h"
#include "pg/array.h"
#include "pg/error.h"
#include "pg/quote.h"

#include <stdexcept>

namespace mimeo::catalog {

std::optional<std::string> ConfigRow::optText(const std::string &column) const
{
    auto it = values_.find(column);
    return it == values_.end() ? std::nullopt : it->second;
}

std::string ConfigRow::text(const std::string &column) const
{
    auto v = optText(column);
    if (!v)
        throw std::runtime_error("configuration of " + optText("dest_table").value_or("?") + " has no value for " + column);
    return *v;
}

std::optional<int64_t> ConfigRow::optInteger(const std::string &column) const
{
    auto v = optText(column);
    if (!v)
        return std::nullopt;
    return std::stoll(*v);
}

int64_t ConfigRow::integer(const std::string &column) const { return std::stoll(text(column)); }

bool ConfigRow::boolean(const std::string &column) const { return optText(column).value_or("f") == "t"; }

std::vector<std::string> ConfigRow::array(const std::string &column) const
{
    auto v = optText(column);
    if (!v)
        return {};
    return pg::parseTextArrayNoNulls(*v);
}

std::optional<ConfigRow> findConfig(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                                    bool forUpdate)
{
    const std::string qs = pg::quoteIdent(schema);
    auto t = dest.exec("SELECT type FROM " + qs + ".refresh_config WHERE dest_table = $1", {destTable});
    if (t.rows() == 0)
        return std::nullopt;
    const std::string table = configTableFor(t.text(0, 0));
    auto r = dest.exec("SELECT * FROM " + qs + "." + pg::quoteIdent(table) + " WHERE dest_table = $1"
                           + (forUpdate ? " FOR UPDATE" : ""),
                       {destTable});
    if (r.rows() == 0)
        return std::nullopt;
    ConfigRow row;
    for (int c = 0; c < r.columns(); ++c)
        row.values_[r.columnName(c)] = r.optText(0, c);
    return row;
}

std::optional<std::string> resolveConfiguredTable(pg::Connection &dest, const std::string &schema, const std::string &text)
{
    const std::string sql = "SELECT 1 FROM " + pg::quoteIdent(schema) + ".refresh_config WHERE dest_table = $1";
    if (dest.exec(sql, {text}).rows() > 0)
        return text;
    try {
        const std::string parsed = pg::QualifiedName::parse(text).catalogText();
        if (parsed != text && dest.exec(sql, {parsed}).rows() > 0)
            return parsed;
    } catch (const std::invalid_argument &) {
        // Not valid SQL syntax: it was meant as catalog text, which did not match.
    }
    return std::nullopt;
}

void throwNotManaged(const std::string &destTable)
{
    throw pg::Error::usage("Destination table given in argument (" + destTable + ") is not managed by mimeo",
                           pg::Side::Destination, "list the configured tables with: mimeo status");
}

ConfigRow requireConfig(pg::Connection &dest, const std::string &schema, const std::string &destTable)
{
    if (auto row = findConfig(dest, schema, destTable))
        return *row;
    throwNotManaged(destTable);
}

std::string requireConfiguredTable(pg::Connection &dest, const std::string &schema, const std::string &text)
{
    if (auto t = resolveConfiguredTable(dest, schema, text))
        return *t;
    throwNotManaged(text);
}

void insertConfig(pg::Connection &dest, const std::string &schema, const std::string &type,
                  const std::vector<std::pair<std::string, pg::Param>> &columns)
{
    std::string cols, placeholders;
    pg::Params params;
    for (const auto &[name, value] : columns) {
        if (auto why = name == "period" && value ? checkPeriod(dest, *value) : std::nullopt)
            throw pg::Error::usage(*why, pg::Side::Destination);
        if (!cols.empty()) {
            cols += ", ";
            placeholders += ", ";
        }
        cols += pg::quoteIdent(name);
        params.push_back(value);
        placeholders += "$" + std::to_string(params.size());
    }
    dest.exec("INSERT INTO " + pg::quoteIdent(schema) + "." + pg::quoteIdent(configTableFor(type)) + " (" + cols
                  + ") VALUES (" + placeholders + ")",
              params);
}

void updateConfig(pg::Connection &dest, const std::string &schema, const std::string &type, const std::string &destTable,
                  const std::vector<std::pair<std::string, pg::Param>> &columns)
{
    if (columns.empty())
        return;
    pg::Params params{destTable};
    std::string sets;
    for (const auto &[name, value] : columns) {
        if (!sets.empty())
            sets += ", ";
        params.push_back(value);
        sets += pg::quoteIdent(name) + " = $" + std::to_string(params.size());
    }
    dest.exec("UPDATE " + pg::quoteIdent(schema) + "." + pg::quoteIdent(configTableFor(type)) + " SET " + sets
                  + " WHERE dest_table = $1",
              params);
}

void deleteConfig(pg::Connection &dest, const std::string &schema, const std::string &type, const std::string &destTable)
{
    deleteIdentity(dest, schema, destTable);
    // Its freshness thresholds, last validation and lag measure go with it:
    // a table made again under the same name starts afresh.
    for (const char *table : {"studio_freshness", "studio_validation", "studio_lag"})
        dest.exec("DELETE FROM " + pg::quoteIdent(schema) + "." + table + " WHERE dest_table = $1", {destTable});
    dest.exec("DELETE FROM " + pg::quoteIdent(schema) + "." + pg::quoteIdent(configTableFor(type))
                  + " WHERE dest_table = $1",
              {destTable});
}

} // namespace mimeo::catalog
