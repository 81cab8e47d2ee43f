// SPDX-License-Identifier: PostgreSQL
#pragma once
// The desktop's Validate as a job (catalog version 10): validateTable with
// a job-log row of action "validate" that shows its phase while it runs and
// its outcome after, as a refresh's does, whoever runs it: the desktop's
// Jobs panel, or a runner answering a validate request (jobs/request_work.h),
// whose asker follows the row.
#include "checks/validation_record.h"
#include "replication/engine.h"

#include <string>

namespace mimeo::checks {

struct ValidationRun {
    jobs::Validation validation;
    replication::RunResult result; // the job: ok (whatever was found), its id, a line for people
};

// One line for people and the job log: "validated: 2000 rows equal",
// "mismatched: 1 of 20000 rows differ (0 missing, 0 extra, 1 different)".
std::string validationLine(const jobs::Validation &v);

// Runs validateTable(dest, destTable) with ctx's cancel, source passwords
// and progress, in a job of ctx.log. An error (a cancel included) fails the
// job and is rethrown.
ValidationRun validateAsJob(pg::Connection &dest, const std::string &destTable, replication::RunContext &ctx);

} // namespace mimeo::checks
