// SPDX-License-Identifier: PostgreSQL
#pragma once
// Destination-side objects: does a relation exist, what columns it has, and
// creating tables from the source's columns.
#include "pg/quote.h"
#include "replication/columns.h"

#include <optional>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

// relkind of schema.name on the destination ('r', 'v', 'p', ...), or nullopt.
std::optional<char> relationKind(pg::Connection &dest, const pg::QualifiedName &name);

// Throws an Error naming the schema (with the CREATE SCHEMA hint) when it is missing.
void requireSchema(pg::Connection &dest, const std::string &schema);

// Columns of an existing relation, in attnum order, types as format_type()
// prints them with search_path = pg_catalog (comparable with the source's).
std::vector<Column> relationColumns(pg::Connection &dest, const pg::QualifiedName &name);

// CREATE TABLE name (columns): no constraints or defaults, as mimeo does.
void createTable(pg::Connection &dest, const pg::QualifiedName &name, const std::vector<Column> &columns);

// Throws a usage Error naming every source column that is missing on the
// destination or has another type there (the destination may have extra
// columns), instead of failing later inside COPY.
void requireDestinationCovers(const pg::QualifiedName &dest, const std::vector<Column> &destCols, const std::vector<Column> &source);

} // namespace mimeo::replication
