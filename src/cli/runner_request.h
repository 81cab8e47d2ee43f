// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo refresh --runner`: the request goes to a runner (`mimeo serve`)
// through the catalog instead of running here; this process follows it and
// exits as a local run would.
#include "cli_context.h"

namespace mimeo::cli {

// action: refresh or repull; destTable as the catalog writes it. Returns 0
// done, 1 failed (or no live runner), 3 the table was busy; on SIGINT or
// SIGTERM it sends a cancel request for it and returns (main exits 130/143).
int requestFromRunner(CliContext &ctx, pg::Connection &dest, const std::string &action, const std::string &destTable,
                      bool verbose);

// mimeo cancel JOB_ID: asks the runner that runs the job to cancel it and
// waits up to waitSeconds for its answer. 0 when it was cancelled, 1 when
// nothing was (the job is over, or no runner runs it: the request is then
// withdrawn).
int cancelOnRunner(CliContext &ctx, pg::Connection &dest, int64_t jobId, int waitSeconds);

} // namespace mimeo::cli
