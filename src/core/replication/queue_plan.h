// SPDX-License-Identifier: PostgreSQL
#pragma once
// How a batch joins the tables it touches. A batch is usually a small part
// of a table that stays in memory, and then a lookup per key through the
// key's index beats the hash join with a full scan that the planner picks by
// its disk-based costs (measured: 75,000 keys of 1,000,000 rows, source
// read 0.18 s against 0.83 s, destination MERGE 0.7 s against 1.4-1.9 s).
// We ask for lookups only when an index leads with the key columns and the
// batch is well below the table's size, so the planner's choice stays for
// the cases where a full scan can win.
#include <cstdint>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::queue {

// True when relation (anything ::regclass reads) has a valid, non-partial
// index whose leading columns are exactly the key columns (in any order).
bool hasKeyIndex(pg::Connection &conn, const std::string &relation, const std::vector<std::string> &keys);

// The relation's row estimate (pg_class.reltuples; -1 when never analyzed).
int64_t estimatedRows(pg::Connection &conn, const std::string &relation);

// A batch of batchRows keys against a table of tableRows rows: look keys up.
bool preferLookups(int64_t batchRows, int64_t tableRows);

} // namespace mimeo::replication::queue
