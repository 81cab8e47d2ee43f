// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_apply.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "replication/batch_plan_settings.h"
#include "replication/job.h"
#include "replication/queue_batch.h"

namespace mimeo::replication::queue {
namespace {

using pg::quoteIdent;

std::string batchTable() { return "pg_temp." + quoteIdent(kBatchTable); }

std::string keyMatch(const ApplySpec &spec)
{
    std::string out;
    for (size_t j = 0; j < spec.keyNames.size(); ++j)
        out += (j ? " AND " : "") + std::string("d.") + quoteIdent(spec.keyNames[j]) + " = t." + positional('k', j);
    return out;
}

std::string batchValues(const ApplySpec &spec)
{
    std::string out;
    for (size_t i = 0; i < spec.columns.size(); ++i)
        out += (i ? ", " : "") + std::string("t.") + positional('c', i);
    return out;
}

// Where the batch has a row for the destination: the source row, or (logdel) the deleted one.
std::string hasRow(const ApplySpec &spec) { return spec.logdel ? "(t.\"found\" OR t.\"deleted\" IS NOT NULL)" : "t.\"found\""; }

// Errors an in-place update can meet where delete-then-insert does not.
bool wantsDeleteInsert(const pg::Error &e)
{
    return e.sqlstate() == "23505"    // unique_violation (rows swapping unique values)
        || e.sqlstate() == "23P01"    // exclusion_violation
        || e.sqlstate() == "0A000";   // feature_not_supported (MERGE on a table with rules, ...)
}

// The destination table's row counters of this transaction, summed over
// its partitions (pg_partition_tree has no row for a plain table). MERGE on
// PostgreSQL 15 has no RETURNING and its command tag one total; these
// counters are the backend's own (kept per statement at the storage level,
// flushed only between transactions), so reading them before and after
// costs two tiny queries and no pass over the data.
RowChanges transactionCounters(pg::Connection &dest, const pg::QualifiedName &table)
{
    auto r = dest.exec("SELECT coalesce(sum(pg_catalog.pg_stat_get_xact_tuples_inserted(p.relid)), 0), "
                       "coalesce(sum(pg_catalog.pg_stat_get_xact_tuples_updated(p.relid)), 0), "
                       "coalesce(sum(pg_catalog.pg_stat_get_xact_tuples_deleted(p.relid)), 0) "
                       "FROM (SELECT $1::pg_catalog.regclass AS relid UNION SELECT t.relid FROM "
                       "pg_catalog.pg_partition_tree($1::pg_catalog.regclass) AS t WHERE t.isleaf) AS p",
                       {table.quoted()});
    return {r.toInt(0, 0), r.toInt(0, 1), r.toInt(0, 2)};
}

// logdel: batch rows that turn a live destination row into a record of its
// deletion. Read before the apply, probing the destination through the
// key's index for the batch's deletions only; 0 for dml.
std::string marksLive(const ApplySpec &spec, const std::string &destAlias)
{
    return spec.logdel ? "(t.\"found\" IS NOT TRUE AND t.\"deleted\" IS NOT NULL AND " + destAlias
            + ".\"mimeo_source_deleted\" IS NULL)"
                       : "false";
}

int64_t liveRowsToMark(pg::Connection &dest, const ApplySpec &spec)
{
    if (!spec.logdel)
        return 0;
    return dest
        .exec("SELECT pg_catalog.count(*) FROM " + batchTable() + " AS t WHERE t.\"found\" IS NOT TRUE AND t.\"deleted\" IS NOT NULL "
              "AND EXISTS (SELECT 1 FROM " + spec.dest.quoted() + " AS d WHERE " + keyMatch(spec)
              + " AND d.\"mimeo_source_deleted\" IS NULL)")
        .toInt(0, 0);
}

} // namespace

std::string mergeSql(const ApplySpec &spec)
{
    std::string set;
    for (size_t i = 0; i < spec.columns.size(); ++i)
        set += (i ? ", " : "") + quoteIdent(spec.columns[i].name) + " = t." + positional('c', i);
    std::string insertCols = columnList(spec.columns);
    std::string insertValues = batchValues(spec);
    if (spec.logdel) {
        set += ", \"mimeo_source_deleted\" = t.\"deleted\"";
        insertCols += ", \"mimeo_source_deleted\"";
        insertValues += ", t.\"deleted\"";
    }
    std::string sql = "MERGE INTO " + spec.dest.quoted() + " AS d USING " + batchTable() + " AS t ON " + keyMatch(spec)
        + " WHEN MATCHED AND " + hasRow(spec) + " THEN UPDATE SET " + set;
    // Gone from the source: dml removes the row; logdel removes a live row
    // and keeps one that records an earlier deletion.
    sql += spec.logdel ? " WHEN MATCHED AND d.\"mimeo_source_deleted\" IS NULL THEN DELETE" : " WHEN MATCHED THEN DELETE";
    sql += " WHEN NOT MATCHED AND " + hasRow(spec) + " THEN INSERT (" + insertCols + ") VALUES (" + insertValues + ")";
    return sql;
}

std::vector<std::string> deleteInsertSql(const ApplySpec &spec)
{
    std::string del = "DELETE FROM " + spec.dest.quoted() + " AS d USING " + batchTable() + " AS t WHERE " + keyMatch(spec);
    std::string insert;
    if (spec.logdel)
        del += " AND (" + hasRow(spec) + " OR d.\"mimeo_source_deleted\" IS NULL)";
    // Keys the insert brings back (the batch has a row for them) were
    // updated, the others deleted: counted in the statement itself, per
    // batch row (a logdel key may have a live row and logged deletions).
    // ("found" is NULL for a key the source no longer has.)
    del = "WITH removed AS (" + del + " RETURNING coalesce(" + hasRow(spec) + ", false) AS back, " + marksLive(spec, "d")
        + " AS marks, t.ctid AS batch_row) SELECT pg_catalog.count(*), "
          "pg_catalog.count(DISTINCT batch_row) FILTER (WHERE back), pg_catalog.count(*) FILTER (WHERE NOT back), "
          "pg_catalog.count(DISTINCT batch_row) FILTER (WHERE marks) FROM removed";
    if (spec.logdel) {
        insert = "INSERT INTO " + spec.dest.quoted() + " (" + columnList(spec.columns) + ", \"mimeo_source_deleted\") SELECT "
            + batchValues(spec) + ", t.\"deleted\" FROM " + batchTable() + " AS t WHERE " + hasRow(spec);
    } else {
        insert = "INSERT INTO " + spec.dest.quoted() + " (" + columnList(spec.columns) + ") SELECT " + batchValues(spec)
            + " FROM " + batchTable() + " AS t WHERE " + hasRow(spec);
    }
    return {del, insert};
}

ApplyResult applyBatch(Job &job, const ApplySpec &spec)
{
    auto &dest = job.dest();
    ApplyResult out;
    job.progress({"applying", 0, 0, -1});
    // Statistics for the planner, when it chooses the join: a batch of ten
    // keys and one of a million want different ones.
    if (!spec.lookupByKey)
        dest.exec("ANALYZE " + batchTable());
    BatchPlanSettings settings(dest, spec.lookupByKey ? BatchPlanSettings::Joins::LookupsOnly : BatchPlanSettings::Joins::Any);
    if (dest.serverVersion() >= 150000) {
        const int64_t marked = liveRowsToMark(dest, spec);
        const RowChanges before = transactionCounters(dest, spec.dest);
        auto failed = pg::attemptInSavepoint(dest, [&] { out.changed = dest.exec(mergeSql(spec)).affected(); });
        if (!failed) {
            out.inPlace = true;
            const RowChanges after = transactionCounters(dest, spec.dest);
            const RowChanges delta{after.inserted - before.inserted, after.updated - before.updated,
                                   after.deleted - before.deleted};
            // Counters that do not add up to MERGE's own total (track_counts
            // off, a trigger writing the table too) are not reported.
            if (delta.inserted + delta.updated + delta.deleted == out.changed && delta.updated >= marked)
                out.changes = RowChanges{delta.inserted, delta.updated - marked, delta.deleted + marked};
            job.step("applied the batch to " + spec.dest.catalogText() + " in place: " + std::to_string(out.changed)
                     + " rows changed");
            return out;
        }
        if (!wantsDeleteInsert(*failed))
            throw *failed;
        job.warn("the batch could not be applied in place (" + failed->message()
                 + "); deleted and re-inserted its rows instead, so destination-only columns of those rows were reset");
    }
    const auto statements = deleteInsertSql(spec);
    auto removed = dest.exec(statements[0]);
    const int64_t deleted = removed.toInt(0, 0);
    const int64_t back = removed.toInt(0, 1);
    const int64_t inserted = dest.exec(statements[1]).affected();
    out.changed = deleted + inserted;
    const int64_t marked = removed.toInt(0, 3);
    out.changes = RowChanges{inserted - back, back - marked, removed.toInt(0, 2) + marked};
    job.step("applied the batch to " + spec.dest.catalogText() + ": " + std::to_string(deleted) + " rows deleted, "
             + std::to_string(inserted) + " inserted");
    return out;
}

} // namespace mimeo::replication::queue
