// SPDX-License-Identifier: PostgreSQL
#pragma once
// Pointing a snapshot's view at a freshly loaded table. The swap needs an
// ACCESS EXCLUSIVE lock on the view; waiting for it in the lock queue would
// block every new reader behind a long-running one. So we ask with a short
// lock_timeout inside a savepoint and retry: readers are never held up
// longer than one attempt.
#include "pg/quote.h"

#include <optional>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {

class Job;

// The table a view selects from (the active snapshot table), from pg_depend
// rather than from the view's text (mimeo searched the text for "snap1").
std::optional<pg::QualifiedName> viewSource(pg::Connection &dest, const pg::QualifiedName &view);

// CREATE VIEW, or CREATE OR REPLACE VIEW once the lock is held.
void pointViewAt(Job &job, const pg::QualifiedName &view, const pg::QualifiedName &table, bool viewExists);

} // namespace mimeo::replication
