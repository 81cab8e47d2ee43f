// SPDX-License-Identifier: PostgreSQL
#include "checks/validation_record.h"

#include "pg/connection.h"
#include "pg/error.h"

namespace mimeo::checks {

jobs::Validation validationOf(const RowcountReport &r)
{
    jobs::Validation v;
    v.destTable = r.destTable;
    v.kind = "rowcount";
    v.outcome = r.match ? "validated" : "mismatched";
    v.sourceRows = r.sourceCount;
    v.destRows = r.destCount;
    v.message = r.note;
    return v;
}

jobs::Validation validationOf(const DataReport &r)
{
    jobs::Validation v;
    v.destTable = r.destTable;
    v.kind = "data";
    v.outcome = r.equal() ? "validated" : "mismatched";
    v.sourceRows = r.sourceRows;
    v.destRows = r.destRows;
    long long missing = 0, extra = 0, different = 0;
    for (const auto &d : r.differences) {
        const char *kind = "different";
        switch (d.kind) {
        case RowDifference::Kind::MissingOnDestination: ++missing; kind = "missing"; break;
        case RowDifference::Kind::ExtraOnDestination: ++extra; kind = "extra"; break;
        case RowDifference::Kind::Different: ++different; break;
        }
        if (static_cast<int>(v.keys.size()) < jobs::kMaxValidationKeys)
            v.keys.push_back({kind, d.key});
    }
    v.missing = missing;
    v.extra = extra;
    v.different = different;
    v.message = "compared " + r.scope;
    if (r.truncated)
        v.message += "; more rows differ than were counted";
    return v;
}

void keepFirstDifferences(DataReport &report, int max)
{
    if (static_cast<int>(report.differences.size()) > max) {
        report.differences.resize(static_cast<size_t>(max));
        report.truncated = true;
    }
}

jobs::Validation validationError(const std::string &destTable, const std::string &kind, const std::string &message)
{
    jobs::Validation v;
    v.destTable = destTable;
    v.kind = kind;
    v.outcome = "error";
    v.message = message;
    return v;
}

std::optional<std::string> recordValidation(pg::Connection &dest, const std::string &schema, const jobs::Validation &v)
{
    try {
        // Outside whatever the caller has open: a check's own read-only
        // transaction is over, and a failed record must not undo anything.
        jobs::saveValidation(dest, schema, v);
        return std::nullopt;
    } catch (const pg::Error &e) {
        return std::string(e.what());
    }
}

jobs::Validation validateTable(const CheckContext &ctx, const std::string &destTable,
                               const std::function<void(const std::string &)> &phase, int maxDifferences)
{
    std::string kind = "rowcount";
    try {
        if (phase)
            phase("counting rows");
        const auto counts = checkRowcount(ctx, destTable, std::nullopt, std::nullopt);
        jobs::Validation v = validationOf(counts);
        try {
            if (phase)
                phase("comparing rows");
            kind = "data";
            const auto rows = checkData(ctx, destTable, maxDifferences);
            const bool countsAgree = counts.match;
            v = validationOf(rows);
            if (!countsAgree)
                v.message += "; the row count (" + std::to_string(counts.sourceCount) + " on the source, "
                    + std::to_string(counts.destCount) + " on the destination, below the boundary) differs";
        } catch (const pg::Error &e) {
            // No key to compare rows by (checkData's usage error points to
            // the row count): the row count is the validation.
            if (e.hint().rfind("use: mimeo check rowcount", 0) != 0)
                throw;
            v.message = (v.message.empty() ? "" : v.message + "; ") + "rows not compared: " + e.message();
        }
        recordValidation(ctx.dest, ctx.schema, v);
        return v;
    } catch (const std::exception &e) {
        if (!(ctx.cancel && ctx.cancel->requested()))
            recordValidation(ctx.dest, ctx.schema, validationError(destTable, kind, e.what()));
        throw;
    }
}

} // namespace mimeo::checks
