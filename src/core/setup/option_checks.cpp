// SPDX-License-Identifier: PostgreSQL
#include "setup/option_checks.h"

#include "pg/connection.h"
#include "pg/error.h"
#include "pg/savepoint.h"
#include "replication/copy_pull.h"
#include "replication/incremental_control.h"
#include "replication/incremental_source.h"
#include "replication/incremental_window.h"
#include "replication/source_relation.h"

namespace mimeo::setup {

namespace inc = replication::incremental;

std::optional<std::string> validateCondition(pg::Connection &src, const pg::QualifiedName &table,
                                             const std::vector<std::string> &filter, const std::string &condition)
{
    const auto rel = replication::describeSource(src, table, filter, 0);
    // With parameters (none) the statement goes through the extended
    // protocol, which takes exactly one statement: "; DROP ..." in a
    // condition is refused as such rather than run.
    const std::string sql = "EXPLAIN " + replication::sourceSelect(rel, condition);
    std::optional<pg::Error> refused;
    if (src.inTransaction()) {
        refused = pg::attemptInSavepoint(src, [&] { src.exec(sql, pg::Params{}); });
    } else {
        pg::Transaction tx(src, "BEGIN READ ONLY");
        try {
            src.exec(sql, pg::Params{});
        } catch (const pg::Error &e) {
            if (src.isBad())
                throw;
            refused = e;
        }
    }
    if (!refused)
        return std::nullopt;
    std::string text = refused->message();
    if (!refused->detail().empty())
        text += "\n" + refused->detail();
    if (!refused->hint().empty())
        text += "\n" + refused->hint();
    return text;
}

std::string describeNextPull(pg::Connection &src, const pg::QualifiedName &table, const std::string &control,
                             const std::optional<std::string> &boundary, bool time)
{
    const auto rel = replication::describeSource(src, table, {}, 0);
    const auto kind = time ? inc::ControlKind::Time : inc::ControlKind::Serial;
    const auto column = inc::describeControl(src, rel, control, kind);
    const std::string normalized = inc::normalizeBoundary(src, kind, boundary);
    const std::string shown = boundary.value_or(normalized);

    // The engine's window: everything below the top, read in one snapshot.
    std::optional<std::string> top;
    {
        pg::Transaction tx(src, inc::kSourceSnapshotBegin);
        inc::setValueFormats(src);
        top = inc::upperBound(src, rel, column, normalized);
        tx.commit();
    }
    const std::string name = column.ident();
    if (!top)
        return "nothing yet: " + table.catalogText() + " has no row with a value in " + name;
    inc::Window window(column);
    window.below(*top);
    const std::string rows = "rows with " + name + " " + window.describe();
    if (time)
        return rows + " (the source's now minus the boundary of " + shown + ")";
    const long long highest = std::stoll(*top) + std::stoll(normalized);
    return rows + " (the highest " + name + " now is " + std::to_string(highest) + ", minus the boundary of " + normalized + ")";
}

} // namespace mimeo::setup
