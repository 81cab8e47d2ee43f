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
};

// The statements that create the objects of one slot, in order.
std::vector<std::string> creationStatements(const QueueDefinition &def, const ObjectNames &names);

struct CreatedQueue {
    int slot = 0;
    ObjectNames names;
    pg::QualifiedName queue; // queue schema + queue table
};

// Picks the first slot none of whose names is taken (by our rule or the
// extension's) and creates the objects in one source transaction, so a
// failure leaves nothing behind. Throws mimeo's "Limit of 99 queue tables"
// error when every slot is taken.
CreatedQueue createQueueObjects(pg::Connection &src, const QueueDefinition &def);

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
