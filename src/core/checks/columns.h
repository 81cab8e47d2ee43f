// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check columns`: source columns the destination lacks, or has with
// another type (mimeo's check_source_columns, with its filter test fixed:
// only filtered-in columns are checked).
#include "checks/check_context.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::checks {

struct ColumnDrift {
    std::string destTable;
    std::string sourceTable;
    int dataSourceId = 0;
    std::string column;                  // empty when the whole source relation is missing
    std::string sourceType;
    std::optional<std::string> destType; // nullopt: missing on the destination
    std::string problem;                 // "missing", "type differs", "source table missing", "destination missing"
};

std::vector<ColumnDrift> checkColumns(const CheckContext &ctx, std::optional<int> dataSourceId);

} // namespace mimeo::checks
