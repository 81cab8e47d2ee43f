// SPDX-License-Identifier: PostgreSQL
#pragma once
// Checking a make's options against the source while they are typed: the
// condition (does the source accept it where the engine puts it?) and the
// incremental window (what would the next refresh read?).
#include "pg/quote.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::setup {

// Asks the source to plan the SELECT every pull starts from, "SELECT <the
// filter's columns, qualified> FROM <table> <condition>" (replication::
// sourceSelect), with EXPLAIN inside a read-only transaction (a savepoint
// when the caller has a transaction open): nothing runs.
// Returns the server's error (message, then detail and hint when there are
// any), or nullopt when it accepts it. Throws pg::Error (usage) when the
// table or a filter column does not exist, and when the connection is lost.
std::optional<std::string> validateCondition(pg::Connection &src, const pg::QualifiedName &table,
                                             const std::vector<std::string> &filter, const std::string &condition);

// One sentence on what the next refresh of an incremental replication would
// read, computed on the source as the engine's window is (incremental::
// upperBound, the same boundary rules): for time "rows with "updated_at"
// below 2026-12-02 10:42:13.51+00 (the source's now minus the boundary of
// 00:10:00)", for serial "rows with "id" below 12345 (the highest "id" now
// is 12355, minus the boundary of 10)". Throws pg::Error (usage) naming the
// control column or the boundary when either is unusable.
std::string describeNextPull(pg::Connection &src, const pg::QualifiedName &table, const std::string &control,
                             const std::optional<std::string> &boundary, bool time);

} // namespace mimeo::setup
