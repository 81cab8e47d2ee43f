// SPDX-License-Identifier: PostgreSQL
#pragma once
// One row of a refresh_config child table, read generically: every column as
// text (or NULL). Each replication type reads the columns it knows; a new
// column in a future mimeo does not break us.
#include "catalog/replication_types.h" // configTableFor, for the readers of rows
#include "pg/connection.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::catalog {

class ConfigRow {
public:
    std::string destTable() const { return text("dest_table"); }
    std::string sourceTable() const { return text("source_table"); }
    std::string type() const { return text("type"); }
    int dataSourceId() const { return static_cast<int>(integer("dblink")); }

    bool has(const std::string &column) const { return values_.count(column) != 0; }
    std::optional<std::string> optText(const std::string &column) const;
    std::string text(const std::string &column) const; // throws when NULL or absent
    std::optional<int64_t> optInteger(const std::string &column) const;
    int64_t integer(const std::string &column) const;
    bool boolean(const std::string &column) const;     // 't'
    std::vector<std::string> array(const std::string &column) const; // NULL -> empty

    std::map<std::string, std::optional<std::string>> values_;
};

// The row for dest_table in whichever child holds it, or nullopt.
std::optional<ConfigRow> findConfig(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                                    bool forUpdate = false);

// Finds the configured destination a user means: the catalog's text form
// exactly (schema.table, as `mimeo status` prints it), else the text read as
// SQL (`"My Schema".orders`, folded like the server does). nullopt when neither
// is configured.
std::optional<std::string> resolveConfiguredTable(pg::Connection &dest, const std::string &schema, const std::string &text);

// mimeo's error for a destination no config row names (its test suite
// asserts the wording), with a hint.
[[noreturn]] void throwNotManaged(const std::string &destTable);

// The row for destTable, or throwNotManaged.
ConfigRow requireConfig(pg::Connection &dest, const std::string &schema, const std::string &destTable);

// resolveConfiguredTable, or throwNotManaged naming what the user typed.
std::string requireConfiguredTable(pg::Connection &dest, const std::string &schema, const std::string &text);

// Inserts a row into the type's child table; columns not given take their defaults.
void insertConfig(pg::Connection &dest, const std::string &schema, const std::string &type,
                  const std::vector<std::pair<std::string, pg::Param>> &columns);

// Updates the given columns only (a concurrent writer of other columns is not overwritten).
void updateConfig(pg::Connection &dest, const std::string &schema, const std::string &type, const std::string &destTable,
                  const std::vector<std::pair<std::string, pg::Param>> &columns);

void deleteConfig(pg::Connection &dest, const std::string &schema, const std::string &type, const std::string &destTable);

} // namespace mimeo::catalog
