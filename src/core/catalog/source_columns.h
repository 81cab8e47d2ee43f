// SPDX-License-Identifier: PostgreSQL
#pragma once
// The columns of a source table, for choosing a replication's filter.
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::catalog {

// Columns of the table or view named in mimeo's catalog form (schema.table,
// split on the first dot), in column order. Throws Error when it does not exist.
std::vector<std::string> sourceColumns(pg::Connection &source, const std::string &catalogTableText);

} // namespace mimeo::catalog
