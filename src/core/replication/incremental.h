// SPDX-License-Identifier: PostgreSQL
#pragma once
// The incremental types: inserter_time, inserter_serial, updater_time,
// updater_serial (rows newer than last_value, up to the source's max minus
// the boundary).
#include "catalog/config_row.h"
#include "replication/engine.h"

namespace mimeo::replication {

class Job;

namespace incremental {

// request.type may be "inserter"/"updater" (time or serial follows from the
// control column's type) or one of the four explicit types.
RunResult make(Job &job, const MakeRequest &request);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace incremental
} // namespace mimeo::replication
