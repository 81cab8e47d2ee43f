// SPDX-License-Identifier: PostgreSQL
#include "jobs/request_work.h"

#include "catalog/config_row.h"
#include "jobs/job_log.h"
#include "jobs/job_tap.h"
#include "pg/error.h"
#include "pg/redact.h"
#include "replication/engine.h"

namespace mimeo::jobs {
namespace {

using Answer = RequestAnswer;

pg::ConnectSpec destinationFor(const RequestSettings &s, const catalog::Request &req)
{
    pg::ConnectSpec spec = s.destination;
    spec.applicationName = "mimeo:serve:" + req.action + ":" + req.destTable;
    spec.side = pg::Side::Destination;
    return spec;
}

Answer validate(const RequestSettings &s, RequestWork &work)
{
    const auto &req = work.request;
    if (!s.validate)
        return {"failed", "validate is not served by this runner; run it on this computer"};
    auto dest = pg::Connection::open(destinationFor(s, req));
    const std::string table = catalog::requireConfiguredTable(dest, s.schema, req.destTable);
    dest.watch(&work.cancel);
    return s.validate(dest, table, work.cancel);
}

Answer refresh(const RequestSettings &s, RequestWork &work, pg::Connection &ctl)
{
    const auto &req = work.request;
    const pg::ConnectSpec spec = destinationFor(s, req);
    auto dest = pg::Connection::open(spec);
    // The trigger checked the name when the request was made; the table may
    // have been destroyed since.
    const std::string table = catalog::requireConfiguredTable(dest, s.schema, req.destTable);
    JobLog log(spec, s.schema, "mimeo serve");
    JobTap recorder(log, [&](int64_t id) {
        work.jobId = id;
        catalog::setRequestJob(ctl, s.schema, req.id, id);
    });
    replication::RunContext ctx;
    ctx.schema = s.schema;
    ctx.log = &recorder;
    ctx.cancel = &work.cancel;
    ctx.sourcePassword = s.sourcePassword;
    ctx.applicationPrefix = "mimeo:serve";
    replication::RefreshRequest rr;
    rr.destTable = table;
    rr.repull = req.action == "repull";
    const auto result = replication::refresh(dest, rr, ctx);
    return {result.outcome == replication::Outcome::Locked ? "failed" : "done", result.message};
}

} // namespace

std::string carryOutRequest(const RequestSettings &settings, RequestWork &work)
{
    const auto &req = work.request;
    const std::string what = "request " + std::to_string(req.id) + " (" + req.action + " " + req.destTable + ")";
    try {
        pg::ConnectSpec ctlSpec = settings.destination;
        ctlSpec.applicationName = "mimeo:serve:request";
        ctlSpec.side = pg::Side::Destination;
        auto ctl = pg::Connection::open(ctlSpec);
        Answer answer;
        try {
            if (req.action == "refresh" || req.action == "repull")
                answer = refresh(settings, work, ctl);
            else if (req.action == "validate")
                answer = validate(settings, work);
            else
                answer.message = req.action + " is not served by this runner; run it on this computer";
        } catch (const pg::Error &e) {
            answer.status = work.cancel.requested() ? "cancelled" : "failed";
            answer.message = work.cancel.requested() ? work.cancel.reason() : e.describe();
        } catch (const std::exception &e) {
            answer.message = pg::redact(e.what()); // monitors read the answer
        }
        if (work.giveBack && work.cancel.requested()) {
            catalog::releaseRequest(ctl, settings.schema, req.id, "given back: its runner stopped (" + work.cancel.reason() + ")");
            return what + " given back: " + work.cancel.reason();
        }
        catalog::finishRequest(ctl, settings.schema, req.id, answer.status, answer.message);
        return what + " " + answer.status + ": " + answer.message;
    } catch (const std::exception &e) {
        return what + " could not be answered: " + e.what();
    }
}

} // namespace mimeo::jobs
