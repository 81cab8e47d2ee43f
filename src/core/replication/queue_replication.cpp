// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_replication.h"

#include "catalog/replication_types.h"
#include "catalog/replication_identity.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/copy_pull.h"
#include "replication/dest_objects.h"
#include "replication/job.h"
#include "replication/queue_apply.h"
#include "replication/queue_batch.h"
#include "replication/queue_cleanup.h"
#include "replication/queue_plan.h"
#include "replication/queue_destination.h"
#include "replication/queue_feed.h"
#include "replication/queue_orphans.h"
#include "replication/queue_prerequisites.h"
#include "replication/queue_rewrite.h"
#include "replication/queue_source_objects.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"

#include <algorithm>
#include <cctype>

// Commit domains (mimeo 4.3, with its change loss fixed): every run reads
// the queue inside one REPEATABLE READ source transaction, applies what it
// read in one destination transaction, commits the destination, and only
// then deletes, in the still open source transaction, exactly the queue rows
// its snapshot saw. A failure before the destination commit rolls both back;
// a failure after it leaves queue rows behind that the next run applies
// again, which is harmless: replaying a key re-reads its current state.

namespace mimeo::replication::queue_replication {
namespace {

using pg::QualifiedName;

bool isLogdel(const std::string &type) { return catalog::concreteType(type).marksDeleted; }

std::string readRepeatable() { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }

// The queue's key columns as the queue table has them (their types decide
// the batch table's), and for logdel which columns it records.
struct QueueShape {
    std::vector<Column> keys;
    std::vector<std::string> columns;
    int64_t estimatedRows = -1;
    queue::QueueFeed feed; // whether the source's trigger still feeds it
};

QueueShape describeQueue(pg::Connection &src, const std::string &control, const std::vector<std::string> &pkName, int sourceId,
                         const SourceRelation &source)
{
    const QualifiedName queue = QualifiedName::fromCatalogText(control);
    QueueShape shape;
    shape.feed = queue::readQueueFeed(src, source, queue);
    if (!shape.feed.queueExists)
        throw pg::Error::usage("Source queue table missing (" + control + ")", pg::Side::Source,
                               "its changes are lost; destroy the replication and make it again");
    const auto rel = describeSource(src, queue, {}, sourceId);
    for (const auto &k : pkName) {
        auto it = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == k; });
        if (it == rel.columns.end())
            throw pg::Error::usage("queue table " + control + " has no column " + k + " of the replication key",
                                   pg::Side::Source, "pk_name must list the queue table's key columns");
        shape.keys.push_back(*it);
    }
    for (const auto &c : rel.columns)
        shape.columns.push_back(c.name);
    shape.estimatedRows = rel.estimatedRows;
    return shape;
}

// A condition that only filters the source table ("WHERE ..."), as opposed
// to one that adds tables (", other WHERE ..."), whose joins a lookup per key
// would repeat for every key.
bool filtersOnly(const std::optional<std::string> &condition)
{
    if (!condition)
        return true;
    const auto start = condition->find_first_not_of(" \t\r\n");
    if (start == std::string::npos)
        return true;
    std::string word = condition->substr(start, 5);
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const char next = condition->size() > start + 5 ? (*condition)[start + 5] : ' ';
    return word == "where" && (std::isspace(static_cast<unsigned char>(next)) || next == '(');
}

// Whether the source read looks keys up (queue_plan.h).
bool sourceLookups(pg::Connection &src, const SourceRelation &rel, const QueueShape &shape, const std::optional<std::string> &condition,
                   std::optional<int64_t> limit, const std::vector<std::string> &keys)
{
    int64_t batch = shape.estimatedRows;
    if (limit && (batch < 0 || *limit < batch))
        batch = *limit;
    return filtersOnly(condition) && queue::hasKeyIndex(src, std::to_string(rel.oid), keys)
        && queue::preferLookups(batch, rel.estimatedRows);
}

