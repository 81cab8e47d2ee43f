#include "replication/queue_replication.h"

#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/copy_pull.h"
#include "replication/dest_objects.h"
#include "replication/job.h"
#include "replication/queue_apply.h"
#include "replication/queue_batch.h"
#include "replication/queue_destination.h"
#include "replication/queue_prerequisites.h"
#include "replication/queue_source_objects.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"

#include <algorithm>

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

bool isLogdel(const std::string &type) { return type == "logdel"; }

std::string readRepeatable() { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }

// The queue's key columns as the queue table has them (their types decide
// the batch table's), and for logdel which columns it records.
struct QueueShape {
    std::vector<Column> keys;
    std::vector<std::string> columns;
};

QueueShape describeQueue(pg::Connection &src, const std::string &control, const std::vector<std::string> &pkName, int sourceId)
{
    const QualifiedName queue = QualifiedName::fromCatalogText(control);
    const bool exists = src.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                                 "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'r')",
                                 {queue.schema, queue.name})
                             .toBool(0, 0);
    if (!exists)
        throw pg::Error::usage("Source queue table missing (" + control + ")", pg::Side::Source,
                               "its changes are lost; destroy the replication and make it again");
    const auto rel = describeSource(src, queue, {}, sourceId);
    QueueShape shape;
    for (const auto &k : pkName) {
        auto it = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == k; });
        if (it == rel.columns.end())
            throw pg::Error::usage("queue table " + control + " has no column " + k + " of the replication key",
                                   pg::Side::Source, "pk_name must list the queue table's key columns");
        shape.keys.push_back(*it);
    }
    for (const auto &c : rel.columns)
        shape.columns.push_back(c.name);
    return shape;
}

queue::BatchSpec batchSpec(const SourceRelation &rel, const std::string &control, const QueueShape &shape,
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
    return spec;
}

queue::ApplySpec applySpec(const QualifiedName &dest, const SourceRelation &rel, const std::vector<std::string> &keys, bool logdel)
{
    return {dest, rel.columns, keys, logdel};
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
    std::string match;
    for (const auto &k : keys)
        match += (match.empty() ? "" : " AND ") + std::string("d.") + pg::quoteIdent(k) + " = s." + pg::quoteIdent(k);
    dest.exec("DELETE FROM " + destName.quoted() + " AS d USING " + staging.quoted() + " AS s WHERE " + match);
    dest.exec("INSERT INTO " + destName.quoted() + " (" + columnList(rel.columns) + ") SELECT " + columnList(rel.columns)
              + " FROM " + staging.quoted());
    return {pulled.stats.rows, pulled.stats.bytes};
}

