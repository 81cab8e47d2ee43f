// SPDX-License-Identifier: PostgreSQL
#pragma once
// The `snap` type: two tables <dest>_snap1 and <dest>_snap2 behind a view
// <dest>; each refresh loads the inactive table and points the view at it.
#include "catalog/config_row.h"
#include "replication/engine.h"

namespace mimeo::replication {

class Job;

namespace snapshot {

RunResult make(Job &job, const MakeRequest &request);
// The destination checks make runs before it changes anything (the schema
// exists; the view and its two tables are free and their names fit); throws
// the first problem as a usage Error. A pre-flight runs them without making.
void checkDestination(pg::Connection &dest, const pg::QualifiedName &view);
RunResult refresh(Job &job, const catalog::ConfigRow &config, const RefreshRequest &request);
// keepTable: the newest snapshot becomes a plain table named like the view.
RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable);

} // namespace snapshot
} // namespace mimeo::replication
