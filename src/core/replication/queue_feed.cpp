// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_feed.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "replication/job.h"
#include "replication/queue_names.h"
#include "replication/queue_source_objects.h"

namespace mimeo::replication::queue {
namespace {

// pg_trigger.tgtype bits (catalog/pg_trigger.h)
constexpr int kRow = 1, kBefore = 2, kInsert = 4, kDelete = 8, kUpdate = 16, kInstead = 64;

// Every trigger on the table whose function lives in the queue schema, with
// what the check needs besides; one row with NULL trigger columns when none.
constexpr const char *kFeedSql = R"SQL(
SELECT q.oid IS NOT NULL, t.tgname, t.tgenabled, t.tgtype, p.prosrc,
       pg_catalog.to_regprocedure($4) IS NOT NULL,
       pg_catalog.pg_has_role(s.relowner, 'USAGE'),
       EXISTS (SELECT 1 FROM pg_catalog.pg_subscription_rel sr WHERE sr.srrelid = s.oid),
       p.oid::pg_catalog.regprocedure::text,
       pg_catalog.has_function_privilege('public', p.oid, 'EXECUTE'),
       pg_catalog.pg_has_role(p.proowner, 'USAGE')
  FROM pg_catalog.pg_class s
  LEFT JOIN pg_catalog.pg_namespace qn ON qn.nspname = $1
  LEFT JOIN pg_catalog.pg_class q ON q.relnamespace = qn.oid AND q.relname = $2 AND q.relkind = 'r'
  LEFT JOIN (pg_catalog.pg_trigger t JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid)
         ON t.tgrelid = s.oid AND NOT t.tgisinternal AND p.pronamespace = qn.oid
 WHERE s.oid = $3::oid
)SQL";

std::optional<ObjectNames> slotNames(const SourceRelation &rel, const pg::QualifiedName &queue)
{
    const auto slot = slotOfQueue(rel.name, queue.name);
    if (!slot)
        return std::nullopt;
    auto names = objectNames(rel.name, *slot);
    if (names.queue != queue.name)
        names = objectNames(rel.name, *slot, true); // the extension's rule made it
    return names;
}

std::string repull(const Job &job, bool logdel)
{
    return "then: mimeo refresh " + job.destTable() + " --repull"
        + (logdel ? " (rows deleted meanwhile then leave the destination instead of being marked deleted)" : "");
}

[[noreturn]] void notQueued(const std::string &what, const std::string &fix)
{
    throw pg::Error::usage(what + ": changes of the source table are not being queued, and the destination no longer follows it",
                           pg::Side::Source, fix);
}

} // namespace

QueueFeed readQueueFeed(pg::Connection &src, const SourceRelation &rel, const pg::QualifiedName &queue)
{
    const auto names = slotNames(rel, queue);
    const pg::Param function = names ? pg::Param(pg::quoteIdent(queue.schema) + "." + pg::quoteIdent(names->function) + "()")
                                     : pg::Param();
    auto r = src.exec(kFeedSql, {queue.schema, queue.name, std::to_string(rel.oid), function});
    QueueFeed feed;
    if (r.rows() == 0)
        return feed;
    feed.queueExists = r.toBool(0, 0);
    feed.functionExists = r.toBool(0, 5);
    feed.ownsTable = r.toBool(0, 6);
    feed.subscribed = r.toBool(0, 7);
    for (int i = 0; i < r.rows(); ++i) {
        if (r.isNull(i, 1) || !bodyNames(r.text(i, 4), queue.name))
            continue;
        // Several would be odd; an enabled one wins, as it is the one that works.
        if (feed.trigger && feed.enabled != 'D')
            continue;
        feed.trigger = r.text(i, 1);
        feed.enabled = r.value(i, 2).empty() ? 0 : r.value(i, 2)[0];
        feed.function = r.text(i, 8);
        feed.publicExecute = r.toBool(i, 9);
        feed.ownsFunction = r.toBool(i, 10);
        const auto type = r.toInt(i, 3);
        feed.everyRowChange = (type & (kRow | kBefore | kInsert | kDelete | kUpdate | kInstead)) == (kRow | kInsert | kDelete | kUpdate);
    }
    return feed;
}

void requireQueueFed(Job &job, pg::Connection &src, const SourceRelation &rel, const pg::QualifiedName &queue,
                     const std::vector<std::string> &filter, bool logdel, const QueueFeed &feed)
{
    const std::string table = rel.name.catalogText();
    if (!feed.queueExists)
        throw pg::Error::usage("Source queue table missing (" + queue.catalogText() + ")", pg::Side::Source,
                               "its changes are lost; destroy the replication and make it again");
    if (!feed.trigger) {
        const auto names = slotNames(rel, queue);
        if (names && feed.functionExists)
            notQueued("the trigger on " + table + " that writes queue " + queue.catalogText() + " is missing",
                      "run on the source: " + createTriggerStatement(rel.name, queue.schema, *names, filter) + "; "
                          + enableAlwaysStatement(rel.name, names->trigger) + "; " + repull(job, logdel));
        notQueued("no trigger on " + table + " writes queue " + queue.catalogText() + " (its trigger or function was dropped)",
                  "destroy the replication (mimeo destroy " + job.destTable() + ") and make it again");
    }
    const std::string enable = enableAlwaysStatement(rel.name, *feed.trigger);
    if (!feed.everyRowChange)
        notQueued("trigger " + *feed.trigger + " on " + table + " does not fire AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW",
                  "destroy the replication (mimeo destroy " + job.destTable() + ") and make it again");
    if (feed.enabled == 'D' || feed.enabled == 'R')
        notQueued("trigger " + *feed.trigger + " on " + table
                      + (feed.enabled == 'D' ? " is disabled" : " fires only under session_replication_role = replica"),
                  "run on the source: " + enable + "; " + repull(job, logdel));
    // Made before these rules (or by the mimeo extension): fixed where we
    // may, in a short transaction of its own that never waits behind a
    // writer (ALTER TABLE would queue every later writer of the table).
    std::vector<std::string> repairs;
    if (feed.publicExecute) {
        const std::string revoke = "REVOKE EXECUTE ON FUNCTION " + feed.function + " FROM PUBLIC";
        if (feed.ownsFunction)
            repairs.push_back(revoke);
        else
            job.warn("any role may attach the SECURITY DEFINER function " + feed.function + " of queue " + queue.catalogText()
                     + " to a table of its own and queue forged keys; as its owner run on the source: " + revoke);
    }
    if (feed.enabled == 'O') {
        if (feed.ownsTable)
            repairs.push_back(enable);
        else if (feed.subscribed)
            notQueued("a logical-replication subscription writes " + table + " with session_replication_role = replica, for "
                      "which trigger " + *feed.trigger + " does not fire",
                      "as the owner of " + table + " run on the source: " + enable + "; " + repull(job, logdel));
    }
    if (repairs.empty())
        return;
    pg::Transaction tx(src);
    src.exec("SET LOCAL lock_timeout = '2s'");
    std::string done;
    for (const auto &sql : repairs) {
        if (auto refused = pg::attemptInSavepoint(src, [&] { src.exec(sql); })) {
            job.warn("could not run on the source (" + refused->message() + "), the next refresh tries again: " + sql);
            continue;
        }
        done += (done.empty() ? "" : "; ") + sql;
    }
    tx.commit();
    if (!done.empty())
        job.step("brought the source objects of queue " + queue.catalogText() + " up to date: " + done);
}

} // namespace mimeo::replication::queue
