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
    if (spec.logdel) {
        del += " AND (" + hasRow(spec) + " OR d.\"mimeo_source_deleted\" IS NULL)";
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
        auto failed = pg::attemptInSavepoint(dest, [&] { out.changed = dest.exec(mergeSql(spec)).affected(); });
        if (!failed) {
            out.inPlace = true;
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
    const int64_t deleted = dest.exec(statements[0]).affected();
    const int64_t inserted = dest.exec(statements[1]).affected();
    out.changed = deleted + inserted;
    job.step("applied the batch to " + spec.dest.catalogText() + ": " + std::to_string(deleted) + " rows deleted, "
             + std::to_string(inserted) + " inserted");
    return out;
}

} // namespace mimeo::replication::queue
