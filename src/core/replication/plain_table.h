// SPDX-License-Identifier: PostgreSQL
#pragma once
// The `table` type: truncate and reload an ordinary destination table.
#include "catalog/config_row.h"
#include "replication/engine.h"

namespace mimeo::replication {

class Job;

namespace plain_table {

RunResult make(Job &job, const MakeRequest &request);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace plain_table
} // namespace mimeo::replication
