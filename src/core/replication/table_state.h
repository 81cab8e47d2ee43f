// SPDX-License-Identifier: PostgreSQL
#pragma once
// Our per-table state beside mimeo's refresh_config (studio_table_state).
// Absent rows mean mimeo's defaults: tables made by the extension have none.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

struct TableState {
    bool copyIndexes = true;
    std::optional<std::string> pulledSnapshot; // source txid snapshot of the last snapshot pull
    std::vector<long long> pulledCounters;     // n_tup_ins, n_tup_upd, n_tup_del stored with it
    std::optional<long long> sourceFilenode;   // dml/logdel: source relfilenode at the last refresh (queue_rewrite.h)
};

TableState readTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable);
void writeTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable, const TableState &state);
void deleteTableState(pg::Connection &dest, const std::string &schema, const std::string &destTable);

} // namespace mimeo::replication
