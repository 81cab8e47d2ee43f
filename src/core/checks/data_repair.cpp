// SPDX-License-Identifier: PostgreSQL
#include "checks/data_repair.h"

#include "catalog/config_row.h"
#include "pg/error.h"

namespace mimeo::checks {

replication::RepairRequest repairRequestFor(const DataReport &report)
{
    if (report.truncated)
        throw pg::Error::usage("not every differing key of " + report.destTable + " is known", pg::Side::Destination,
                               "check again with a higher limit");
    replication::RepairRequest req;
    req.destTable = report.destTable;
    req.keyColumns = report.keyColumns;
    req.keys.resize(report.keyColumns.size());
    for (const auto &d : report.differences) {
        if (d.keyValues.size() != report.keyColumns.size())
            throw pg::Error::usage("key " + d.key + " of " + report.destTable + " does not have one value per key column",
                                   pg::Side::Destination);
        for (size_t c = 0; c < d.keyValues.size(); ++c) {
            if (!d.keyValues[c])
                throw pg::Error::usage("key " + d.key + " of " + report.destTable + " has a NULL in " + report.keyColumns[c]
                                           + ": no repair can address that row",
                                       pg::Side::Destination, "re-pull the table: mimeo refresh " + report.destTable + " --repull");
            req.keys[c].push_back(*d.keyValues[c]);
        }
    }
    return req;
}

RepairedData checkAndRepair(const CheckContext &ctx, replication::RunContext &run, const std::string &destTable, int maxRepair)
{
    RepairedData out;
    // A table without a key gets its refresh as the answer before any work.
    replication::requireRepairableType(catalog::requireConfig(ctx.dest, ctx.schema, destTable).type(), destTable);
    // One more than allowed tells "too many" from "exactly the limit".
    out.before = checkData(ctx, destTable, maxRepair + 1);
    if (out.before.equal())
        return out;
    if (out.before.truncated || static_cast<int>(out.before.differences.size()) > maxRepair)
        throw pg::Error::usage("more than " + std::to_string(maxRepair) + " rows of " + destTable + " differ: too many to repair one by one",
                               pg::Side::Destination,
                               "re-pull the table (mimeo refresh " + destTable + " --repull), or raise --max-repair");
    out.repair = replication::repairRows(ctx.dest, repairRequestFor(out.before), run);
    if (out.repair->outcome == replication::Outcome::Done)
        out.after = checkData(ctx, destTable, maxRepair);
    return out;
}

} // namespace mimeo::checks
