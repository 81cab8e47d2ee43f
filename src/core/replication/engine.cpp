#include "replication/engine.h"

#include "catalog/config_row.h"
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

bool isIncremental(const std::string &type) { return type.rfind("inserter", 0) == 0 || type.rfind("updater", 0) == 0; }
bool isQueue(const std::string &type) { return type == "dml" || type == "logdel"; }

void requireQualified(const pg::QualifiedName &name, const char *what)
{
    if (!name.hasSchema())
        throw pg::Error::usage(std::string(what) + " " + name.name + " must be schema-qualified (schema.table)");
}

} // namespace

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
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    Job job(dest, ctx, destName.catalogText(), req.type, "make");
    RunResult result = runJob(job, [&](Job &j) -> RunResult {
        requireQualified(req.source, "source table");
        requireQualified(destName, "destination table");
        if (req.type != "inserter" && req.type != "updater")
            catalog::configTableFor(req.type); // validates the type
        auto refuseConfigured = [&] {
            if (auto existing = catalog::findConfig(dest, ctx.schema, j.destTable()))
                throw pg::Error::usage(j.destTable() + " is already configured (type " + existing->type() + ")",
                                       pg::Side::Destination, "destroy it first, or choose another --dest-table");
        };
        refuseConfigured();
        // Makes of one destination at once: one after the other, and the
        // later ones find it configured (not a duplicate key half-way).
        const jobs::SessionTableLock oneMakeAtATime(dest, j.destTable());
        refuseConfigured();
        if (req.type == "snap")
            return snapshot::make(j, req);
        if (req.type == "table")
            return plain_table::make(j, req);
        if (isIncremental(req.type))
            return incremental::make(j, req);
        return queue_replication::make(j, req);
    });
    if (result.outcome == Outcome::Done)
        handOver(dest, ctx, job.destTable());
    return result;
}

RunResult refresh(pg::Connection &dest, const RefreshRequest &req, RunContext &ctx)
{
    const auto config = catalog::findConfig(dest, ctx.schema, req.destTable);
    Job job(dest, ctx, req.destTable, config ? config->type() : std::string(), "refresh");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            catalog::throwNotManaged(req.destTable);
        const std::string type = config->type();
        if (type == "snap")
            return snapshot::refresh(j, *config, req);
        if (type == "table")
            return plain_table::refresh(j, *config, req);
        if (isIncremental(type))
            return incremental::refresh(j, *config, req);
        if (isQueue(type))
            return queue_replication::refresh(j, *config, req);
        throw pg::Error::usage("unknown replication type " + type + " for " + req.destTable, pg::Side::Destination);
    });
}

RunResult destroy(pg::Connection &dest, const std::string &destTable, bool keepTable, RunContext &ctx)
{
    const auto config = catalog::findConfig(dest, ctx.schema, destTable);
    Job job(dest, ctx, destTable, config ? config->type() : std::string(), "destroy");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            catalog::throwNotManaged(destTable);
        const std::string type = config->type();
        if (type == "snap")
            return snapshot::destroy(j, *config, keepTable);
        if (type == "table")
            return plain_table::destroy(j, *config, keepTable);
        if (isIncremental(type))
            return incremental::destroy(j, *config, keepTable);
        if (isQueue(type))
            return queue_replication::destroy(j, *config, keepTable);
        throw pg::Error::usage("unknown replication type " + type + " for " + destTable, pg::Side::Destination);
    });
}

} // namespace mimeo::replication
