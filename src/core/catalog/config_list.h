// SPDX-License-Identifier: PostgreSQL
#pragma once
// Every configured table of a catalog (all refresh_config children), with
// the columns every type shares. Type-specific columns are read by the
// replication units themselves.
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
struct QualifiedName;
}

namespace mimeo::catalog {

struct ConfigSummary {
    std::string destTable;   // catalog text form schema.table
    std::string sourceTable;
    std::string type;        // snap, table, inserter_time, ...
    int dataSourceId = 0;
    std::optional<std::string> period;  // interval text, as the server prints it
    std::optional<std::string> lastRun; // ISO 8601 with offset
    std::optional<int> batchLimit;
};

std::vector<ConfigSummary> listConfiguredTables(pg::Connection &dest, const std::string &schema);

// The configured tables (any type) that already replicate sourceTable from
// data source dataSourceId, by destination name: so a new replication of it
// can say "already replicated into ...".
std::vector<ConfigSummary> destinationsReplicating(pg::Connection &dest, const std::string &schema, int dataSourceId,
                                                   const pg::QualifiedName &sourceTable);

// The family name used for grouping: inserter_time and inserter_serial are
// "inserter", likewise updater; the others are their own type.
std::string typeFamily(const std::string &type);

} // namespace mimeo::catalog
