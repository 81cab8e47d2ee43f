// SPDX-License-Identifier: PostgreSQL
#include "replication/plain_table.h"

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
#include "replication/sequences.h"
#include "replication/source_relation.h"
#include "replication/table_state.h"

namespace mimeo::replication::plain_table {
namespace {

using pg::QualifiedName;

PullSpec specFor(const SourceRelation &rel, const std::optional<std::string> &condition, const QualifiedName &target,
                 const std::vector<Column> &targetCols, bool freeze)
{
    PullSpec spec;
    spec.source = &rel;
    spec.condition = condition;
    spec.target = target;
    spec.targetColumns = targetCols;
    spec.freeze = freeze;
    return spec;
}

} // namespace

void checkDestination(pg::Connection &dest, const MakeRequest &req, const SourceRelation &rel)
{
    const QualifiedName destName = req.dest.value_or(req.source);
    requireSchema(dest, destName.schema);
    const auto kind = relationKind(dest, destName);
    if (kind && *kind != 'r' && *kind != 'p')
        throw pg::Error::usage("destination " + destName.catalogText() + " exists and is not a table", pg::Side::Destination);
    // Every refresh empties the destination: taking over a table nobody
    // said was meant for this would lose its rows at the first refresh.
    if (kind && !req.useExisting)
        throw pg::Error::usage("destination table " + destName.catalogText()
                                   + " already exists; a table replication empties it at every refresh",
                               pg::Side::Destination,
                               "to replicate into it as it is (its rows are replaced at the first refresh), pass "
                               "--use-existing; otherwise choose another --dest-table");
    requireSequences(dest, req.sequences);
    if (kind)
        requireDestinationCovers(destName, relationColumns(dest, destName), rel.columns);
}

RunResult make(Job &job, const MakeRequest &req)
{
    auto &dest = job.dest();
    const QualifiedName destName = req.dest.value_or(req.source);
    auto src = job.connectSource(req.dataSourceId);
    const auto rel = describeSource(src, req.source, req.filter, req.dataSourceId);

    pg::Transaction tx(dest);
    if (!catalog::acquireTableLock(dest, job.destTable(), catalog::LockWait::forSeconds(30), job.ctx().cancel))
        return job.finishLocked();
    checkDestination(dest, req, rel);
    const auto kind = relationKind(dest, destName);

    catalog::insertConfig(dest, job.schema(), "table",
                          {{"source_table", req.source.catalogText()},
                           {"dest_table", job.destTable()},
                           {"dblink", std::to_string(req.dataSourceId)},
                           {"last_run", job.now()},
                           {"filter", req.filter.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(req.filter))},
                           {"condition", req.condition},
                           {"period", req.period},
                           {"batch_limit", req.batchLimit ? pg::Param(std::to_string(*req.batchLimit)) : pg::Param()},
                           {"sequences", req.sequences.empty() ? pg::Param() : pg::Param(pg::toTextArrayLiteral(req.sequences))}});
    int64_t rows = 0, bytes = 0;
    std::string message;
    SourceCounters counters;
    if (kind) {
        // As mimeo: an existing table keeps its data and indexes; the first refresh loads it.
        job.step("destination " + destName.catalogText() + " already exists; no data or indexes pulled");
        message = "registered existing table " + job.destTable() + "; the first refresh loads it";
    } else {
        createTable(dest, destName, rel.columns);
        if (req.pullData) {
            counters = readCounters(src, rel); // as refresh: before the pull's snapshot
            const auto pulled = pullInto(job, src, specFor(rel, req.condition, destName, rel.columns, true));
            rows = pulled.stats.rows;
            bytes = pulled.stats.bytes;
        }
        if (req.index && !rel.isView()) {
            IndexCopyOptions o;
            o.keyOnly = !req.filter.empty();
            o.availableColumns = columnNames(rel.columns);
            o.warn = [&job](const std::string &w) { job.warn(w); };
            copyIndexes(dest, destName, rel.name.name, readSourceIndexes(src, rel.oid), o);
        }
        message = "made table " + job.destTable() + " (" + std::to_string(rows) + " rows)";
    }
    TableState st;
    st.copyIndexes = req.index;
    if (counters.available)
        st.pulledCounters = counters.asVector();
    writeTableState(dest, job.schema(), job.destTable(), st);
    catalog::recordIdentity(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(rows, bytes, message);
}

RunResult refresh(Job &job, const catalog::ConfigRow &initial, const RefreshRequest &req)
{
    auto &dest = job.dest();
    const int sourceId = initial.dataSourceId();
    auto src = job.connectSource(sourceId);
    const auto rel = describeSource(src, QualifiedName::fromCatalogText(initial.sourceTable()), initial.array("filter"), sourceId);
    const QualifiedName destName = QualifiedName::fromCatalogText(initial.destTable());

    pg::Transaction tx(dest);
    const auto config = job.lockAndReadConfig(req.lockWait);
    if (!config)
        return job.finishLocked();
    const auto kind = relationKind(dest, destName);
    if (!kind)
        throw pg::Error::usage("destination table " + destName.catalogText() + " is missing", pg::Side::Destination,
                               "recreate it, or destroy and make the replication again");
    const auto destCols = relationColumns(dest, destName);
    requireDestinationCovers(destName, destCols, rel.columns);

    const bool cascade = config->boolean("truncate_cascade");
    dest.exec("TRUNCATE " + destName.quoted() + (cascade ? " CASCADE" : ""));
    if (cascade)
        job.step("truncated with CASCADE: tables referencing " + destName.catalogText() + " were emptied too");
    const auto deferred = DeferredIndexes::takeFrom(dest, destName);
    // The source's statistics as of this pull (read before its snapshot), so
    // the changes made since can be counted (jobs/lag.h); mimeo's table type
    // has no columns for them.
    const auto counters = readCounters(src, rel);
    const auto pulled = pullInto(job, src, specFor(rel, config->optText("condition"), destName, destCols, *kind == 'r'));
    deferred.restore(dest);
    auto state = readTableState(dest, job.schema(), job.destTable());
    state.pulledCounters = counters.available ? counters.asVector() : std::vector<long long>{};
    writeTableState(dest, job.schema(), job.destTable(), state);
    resetSequences(job, config->array("sequences"));
    catalog::updateConfig(dest, job.schema(), "table", job.destTable(), {{"last_run", job.now()}});
    tx.commit();
    (void)req;
    return job.finishDone(pulled.stats.rows, pulled.stats.bytes,
                          "refreshed " + job.destTable() + ": " + std::to_string(pulled.stats.rows) + " rows");
}

RunResult destroy(Job &job, const catalog::ConfigRow &config, bool keepTable)
{
    auto &dest = job.dest();
    const QualifiedName destName = QualifiedName::fromCatalogText(config.destTable());
    pg::Transaction tx(dest);
    job.lockForDestroy();
    if (!keepTable)
        dest.exec("DROP TABLE IF EXISTS " + destName.quoted());
    catalog::deleteConfig(dest, job.schema(), "table", job.destTable());
    deleteTableState(dest, job.schema(), job.destTable());
    tx.commit();
    return job.finishDone(0, 0, "destroyed table replication " + job.destTable() + (keepTable ? "; kept the table" : " and dropped the table"));
}

} // namespace mimeo::replication::plain_table
