// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental.h"

#include "catalog/replication_identity.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "replication/copy_pull.h"
#include "replication/dest_objects.h"
#include "replication/incremental_apply.h"
#include "replication/incremental_control.h"
#include "replication/incremental_dst.h"
#include "replication/incremental_key.h"
#include "replication/incremental_source.h"
#include "replication/incremental_window.h"
#include "replication/index_copy.h"
#include "replication/job.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"

#include <functional>

namespace mimeo::replication::incremental {
namespace {

using pg::QualifiedName;

enum class Mode { Normal, Full, Ranged };

// The columns of a refresh_config_(inserter|updater)_(time|serial) row a refresh uses.
struct Settings {
    std::string control;
    std::string boundary;
    std::string lastValue;
    std::optional<std::string> condition;
    std::optional<int64_t> batchLimit;
    DstSettings dst;
    std::vector<std::string> key;
};

Settings readSettings(const catalog::ConfigRow &row, const Family &family)
{
    Settings s;
    s.control = row.text("control");
    s.boundary = row.text("boundary");
    s.lastValue = row.text("last_value");
    s.condition = row.optText("condition");
    s.batchLimit = row.optInteger("batch_limit");
    if (family.kind == ControlKind::Time) {
        s.dst.active = row.boolean("dst_active");
        s.dst.start = static_cast<int>(row.integer("dst_start"));
        s.dst.end = static_cast<int>(row.integer("dst_end"));
    }
    if (family.updater)
        s.key = row.array("pk_name");
    return s;
}

struct Pulled {
    int64_t rows = 0;
    int64_t bytes = 0;
    ApplyCounts applied; // updater batches only
};

// Streams the rows of `window` from the source (inside its open snapshot
// transaction) into target: directly when they are all new to it, else
// applied by key (see incremental_apply.h for the two ways).
Pulled pullWindow(Job &job, pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                  const Window &window, const QualifiedName &target, const std::vector<Column> &targetColumns, bool freeze,
                  const std::vector<std::string> *applyKey)
{
    auto &dest = job.dest();
    job.checkCancel();
    window.bindSettings(src);
    PullSpec spec;
    spec.source = &rel;
    spec.condition = condition;
    spec.extraWhere = window.copyPredicate();
    spec.target = target;
    spec.targetColumns = targetColumns;
    spec.freeze = freeze && !applyKey;
    Pulled out;
    if (applyKey) {
        spec.target = createStaging(dest, "mimeo_refresh_updater_temp", rel.columns);
        spec.targetColumns = rel.columns;
    }
    const auto r = pullInto(job, src, spec);
    out.rows = r.stats.rows;
    out.bytes = r.stats.bytes;
    if (!applyKey)
        return out;
    job.checkCancel();
    job.progress({"applying", out.rows, out.bytes, out.rows});
    // requireDestinationCovers made sure every source column is there.
    const bool ownColumns = targetColumns.size() > rel.columns.size();
    const bool upsert = hasKeyIndex(dest, target, *applyKey);
    if (upsert)
        out.applied = upsertByKey(dest, target, spec.target, rel.columns, *applyKey);
    else if (ownColumns)
        out.applied = applyByKey(dest, target, spec.target, rel.columns, *applyKey);
    else
        out.applied = replaceByKey(dest, target, spec.target, rel.columns, *applyKey, out.rows);
    dest.exec("DROP TABLE " + spec.target.quoted());
    job.step("applied by key (" + pg::quoteIdentList(*applyKey) + "): " + std::to_string(out.applied.updated)
             + (upsert || ownColumns ? " updated in place, " : " replaced, ") + std::to_string(out.applied.inserted)
             + " inserted");
    return out;
}

// last_value after a run, as mimeo: max(control) of the whole destination.
// While the destination is still empty, mimeo left it where it was, so a
// table whose condition selects nothing re-read the source from its start on
// every run. Here it moves up to the highest control value the run looked at
// on the source (`examined`, asked only then), never down. It never passes a
// value no row had: while the source is empty it stays below every value, so
// rows loaded later with older stamps (a backfill, an import) still arrive.
// Returns the value now stored.
std::string setNextLowerBound(Job &job, const Family &family, const ControlColumn &control, const QualifiedName &destName,
                              const std::function<std::optional<std::string>()> &examined,
                              const std::optional<std::string> &ifEmpty)
{
    auto &dest = job.dest();
    const std::string table = pg::quoteIdent(job.schema()) + "." + pg::quoteIdent(catalog::configTableFor(family.type()));
    const auto max = dest.exec("SELECT pg_catalog.max(" + control.ident() + ")::text FROM " + destName.quoted()).optText(0, 0);
    if (max) {
        catalog::updateConfig(dest, job.schema(), family.type(), job.destTable(), {{"last_value", *max}});
    } else if (examined) {
        if (const auto highest = examined()) {
            const char *type = control.kind == ControlKind::Time ? "timestamptz" : "bigint";
            dest.exec("UPDATE " + table + " SET last_value = GREATEST(last_value, $2::" + type + ") WHERE dest_table = $1",
                      {job.destTable(), *highest});
        }
    } else if (ifEmpty) {
        catalog::updateConfig(dest, job.schema(), family.type(), job.destTable(), {{"last_value", *ifEmpty}});
    }
    return dest.exec("SELECT last_value::text FROM " + table + " WHERE dest_table = $1", {job.destTable()}).text(0, 0);
}

// The window's lower end for a normal run: above last_value, except while
// last_value is still the floor (below every value of the type) and nothing
// has arrived: then there is no lower end at all, so even a row at the
// floor's own value (a timestamp of -infinity) is read once.
void lowerEnd(pg::Connection &dest, Window &window, const ControlColumn &control, const std::string &lastValue,
              const QualifiedName &destName)
{
    if (lastValue == floorValue(control.kind)
        && !dest.exec("SELECT EXISTS (SELECT FROM " + destName.quoted() + ")").toBool(0, 0))
        return;
    window.above(lastValue);
}

// A --repull-start/--repull-end value in the form both servers read alike,
// checked for its type (inside the destination transaction, so a savepoint).
std::optional<std::string> canonicalBound(pg::Connection &dest, ControlKind kind, const std::optional<std::string> &value,
                                          const char *option)
{
    if (!value)
        return std::nullopt;
    std::string out;
    const bool time = kind == ControlKind::Time;
    if (auto e = pg::attemptInSavepoint(dest, [&] {
            out = dest.exec(time ? "SELECT $1::timestamptz::text" : "SELECT $1::bigint::text", {*value}).text(0, 0);
        })) {
        throw pg::Error::usage(std::string(option) + " \"" + *value + "\" is not " + (time ? "a timestamp" : "a whole number")
                                   + ": " + e->message(),
                               pg::Side::Destination,
                               time ? "give a time such as '2024-01-31 12:00'" : "the control column is serial: give an integer");
    }
    return out;
}

std::vector<std::pair<std::string, pg::Param>> makeConfig(const MakeRequest &req, const Family &family, const std::string &destTable,
                                                          const ControlColumn &control, const std::string &boundary,
                                                          const std::optional<ReplicationKey> &key, bool dstActive,
                                                          const std::string &now)
{
    std::vector<std::pair<std::string, pg::Param>> cfg = {
        {"source_table", req.source.catalogText()},
        {"dest_table", destTable},
        {"dblink", std::to_string(req.dataSourceId)},
        {"control", control.name},
        {"boundary", boundary},
        {"last_value", floorValue(control.kind)}, // replaced once the data is in
        {"last_run", now},
        {"filter", req.filter.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(req.filter))},
        {"condition", req.condition},
        {"period", req.period},
        {"batch_limit", req.batchLimit ? pg::Param(std::to_string(*req.batchLimit)) : pg::Param()},
    };
    if (family.kind == ControlKind::Time)
        cfg.emplace_back("dst_active", dstActive ? "t" : "f");
    if (key) {
        cfg.emplace_back("pk_name", pg::toTextArrayLiteral(key->names));
        cfg.emplace_back("pk_type", pg::toTextArrayLiteral(key->types));
    }
    return cfg;
}

} // namespace

