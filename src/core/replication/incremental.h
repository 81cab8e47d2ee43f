// SPDX-License-Identifier: PostgreSQL
#pragma once
// The incremental types: inserter_time, inserter_serial, updater_time,
// updater_serial (rows newer than last_value, up to the source's max minus
// the boundary).
#include "catalog/config_row.h"
#include "replication/engine.h"
#include "replication/source_relation.h"

namespace mimeo::replication {

class Job;

namespace incremental {

// request.type may be "inserter"/"updater" (time or serial follows from the
// control column's type) or one of the four explicit types.
RunResult make(Job &job, const MakeRequest &request);
// The destination checks make runs before it changes anything (the schema;
// the name free, or a table that has every source column with its type);
// throws the first problem as a usage Error. A pre-flight runs them without
// making.
void checkDestination(pg::Connection &dest, const pg::QualifiedName &destName, const SourceRelation &source);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace incremental
} // namespace mimeo::replication
