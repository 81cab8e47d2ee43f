// SPDX-License-Identifier: PostgreSQL
#include "checks/rowcount.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "catalog/table_lock.h"
#include "pg/error.h"
#include "pg/quote.h"

namespace mimeo::checks {

RowcountReport checkRowcount(const CheckContext &ctx, const std::string &destTable, const std::optional<std::string> &lower,
                             const std::optional<std::string> &upper)
{
    auto &dest = ctx.dest;
    const auto config = catalog::requireConfig(dest, ctx.schema, destTable);
    RowcountReport rep;
    rep.destTable = destTable;
    rep.type = config.type();
    const auto &type = catalog::concreteType(rep.type);
    const bool incremental = type.family == catalog::TypeFamily::Incremental;
    const bool serial = type.control == catalog::ControlKind::Serial;
    const auto destName = pg::QualifiedName::fromCatalogText(destTable);
    const auto srcName = pg::QualifiedName::fromCatalogText(config.sourceTable());

    auto src = ctx.connectSource(config.dataSourceId(), destTable);
    pg::Transaction tx(dest);
    // Counting while a refresh runs would compare two moving things.
    if (!catalog::acquireTableLock(dest, destTable, catalog::LockWait::noWait()))
        throw pg::Error::usage("a refresh of " + destTable + " is running; check again when it is done", pg::Side::Destination);

    std::string destWhere, srcExtra;
    if (incremental) {
        const std::string ctl = pg::quoteIdent(config.text("control"));
        const std::string cast = serial ? "bigint" : "timestamptz";
        const std::string step = serial ? "bigint" : "interval";
        auto bound = [&](const std::string &amount) {
            return dest.exec("SELECT (max(" + ctl + ") - $1::" + step + ")::text FROM " + destName.quoted(), {amount}).optText(0, 0);
        };
        if (lower)
            rep.lowerBound = bound(*lower);
        rep.upperBound = bound(upper.value_or(config.text("boundary")));
        auto add = [&](std::string &where, const std::string &cond) { where += (where.empty() ? "" : " AND ") + cond; };
        if (rep.lowerBound) {
            add(destWhere, ctl + " > " + pg::quoteLiteral(*rep.lowerBound) + "::" + cast);
        }
        if (rep.upperBound) {
            add(destWhere, ctl + " < " + pg::quoteLiteral(*rep.upperBound) + "::" + cast);
        }
        srcExtra = destWhere;
    }
    if (type.marksDeleted) {
        destWhere += (destWhere.empty() ? "" : " AND ") + std::string("mimeo_source_deleted IS NULL");
        rep.note = "rows marked deleted on the destination are not counted";
    }
    rep.destCount = dest.exec("SELECT count(*) FROM " + destName.quoted() + (destWhere.empty() ? "" : " WHERE " + destWhere)).toInt(0, 0);
    tx.commit();

    // The rows the condition selects, read the way the refresh reads them
    // (replication/copy_pull.cpp, incremental_source.cpp): the condition stays
    // whole inside a subquery, so an OR in it cannot swallow the bounds (mimeo
    // appended " AND <bounds>" to it) and the tables it may add before its
    // WHERE (", other o WHERE o.id = t.id") stay where it put them.
    const auto cond = config.optText("condition");
    const std::string selected = srcName.quoted() + (cond ? " " + *cond : "");
    std::string srcSql = "SELECT count(*) FROM " + selected;
    if (!srcExtra.empty()) {
        const std::string ctl = pg::quoteIdent(config.text("control"));
        srcSql = "SELECT count(*) FROM (SELECT " + srcName.quoted() + "." + ctl + " FROM " + selected + ") AS mimeo_source WHERE " + srcExtra;
    }
    rep.sourceCount = src.exec(srcSql).toInt(0, 0);
    rep.match = rep.sourceCount == rep.destCount;
    if (!rep.match && rep.note.empty() && type.keyed && !type.marksDeleted)
        rep.note = "updater and dml destinations may differ until the next refresh";
    return rep;
}

} // namespace mimeo::checks
