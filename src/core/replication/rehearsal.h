// SPDX-License-Identifier: PostgreSQL
#pragma once
// A dry run of make and destroy that is the real code: make() and destroy()
// run with RunContext::rehearse, so every statement goes to the servers as
// the real run sends it, inside transactions that are rolled back at the end
// (pg::Connection::rehearse). What comes back is the list of statements for
// the application to show ("the SQL that will run on the source and on the
// destination"); the servers checked each one, so a rehearsal that succeeds
// shows a plan the real run can carry out, and one that fails says why.
//
// No COPY moves a row: both COPY statements of a pull are sent and stopped,
// and the rest of the make runs on an empty table. The statements of the
// real run are the same, in the same order on each side (tests/replication/
// tst_rehearsal.cpp holds them to it), except where the data decides: an
// index that cannot be built on the real rows (attemptInSavepoint then rolls
// back instead of releasing), or a source that changes in between.
#include "pg/error.h"
#include "pg/statement_log.h"
#include "replication/engine.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::replication {

struct Rehearsal {
    RunResult result;               // as the real run reports it, with no rows copied
    std::optional<pg::Error> error; // why the real run would fail; statements hold the failing one last on its side
    std::vector<pg::LoggedStatement> statements; // both sides, each in the order it ran
    bool ok() const { return !error.has_value(); }
};

// dest must not be in a transaction. ctx as for make()/destroy(); its log,
// statements and rehearse are not used (a rehearsal writes no job-log row).
// A pg::Error of the run is returned in Rehearsal::error, not thrown.
Rehearsal rehearseMake(pg::Connection &dest, const MakeRequest &request, const RunContext &ctx);
Rehearsal rehearseDestroy(pg::Connection &dest, const std::string &destTable, bool keepTable, const RunContext &ctx);

} // namespace mimeo::replication
