// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check data --repair` (issue 17): check the rows, re-pull exactly
// the keys that differ (replication/repair.h), check again. Refuses more
// differing keys than the caller allows: past some number a re-pull of the
// whole table is the cheaper and surer way.
#include "checks/data_compare.h"
#include "replication/repair.h"

#include <optional>
#include <string>

namespace mimeo::checks {

// The repair of every difference in report (keys in keyColumns' order).
// Throws a usage Error when the report is truncated (not every key is
// known) or a key has a NULL column (no key a repair can address).
replication::RepairRequest repairRequestFor(const DataReport &report);

struct RepairedData {
    DataReport before;
    std::optional<replication::RunResult> repair; // none when nothing differed
    std::optional<DataReport> after;               // the check again, after a repair
    bool repaired() const { return after && after->equal(); }
};

// Checks destTable; when rows differ, repairs them (at most maxRepair keys:
// more is a usage Error with the re-pull as the way out) and checks again.
// run: the job log, cancel token and source passwords of the repair.
RepairedData checkAndRepair(const CheckContext &ctx, replication::RunContext &run, const std::string &destTable, int maxRepair);

} // namespace mimeo::checks
