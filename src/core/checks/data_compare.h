// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check data`: compares the actual rows, not just counts. Each side
// hashes every row (by its text form, in the same session settings) into a
// bucket chosen by the key's hash; only buckets whose digests differ are
// read key by key. So a single changed row in millions is found while
// moving a few kilobytes over the network.
#include "checks/check_context.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::checks {

struct RowDifference {
    enum class Kind { MissingOnDestination, ExtraOnDestination, Different };
    Kind kind;
    std::string key; // the key as a row literal, e.g. (42) or (7,"a b")
    // The same key typed apart: each key column's value as ::text printed
    // it (in keyColumns' order; nullopt for NULL), what a repair needs.
    std::vector<std::optional<std::string>> keyValues;
};

struct DataReport {
    std::string destTable;
    std::vector<std::string> keyColumns;
    std::string scope;        // what was compared, e.g. "rows with control <= last_value"
    long long sourceRows = 0;
    long long destRows = 0;
    int buckets = 0;
    int differingBuckets = 0;
    std::vector<RowDifference> differences;
    bool truncated = false;   // more differences than listed
    bool equal() const { return differences.empty() && differingBuckets == 0; }
};

DataReport checkData(const CheckContext &ctx, const std::string &destTable, int maxDifferences = 100);

} // namespace mimeo::checks
