// SPDX-License-Identifier: PostgreSQL
#include "jobs/due_refresh.h"

#include "catalog/table_lock.h"
#include "jobs/due_jobs.h"

namespace mimeo::jobs {

DueRefresh refreshIfStillDue(pg::Connection &dest, const std::string &destTable, replication::RunContext &ctx)
{
    DueRefresh out;
    if (!catalog::tryHoldSessionTableLock(dest, destTable)) {
        out.kind = DueRefresh::Kind::Busy;
        out.message = "another process is refreshing it";
        return out;
    }
    try {
        // Someone else may have refreshed it between our list and our lock.
        if (!stillDue(dest, ctx.schema, destTable)) {
            out.kind = DueRefresh::Kind::NotDue;
            out.message = "refreshed by another runner meanwhile";
        } else {
            replication::RefreshRequest req;
            req.destTable = destTable;
            out.result = replication::refresh(dest, req, ctx);
            out.message = out.result.message;
            out.kind = out.result.outcome == replication::Outcome::Done      ? DueRefresh::Kind::Refreshed
                : out.result.outcome == replication::Outcome::Skipped ? DueRefresh::Kind::Skipped
                                                                      : DueRefresh::Kind::Busy;
        }
    } catch (...) {
        catalog::releaseSessionTableLock(dest, destTable);
        throw;
    }
    catalog::releaseSessionTableLock(dest, destTable);
    return out;
}

} // namespace mimeo::jobs
