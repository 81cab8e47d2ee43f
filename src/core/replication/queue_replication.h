// SPDX-License-Identifier: PostgreSQL
#pragma once
// The dml and logdel types: a trigger on the source records changed keys in
// a queue table; refresh replays them.
#include "catalog/config_row.h"
#include "replication/engine.h"

namespace mimeo::replication {

class Job;

namespace queue_replication {

RunResult make(Job &job, const MakeRequest &request);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace queue_replication
} // namespace mimeo::replication
