// SPDX-License-Identifier: PostgreSQL
#pragma once
// The objects a dml/logdel replication keeps on the source, with mimeo's
// names and shapes so the extension's refresh and destroyer work on ours:
//   queue table     <queue schema>.<schema>_<table>_q[NN]
//                     dml:    key columns, processed boolean
//                     logdel: replicated columns, mimeo_source_deleted timestamptz, processed boolean
//   trigger function <queue schema>.<schema>_<table>_mimeo_queue[NN]() SECURITY DEFINER
//   trigger         <schema>_<table>_mimeo_trig[NN] AFTER INSERT OR DELETE OR UPDATE [OF filter]
//                     ON the source table FOR EACH ROW
#include "pg/quote.h"
#include "replication/columns.h"
#include "replication/queue_names.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::queue {

struct QueueDefinition {
    std::string queueSchema;           // the catalog's schema name, on the source
    pg::QualifiedName source;          // the source table
    uint32_t sourceOid = 0;            // its oid: the trigger function queues for no other table
    std::vector<Column> keys;          // replication key: names and types
    std::vector<Column> columns;       // logdel: every replicated column (queue shape); dml: unused
    std::vector<std::string> updateOf; // the filter: UPDATE OF these columns only
    bool logdel = false;
    std::string ownerComment;          // written on the queue table (queue_orphans.h)
};

// The statements that create the objects of one slot, in order. firesAlways:
// the trigger also fires under session_replication_role = replica (ENABLE
// ALWAYS, which only the table's owner may set).
std::vector<std::string> creationStatements(const QueueDefinition &def, const ObjectNames &names, bool firesAlways);

// ALTER TABLE ... ENABLE ALWAYS TRIGGER: a queue must see every change of its
// table, also those a logical-replication subscription applies (its apply
// worker runs as replica, where an ordinarily enabled trigger stays silent).
std::string enableAlwaysStatement(const pg::QualifiedName &source, const std::string &trigger);

// CREATE TRIGGER for a slot's function (to repair a dropped trigger).
std::string createTriggerStatement(const pg::QualifiedName &source, const std::string &queueSchema, const ObjectNames &names,
                                   const std::vector<std::string> &updateOf);

// Whether a function body names the queue table (quoted or not, never as
// part of a longer name): the function feeds that queue.
bool bodyNames(const std::string &body, const std::string &queueName);

struct CreatedQueue {
    int slot = 0;
    ObjectNames names;
    pg::QualifiedName queue; // queue schema + queue table
    bool firesAlways = false; // false when we do not own the table (see creationStatements)
};

// Picks the first slot none of whose names is taken (by our rule or the
// extension's) and creates the objects in one source transaction, so a
// failure leaves nothing behind. removeFirst runs first in that transaction
// (what an interrupted make of the same table left), so its slot is free
// again. Throws mimeo's "Limit of 99 queue tables" error when every slot is
// taken.
CreatedQueue createQueueObjects(pg::Connection &src, const QueueDefinition &def,
                                const std::vector<std::string> &removeFirst = {});

// What exists on the source for a configured queue.
struct ExistingQueue {
    pg::QualifiedName queue;
    bool queueExists = false;
    bool sourceExists = false;
    std::optional<std::string> function; // name in the queue schema
    std::optional<std::string> trigger;  // name on the source table
    std::string tableOwner;
    bool mayDropTrigger = true;          // we own the source table (or are a member of its owner)
};

ExistingQueue findQueueObjects(pg::Connection &src, const pg::QualifiedName &source, const pg::QualifiedName &queue);

// Drops trigger, function and queue table (whichever exist) in one source
// transaction, trigger first: if that is refused nothing else is dropped and
// writes on the source keep working.
void dropQueueObjects(pg::Connection &src, const pg::QualifiedName &source, const ExistingQueue &objects);

// The statements dropQueueObjects runs, for messages that tell people what to
// run by hand.
std::vector<std::string> dropStatements(const pg::QualifiedName &source, const ExistingQueue &objects);

} // namespace mimeo::replication::queue
