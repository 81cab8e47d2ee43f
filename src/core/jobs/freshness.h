// SPDX-License-Identifier: PostgreSQL
#pragma once
// Freshness thresholds per table (studio_freshness): after how long without
// a successful refresh a table counts as late or critical (see health.h).
// Unset, they follow the period: late after 1x, critical after 2x.
#include <optional>
#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::jobs {

struct Freshness {
    std::optional<std::string> period;        // the table's period (interval text)
    std::optional<std::string> lateOverride;  // set in studio_freshness
    std::optional<std::string> criticalOverride;
    std::optional<std::string> lateAfter;     // in effect
    std::optional<std::string> criticalAfter; // in effect
};

// The thresholds of a configured table; throws a usage error for a table
// the catalog does not configure.
Freshness readFreshness(pg::Connection &dest, const std::string &schema, const std::string &destTable);

// Sets both overrides of destTable (nullopt: back to the default). The
// server parses the intervals; each must be positive and critical, as in
// effect, must not come before late. Throws a usage error (with a hint)
// for a bad interval, an unknown table or thresholds in the wrong order.
void setFreshness(pg::Connection &dest, const std::string &schema, const std::string &destTable,
                  const std::optional<std::string> &lateAfter, const std::optional<std::string> &criticalAfter);

} // namespace mimeo::jobs
