#pragma once
// `mimeo check missing`: source tables (and views, when asked) that no
// configured table replicates. Partitions of a partitioned table are not
// listed on their own.
#include "checks/check_context.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::checks {

struct MissingTable {
    int dataSourceId = 0;
    std::string schema;
    std::string table;
    std::string kind; // table, partitioned table, view, materialized view
};

std::vector<MissingTable> checkMissing(const CheckContext &ctx, std::optional<int> dataSourceId, bool views);

} // namespace mimeo::checks
