// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check rowcount`: counts on both sides, mimeo's validate_rowcount
// with its defects fixed: every incremental type gets its control bounds,
// a configured condition works, and logdel compares rows not marked deleted.
#include "checks/check_context.h"

#include <optional>
#include <string>

namespace mimeo::checks {

struct RowcountReport {
    std::string destTable;
    std::string type;
    long long sourceCount = 0;
    long long destCount = 0;
    bool match = false;
    std::optional<std::string> lowerBound; // control > this (exclusive)
    std::optional<std::string> upperBound; // control < this (exclusive)
    std::string note;
};

// lower/upper: an interval (time) or a number (serial) below the
// destination's highest control value; upper defaults to the boundary.
RowcountReport checkRowcount(const CheckContext &ctx, const std::string &destTable, const std::optional<std::string> &lower,
                             const std::optional<std::string> &upper);

} // namespace mimeo::checks
