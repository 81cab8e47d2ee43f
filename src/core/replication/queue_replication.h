// SPDX-License-Identifier: PostgreSQL
#pragma once
// The dml and logdel types: a trigger on the source records changed keys in
// a queue table; refresh replays them.
#include "catalog/config_row.h"
#include "replication/engine.h"
#include "replication/source_relation.h"

namespace mimeo::replication {

class Job;

namespace queue_replication {

RunResult make(Job &job, const MakeRequest &request);
// The destination checks make runs before it changes anything (the schema;
// the name free, or a table that has every replicated column; logdel adds
// mimeo_source_deleted itself); throws the first problem as a usage Error. A
// pre-flight runs them without making.
void checkDestination(pg::Connection &dest, const pg::QualifiedName &destName, const SourceRelation &source, bool logdel);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace queue_replication
} // namespace mimeo::replication
