// SPDX-License-Identifier: PostgreSQL
#include "replication/engine.h"

#include "catalog/config_row.h"
#include "catalog/replication_types.h"
#include "catalog/roles.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/incremental.h"
#include "replication/job.h"
#include "replication/plain_table.h"
#include "replication/queue_replication.h"
#include "replication/snapshot.h"

namespace mimeo::replication {
namespace {

// Operators refresh what anyone made: once the catalog has an operator group
// (mimeo grant --operator), new destination objects belong to it. Best
// effort: the make itself has succeeded.
void handOver(pg::Connection &dest, RunContext &ctx, const std::string &destTable)
{
    try {
        pg::Transaction tx(dest);
        const std::string problem = catalog::handOverToOperators(dest, ctx.schema, destTable);
        tx.commit();
        if (!problem.empty() && ctx.warn)
            ctx.warn("destination objects of " + destTable + " stay with their maker: " + problem);
    } catch (const std::exception &e) {
        if (ctx.warn)
            ctx.warn(std::string("destination objects of ") + destTable + " stay with their maker: " + e.what());
    }
}

} // namespace

RunResult make(pg::Connection &dest, const MakeRequest &req, RunContext &ctx)
{
    const RunConnectionScope scope(dest, ctx);
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    Job job(dest, ctx, destName.catalogText(), req.type, "make");
    RunResult result = runJob(job, [&](Job &j) -> RunResult {
        catalog::requireValidMakeRequest(req);
        const auto family = catalog::findType(req.type)->family;
        auto refuseConfigured = [&] {
            if (auto existing = catalog::findConfig(dest, ctx.schema, j.destTable()))
                throw pg::Error::usage(j.destTable() + " is already configured (type " + existing->type() + ")",
                                       pg::Side::Destination, "destroy it first, or choose another --dest-table");
        };
        refuseConfigured();
        // Makes of one destination at once: one after the other, and the
        // later ones find it configured (not a duplicate key half-way).
        const catalog::SessionTableLock oneMakeAtATime(dest, j.destTable());
        refuseConfigured();
        switch (family) {
        case catalog::TypeFamily::Snapshot: return snapshot::make(j, req);
        case catalog::TypeFamily::Table: return plain_table::make(j, req);
        case catalog::TypeFamily::Incremental: return incremental::make(j, req);
        case catalog::TypeFamily::Queue: return queue_replication::make(j, req);
        }
        throw pg::Error::usage("unknown replication type " + req.type);
    });
    if (result.outcome == Outcome::Done)
        handOver(dest, ctx, job.destTable());
    return result;
}

void checkMakeDestination(pg::Connection &dest, const MakeRequest &req, const SourceRelation &source)
{
    catalog::requireValidMakeRequest(req);
    const auto &type = *catalog::findType(req.type);
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    switch (type.family) {
    case catalog::TypeFamily::Snapshot: return snapshot::checkDestination(dest, destName);
    case catalog::TypeFamily::Table: return plain_table::checkDestination(dest, req, source);
    case catalog::TypeFamily::Incremental: return incremental::checkDestination(dest, destName, source);
    case catalog::TypeFamily::Queue: return queue_replication::checkDestination(dest, destName, source, type.marksDeleted);
    }
}

RunResult refresh(pg::Connection &dest, const RefreshRequest &req, RunContext &ctx)
{
    const RunConnectionScope scope(dest, ctx);
    const auto config = catalog::findConfig(dest, ctx.schema, req.destTable);
    Job job(dest, ctx, req.destTable, config ? config->type() : std::string(), "refresh");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            catalog::throwNotManaged(req.destTable);
        switch (catalog::concreteType(config->type()).family) {
        case catalog::TypeFamily::Snapshot: return snapshot::refresh(j, *config, req);
        case catalog::TypeFamily::Table: return plain_table::refresh(j, *config, req);
        case catalog::TypeFamily::Incremental: return incremental::refresh(j, *config, req);
        case catalog::TypeFamily::Queue: return queue_replication::refresh(j, *config, req);
        }
        throw pg::Error::usage("unknown replication type " + config->type() + " for " + req.destTable, pg::Side::Destination);
    });
}

RunResult destroy(pg::Connection &dest, const std::string &destTable, bool keepTable, RunContext &ctx)
{
    const RunConnectionScope scope(dest, ctx);
    const auto config = catalog::findConfig(dest, ctx.schema, destTable);
    Job job(dest, ctx, destTable, config ? config->type() : std::string(), "destroy");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            catalog::throwNotManaged(destTable);
        switch (catalog::concreteType(config->type()).family) {
        case catalog::TypeFamily::Snapshot: return snapshot::destroy(j, *config, keepTable);
        case catalog::TypeFamily::Table: return plain_table::destroy(j, *config, keepTable);
        case catalog::TypeFamily::Incremental: return incremental::destroy(j, *config, keepTable);
        case catalog::TypeFamily::Queue: return queue_replication::destroy(j, *config, keepTable);
        }
        throw pg::Error::usage("unknown replication type " + config->type() + " for " + destTable, pg::Side::Destination);
    });
}

} // namespace mimeo::replication
