// SPDX-License-Identifier: PostgreSQL
#include "replication/copy_pull.h"

#include "pg/connection.h"
#include "replication/job.h"

#include <algorithm>

namespace mimeo::replication {
namespace {

bool typesAgree(const std::vector<Column> &source, const std::vector<Column> &target)
{
    return std::all_of(source.begin(), source.end(), [&](const Column &s) {
        auto it = std::find_if(target.begin(), target.end(), [&](const Column &t) { return t.name == s.name; });
        return it != target.end() && it->type == s.type;
    });
}

} // namespace

std::string sourceSelect(const SourceRelation &rel, const std::optional<std::string> &condition)
{
    // Columns qualified with the source's name, so a condition that joins
    // other tables with same-named columns is not ambiguous (mimeo's was).
    std::string cols;
    for (const auto &c : rel.columns)
        cols += (cols.empty() ? "" : ", ") + rel.name.quoted() + "." + pg::quoteIdent(c.name);
    std::string select = "SELECT " + cols + " FROM " + rel.name.quoted();
    if (condition)
        select += " " + *condition;
    return select;
}

std::string sourceCopyStatement(const PullSpec &spec, bool binary)
{
    const auto &rel = *spec.source;
    std::string sql;
    if (rel.isPlainTable() && !spec.condition && !spec.extraWhere) {
        sql = "COPY " + rel.name.quoted() + " (" + columnList(rel.columns) + ") TO STDOUT";
    } else {
        std::string select = sourceSelect(rel, spec.condition);
        if (spec.extraWhere) {
            // The condition stays inside a subquery, so an OR in it cannot
            // swallow the extra predicates (mimeo appended " AND ..." to it).
            select = "SELECT " + columnList(rel.columns) + " FROM (" + select + ") AS mimeo_source WHERE " + *spec.extraWhere;
        }
        sql = "COPY (" + select + ") TO STDOUT";
    }
    if (binary)
        sql += " (FORMAT binary)";
    return sql;
}

PullResult pullInto(Job &job, pg::Connection &src, const PullSpec &spec)
{
    const auto &rel = *spec.source;
    PullResult result;
    const bool allSafe = std::all_of(rel.columns.begin(), rel.columns.end(), [](const Column &c) { return c.binarySafe; });
    result.binary = allSafe && src.serverMajor() == job.dest().serverMajor() && typesAgree(rel.columns, spec.targetColumns);

    const std::string copyOut = sourceCopyStatement(spec, result.binary);
    std::string options;
    if (result.binary)
        options = "FORMAT binary";
    if (spec.freeze)
        options += std::string(options.empty() ? "" : ", ") + "FREEZE";
    const std::string copyIn = "COPY " + spec.target.quoted() + " (" + columnList(rel.columns) + ") FROM STDIN"
        + (options.empty() ? "" : " (" + options + ")");

    pg::CopyOptions co;
    co.cancel = job.ctx().cancel;
    const int64_t estimate = rel.estimatedRows;
    co.progress = [&job, estimate](const pg::CopyStats &s) { job.progress({"copying", s.rows, s.bytes, estimate}); };

    if (spec.captureSnapshot) {
        // One source transaction: the snapshot we record is the COPY's own.
        pg::Transaction tx(src, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        result.sourceSnapshot = src.exec("SELECT pg_catalog.txid_current_snapshot()::text").text(0, 0);
        result.stats = pg::streamCopy(src, copyOut, job.dest(), copyIn, co);
        tx.commit();
    } else {
        result.stats = pg::streamCopy(src, copyOut, job.dest(), copyIn, co);
    }
    job.step("copied " + std::to_string(result.stats.rows) + " rows (" + std::to_string(result.stats.bytes) + " bytes, "
             + (result.binary ? "binary" : "text") + ") into " + spec.target.catalogText());
    return result;
}

} // namespace mimeo::replication
