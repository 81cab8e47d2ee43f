// SPDX-License-Identifier: PostgreSQL
#include "checks/validation_job.h"

#include "catalog/config_row.h"
#include "replication/job.h"

namespace mimeo::checks {

std::string validationLine(const jobs::Validation &v)
{
    const std::string source = std::to_string(v.sourceRows.value_or(0));
    if (v.outcome == "validated")
        return v.kind == "data" ? "validated: " + source + " rows equal"
                                : "validated: " + source + " rows on both sides (counted, not compared)";
    if (v.kind == "rowcount")
        return "mismatched: " + source + " rows on the source, " + std::to_string(v.destRows.value_or(0)) + " on the destination";
    return "mismatched: " + std::to_string(v.differing()) + " rows differ (" + std::to_string(v.missing.value_or(0)) + " missing, "
        + std::to_string(v.extra.value_or(0)) + " extra, " + std::to_string(v.different.value_or(0)) + " different)";
}

ValidationRun validateAsJob(pg::Connection &dest, const std::string &destTable, replication::RunContext &ctx)
{
    const auto config = catalog::findConfig(dest, ctx.schema, destTable);
    replication::Job job(dest, ctx, destTable, config ? config->type() : std::string(), "validate");
    ValidationRun run;
    run.result = replication::runJob(job, [&](replication::Job &j) {
        const CheckContext c{dest, ctx.schema, ctx.sourcePassword, ctx.cancel};
        run.validation = validateTable(c, destTable, [&j](const std::string &phase) { j.progress({phase, 0, 0, -1}); });
        // What was found: in the job's details, and in its row for the history.
        const std::string line = validationLine(run.validation);
        j.step(line);
        return j.finishDone(run.validation.sourceRows.value_or(0), 0, line, std::nullopt, line);
    });
    return run;
}

} // namespace mimeo::checks