// Whether the destination apply looks keys up.
bool destinationLookups(pg::Connection &dest, const QualifiedName &destName, const std::vector<std::string> &keys, int64_t batchRows)
{
    return queue::hasKeyIndex(dest, destName.quoted(), keys)
        && queue::preferLookups(batchRows, queue::estimatedRows(dest, destName.quoted()));
}

queue::BatchSpec batchSpec(pg::Connection &src, const SourceRelation &rel, const std::string &control, const QueueShape &shape,
                           const std::optional<std::string> &condition, std::optional<int64_t> limit, bool logdel)
{
    queue::BatchSpec spec;
    spec.source = &rel;
    spec.queue = QualifiedName::fromCatalogText(control);
    spec.keys = shape.keys;
    spec.queueColumns = shape.columns;
    spec.condition = condition;
    spec.limit = limit;
    spec.logdel = logdel;
    spec.lookupByKey = sourceLookups(src, rel, shape, condition, limit, columnNames(shape.keys));
    return spec;
}

// Applies the batch just read into pg_temp.mimeo_queue_batch.
std::optional<RowChanges> apply(Job &job, const QualifiedName &dest, const SourceRelation &rel,
                                const std::vector<std::string> &keys, bool logdel, int64_t batchRows)
{
    queue::ApplySpec spec{dest, rel.columns, keys, logdel, destinationLookups(job.dest(), dest, keys, batchRows)};
    return queue::applyBatch(job, spec).changes;
}

void warnQueueColumns(Job &job, const queue::BatchSpec &spec)
{
    if (!spec.logdel)
        return;
    std::string missing;
    for (const auto &c : spec.source->columns) {
        if (std::find(spec.queueColumns.begin(), spec.queueColumns.end(), c.name) == spec.queueColumns.end())
            missing += (missing.empty() ? "" : ", ") + c.name;
    }
    if (!missing.empty())
        job.warn("queue table " + spec.queue.catalogText() + " lacks columns " + missing
                 + ": rows deleted on the source are logged with NULL there; add them to the queue table");
}

struct Pulled {
    int64_t rows = 0;
    int64_t bytes = 0;
};

// Loads the whole source (as the condition selects it) inside the open
// REPEATABLE READ source transaction. A new table gets it directly (COPY
// FREEZE); dml empties an existing table first (mimeo's TRUNCATE); logdel
// keeps rows that record deletions and goes through a temp table, so a key
// deleted earlier and live again replaces its logged row instead of
// colliding with it (mimeo's repull failed there).
Pulled pullAll(Job &job, pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
               const QualifiedName &destName, const std::vector<std::string> &keys, bool logdel, bool newTable)
{
    auto &dest = job.dest();
    const auto kind = relationKind(dest, destName);
    PullSpec spec;
    spec.source = &rel;
    spec.condition = condition;
    spec.target = destName;
    spec.targetColumns = rel.columns;
    if (newTable || !logdel) {
        if (!newTable)
            dest.exec("TRUNCATE " + destName.quoted());
        spec.freeze = kind && *kind == 'r';
        const auto pulled = pullInto(job, src, spec);
        return {pulled.stats.rows, pulled.stats.bytes};
    }
    dest.exec("DELETE FROM " + destName.quoted() + " WHERE mimeo_source_deleted IS NULL");
    const QualifiedName staging{"pg_temp", "mimeo_queue_pull"};
    dest.exec("DROP TABLE IF EXISTS " + staging.quoted());
    dest.exec("CREATE TEMP TABLE " + pg::quoteIdent(staging.name) + " (" + columnDefinitions(rel.columns) + ") ON COMMIT DROP");
    spec.target = staging;
    spec.freeze = true;
    const auto pulled = pullInto(job, src, spec);
    dest.exec("DELETE FROM " + destName.quoted() + " AS d USING " + staging.quoted() + " AS s WHERE " + keysEqual("d", "s", keys));
    dest.exec("INSERT INTO " + destName.quoted() + " (" + columnList(rel.columns) + ") SELECT " + columnList(rel.columns)
              + " FROM " + staging.quoted());
    return {pulled.stats.rows, pulled.stats.bytes};
}

