// SPDX-License-Identifier: PostgreSQL
#include "check_work.h"

#include "catalog/job_rows.h"
#include "checks/data_repair.h"
#include "checks/validation_job.h"
#include "checks/validation_record.h"
#include "job_service.h"
#include "pg/connection.h"

#include <QLocale>

namespace {

// The destination connection stops with the job's token while the checks run.
class Watching {
public:
    Watching(mimeo::pg::Connection &c, const mimeo::pg::CancelToken *token) : c_(c) { c_.watch(token); }
    ~Watching() { c_.watch(nullptr); }
    Watching(const Watching &) = delete;
    Watching &operator=(const Watching &) = delete;

private:
    mimeo::pg::Connection &c_;
};

void tell(mimeo::replication::RunContext &ctx, const std::string &phase)
{
    if (ctx.progress)
        ctx.progress({phase, 0, 0, -1});
}

} // namespace

QString validationSummary(const mimeo::jobs::Validation &v)
{
    const QLocale l;
    if (v.outcome == "error")
        return JobService::tr("validation failed: %1").arg(QString::fromStdString(v.message));
    const QString rows = l.toString(static_cast<qlonglong>(v.sourceRows.value_or(0)));
    if (v.outcome == "validated")
        return v.kind == "data" ? JobService::tr("validated: %1 rows equal").arg(rows)
                                : JobService::tr("validated: %1 rows on both sides (counted, not compared)").arg(rows);
    if (v.kind == "rowcount")
        return JobService::tr("row counts differ: %1 on the source, %2 on the destination")
            .arg(rows, l.toString(static_cast<qlonglong>(v.destRows.value_or(0))));
    return JobService::tr("differing rows: %1 (%2 missing, %3 extra, %4 different)")
        .arg(v.differing())
        .arg(v.missing.value_or(0))
        .arg(v.extra.value_or(0))
        .arg(v.different.value_or(0));
}

EngineRun::Work validationWork(const std::string &table)
{
    return [table](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        // A job of its own in the job log, as a runner's validation is.
        auto run = mimeo::checks::validateAsJob(dest, table, ctx);
        run.result.message = validationSummary(run.validation).toStdString();
        return run.result;
    };
}

EngineRun::Work repairWork(const std::string &table)
{
    return [table](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        Watching watching(dest, ctx.cancel);
        const mimeo::checks::CheckContext c{dest, ctx.schema, ctx.sourcePassword, ctx.cancel};
        tell(ctx, "comparing rows");
        const auto r = mimeo::checks::checkAndRepair(c, ctx, table, kMaxRepairKeys);
        mimeo::replication::RunResult result;
        if (r.repair && r.repair->outcome == mimeo::replication::Outcome::Locked) {
            result = *r.repair;
            result.message = mimeo::catalog::describeLockHolder(dest, ctx.schema, table, result.jobId);
            return result;
        }
        // The check after the repair (or the first, when nothing differed)
        // is the table's last validation.
        const auto v = mimeo::checks::validationOf(r.after ? *r.after : r.before);
        mimeo::checks::recordValidation(dest, ctx.schema, v);
        if (r.repair)
            result = *r.repair;
        result.message = (r.repair ? JobService::tr("%1; then %2").arg(QString::fromStdString(r.repair->message), validationSummary(v))
                                   : JobService::tr("nothing to repair: %1").arg(validationSummary(v)))
                             .toStdString();
        return result;
    };
}
