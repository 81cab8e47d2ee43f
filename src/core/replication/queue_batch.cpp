// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_batch.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "replication/job.h"

#include <algorithm>

namespace mimeo::replication::queue {
namespace {

using pg::quoteIdent;

bool has(const std::vector<std::string> &v, const std::string &s) { return std::find(v.begin(), v.end(), s) != v.end(); }

} // namespace

std::string positional(char prefix, size_t i) { return quoteIdent(std::string(1, prefix) + std::to_string(i + 1)); }

std::string positionalList(char prefix, size_t n, const std::string &qualifier)
{
    std::string out;
    for (size_t i = 0; i < n; ++i)
        out += (out.empty() ? "" : ", ") + qualifier + positional(prefix, i);
    return out;
}

std::vector<size_t> keyPositions(const BatchSpec &spec)
{
    std::vector<size_t> out;
    const auto &cols = spec.source->columns;
    for (const auto &k : spec.keys) {
        auto it = std::find_if(cols.begin(), cols.end(), [&](const Column &c) { return c.name == k.name; });
        if (it == cols.end())
            throw pg::Error::usage("key column " + k.name + " is not among the replicated columns of "
                                       + spec.source->name.catalogText(),
                                   pg::Side::Source, "the filter must list every key column");
        out.push_back(static_cast<size_t>(it - cols.begin()));
    }
    return out;
}

std::string batchKeysSql(const BatchSpec &spec)
{
    const std::string keys = columnList(spec.keys);
    if (!spec.limit)
        return "SELECT DISTINCT " + keys + " FROM " + spec.queue.quoted();
    // The keys whose oldest queued change is oldest: constantly changing low
    // keys cannot starve the others (mimeo took the lowest keys, bug 9.2 #4).
    // Ties (one statement queues many keys) go by key. A NULL key cannot be
    // replayed; cleanup drops such rows.
    std::string notNull;
    for (const auto &k : spec.keys)
        notNull += (notNull.empty() ? "" : " AND ") + quoteIdent(k.name) + " IS NOT NULL";
    return "SELECT " + keys + " FROM " + spec.queue.quoted() + " WHERE " + notNull + " GROUP BY " + keys
        + " ORDER BY pg_catalog.max(pg_catalog.age(xmin)) DESC, " + keys + " LIMIT " + std::to_string(*spec.limit);
}

std::string batchCopySql(const BatchSpec &spec, bool binary)
{
    const auto &rel = *spec.source;
    const size_t m = spec.keys.size();
    const size_t n = rel.columns.size();
    const auto pos = keyPositions(spec);

    std::string select = "SELECT " + positionalList('k', m, "x.") + ", f.\"found\"";
    if (spec.logdel)
        select += ", CASE WHEN f.\"found\" THEN NULL ELSE g.\"deleted\" END";
    for (size_t i = 0; i < n; ++i) {
        const std::string c = positional('c', i);
        select += spec.logdel ? ", CASE WHEN f.\"found\" THEN f." + c + " ELSE g." + c + " END" : ", f." + c;
    }

    // The source side as the condition selects it, in a subquery so the
    // condition sees the table alone (it may add tables: ", other WHERE ...").
    std::string sourceCols;
    for (const auto &c : rel.columns)
        sourceCols += ", " + rel.name.quoted() + "." + quoteIdent(c.name);
    const std::string selected = "(SELECT true" + sourceCols + " FROM " + rel.name.quoted()
        + (spec.condition ? " " + *spec.condition : "") + ") AS s(\"found\", " + positionalList('c', n) + ")";
    std::string match;
    for (size_t j = 0; j < m; ++j)
        match += (j ? " AND " : "") + std::string(spec.lookupByKey ? "s." : "f.") + positional('c', pos[j]) + " = x." + positional('k', j);
    // Keys in order: lookups walk the source's index (and later the
    // destination's) from left to right instead of jumping around.
    std::string from = " FROM (SELECT * FROM (" + batchKeysSql(spec) + ") AS b ORDER BY " + columnList(spec.keys) + ") AS x("
        + positionalList('k', m) + ")";
    if (spec.lookupByKey) {
        // OFFSET 0 keeps the subquery apart: it runs once per key, with the
        // key as a parameter, through the source's index.
        from += " LEFT JOIN LATERAL (SELECT * FROM " + selected + " WHERE " + match + " OFFSET 0) AS f ON true";
    } else {
        from += " LEFT JOIN (SELECT * FROM " + selected + ") AS f ON " + match;
    }

    if (spec.logdel) {
        // The latest deletion queued for each key, with the row as it was.
        // Not filtered by the condition: mimeo logs every deletion.
        std::string deletedCols;
        for (const auto &c : rel.columns) {
            deletedCols += ", " + (has(spec.queueColumns, c.name) ? "CAST(" + quoteIdent(c.name) + " AS " + c.type + ")"
                                                                  : "CAST(NULL AS " + c.type + ")");
        }
        const std::string keys = columnList(spec.keys);
        from += " LEFT JOIN (SELECT DISTINCT ON (" + keys + ") " + keys + deletedCols + ", mimeo_source_deleted FROM "
            + spec.queue.quoted() + " WHERE mimeo_source_deleted IS NOT NULL ORDER BY " + keys
            + ", mimeo_source_deleted DESC) AS g(" + positionalList('k', m) + ", " + positionalList('c', n)
            + ", \"deleted\") ON ";
        for (size_t j = 0; j < m; ++j)
            from += (j ? " AND " : "") + std::string("g.") + positional('k', j) + " = x." + positional('k', j);
    }
    return "COPY (" + select + from + ") TO STDOUT" + (binary ? " (FORMAT binary)" : "");
}

std::string batchTableSql(const BatchSpec &spec)
{
    std::string cols;
    for (size_t j = 0; j < spec.keys.size(); ++j)
        cols += (cols.empty() ? "" : ", ") + positional('k', j) + " " + spec.keys[j].type;
    cols += ", \"found\" boolean";
    if (spec.logdel)
        cols += ", \"deleted\" timestamptz";
    for (size_t i = 0; i < spec.source->columns.size(); ++i)
        cols += ", " + positional('c', i) + " " + spec.source->columns[i].type;
    return "CREATE TEMP TABLE " + quoteIdent(kBatchTable) + " (" + cols + ") ON COMMIT DROP";
}

std::string queueCleanupSql(const BatchSpec &spec)
{
    // Inside the reading REPEATABLE READ transaction a DELETE sees exactly
    // the rows the batch saw; rows queued since stay.
    if (!spec.limit)
        return "DELETE FROM " + spec.queue.quoted();
    std::string anyNull;
    for (const auto &k : spec.keys)
        anyNull += (anyNull.empty() ? "" : " OR ") + quoteIdent(k.name) + " IS NULL";
    return "DELETE FROM " + spec.queue.quoted() + " WHERE " + anyNull + " OR (" + columnList(spec.keys) + ") IN ("
        + batchKeysSql(spec) + ")";
}

BatchRead readBatch(Job &job, pg::Connection &src, const BatchSpec &spec)
{
    auto &dest = job.dest();
    BatchRead out;
    auto safe = [](const Column &c) { return c.binarySafe; };
    out.binary = std::all_of(spec.keys.begin(), spec.keys.end(), safe)
        && std::all_of(spec.source->columns.begin(), spec.source->columns.end(), safe)
        && src.serverMajor() == dest.serverMajor();
    dest.exec("DROP TABLE IF EXISTS pg_temp." + quoteIdent(kBatchTable));
    dest.exec(batchTableSql(spec));
    // A batch query runs for a fraction of a second; compiling it (JIT, when
    // its cost estimate is high) took longer than running it: 0.37 s measured.
    src.exec("SELECT pg_catalog.set_config('jit', 'off', true)");

    pg::CopyOptions co;
    co.cancel = job.ctx().cancel;
    co.progress = [&job](const pg::CopyStats &s) { job.progress({"copying", s.rows, s.bytes, -1}); };
    job.progress({"reading queue", 0, 0, -1});
    out.stats = pg::streamCopy(src, batchCopySql(spec, out.binary), dest,
                               "COPY pg_temp." + quoteIdent(kBatchTable) + " FROM STDIN" + (out.binary ? " (FORMAT binary)" : ""),
                               co);
    job.step("read " + std::to_string(out.stats.rows) + " queued keys from " + spec.queue.catalogText() + " ("
             + std::to_string(out.stats.bytes) + " bytes, " + (out.binary ? "binary" : "text") + ")");
    return out;
}

} // namespace mimeo::replication::queue