// After the destination committed: remove the queue rows the run read.
void cleanQueue(Job &job, pg::Connection &src, pg::Transaction &srcTx, const queue::BatchSpec &spec)
{
    job.progress({"removing queue rows", 0, 0, -1});
    try {
        const auto removed = src.exec(queue::queueCleanupSql(spec)).affected();
        srcTx.commit();
        job.step("removed " + std::to_string(removed) + " rows from queue " + spec.queue.catalogText());
    } catch (const pg::Error &e) {
        job.warn("the destination is up to date, but the queue rows it applied could not be removed (" + e.message()
                 + "); the next refresh applies them again");
    }
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
    try {
        if (src.inTransaction())
            src.exec("ROLLBACK");
        queue::dropQueueObjects(src, source, objects);
        job.step("make failed: removed the queue table, trigger function and trigger it had created on the source");
    } catch (const std::exception &) {
        std::string statements;
        for (const auto &s : queue::dropStatements(source, objects))
            statements += s + "; ";
        job.warn("make failed and could not remove what it created on the source; run there: " + statements);
    }
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

RunResult make(Job &job, const MakeRequest &req)
{
    auto &dest = job.dest();
    const bool logdel = isLogdel(req.type);
    const QualifiedName destName = req.dest.value_or(req.source);
    auto src = job.connectSource(req.dataSourceId);
    const auto rel = describeSource(src, req.source, req.filter, req.dataSourceId);
    const auto plan = queue::checkMakePrerequisites(src, rel, req, job.schema(), logdel);

    pg::Transaction tx(dest);
    if (!jobs::acquireTableLock(dest, job.destTable(), jobs::LockWait::forSeconds(30), job.ctx().cancel))
        return job.finishLocked();
    requireSchema(dest, destName.schema);
    const auto kind = relationKind(dest, destName);
    if (kind && *kind != 'r' && *kind != 'p')
        throw pg::Error::usage("destination " + destName.catalogText() + " exists and is not a table", pg::Side::Destination);
    if (kind) {
        if (logdel && !queue::hasDeletedColumn(dest, destName)) {
            dest.exec("ALTER TABLE " + destName.quoted() + " ADD COLUMN mimeo_source_deleted timestamptz");
            job.step("added column mimeo_source_deleted to the existing " + destName.catalogText());
        }
        queue::requireDestinationColumns(dest, destName, rel.columns, logdel);
    }

    queue::QueueDefinition def;
    def.queueSchema = job.schema();
    def.source = rel.name;
    def.keys = plan.key.columns;
    def.columns = rel.columns;
    def.updateOf = req.filter;
    def.logdel = logdel;
    const auto created = queue::createQueueObjects(src, def);
    const std::string control = queue::controlText(created.queue.schema, created.queue.name);
    job.step("created on the source: queue table " + control + ", trigger function " + created.queue.schema + "."
             + created.names.function + "() and trigger " + created.names.trigger + " on " + rel.name.catalogText());

    Pulled pulled;
    queue::BatchSpec cleanup;
    std::optional<pg::Transaction> srcTx;
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
                cleanup = batchSpec(rel, control, describeQueue(src, control, plan.key.names(), req.dataSourceId),
                                    req.condition, std::nullopt, logdel);
                if (logdel) {
                    // Rows deleted between the trigger's creation and the pull's snapshot.
                    queue::readBatch(job, src, cleanup);
                    queue::applyBatch(job, applySpec(destName, rel, plan.key.names(), true));
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
        writeTableState(dest, job.schema(), job.destTable(), st);
        tx.commit();
    } catch (...) {
        removeCreatedObjects(job, src, rel.name, created);
        throw;
    }
    if (srcTx)
        cleanQueue(job, src, *srcTx, cleanup);
    return job.finishDone(pulled.rows, pulled.bytes,
                          "made " + req.type + " replication " + job.destTable() + " (" + std::to_string(pulled.rows)
                              + " rows; queue " + control + ")");
}

RunResult refresh(Job &job, const catalog::ConfigRow &initial, const RefreshRequest &req)
{
    auto &dest = job.dest();
    const bool logdel = isLogdel(initial.type());
    const int sourceId = initial.dataSourceId();
    const QualifiedName destName = QualifiedName::fromCatalogText(initial.destTable());

    pg::Transaction tx(dest);
    if (!jobs::acquireTableLock(dest, job.destTable(), req.lockWait, job.ctx().cancel))
        return job.finishLocked();
    // Read again under the lock: another process may have changed it meanwhile.
    const auto config = catalog::findConfig(dest, job.schema(), job.destTable(), true);
    if (!config)
        throw pg::Error::usage("destination table " + job.destTable() + " is no longer managed by mimeo", pg::Side::Destination);
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
    const auto shape = describeQueue(src, control, pkName, sourceId);
    const auto condition = config->optText("condition");
    std::optional<int64_t> limit = req.limit ? req.limit : config->optInteger("batch_limit");

    pg::Transaction srcTx(src, readRepeatable());
    int64_t rows = 0, bytes = 0;
    std::string message;
    auto spec = batchSpec(rel, control, shape, condition, req.repull ? std::nullopt : limit, logdel);
    warnQueueColumns(job, spec);
    if (req.repull) {
        job.step(logdel ? "repull: replacing every live row, keeping rows that record deletions"
                        : "repull: emptying the destination and loading everything");
        const auto pulled = pullAll(job, src, rel, condition, destName, pkName, logdel, false);
        rows = pulled.rows;
        bytes = pulled.bytes;
        if (logdel) {
            // Deletions queued before the snapshot: log them too.
            queue::readBatch(job, src, spec);
            queue::applyBatch(job, applySpec(destName, rel, pkName, true));
        }
        message = "refreshed " + job.destTable() + ": " + std::to_string(rows) + " rows (repull)";
    } else {
        const auto read = queue::readBatch(job, src, spec);
        rows = read.stats.rows;
        bytes = read.stats.bytes;
        if (rows > 0)
            queue::applyBatch(job, applySpec(destName, rel, pkName, logdel));
        if (limit && rows >= *limit)
            job.warn("batch limit of " + std::to_string(*limit) + " keys reached: more changes may be queued; refresh again "
                     "or raise batch_limit");
        message = "refreshed " + job.destTable() + ": " + std::to_string(rows) + " queued keys applied";
    }
    catalog::updateConfig(dest, job.schema(), initial.type(), job.destTable(), {{"last_run", job.now()}});
    tx.commit();
    cleanQueue(job, src, srcTx, spec);
    return job.finishDone(rows, bytes, message);
}

RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable)
{
    auto &dest = job.dest();
    const QualifiedName destName = QualifiedName::fromCatalogText(config.destTable());
    const QualifiedName source = QualifiedName::fromCatalogText(config.sourceTable());
    const QualifiedName queueName = QualifiedName::fromCatalogText(config.text("control"));

    pg::Transaction tx(dest);
    jobs::acquireTableLock(dest, job.destTable(), jobs::LockWait::forSeconds(0), job.ctx().cancel);
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
