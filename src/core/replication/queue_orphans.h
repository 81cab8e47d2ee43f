// SPDX-License-Identifier: PostgreSQL
#pragma once
// Source objects of a dml/logdel make that never got its configuration row.
//
// A make creates its queue table, trigger function and trigger in one source
// transaction and commits it before the destination transaction that writes
// the configuration row: the trigger must be live before the pull's snapshot,
// or changes between the two would be lost, and holding it uncommitted would
// block every writer of the source table for the whole pull. The two commits
// cannot be atomic, so a make killed (or cut off from the source) between them
// leaves objects that queue every write for nobody.
//
// So the make marks its queue table, in the creating transaction, with a
// comment naming who made it: the destination database (its cluster's system
// identifier and its name), the catalog schema, the destination table and the
// source table. An object is an orphan only when its marker names this
// destination and catalog, no dml/logdel row of that catalog references its
// queue, and no make of its destination table is running (that make holds the
// table's advisory lock). Objects without our marker (made by the mimeo
// extension, by another destination or before markers existed) are never
// called orphans: several destinations may replicate one source table, each
// with its own queue, and only the one that made a queue can tell it is unused.
#include "pg/quote.h"
#include "replication/queue_source_objects.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::queue {

// "<system identifier>/<database>/<catalog schema>" of the destination.
std::string destinationIdentity(pg::Connection &dest, const std::string &catalogSchema);

// The comment a make writes on its queue table.
std::string ownerMarker(const std::string &identity, const pg::QualifiedName &source, const std::string &destTable);

struct OrphanedQueue {
    pg::QualifiedName source; // the table its trigger is on
    std::string destTable;    // the make that created it
    ExistingQueue objects;
    std::vector<std::string> dropStatements; // what removes it, trigger first
};

// The orphans on src made for the catalog `catalogSchema` on dest (queue
// tables are in the schema of the same name on the source). With destTable,
// only those of that destination table; lockHeld says the caller holds its
// advisory lock (a make), so no make of it can be running.
std::vector<OrphanedQueue> findOrphanedQueues(pg::Connection &src, pg::Connection &dest, const std::string &catalogSchema,
                                              const std::optional<std::string> &destTable = std::nullopt,
                                              bool lockHeld = false);

} // namespace mimeo::replication::queue