// Drops what a failing make created on the source, so no trigger is left
// queueing changes for a replication that does not exist. Exactly the
// objects of this run (mimeo decided by looking up the wrong name, bug 9.2 #18).
void removeCreatedObjects(Job &job, pg::Connection &src, const QualifiedName &source, const queue::CreatedQueue &created)
{
    queue::ExistingQueue objects;
    objects.queue = created.queue;
    objects.queueExists = true;
    objects.sourceExists = true;
    objects.function = created.names.function;
    objects.trigger = created.names.trigger;
    // Also when the make was cancelled: this is the undo that leaves nothing
    // behind, so the cancel must not stop it. A PQcancel the token sent just
    // before it stopped watching may still land on the first attempt.
    src.watch(nullptr);
    try {
        if (src.inTransaction())
            src.execCleanup("ROLLBACK");
        try {
            queue::dropQueueObjects(src, source, objects);
        } catch (const pg::Error &e) {
            if (e.sqlstate() != "57014" || src.isBad())
                throw;
            queue::dropQueueObjects(src, source, objects);
        }
        job.step("make failed: removed the queue table, trigger function and trigger it had created on the source");
    } catch (const std::exception &) {
        std::string statements;
        for (const auto &s : queue::dropStatements(source, objects))
            statements += s + "; ";
        job.warn("make failed and could not remove what it created on the source; run there: " + statements);
    }
}

// What earlier makes of this destination table left on the source when they
// were interrupted between the source's commit and the destination's (see
// queue_orphans.h): removed in the transaction that creates the new objects,
// so their slot is taken again and nothing queues for nobody. We hold the
// table's lock, so no such make is still running. A trigger on a table we do
// not own cannot be dropped by us: that one is left, with the statements.
std::vector<std::string> leftoversOfInterruptedMakes(Job &job, pg::Connection &src, pg::Connection &dest)
{
    std::vector<std::string> statements;
    for (const auto &o : queue::findOrphanedQueues(src, dest, job.schema(), job.destTable(), true)) {
        std::string list;
        for (const auto &s : o.dropStatements)
            list += s + "; ";
        if (o.objects.trigger && !o.objects.mayDropTrigger) {
            job.warn("an interrupted make of " + job.destTable() + " left queue " + o.objects.queue.catalogText()
                     + " on the source, which only the owner of " + o.source.catalogText() + " (" + o.objects.tableOwner
                     + ") may remove; as that role run there: " + list);
            continue;
        }
        statements.insert(statements.end(), o.dropStatements.begin(), o.dropStatements.end());
        job.step("removing what an interrupted make of " + job.destTable() + " left on the source: " + list);
    }
    return statements;
}

std::vector<std::pair<std::string, pg::Param>> configColumns(const Job &job, const MakeRequest &req, const std::string &control,
                                                             const queue::ReplicationKey &key, const std::string &now)
{
    auto array = [](const std::vector<std::string> &v) { return v.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(v)); };
    return {{"source_table", req.source.catalogText()},
            {"dest_table", job.destTable()},
            {"dblink", std::to_string(req.dataSourceId)},
            {"control", control},
            {"pk_name", pg::toTextArrayLiteral(key.names())},
            {"pk_type", pg::toTextArrayLiteral(key.types())},
            {"last_run", now},
            {"filter", array(req.filter)},
            {"condition", req.condition},
            {"period", req.period},
            {"batch_limit", req.batchLimit ? pg::Param(std::to_string(*req.batchLimit)) : pg::Param()}};
}

} // namespace

void checkDestination(pg::Connection &dest, const QualifiedName &destName, const SourceRelation &rel, bool logdel)
{
    requireSchema(dest, destName.schema);
    const auto kind = relationKind(dest, destName);
    if (kind && *kind != 'r' && *kind != 'p')
        throw pg::Error::usage("destination " + destName.catalogText() + " exists and is not a table", pg::Side::Destination);
    if (kind)
        queue::requireDestinationColumns(dest, destName, rel.columns, logdel && queue::hasDeletedColumn(dest, destName));
}

