// SPDX-License-Identifier: PostgreSQL
#pragma once
// What the Jobs panel runs for Validate and Repair These Rows (issue 17):
// the core's checks on the job's own connections, watched by its cancel
// token, each leaving the table's last validation in the catalog (the
// monitor's Validated column).
#include "engine_run.h"
#include "jobs/validation.h"

#include <QString>

// The row count, then the rows compared by key when the table has one.
EngineRun::Work validationWork(const std::string &destTable);
// The rows compared, the differing keys re-pulled from the source in one
// transaction under the table's lock (updater, dml, logdel), compared again.
EngineRun::Work repairWork(const std::string &destTable);

// One line for people: "validated: 1,000 rows equal", "3 rows differ: ...".
QString validationSummary(const mimeo::jobs::Validation &v);

// Most keys a Repair re-pulls one by one; past that a full re-pull is the way.
inline constexpr int kMaxRepairKeys = 10000;
