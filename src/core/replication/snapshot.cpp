// SPDX-License-Identifier: PostgreSQL
#include "replication/snapshot.h"

#include "catalog/replication_identity.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/change_detector.h"
#include "replication/copy_pull.h"
#include "replication/deferred_indexes.h"
#include "replication/dest_objects.h"
#include "replication/index_copy.h"
#include "replication/job.h"
#include "replication/privileges.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"
#include "replication/view_swap.h"

namespace mimeo::replication::snapshot {
namespace {

using pg::QualifiedName;

struct SnapNames {
    QualifiedName view;
    QualifiedName snap1;
    QualifiedName snap2;
};

SnapNames namesFor(const QualifiedName &view)
{
    // The server would silently cut longer names and both tables would get
    // the same name (mimeo does not check, bug 9.2 #9).
    if (view.name.size() + 6 > pg::kMaxIdentifierBytes)
        throw pg::Error::usage("destination name " + view.name + " is too long for a snapshot: with _snap1 it exceeds 63 bytes",
                               pg::Side::Destination, "choose a shorter --dest-table");
    return {view, {view.schema, view.name + "_snap1"}, {view.schema, view.name + "_snap2"}};
}

std::string prefixFor(const SnapNames &n, const QualifiedName &table) { return table == n.snap1 ? "snap1_" : "snap2_"; }

bool isStandby(pg::Connection &src) { return src.exec("SELECT pg_catalog.pg_is_in_recovery()").toBool(0, 0); }

void buildIndexes(Job &job, pg::Connection &src, const SourceRelation &rel, const SnapNames &names,
                  const QualifiedName &table, bool keyOnly)
{
    if (rel.isView())
        return;
    const auto indexes = readSourceIndexes(src, rel.oid);
    IndexCopyOptions o;
    o.keyOnly = keyOnly;
    o.namePrefix = prefixFor(names, table);
    o.availableColumns = columnNames(rel.columns);
    o.warn = [&job](const std::string &w) { job.warn(w); };
    job.progress({"indexing", 0, 0, -1});
    copyIndexes(job.dest(), table, rel.name.name, indexes, o);
}

std::vector<std::pair<std::string, pg::Param>> counterColumns(const SourceCounters &c, bool store)
{
    auto v = [&](long long x) { return store && c.available ? pg::Param(std::to_string(x)) : pg::Param(); };
    return {{"n_tup_ins", v(c.inserted)}, {"n_tup_upd", v(c.updated)}, {"n_tup_del", v(c.deleted)}};
}

TableState stateAfterPull(bool copyIndexes, const PullResult &pull, const SourceCounters &counters, bool storeCounters)
{
    TableState st;
    st.copyIndexes = copyIndexes;
    if (storeCounters && counters.available && !pull.sourceSnapshot.empty()) {
        st.pulledSnapshot = pull.sourceSnapshot;
        st.pulledCounters = counters.asVector();
    }
    return st;
}

void requireAbsent(pg::Connection &dest, const QualifiedName &name)
{
    if (auto kind = relationKind(dest, name)) {
        throw pg::Error::usage(std::string("destination ") + (*kind == 'v' ? "view " : "relation ") + name.catalogText()
                                   + " already exists; a snapshot creates it",
                               pg::Side::Destination, "choose another --dest-table, or drop it first");
    }
}

// Drops the previously active table's rows after commit, in a transaction of
// its own under the table lock, without waiting for readers that still use
// it (lock_timeout); if they do, the next refresh truncates it anyway.
void truncateOldQuietly(Job &job, const std::string &destTable, const SnapNames &names, const QualifiedName &old)
{
    try {
        auto &dest = job.dest();
        pg::Transaction tx(dest);
        if (!catalog::acquireTableLock(dest, destTable, catalog::LockWait::noWait()))
            return;
        const auto active = viewSource(dest, names.view);
        if (!active || *active == old || !relationKind(dest, old))
            return;
        dest.exec("SET LOCAL lock_timeout = '2s'");
        dest.exec("TRUNCATE " + old.quoted());
        tx.commit();
    } catch (const pg::Error &e) {
        job.step("old snapshot " + old.catalogText() + " left for the next refresh: " + e.message());
    }
}

} // namespace

void checkDestination(pg::Connection &dest, const QualifiedName &view)
{
    const SnapNames names = namesFor(view);
    requireSchema(dest, view.schema);
    requireAbsent(dest, names.view);
    requireAbsent(dest, names.snap1);
    requireAbsent(dest, names.snap2);
}

RunResult make(Job &job, const MakeRequest &req)
{
    auto &dest = job.dest();
    const QualifiedName viewName = req.dest.value_or(req.source);
    const SnapNames names = namesFor(viewName);
    auto src = job.connectSource(req.dataSourceId);
    const auto rel = describeSource(src, req.source, req.filter, req.dataSourceId);
    const bool standby = isStandby(src);
    const bool checkStats = !rel.isView() && !standby && (rel.relkind == 'r' || rel.relkind == 'p');

    pg::Transaction tx(dest);
    if (!catalog::acquireTableLock(dest, job.destTable(), catalog::LockWait::forSeconds(30), job.ctx().cancel))
        return job.finishLocked();
    checkDestination(dest, viewName);

    std::vector<std::pair<std::string, pg::Param>> cfg = {
        {"source_table", req.source.catalogText()},
        {"dest_table", job.destTable()},
        {"dblink", std::to_string(req.dataSourceId)},
        {"filter", req.filter.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(req.filter))},
        {"condition", req.condition},
        {"period", req.period},
        {"batch_limit", req.batchLimit ? pg::Param(std::to_string(*req.batchLimit)) : pg::Param()},
        {"check_stats", checkStats ? "t" : "f"},
    };
    catalog::insertConfig(dest, job.schema(), "snap", cfg);
    if (!checkStats)
        job.step(std::string("check_stats off: the source is ") + (standby ? "a standby" : "a " + rel.kindName()));

