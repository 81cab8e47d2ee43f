// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo check data --runner`: a validate request to a runner (`mimeo
// serve`) instead of checking here; this process follows it as `refresh
// --runner` does and prints what the runner recorded as the table's last
// validation, as a local check data prints its report.
#include "cli_context.h"

namespace mimeo::cli {

// destTable as the catalog writes it; maxKeys: list at most this many of the
// differing keys the runner kept. Returns 0 when the rows are equal, 1 when
// they differ, the request failed or no live runner took it; on SIGINT or
// SIGTERM as followRequest.
int checkDataOnRunner(CliContext &ctx, pg::Connection &dest, const std::string &destTable, int maxKeys, bool json, bool verbose);

} // namespace mimeo::cli
