// SPDX-License-Identifier: PostgreSQL
#pragma once
// Typed access to every refresh_config child, for editors of the
// configuration: which columns each type's table has and of which SQL type,
// reading every row with all its columns, checking a value before it is
// sent, and writing only the columns a user changed.
#include "pg/error.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

enum class ColumnKind { Text, Integer, BigInt, Interval, Timestamptz, Boolean, TextArray };

// The eight concrete types' names, in mimeo's order (concreteTypes() in
// replication_types.h describes them; configTableFor there names their tables).
const std::vector<std::string> &configTypes();

// Every column of the concrete children, parent columns first, then the
// type-specific ones. The snapshot statistics n_tup_* are left out: only
// refreshes write them.
const std::vector<std::string> &configColumnNames();

// The column's kind in the given type's table, or nullopt when that table
// has no such column. boundary and last_value differ between the time and
// serial variants.
std::optional<ColumnKind> configColumnKind(std::string_view column, std::string_view type);

// Whether the column accepts NULL (the same in every table that has it).
bool configColumnNullable(std::string_view column);

// Columns an editor never writes: the ones that identify a row, and the
// ones that decide which objects a refresh touches (fixedColumns in
// replication_identity.h: changing those needs destroy and make).
bool configColumnReadOnly(std::string_view column, std::string_view type);

// One configured table. Values are the server's text forms: intervals as
// the server prints them, timestamps as ISO 8601 in UTC with offset,
// booleans "true"/"false", arrays as PostgreSQL array literals
// (see parseTextArray). std::nullopt is NULL.
struct ConfigRecord {
    std::string table;     // the concrete child, refresh_config_snap ...
    std::string type;
    std::string destTable; // the primary key
    std::map<std::string, std::optional<std::string>> values;
};

// Every row of every child table, ordered by dest_table.
std::vector<ConfigRecord> readConfigRecords(pg::Connection &dest, const std::string &schema);

// The columns one edited row changes; nothing else of the row is written.
struct ConfigChange {
    std::string type;
    std::string destTable;
    std::map<std::string, std::optional<std::string>> values;
};

// A change the server (or our checks) refused; index is its position in
// the list given to applyConfigChanges, so an editor can show the error
// next to the row.
class ConfigChangeError : public std::runtime_error {
public:
    ConfigChangeError(size_t index, pg::Error error);
    size_t index() const noexcept { return index_; }
    const pg::Error &error() const noexcept { return error_; }

private:
    size_t index_;
    pg::Error error_;
};

// Writes the changes in one transaction: UPDATE ... SET only the changed
// columns, so a runner that updates last_run meanwhile keeps its value.
// Every value is checked first (checkConfigValue) and then sent as a
// parameter cast to the column's type. Nothing is written when any change
// fails; the error says which.
void applyConfigChanges(pg::Connection &dest, const std::string &schema, const std::vector<ConfigChange> &changes);

// Why text is not an acceptable value for the column in the type's table,
// or nullopt when it is. Used by editors to refuse a value before anything
// is written, and by applyConfigChanges. std::nullopt text means NULL.
std::optional<std::string> checkConfigValue(std::string_view column, std::string_view type,
                                            const std::optional<std::string> &text);

// Whether text is an interval PostgreSQL accepts (the postgres and ISO 8601
// forms: "10 minutes", "1 day 02:00", "@ 3 hours ago", "P1DT2H"); when not,
// *why says what is wrong.
bool isValidInterval(std::string_view text, std::string *why = nullptr);

// Why period cannot be a table's refresh period, or nullopt when it can.
// The server reads it (so every spelling it accepts works) and it must be
// longer than zero: a zero or negative period makes the table due on every
// run and reported late for ever. Every writer of a period goes through
// this (makes, the configuration editor). Inside a transaction a savepoint
// keeps a refused value from aborting it.
std::optional<std::string> checkPeriod(pg::Connection &dest, const std::string &period);

// A one-dimensional text[] literal ({a,"b c",NULL}) split into its items;
// NULL items are dropped. Throws std::invalid_argument when malformed.
std::vector<std::string> parseTextArray(std::string_view literal);
// The literal for items, every item double-quoted, so any text survives.
std::string formatTextArray(const std::vector<std::string> &items);

} // namespace mimeo::catalog
