// SPDX-License-Identifier: PostgreSQL
#pragma once
// Recording what a check found as the table's last validation (issue 17;
// the record is jobs/validation.h), and the desktop's Validate: the row
// count, then the rows themselves when the table has a key, recorded.
#include "checks/data_compare.h"
#include "checks/rowcount.h"
#include "jobs/validation.h"

#include <functional>
#include <string>

namespace mimeo::checks {

// How many differences a check counts for the record's totals (it keeps
// only jobs::kMaxValidationKeys of their keys).
inline constexpr int kCountDifferences = 100000;

// validated when the counts match, else mismatched (no keys: counts only).
jobs::Validation validationOf(const RowcountReport &report);
// validated when the rows are equal, else mismatched with the totals of
// each kind and the first jobs::kMaxValidationKeys keys (a truncated report
// counts only what it listed, and says so in message).
jobs::Validation validationOf(const DataReport &report);
// Keeps the first max differences of report (truncated when it drops any):
// what a check lists to people after counting them all for the record.
void keepFirstDifferences(DataReport &report, int max);
jobs::Validation validationError(const std::string &destTable, const std::string &kind, const std::string &message);

// Saves v (jobs::saveValidation) for a check that already gave its answer:
// when the record cannot be written (a role allowed to read but not to
// write it), the answer still stands; returns the reason it was not kept.
std::optional<std::string> recordValidation(pg::Connection &dest, const std::string &schema, const jobs::Validation &v);

// The Validate of the desktop: checkRowcount, then checkData when the table
// has a key to compare rows by (its outcome is the table's: the row check
// is the stronger one; a row count that disagrees goes into message),
// counting up to maxDifferences differences. Records the result, an error
// included (then rethrown); nothing is recorded when ctx.cancel stopped it.
// phase: told "counting rows" and "comparing rows" as they start.
jobs::Validation validateTable(const CheckContext &ctx, const std::string &destTable,
                               const std::function<void(const std::string &)> &phase = {}, int maxDifferences = kCountDifferences);

} // namespace mimeo::checks