RunResult make(Job &job, const MakeRequest &req)
{
    auto &dest = job.dest();
    const bool logdel = isLogdel(req.type);
    const QualifiedName destName = req.dest.value_or(req.source);
    auto src = job.connectSource(req.dataSourceId);
    const auto rel = describeSource(src, req.source, req.filter, req.dataSourceId);
    const auto plan = queue::checkMakePrerequisites(src, rel, req, job.schema(), logdel);

    pg::Transaction tx(dest);
    if (!catalog::acquireTableLock(dest, job.destTable(), catalog::LockWait::forSeconds(30), job.ctx().cancel))
        return job.finishLocked();
    checkDestination(dest, destName, rel, logdel);
    const auto kind = relationKind(dest, destName);
    if (kind && logdel && !queue::hasDeletedColumn(dest, destName)) {
        dest.exec("ALTER TABLE " + destName.quoted() + " ADD COLUMN mimeo_source_deleted timestamptz");
        job.step("added column mimeo_source_deleted to the existing " + destName.catalogText());
    }

    queue::QueueDefinition def;
    def.queueSchema = job.schema();
    def.source = rel.name;
    def.sourceOid = rel.oid;
    def.keys = plan.key.columns;
    def.columns = rel.columns;
    def.updateOf = req.filter;
    def.logdel = logdel;
    def.ownerComment = queue::ownerMarker(queue::destinationIdentity(dest, job.schema()), rel.name, job.destTable());
    const auto created = queue::createQueueObjects(src, def, leftoversOfInterruptedMakes(job, src, dest));
    const std::string control = queue::controlText(created.queue.schema, created.queue.name);
    job.step("created on the source: queue table " + control + ", trigger function " + created.queue.schema + "."
             + created.names.function + "() and trigger " + created.names.trigger + " on " + rel.name.catalogText());
    if (!created.firesAlways)
        job.warn("trigger " + created.names.trigger + " on " + rel.name.catalogText()
                 + " does not fire for changes made with session_replication_role = replica (as a logical-replication "
                   "subscription applies them), because only the table's owner may enable it for those too; if the table "
                   "gets changes that way, have its owner run on the source: "
                 + queue::enableAlwaysStatement(rel.name, created.names.trigger));

    Pulled pulled;
    std::optional<int64_t> pulledFilenode; // read in the pull's snapshot
    std::optional<pg::Transaction> srcTx;
    std::optional<queue::QueueCleanup> cleanup;
    try {
        catalog::insertConfig(dest, job.schema(), req.type, configColumns(job, req, control, plan.key, job.now()));
        if (!kind) {
            auto columns = rel.columns;
            if (logdel)
                columns.push_back({"mimeo_source_deleted", "timestamp with time zone", true});
            createTable(dest, destName, columns);
            if (req.pullData) {
                // The trigger is committed: whatever the snapshot of this pull
                // misses is queued and stays for the first refresh.
                srcTx.emplace(src, readRepeatable());
                pulled = pullAll(job, src, rel, req.condition, destName, plan.key.names(), logdel, true);
                pulledFilenode = queue::sourceFilenode(src, rel);
                const auto spec = batchSpec(src, rel, control, describeQueue(src, control, plan.key.names(), req.dataSourceId, rel),
                                            req.condition, std::nullopt, logdel);
                if (logdel) {
                    // Rows deleted between the trigger's creation and the pull's snapshot.
                    const auto read = queue::readBatch(job, src, spec);
                    cleanup.emplace(job, src, queue::queueCleanupSql(spec), control);
                    apply(job, destName, rel, plan.key.names(), true, read.stats.rows);
                } else {
                    cleanup.emplace(job, src, queue::queueCleanupSql(spec), control);
                }
            }
            queue::DestIndexOptions io;
            io.copyAll = req.index;
            io.keyOnly = !req.filter.empty();
            io.logdel = logdel;
            io.warn = [&job](const std::string &w) { job.warn(w); };
            queue::createDestinationIndexes(dest, destName, rel.name.name, plan.indexes, plan.key, rel.columns, io);
        } else {
            job.step("destination " + destName.catalogText()
                     + " already exists; no data or indexes pulled (changes from now on are queued)");
        }
        dest.exec("ANALYZE " + destName.quoted());
        TableState st;
        st.copyIndexes = req.index;
        // With a pull the queue cleanup has the source connection now.
        st.sourceFilenode = srcTx ? pulledFilenode : queue::sourceFilenode(src, rel);
        writeTableState(dest, job.schema(), job.destTable(), st);
        catalog::recordIdentity(dest, job.schema(), job.destTable());
        tx.commit();
    } catch (...) {
        cleanup.reset(); // stops using src
        srcTx.reset();
        removeCreatedObjects(job, src, rel.name, created);
        throw;
    }
    if (cleanup)
        cleanup->finish(*srcTx);
    return job.finishDone(pulled.rows, pulled.bytes,
                          "made " + req.type + " replication " + job.destTable() + " (" + std::to_string(pulled.rows)
                              + " rows; queue " + control + ")");
}