void checkDestination(pg::Connection &dest, const QualifiedName &destName, const SourceRelation &rel)
{
    requireSchema(dest, destName.schema);
    const auto kind = relationKind(dest, destName);
    if (kind && *kind != 'r' && *kind != 'p')
        throw pg::Error::usage("destination " + destName.catalogText() + " exists and is not a table", pg::Side::Destination);
    if (kind)
        requireDestinationCovers(destName, relationColumns(dest, destName), rel.columns);
}

RunResult make(Job &job, const MakeRequest &req)
{
    auto &dest = job.dest();
    const auto requested = requestedFamily(req.type);
    // The control column, the key options and the batch limit were checked
    // by validateMakeRequest before the engine got here.
    const QualifiedName destName = req.dest.value_or(req.source);
    auto src = job.connectSource(req.dataSourceId);
    const auto rel = describeSource(src, req.source, req.filter, req.dataSourceId);
    const auto control = describeControl(src, rel, *req.control, requested.kind);
    const Family family{requested.updater, control.kind};
    std::optional<SourceIndexes> indexes;
    if (!rel.isView())
        indexes = readSourceIndexes(src, rel.oid);
    std::optional<ReplicationKey> key;
    if (family.updater)
        key = resolveKey(src, rel, indexes, req.pkName, req.pkType, req.filter);
    const std::string boundary = normalizeBoundary(dest, control.kind, req.boundary);

    pg::Transaction tx(dest);
    if (!catalog::acquireTableLock(dest, job.destTable(), catalog::LockWait::forSeconds(30), job.ctx().cancel))
        return job.finishLocked();
    setValueFormats(dest);
    checkDestination(dest, destName, rel);
    const auto kind = relationKind(dest, destName);
    const bool dstActive = family.kind == ControlKind::Time && zoneObservesDst(dest);
    catalog::insertConfig(dest, job.schema(), family.type(),
                          makeConfig(req, family, job.destTable(), control, boundary, key, dstActive, job.now()));
    job.step(family.type() + " on control column " + control.name + ", boundary " + boundary
             + (key ? ", key (" + pg::quoteIdentList(key->names) + ")" : std::string()));

    Pulled pulled;
    std::optional<std::string> examined; // the highest control value the initial pull looked at
    bool pulledData = false;
    std::optional<std::string> ifEmpty;
    const bool time = control.kind == ControlKind::Time;
    if (kind) {
        // As mimeo: an existing table keeps its data and indexes; replication
        // goes on from its newest row.
        job.step("destination " + destName.catalogText() + " already exists; no data or indexes pulled");
        ifEmpty = time ? sourceNow(src) : floorValue(control.kind);
    } else {
        createTable(dest, destName, rel.columns);
        if (req.pullData) {
            pg::Transaction stx(src, kSourceSnapshotBegin);
            setValueFormats(src);
            Window window(control);
            const auto top = upperBound(src, rel, control, boundary);
            if (top) {
                window.below(*top);
                job.step("initial pull: rows " + window.describe());
                pulled = pullWindow(job, src, rel, req.condition, window, destName, rel.columns, true, nullptr);
                // Nothing the condition selects: the bound may still move past
                // what was looked at. Asked whatever the pull brought, so the
                // statements of a make do not depend on the rows it copied (a
                // rehearsal copies none and must send what the real run sends).
                examined = highestBelow(src, rel, control, *top);
            }
            stx.commit();
            pulledData = true;
        } else if (time) {
            // mimeo's rule, asked for with --no-pulldata: a time table made
            // without data replicates rows newer than its making only, not
            // the ones the source already has (a serial one starts from the
            // bottom). Without that request an empty source leaves the
            // bound below every value (setNextLowerBound).
            ifEmpty = sourceNow(src);
        }
        if (req.index && indexes) {
            IndexCopyOptions o;
            o.keyOnly = !req.filter.empty();
            o.availableColumns = columnNames(rel.columns);
            o.warn = [&job](const std::string &w) { job.warn(w); };
            job.progress({"indexing", 0, 0, -1});
            copyIndexes(dest, destName, rel.name.name, *indexes, o);
        }
        // An updater finds rows by key: give the destination one even when no
        // index was copied (--no-index, or a view with --pk-name).
        if (key && !hasKeyIndex(dest, destName, key->names)) {
            createKeyIndex(dest, destName, *key);
            job.step("created the key (" + pg::quoteIdentList(key->names) + ") on " + destName.catalogText());
        }
    }
    dest.exec("ANALYZE " + destName.quoted());
    // The new configuration row's last_value is still the floor, so the
    // highest value looked at is simply the value while the destination is
    // empty (setNextLowerBound's GREATEST would give the same, in another
    // statement than the one a non-empty destination gets).
    const std::string lower = setNextLowerBound(job, family, control, destName, {}, pulledData ? examined : ifEmpty);
    job.step("next lower bound: " + lower);
    TableState st;
    st.copyIndexes = req.index;
    writeTableState(dest, job.schema(), job.destTable(), st);
    catalog::recordIdentity(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(pulled.rows, pulled.bytes,
                          "made " + family.type() + " " + job.destTable() + " (" + std::to_string(pulled.rows) + " rows)");
}

RunResult refresh(Job &job, const catalog::ConfigRow &initial, const RefreshRequest &req)
{
    auto &dest = job.dest();
    const auto family = familyOf(initial.type());
    if (!family)
        throw pg::Error::usage("invalid type " + initial.type() + " for " + initial.destTable()
                                   + ": expected inserter_time, inserter_serial, updater_time or updater_serial",
                               pg::Side::Destination);
    if (req.limit && *req.limit < 1)
        throw pg::Error::usage("the batch limit must be at least 1");
    const int sourceId = initial.dataSourceId();
    auto src = job.connectSource(sourceId);
    const auto rel = describeSource(src, QualifiedName::fromCatalogText(initial.sourceTable()), initial.array("filter"), sourceId);
    const QualifiedName destName = QualifiedName::fromCatalogText(initial.destTable());

    pg::Transaction tx(dest);
    setValueFormats(dest); // before last_value is read as text
    const auto config = job.lockAndReadConfig(req.lockWait);
    if (!config)
        return job.finishLocked();
    if (config->type() != initial.type())
        throw pg::Error::usage(job.destTable() + " changed its type to " + config->type() + " meanwhile; run again",
                               pg::Side::Destination);
    const Settings s = readSettings(*config, *family);
    const auto kind = relationKind(dest, destName);
    if (!kind || (*kind != 'r' && *kind != 'p'))
        throw pg::Error::usage("Destination table is missing (" + destName.catalogText() + ")", pg::Side::Destination,
                               "recreate it, or destroy and make the replication again");
    const auto destCols = relationColumns(dest, destName);
    requireDestinationCovers(destName, destCols, rel.columns);
    const auto control = describeControl(src, rel, s.control, family->kind);
    if (family->updater)
        requireKeyReplicated(s.key, rel, job.destTable());

    if (family->kind == ControlKind::Time && dstPause(dest, s.dst)) {
        catalog::updateConfig(dest, job.schema(), family->type(), job.destTable(), {{"last_run", job.now()}});
        tx.commit();
        return job.finishSkipped("DST pause: does not run during the daylight saving time change (dst_start " + std::to_string(s.dst.start)
                                 + " to dst_end " + std::to_string(s.dst.end) + ")");
    }

    // --repull-start/--repull-end mean a ranged repull (mimeo ignored them without --repull).
    const Mode mode = (req.repullStart || req.repullEnd) ? Mode::Ranged : req.repull ? Mode::Full : Mode::Normal;
    // 0: no limit.
    int64_t limit = req.limit.value_or(s.batchLimit.value_or(0));
    if (mode != Mode::Normal && limit > 0) {
        job.step("batch limit ignored: a repull reads its whole range in one run");
        limit = 0;
    }
    const auto start = canonicalBound(dest, control.kind, req.repullStart, "--repull-start");
    const auto end = canonicalBound(dest, control.kind, req.repullEnd, "--repull-end");
    const std::vector<std::string> *applyKey = family->updater ? &s.key : nullptr;

    pg::Transaction stx(src, kSourceSnapshotBegin);
    setValueFormats(src);
    const auto top = upperBound(src, rel, control, s.boundary);
    Window window(control);
    bool freeze = false;
    switch (mode) {
    case Mode::Normal:
        lowerEnd(dest, window, control, s.lastValue, destName);
        break;
    case Mode::Full:
        dest.exec("TRUNCATE " + destName.quoted());
        job.step("full repull: emptied " + destName.catalogText());
        catalog::updateConfig(dest, job.schema(), family->type(), job.destTable(), {{"last_value", floorValue(control.kind)}});
        freeze = *kind == 'r';
        applyKey = nullptr; // every row is new to an empty table
        break;
    case Mode::Ranged: {
        Window local(control);
        if (start) {
            local.above(*start);
            window.above(*start);
        }
        if (end) {
            local.below(*end);
            window.below(*end);
        }
        pg::Params params;
        const auto removed =
            dest.exec("DELETE FROM " + destName.quoted() + " WHERE " + local.paramPredicate(params), params).affected();
        job.step("ranged repull: removed " + std::to_string(removed) + " rows " + local.describe() + " from "
                 + destName.catalogText());
        break;
    }
    }
    // Never above the top, not even for a ranged repull's end: rows there may
    // still be in flight (mimeo pulled up to the given end).
    if (top)
        window.below(*top);

    BatchCut cut;
    if (top && limit > 0)
        cut = batchCut(src, rel, s.condition, window, limit);
    if (cut.kind == BatchCut::Kind::UpTo)
        window.upTo(cut.value);
    else if (cut.kind == BatchCut::Kind::Below)
        window.below(cut.value);
    job.step("reading rows " + window.describe());

    Pulled pulled;
    if (top)
        pulled = pullWindow(job, src, rel, s.condition, window, destName, destCols, freeze, applyKey);
    else
        job.step("the source is empty: nothing to read");

    if (cut.oversizeGroup) {
        job.warn("batch limit " + std::to_string(limit) + " is smaller than the " + std::to_string(pulled.rows)
                 + " rows sharing control value " + cut.value + " of " + job.destTable()
                 + "; read them all in one run so none is split or lost (raise the limit)");
    } else if (cut.kind != BatchCut::Kind::None) {
        job.step("batch limit " + std::to_string(limit) + " reached: read " + std::to_string(pulled.rows)
                 + " rows, whole groups of equal control values only; the rest waits for the next run");
    }

    // A ranged repull or a batch looked at part of the table only: an empty
    // destination says nothing about the rest, so last_value stays then.
    // Otherwise every row below the top was looked at, in the source
    // snapshot still open here.
    std::function<std::optional<std::string>()> lookedAt;
    if (top && mode != Mode::Ranged && cut.kind == BatchCut::Kind::None)
        lookedAt = [&] { return highestBelow(src, rel, control, *top); };
    const std::string lower = setNextLowerBound(job, *family, control, destName, lookedAt, std::nullopt);
    stx.commit();
    job.step("next lower bound: " + lower);
    catalog::updateConfig(dest, job.schema(), family->type(), job.destTable(), {{"last_run", job.now()}});
    tx.commit();

    std::string message = "refreshed " + job.destTable() + ": " + std::to_string(pulled.rows) + " rows";
    if (applyKey)
        message += " (" + std::to_string(pulled.applied.updated) + " updated, " + std::to_string(pulled.applied.inserted)
            + " inserted)";
    if (mode == Mode::Full)
        message += " (full repull)";
    else if (mode == Mode::Ranged)
        message += " (ranged repull)";
    // An inserter's rows are all new; an updater's split as its apply
    // counted them (incremental_apply.h). Neither deletes. A repull replaces
    // a range or the whole table: no counts then.
    std::optional<RowChanges> changes;
    if (mode == Mode::Normal)
        changes = applyKey ? RowChanges{pulled.applied.inserted, pulled.applied.updated, 0} : RowChanges{pulled.rows, 0, 0};
    return job.finishDone(pulled.rows, pulled.bytes, message, changes);
}

RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable)
{
    auto &dest = job.dest();
    const QualifiedName destName = QualifiedName::fromCatalogText(config.destTable());
    pg::Transaction tx(dest);
    // Waits for a running refresh: dropping under it would fail it half-way.
    job.lockForDestroy();
    if (!keepTable)
        dest.exec("DROP TABLE IF EXISTS " + destName.quoted());
    catalog::deleteConfig(dest, job.schema(), config.type(), job.destTable());
    deleteTableState(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(0, 0,
                          "destroyed " + config.type() + " replication " + job.destTable()
                              + (keepTable ? "; kept the table" : " and dropped the table"));
}

} // namespace mimeo::replication::incremental
