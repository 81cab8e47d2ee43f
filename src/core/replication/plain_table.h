// SPDX-License-Identifier: PostgreSQL
#pragma once
// The `table` type: truncate and reload an ordinary destination table.
#include "catalog/config_row.h"
#include "replication/engine.h"
#include "replication/source_relation.h"

namespace mimeo::replication {

class Job;

namespace plain_table {

RunResult make(Job &job, const MakeRequest &request);
// The destination checks make runs before it changes anything (the schema;
// the name free, or with --use-existing a table whose columns match; the
// sequences to reset); throws the first problem as a usage Error. A
// pre-flight runs them without making.
void checkDestination(pg::Connection &dest, const MakeRequest &request, const SourceRelation &source);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace plain_table
} // namespace mimeo::replication