    createTable(dest, names.snap1, rel.columns);
    createTable(dest, names.snap2, rel.columns);
    SourceCounters counters;
    PullResult pulled;
    if (req.pullData) {
        if (checkStats)
            counters = readCounters(src, rel); // before the pull's snapshot: never newer than the data
        PullSpec spec;
        spec.source = &rel;
        spec.condition = req.condition;
        spec.target = names.snap1;
        spec.targetColumns = rel.columns;
        spec.freeze = true;
        spec.captureSnapshot = true;
        pulled = pullInto(job, src, spec);
    }
    if (req.index) {
        buildIndexes(job, src, rel, names, names.snap1, !req.filter.empty());
        buildIndexes(job, src, rel, names, names.snap2, !req.filter.empty());
    }
    dest.exec("ANALYZE " + names.snap1.quoted());
    pointViewAt(job, names.view, names.snap1, false);

    auto update = counterColumns(counters, req.pullData);
    update.emplace_back("last_run", job.now());
    catalog::updateConfig(dest, job.schema(), "snap", job.destTable(), update);
    writeTableState(dest, job.schema(), job.destTable(), stateAfterPull(req.index, pulled, counters, req.pullData));
    catalog::recordIdentity(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(pulled.stats.rows, pulled.stats.bytes,
                          "made snapshot " + job.destTable() + " (" + std::to_string(pulled.stats.rows) + " rows)");
}

RunResult refresh(Job &job, const catalog::ConfigRow &initial, const RefreshRequest &req)
{
    auto &dest = job.dest();
    const int sourceId = initial.dataSourceId();
    auto src = job.connectSource(sourceId);
    const auto rel = describeSource(src, QualifiedName::fromCatalogText(initial.sourceTable()), initial.array("filter"), sourceId);
    const bool standby = isStandby(src);

    pg::Transaction tx(dest);
    const auto config = job.lockAndReadConfig(req.lockWait);
    if (!config)
        return job.finishLocked();
    const auto state = readTableState(dest, job.schema(), job.destTable());
    const SnapNames names = namesFor(QualifiedName::fromCatalogText(job.destTable()));

    bool checkStats = config->boolean("check_stats");
    if (checkStats && (rel.isView() || standby || (rel.relkind != 'r' && rel.relkind != 'p'))) {
        catalog::updateConfig(dest, job.schema(), "snap", job.destTable(), {{"check_stats", "f"}});
        job.warn(std::string("check_stats turned off: the source is ") + (standby ? "a standby, whose statistics never move"
                                                                                  : "a " + rel.kindName() + " without statistics"));
        checkStats = false;
    }
    SourceCounters counters;
    if (checkStats)
        counters = readCounters(src, rel);
    if (checkStats && !req.repull) {
        std::optional<std::vector<long long>> stored;
        if (auto i = config->optInteger("n_tup_ins"), u = config->optInteger("n_tup_upd"), d = config->optInteger("n_tup_del");
            i && u && d)
            stored = std::vector<long long>{*i, *u, *d};
        const auto decision = decideSkip(src, counters, stored, state);
        if (decision.skip) {
            catalog::updateConfig(dest, job.schema(), "snap", job.destTable(), {{"last_run", job.now()}});
            tx.commit();
            return job.finishSkipped(decision.reason);
        }
        job.step("pulling: " + decision.reason);
    } else if (req.repull) {
        job.step("pulling: --repull");
    }

    const auto viewKind = relationKind(dest, names.view);
    if (viewKind && *viewKind != 'v')
        throw pg::Error::usage(names.view.catalogText() + " is not a view; a snapshot's destination is a view over "
                                   + names.snap1.name + " and " + names.snap2.name,
                               pg::Side::Destination);
    const auto active = viewKind ? viewSource(dest, names.view) : std::nullopt;
    QualifiedName target = (active && *active == names.snap1) ? names.snap2 : names.snap1;
    QualifiedName other = target == names.snap1 ? names.snap2 : names.snap1;

    // A rebuild when any existing part has other columns than the source now:
    // added, dropped, renamed, retyped or reordered columns (mimeo missed drops).
    auto differs = [&](const QualifiedName &n, bool exists) { return exists && relationColumns(dest, n) != rel.columns; };
    const bool targetExists = relationKind(dest, target).has_value();
    const bool otherExists = relationKind(dest, other).has_value();
    const bool rebuild = differs(names.view, viewKind.has_value()) || differs(target, targetExists) || differs(other, otherExists);

    SavedPrivileges viewPrivileges, snap1Privileges, snap2Privileges;
    bool viewExists = viewKind.has_value();
    DeferredIndexes deferred;
    bool createdTarget = false;
    bool createdOther = false;
    if (rebuild) {
        job.step("source columns changed: rebuilding " + names.view.catalogText() + ", " + names.snap1.catalogText() + " and "
                 + names.snap2.catalogText());
        viewPrivileges = savePrivileges(dest, names.view);
        snap1Privileges = savePrivileges(dest, names.snap1);
        snap2Privileges = savePrivileges(dest, names.snap2);
        if (viewExists)
            dest.exec("DROP VIEW " + names.view.quoted());
        dest.exec("DROP TABLE IF EXISTS " + names.snap1.quoted() + ", " + names.snap2.quoted());
        target = names.snap1;
        other = names.snap2;
        createTable(dest, target, rel.columns);
        createTable(dest, other, rel.columns);
        viewExists = false;
        createdTarget = createdOther = true;
    } else {
        if (targetExists) {
            dest.exec("TRUNCATE " + target.quoted());
            deferred = DeferredIndexes::takeFrom(dest, target);
        } else {
            createTable(dest, target, rel.columns);
            createdTarget = true;
        }
        if (!otherExists) {
            createTable(dest, other, rel.columns);
            createdOther = true;
        }
    }

    PullSpec spec;
    spec.source = &rel;
    spec.condition = config->optText("condition");
    spec.target = target;
    spec.targetColumns = rel.columns;
    spec.freeze = true;
    spec.captureSnapshot = checkStats;
    const auto pulled = pullInto(job, src, spec);
    if (deferred.count() > 0) {
        job.progress({"indexing", pulled.stats.rows, pulled.stats.bytes, -1});
        deferred.restore(dest);
    }

    const bool keyOnly = !config->array("filter").empty();
    if (state.copyIndexes) {
        if (createdTarget)
            buildIndexes(job, src, rel, names, target, keyOnly);
        if (createdOther)
            buildIndexes(job, src, rel, names, other, keyOnly);
    }
    dest.exec("ANALYZE " + target.quoted());
    pointViewAt(job, names.view, target, viewExists);

    if (rebuild) {
        auto warn = [&job](const std::string &w) { job.warn(w); };
        restorePrivileges(dest, names.view, true, viewPrivileges, warn);
        restorePrivileges(dest, names.snap1, false, snap1Privileges, warn);
        restorePrivileges(dest, names.snap2, false, snap2Privileges, warn);
        // The view is a new relation now; the settings were verified above.
        catalog::recordIdentity(dest, job.schema(), job.destTable());
        for (const auto &statement : config->array("post_script")) {
            job.step("post_script: " + statement);
            dest.exec(statement);
        }
    }

    auto update = counterColumns(counters, checkStats);
    update.emplace_back("last_run", job.now());
    catalog::updateConfig(dest, job.schema(), "snap", job.destTable(), update);
    writeTableState(dest, job.schema(), job.destTable(), stateAfterPull(state.copyIndexes, pulled, counters, checkStats));
    tx.commit();
    if (!rebuild && targetExists && otherExists)
        truncateOldQuietly(job, job.destTable(), names, other);
    return job.finishDone(pulled.stats.rows, pulled.stats.bytes,
                          "refreshed " + job.destTable() + ": " + std::to_string(pulled.stats.rows) + " rows"
                              + (rebuild ? " (rebuilt for changed source columns)" : ""));
}

RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable)
{
    auto &dest = job.dest();
    const SnapNames names = namesFor(QualifiedName::fromCatalogText(config.destTable()));
    pg::Transaction tx(dest);
    job.lockForDestroy();
    const auto viewKind = relationKind(dest, names.view);
    std::string message;
    if (keepTable) {
        if (!viewKind || *viewKind != 'v')
            throw pg::Error::usage("cannot keep the data of " + job.destTable() + ": its view does not exist",
                                   pg::Side::Destination, "use --drop-table to remove what is left");
        const auto active = viewSource(dest, names.view);
        if (!active)
            throw pg::Error::usage("cannot tell which snapshot table the view " + job.destTable() + " shows",
                                   pg::Side::Destination);
        const auto viewPrivileges = savePrivileges(dest, names.view);
        dest.exec("DROP VIEW " + names.view.quoted());
        dest.exec("ALTER TABLE " + active->quoted() + " RENAME TO " + pg::quoteIdent(names.view.name));
        restorePrivileges(dest, names.view, false, viewPrivileges, [&job](const std::string &w) { job.warn(w); });
        message = "destroyed snapshot " + job.destTable() + "; kept its data as a table";
    } else {
        if (viewKind && *viewKind == 'v')
            dest.exec("DROP VIEW " + names.view.quoted());
        message = "destroyed snapshot " + job.destTable() + " and dropped its tables";
    }
    dest.exec("DROP TABLE IF EXISTS " + names.snap1.quoted() + ", " + names.snap2.quoted());
    catalog::deleteConfig(dest, job.schema(), "snap", job.destTable());
    deleteTableState(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(0, 0, message);
}

} // namespace mimeo::replication::snapshot
