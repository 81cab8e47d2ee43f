// SPDX-License-Identifier: PostgreSQL
#include "replication/incremental_source.h"

#include "pg/connection.h"
#include "pg/quote.h"

namespace mimeo::replication::incremental {
namespace {

// The control column of the rows the condition selects, shaped like the COPY
// that follows reads them (the condition kept inside its own subquery).
std::string controlOfSelectedRows(const SourceRelation &rel, const std::optional<std::string> &condition,
                                  const ControlColumn &control)
{
    std::string inner = "SELECT " + rel.name.quoted() + "." + control.ident() + " FROM " + rel.name.quoted();
    if (condition)
        inner += " " + *condition;
    return "SELECT " + control.ident() + " FROM (" + inner + ") AS mimeo_source";
}

} // namespace

void setValueFormats(pg::Connection &conn)
{
    conn.exec("SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'");
}

std::optional<std::string> upperBound(pg::Connection &src, const SourceRelation &rel, const ControlColumn &control,
                                      const std::string &boundary)
{
    if (control.kind == ControlKind::Time)
        return src.exec("SELECT (pg_catalog.now() - $1::interval)::text", {boundary}).text(0, 0);
    // Over the whole table, the condition aside: rows of other transactions
    // still in flight matter whether or not the condition selects them.
    auto r = src.exec("SELECT (pg_catalog.max(" + control.ident() + ")::bigint - $1::bigint)::text FROM " + rel.name.quoted(),
                      {boundary});
    return r.optText(0, 0);
}

std::optional<std::string> highestBelow(pg::Connection &src, const SourceRelation &rel, const ControlColumn &control,
                                        const std::string &top)
{
    return src
        .exec("SELECT pg_catalog.max(" + control.ident() + ")::text FROM " + rel.name.quoted() + " WHERE " + control.ident()
                  + " < " + control.cast("$1::text"),
              {top})
        .optText(0, 0);
}

std::string sourceNow(pg::Connection &src) { return src.exec("SELECT pg_catalog.now()::text").text(0, 0); }

BatchCut batchCut(pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                  const Window &window, int64_t limit)
{
    const auto &control = window.control();
    const std::string rows = controlOfSelectedRows(rel, condition, control);
    pg::Params params;
    const std::string where = window.paramPredicate(params);
    // The limit-th value and the one after it.
    params.push_back(std::to_string(limit - 1));
    auto r = src.exec(rows + " WHERE " + where + " ORDER BY 1 OFFSET $" + std::to_string(params.size()) + " LIMIT 2", params);
    BatchCut cut;
    if (r.rows() < 2)
        return cut; // the window holds at most `limit` rows: all of them
    const std::string last = r.text(0, 0);
    if (r.text(1, 0) != last) {
        cut.kind = BatchCut::Kind::UpTo; // exactly `limit` rows, the last group whole
        cut.value = last;
        return cut;
    }
    params.pop_back();
    const std::string first = src.exec(rows + " WHERE " + where + " ORDER BY 1 LIMIT 1", params).text(0, 0);
    cut.value = last;
    if (first == last) {
        cut.kind = BatchCut::Kind::UpTo;
        cut.oversizeGroup = true;
    } else {
        cut.kind = BatchCut::Kind::Below;
    }
    return cut;
}

} // namespace mimeo::replication::incremental
