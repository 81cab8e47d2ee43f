// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo refresh --runner` and `mimeo check data --runner`: the request goes
// to a runner (`mimeo serve`) through the catalog instead of running here;
// this process follows it and exits as a local run would.
#include "catalog/requests.h"
#include "cli_context.h"

#include <functional>

namespace mimeo::cli {

// Sends a request (action: refresh, repull or validate; destTable as the
// catalog writes it) to the runners and follows it to its end; then
// finished gives the exit status from the request and its job (the request
// is over: done, failed or cancelled). Returns 1 without calling it when no
// live runner serves the catalog, or none remains to take the request
// (after a few seconds it is withdrawn, saying so); on SIGINT or SIGTERM it
// withdraws the request, or asks its runner to cancel it, and returns (main
// exits 130/143).
int followRequest(CliContext &ctx, pg::Connection &dest, const std::string &action, const std::string &destTable, bool verbose,
                  const std::function<int(const catalog::RequestProgress &)> &finished);

// A finished request that failed or was cancelled: says so on stderr; 1.
int requestFailed(CliContext &ctx, const catalog::Request &r);

// mimeo refresh --runner: action refresh or repull. Returns 0 done, 1
// failed (or no live runner), 3 the table was busy, as followRequest.
int requestFromRunner(CliContext &ctx, pg::Connection &dest, const std::string &action, const std::string &destTable,
                      bool verbose);

// mimeo cancel JOB_ID: asks the runner that runs the job to cancel it and
// waits up to waitSeconds for its answer. 0 when it was cancelled, 1 when
// nothing was (the job is over, or no runner runs it: the request is then
// withdrawn).
int cancelOnRunner(CliContext &ctx, pg::Connection &dest, int64_t jobId, int waitSeconds);

} // namespace mimeo::cli
