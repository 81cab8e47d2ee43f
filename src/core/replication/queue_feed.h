// SPDX-License-Identifier: PostgreSQL
#pragma once
// Whether the source still queues every change of a dml/logdel replication:
// its queue table exists, and a trigger on the source table, enabled, AFTER
// INSERT OR UPDATE OR DELETE FOR EACH ROW, runs a function of the queue schema
// that writes this queue. A trigger someone dropped or disabled makes every
// refresh report "0 queued keys applied" while the destination drifts away
// for ever, so each refresh reads this (one catalog query, in place of the
// queue table lookup it always did) and fails loudly, with the statements
// that repair it, when changes are being lost.
//
// Our triggers fire ALWAYS, also under session_replication_role = replica:
// a source table that is itself a logical-replication subscriber gets all its
// changes that way, and a queue must see every change of its table however
// it came. Triggers made before that (or by the mimeo extension) fire only in
// ordinary sessions: the refresh switches them to ALWAYS when we own the
// table (the one thing that differs from what mimeo creates, and mimeo's
// destroyer drops them by name all the same); otherwise it says how, and
// fails only when a subscription provably writes the table. The same way
// a trigger function made before we revoked EXECUTE from PUBLIC loses it
// (when it is ours; otherwise the refresh warns with the statement).
#include "pg/quote.h"
#include "replication/source_relation.h"

#include <optional>
#include <string>
#include <vector>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication {
class Job;
}

namespace mimeo::replication::queue {

struct QueueFeed {
    bool queueExists = false;
    std::optional<std::string> trigger; // the trigger whose function writes this queue
    char enabled = 0;                   // its pg_trigger.tgenabled: O (origin), A (always), R (replica only), D (disabled)
    bool everyRowChange = false;        // AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW
    bool functionExists = false;        // the slot's function, so a dropped trigger can be recreated
    bool ownsTable = false;             // we may ALTER the source table
    bool subscribed = false;            // a logical-replication subscription applies changes to it
    std::string function;               // the trigger's function, as regprocedure text
    bool publicExecute = false;         // PUBLIC may execute it (made before we revoked that)
    bool ownsFunction = false;          // we may REVOKE on it
};

QueueFeed readQueueFeed(pg::Connection &src, const SourceRelation &rel, const pg::QualifiedName &queue);

// Throws a usage Error naming what is wrong and the statements that repair
// it; switches an ordinarily enabled trigger to ALWAYS when we own the table
// and revokes PUBLIC's EXECUTE on our function (in a short transaction of
// its own: src must not be inside one).
void requireQueueFed(Job &job, pg::Connection &src, const SourceRelation &rel, const pg::QualifiedName &queue,
                     const std::vector<std::string> &filter, bool logdel, const QueueFeed &feed);

} // namespace mimeo::replication::queue
