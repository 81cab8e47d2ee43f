#include "replication/engine.h"

#include "catalog/config_row.h"
#include "pg/connection.h"
#include "pg/error.h"
#include "replication/job.h"
#include "replication/plain_table.h"
#include "replication/snapshot.h"

namespace mimeo::replication {
namespace {

[[noreturn]] void notManaged(const std::string &destTable)
{
    // mimeo's wording (its test suite asserts it), with a hint.
    throw pg::Error::usage("Destination table given in argument (" + destTable + ") is not managed by mimeo",
                           pg::Side::Destination, "list the configured tables with: mimeo status");
}

[[noreturn]] void notYet(const std::string &type)
{
    throw pg::Error::usage("replication type " + type + " is not supported by this version yet", pg::Side::Unknown);
}

void requireQualified(const pg::QualifiedName &name, const char *what)
{
    if (!name.hasSchema())
        throw pg::Error::usage(std::string(what) + " " + name.name + " must be schema-qualified (schema.table)");
}

} // namespace

RunResult make(pg::Connection &dest, const MakeRequest &req, RunContext &ctx)
{
    const pg::QualifiedName destName = req.dest.value_or(req.source);
    Job job(dest, ctx, destName.catalogText(), req.type, "make");
    return runJob(job, [&](Job &j) -> RunResult {
        requireQualified(req.source, "source table");
        requireQualified(destName, "destination table");
        catalog::configTableFor(req.type); // validates the type
        if (auto existing = catalog::findConfig(dest, ctx.schema, j.destTable()))
            throw pg::Error::usage(j.destTable() + " is already configured (type " + existing->type() + ")",
                                   pg::Side::Destination, "destroy it first, or choose another --dest-table");
        if (req.type == "snap")
            return snapshot::make(j, req);
        if (req.type == "table")
            return plain_table::make(j, req);
        notYet(req.type);
    });
}

RunResult refresh(pg::Connection &dest, const RefreshRequest &req, RunContext &ctx)
{
    const auto config = catalog::findConfig(dest, ctx.schema, req.destTable);
    Job job(dest, ctx, req.destTable, config ? config->type() : std::string(), "refresh");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            notManaged(req.destTable);
        const std::string type = config->type();
        if (type == "snap")
            return snapshot::refresh(j, *config, req);
        if (type == "table")
            return plain_table::refresh(j, *config, req);
        notYet(type);
    });
}

RunResult destroy(pg::Connection &dest, const std::string &destTable, bool keepTable, RunContext &ctx)
{
    const auto config = catalog::findConfig(dest, ctx.schema, destTable);
    Job job(dest, ctx, destTable, config ? config->type() : std::string(), "destroy");
    return runJob(job, [&](Job &j) -> RunResult {
        if (!config)
            notManaged(destTable);
        const std::string type = config->type();
        if (type == "snap")
            return snapshot::destroy(j, *config, keepTable);
        if (type == "table")
            return plain_table::destroy(j, *config, keepTable);
        notYet(type);
    });
}

} // namespace mimeo::replication
