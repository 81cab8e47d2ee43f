// SPDX-License-Identifier: PostgreSQL
#include "replication/repair.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "pg/array.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/copy_pull.h"
#include "replication/dest_objects.h"
#include "replication/job.h"
#include "replication/queue_apply.h"
#include "replication/queue_batch.h"
#include "replication/queue_destination.h"
#include "replication/queue_plan.h"

#include <algorithm>

namespace mimeo::replication {
namespace {

using pg::QualifiedName;
using pg::quoteIdent;

using queue::positional;
using queue::positionalList;

// The custom setting that carries key column i's values (a text[] literal)
// through the source transaction: set_config takes it as a parameter, and
// COPY, which cannot take parameters, reads it back.
std::string keySetting(size_t i) { return "mimeo.repair_key_" + std::to_string(i + 1); }

} // namespace

// Refused before anything runs: the way to fix such a table is a refresh.
void requireRepairableType(const std::string &typeName, const std::string &destTable)
{
    const auto &type = catalog::concreteType(typeName);
    if (type.keyed)
        return;
    const std::string how = type.family == catalog::TypeFamily::Incremental
        ? "re-pull it: mimeo refresh " + destTable + " --repull"
        : "refresh it (every refresh of a " + std::string(type.group) + " re-pulls all rows): mimeo refresh " + destTable;
    throw pg::Error::usage("repairing single rows needs a type that addresses rows by key (updater, dml or logdel); "
                               + destTable + " is " + std::string(type.name),
                           pg::Side::Destination, how);
}

namespace {

void requireWellFormed(const RepairRequest &req, const std::vector<std::string> &pkName)
{
    if (!req.keyColumns.empty() && req.keyColumns != pkName) {
        std::string configured;
        for (const auto &k : pkName)
            configured += (configured.empty() ? "" : ", ") + k;
        throw pg::Error::usage("the keys to repair are not given for the key of " + req.destTable + " (" + configured + ")",
                               pg::Side::Destination, "check the table again and repair what that check found");
    }
    if (req.keys.size() != pkName.size())
        throw pg::Error::usage("repair of " + req.destTable + " needs values for " + std::to_string(pkName.size())
                                   + " key columns, got " + std::to_string(req.keys.size()),
                               pg::Side::Destination);
    for (const auto &column : req.keys) {
        if (column.size() != req.keys.front().size())
            throw pg::Error::usage("repair of " + req.destTable + ": every key column needs one value per key", pg::Side::Destination);
    }
}

std::vector<Column> keyColumnsOf(const SourceRelation &rel, const std::vector<std::string> &pkName, const std::string &destTable)
{
    std::vector<Column> keys;
    for (const auto &k : pkName) {
        auto it = std::find_if(rel.columns.begin(), rel.columns.end(), [&](const Column &c) { return c.name == k; });
        if (it == rel.columns.end())
            throw pg::Error::usage("key column " + k + " of " + destTable + " is not among the replicated columns of "
                                       + rel.name.catalogText(),
                                   pg::Side::Source, "the filter must list every key column");
        keys.push_back(*it);
    }
    return keys;
}

std::string batchTable() { return "pg_temp." + quoteIdent(queue::kBatchTable); }

// logdel: a key the source no longer has keeps its live row, marked deleted
// now, as a refresh marks rows gone from the source (queue_rewrite.h). The
// batch row then carries the destination's own values and the time; a key
// without a live row has nothing to mark and stays as it is.
int64_t markGoneAsDeleted(pg::Connection &dest, const QualifiedName &destName, const std::vector<Column> &columns,
                          const std::vector<std::string> &pkName)
{
    std::string set = "\"deleted\" = pg_catalog.now()";
    for (size_t i = 0; i < columns.size(); ++i)
        set += ", " + positional('c', i) + " = d." + quoteIdent(columns[i].name);
    std::string match;
    for (size_t j = 0; j < pkName.size(); ++j)
        match += " AND d." + quoteIdent(pkName[j]) + " = t." + positional('k', j);
    return dest.exec("UPDATE " + batchTable() + " AS t SET " + set + " FROM " + destName.quoted()
                     + " AS d WHERE t.\"found\" IS NOT TRUE AND d.\"mimeo_source_deleted\" IS NULL" + match)
        .affected();
}

RunResult repair(Job &job, const catalog::ConfigRow &initial, const RepairRequest &req)
{
    auto &dest = job.dest();
    const auto &type = catalog::concreteType(initial.type());
    const bool logdel = type.marksDeleted;
    const QualifiedName destName = QualifiedName::fromCatalogText(initial.destTable());

    pg::Transaction tx(dest);
    const auto config = job.lockAndReadConfig(req.lockWait);
    if (!config)
        return job.finishLocked();
    const auto pkName = config->array("pk_name");
    requireWellFormed(req, pkName);
    const auto kind = relationKind(dest, destName);
    if (!kind || (*kind != 'r' && *kind != 'p'))
        throw pg::Error::usage("Destination table is missing (" + destName.catalogText() + ")", pg::Side::Destination,
                               "recreate it, or destroy and make the replication again");
    const size_t count = req.keys.empty() ? 0 : req.keys.front().size();

    auto src = job.connectSource(config->dataSourceId());
    const auto rel = describeSource(src, QualifiedName::fromCatalogText(config->sourceTable()), config->array("filter"),
                                    config->dataSourceId());
    const auto keys = keyColumnsOf(rel, pkName, job.destTable());
    if (logdel)
        queue::requireDestinationColumns(dest, destName, rel.columns, true);
    job.step("repairing " + std::to_string(count) + " keys of " + job.destTable() + " from " + rel.name.catalogText());

    queue::BatchSpec spec;
    spec.source = &rel;
    spec.keys = keys;
    spec.logdel = logdel;
    auto safe = [](const Column &c) { return c.binarySafe; };
    const bool binary = std::all_of(rel.columns.begin(), rel.columns.end(), safe) && src.serverMajor() == dest.serverMajor();
    const bool lookups = !rel.isView() && queue::hasKeyIndex(src, std::to_string(rel.oid), pkName);

    // Read only: nothing is written on the source, and the read is one snapshot.
    pg::Transaction srcTx(src, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (size_t i = 0; i < keys.size(); ++i)
        src.exec("SELECT pg_catalog.set_config($1, $2, true)", {keySetting(i), pg::toTextArrayLiteral(req.keys[i])});
    src.exec("SELECT pg_catalog.set_config('jit', 'off', true)");
    // Keys come as `mimeo check data` printed them: read them back the same way.
    src.exec("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, MDY'; SET LOCAL IntervalStyle = 'postgres'");
    dest.exec("DROP TABLE IF EXISTS " + batchTable());
    dest.exec(queue::batchTableSql(spec));
    pg::CopyOptions co;
    co.cancel = job.ctx().cancel;
    co.progress = [&job, count](const pg::CopyStats &s) { job.progress({"copying", s.rows, s.bytes, static_cast<int64_t>(count)}); };
    const auto stats = pg::streamCopy(src, repairCopySql(rel, keys, config->optText("condition"), logdel, lookups, binary), dest,
                                      "COPY " + batchTable() + " FROM STDIN" + (binary ? " (FORMAT binary)" : ""), co);
    srcTx.commit();
    job.checkCancel();
    const auto found = dest.exec("SELECT count(*) FILTER (WHERE \"found\"), count(*) FILTER (WHERE \"found\" IS NOT TRUE) FROM "
                                 + batchTable());
    const int64_t present = found.toInt(0, 0), gone = found.toInt(0, 1);
    job.step("read " + std::to_string(stats.rows) + " keys from the source (" + std::to_string(stats.bytes) + " bytes, "
             + (binary ? "binary" : "text") + "): " + std::to_string(present) + " with a row, " + std::to_string(gone) + " without");
    if (logdel)
        markGoneAsDeleted(dest, destName, rel.columns, pkName);

    const bool destLookups = queue::hasKeyIndex(dest, destName.quoted(), pkName)
        && queue::preferLookups(stats.rows, queue::estimatedRows(dest, destName.quoted()));
    const auto applied = queue::applyBatch(job, {destName, rel.columns, pkName, logdel, destLookups});
    job.checkCancel();
    tx.commit();
    return job.finishDone(applied.changed, stats.bytes,
                          "repaired " + job.destTable() + ": " + std::to_string(count) + " keys, " + std::to_string(present)
                              + " re-pulled, " + std::to_string(gone) + (logdel ? " gone from the source (marked deleted)" : " gone from the source (removed)")
                              + ", " + std::to_string(applied.changed) + " rows changed");
}

} // namespace

std::string repairCopySql(const SourceRelation &rel, const std::vector<Column> &keys, const std::optional<std::string> &condition,
                          bool logdel, bool lookupByKey, bool binary)
{
    queue::BatchSpec spec;
    spec.source = &rel;
    spec.keys = keys;
    const auto pos = queue::keyPositions(spec);
    const size_t m = keys.size(), n = rel.columns.size();

    // The keys, each once, typed as the source's key columns.
    std::string arrays, typed;
    for (size_t j = 0; j < m; ++j) {
        arrays += (j ? ", " : "") + std::string("pg_catalog.unnest(pg_catalog.current_setting(") + pg::quoteLiteral(keySetting(j))
            + ")::text[])";
        typed += (j ? ", " : "") + std::string("CAST(u.") + positional('k', j) + " AS " + keys[j].type + ")";
    }
    const std::string given = "(SELECT DISTINCT " + typed + " FROM ROWS FROM (" + arrays + ") AS u(" + positionalList('k', m)
        + ")) AS x(" + positionalList('k', m) + ")";

    std::string select = "SELECT " + positionalList('k', m, "x.") + ", f.\"found\"";
    if (logdel)
        select += ", CAST(NULL AS timestamptz)";
    select += ", " + positionalList('c', n, "f.");

    // The source as every pull reads it (filter and condition), under positional names.
    const std::string selected = "(SELECT true, q.* FROM (" + sourceSelect(rel, condition) + ") AS q) AS s(\"found\", "
        + positionalList('c', n) + ")";
    std::string match;
    for (size_t j = 0; j < m; ++j)
        match += (j ? " AND " : "") + std::string(lookupByKey ? "s." : "f.") + positional('c', pos[j]) + " = x." + positional('k', j);
    std::string from = " FROM " + given;
    if (lookupByKey) // OFFSET 0: one lookup per key through the source's index
        from += " LEFT JOIN LATERAL (SELECT * FROM " + selected + " WHERE " + match + " OFFSET 0) AS f ON true";
    else
        from += " LEFT JOIN (SELECT * FROM " + selected + ") AS f ON " + match;
    return "COPY (" + select + from + ") TO STDOUT" + (binary ? " (FORMAT binary)" : "");
}

RunResult repairRows(pg::Connection &dest, const RepairRequest &req, RunContext &ctx)
{
    const RunConnectionScope scope(dest, ctx);
    const auto config = catalog::findConfig(dest, ctx.schema, req.destTable);
    Job job(dest, ctx, req.destTable, config ? config->type() : std::string(), "repair");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            catalog::throwNotManaged(req.destTable);
        requireRepairableType(config->type(), req.destTable);
        if (req.keys.empty() || req.keys.front().empty())
            return j.finishDone(0, 0, "nothing to repair in " + req.destTable);
        return repair(j, *config, req);
    });
}

} // namespace mimeo::replication