// Compares keys once when the source table's file changed since the last
// refresh (a TRUNCATE, see queue_rewrite.h), and remembers the file.
// Returns the rows it removed (dml) or marked deleted (logdel), as deleted.
RowChanges noticeRewrite(Job &job, pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                         const QualifiedName &destName, const std::vector<std::string> &keys, bool logdel, bool repull)
{
    auto &dest = job.dest();
    const auto filenode = queue::sourceFilenode(src, rel);
    auto st = readTableState(dest, job.schema(), job.destTable());
    if (st.sourceFilenode == filenode)
        return {};
    RowChanges changes;
    if (!repull && st.sourceFilenode && filenode) {
        const int64_t n = queue::reconcileKeys(job, src, rel, condition, destName, keys, logdel);
        job.step("the source table was truncated or rewritten since the last refresh (its file changed): "
                 + std::to_string(n) + (logdel ? " rows it no longer has marked deleted" : " rows it no longer has removed"));
        changes.deleted = n;
    }
    st.sourceFilenode = filenode;
    writeTableState(dest, job.schema(), job.destTable(), st);
    return changes;
}

RunResult refresh(Job &job, const catalog::ConfigRow &initial, const RefreshRequest &req)
{
    auto &dest = job.dest();
    const bool logdel = isLogdel(initial.type());
    const int sourceId = initial.dataSourceId();
    const QualifiedName destName = QualifiedName::fromCatalogText(initial.destTable());

    pg::Transaction tx(dest);
    const auto config = job.lockAndReadConfig(req.lockWait);
    if (!config)
        return job.finishLocked();
    const auto kind = relationKind(dest, destName);
    if (!kind || (*kind != 'r' && *kind != 'p'))
        throw pg::Error::usage("Destination table is missing (" + destName.catalogText() + ")", pg::Side::Destination,
                               "recreate it, or destroy and make the replication again");
    const auto pkName = config->array("pk_name");
    const auto filter = config->array("filter");
    queue::requireUsableKey(pkName, config->array("pk_type"), filter, job.destTable());
    const std::string control = config->text("control");

    auto src = job.connectSource(sourceId);
    const auto rel = describeSource(src, QualifiedName::fromCatalogText(config->sourceTable()), filter, sourceId);
    if (rel.relkind != 'r' && rel.relkind != 'p')
        throw pg::Error::usage("Source table missing (" + config->sourceTable() + "): it is a " + rel.kindName() + " now",
                               pg::Side::Source);
    queue::requireDestinationColumns(dest, destName, rel.columns, logdel);
    const auto shape = describeQueue(src, control, pkName, sourceId, rel);
    queue::requireQueueFed(job, src, rel, QualifiedName::fromCatalogText(control), filter, logdel, shape.feed);
    const auto condition = config->optText("condition");
    std::optional<int64_t> limit = req.limit ? req.limit : config->optInteger("batch_limit");

    pg::Transaction srcTx(src, readRepeatable());
    int64_t rows = 0, bytes = 0;
    std::string message;
    auto spec = batchSpec(src, rel, control, shape, condition, req.repull ? std::nullopt : limit, logdel);
    warnQueueColumns(job, spec);
    // Before the queue cleanup starts: it has the source connection from then on.
    const RowChanges rewritten = noticeRewrite(job, src, rel, condition, destName, pkName, logdel, req.repull);
    // A repull replaces everything: no counts. nullopt also when the apply
    // could not tell (queue_apply.h).
    std::optional<RowChanges> changes;
    std::optional<queue::QueueCleanup> cleanup;
    if (req.repull) {
        job.step(logdel ? "repull: replacing every live row, keeping rows that record deletions"
                        : "repull: emptying the destination and loading everything");
        const auto pulled = pullAll(job, src, rel, condition, destName, pkName, logdel, false);
        rows = pulled.rows;
        bytes = pulled.bytes;
        if (logdel) {
            // Deletions queued before the snapshot: log them too.
            const auto read = queue::readBatch(job, src, spec);
            cleanup.emplace(job, src, queue::queueCleanupSql(spec), control);
            apply(job, destName, rel, pkName, true, read.stats.rows);
        } else {
            cleanup.emplace(job, src, queue::queueCleanupSql(spec), control);
        }
        message = "refreshed " + job.destTable() + ": " + std::to_string(rows) + " rows (repull)";
    } else {
        const auto read = queue::readBatch(job, src, spec);
        rows = read.stats.rows;
        bytes = read.stats.bytes;
        cleanup.emplace(job, src, queue::queueCleanupSql(spec), control);
        changes = rows > 0 ? apply(job, destName, rel, pkName, logdel, rows) : RowChanges{};
        if (changes)
            *changes += rewritten;
        if (limit && rows >= *limit)
            job.warn("batch limit of " + std::to_string(*limit) + " keys reached: more changes may be queued; refresh again "
                     "or raise batch_limit");
        message = "refreshed " + job.destTable() + ": " + std::to_string(rows) + " queued keys applied";
    }
    catalog::updateConfig(dest, job.schema(), initial.type(), job.destTable(), {{"last_run", job.now()}});
    tx.commit();
    cleanup->finish(srcTx);
    return job.finishDone(rows, bytes, message, changes);
}

RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable)
{
    auto &dest = job.dest();
    const QualifiedName destName = QualifiedName::fromCatalogText(config.destTable());
    const QualifiedName source = QualifiedName::fromCatalogText(config.sourceTable());
    const QualifiedName queueName = QualifiedName::fromCatalogText(config.text("control"));

    pg::Transaction tx(dest);
    job.lockForDestroy();
    auto src = job.connectSource(config.dataSourceId());
    const auto objects = queue::findQueueObjects(src, source, queueName);
    if (objects.trigger && !objects.mayDropTrigger) {
        throw pg::Error::usage("Unable to drop the mimeo trigger on source table (" + source.catalogText() + "): only its owner ("
                                   + objects.tableOwner + ") may drop triggers on it",
                               pg::Side::Source,
                               "as " + objects.tableOwner + " run on the source: DROP TRIGGER " + pg::quoteIdent(*objects.trigger)
                                   + " ON " + source.quoted() + "; then run destroy again (or make the mimeo role a member of "
                                   + objects.tableOwner + ")");
    }
    // Source first: a destination failure afterwards leaves the
    // configuration, and destroy can simply run again.
    queue::dropQueueObjects(src, source, objects);
    job.step("dropped on the source: " + std::string(objects.trigger ? "trigger " + *objects.trigger + ", " : "")
             + (objects.function ? "function " + *objects.function + "(), " : "")
             + (objects.queueExists ? "queue " + queueName.catalogText() : "no queue table (already gone)"));
    if (!keepTable)
        dest.exec("DROP TABLE IF EXISTS " + destName.quoted());
    catalog::deleteConfig(dest, job.schema(), config.type(), job.destTable());
    deleteTableState(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(0, 0, "destroyed " + config.type() + " replication " + job.destTable()
                                    + (keepTable ? "; kept the table" : " and dropped the table"));
}

} // namespace mimeo::replication::queue_replication
