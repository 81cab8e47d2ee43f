// SPDX-License-Identifier: PostgreSQL
#include "jobs/request_work.h"

#include "catalog/config_row.h"
#include "jobs/job_log.h"
#include "jobs/job_tap.h"
#include "pg/error.h"
#include "pg/redact.h"
#include "replication/engine.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

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

// A request's job runs with the runner's connections and passwords, and
// its job-log row is the request's answer as it goes: the request names
// the job as soon as it starts, so whoever asked can follow it.
struct RequestRun {
    RequestRun(const RequestSettings &s, RequestWork &work, pg::Connection &ctl)
        : spec(destinationFor(s, work.request))
        , dest(pg::Connection::open(spec))
        // The trigger checked the name when the request was made; the table
        // may have been destroyed since.
        , table(catalog::requireConfiguredTable(dest, s.schema, work.request.destTable))
        , log(spec, s.schema, "mimeo serve")
        , recorder(log, [&s, &work, &ctl](int64_t id) {
            work.jobId = id;
            catalog::setRequestJob(ctl, s.schema, work.request.id, id);
        })
    {
        ctx.schema = s.schema;
        ctx.log = &recorder;
        ctx.cancel = &work.cancel;
        ctx.sourcePassword = s.sourcePassword;
        ctx.applicationPrefix = "mimeo:serve";
    }

    pg::ConnectSpec spec;
    pg::Connection dest;
    std::string table;
    JobLog log;
    JobTap recorder;
    replication::RunContext ctx;
};

Answer validate(const RequestSettings &s, RequestWork &work, pg::Connection &ctl)
{
    if (!s.validate)
        return {"failed", "validate is not served by this runner; run it on this computer"};
    RequestRun run(s, work, ctl);
    return s.validate(run.dest, run.table, run.ctx);
}

Answer refresh(const RequestSettings &s, RequestWork &work, pg::Connection &ctl)
{
    const auto &req = work.request;
    RequestRun run(s, work, ctl);
    auto &dest = run.dest;
    auto &ctx = run.ctx;
    const std::string &table = run.table;
    replication::RefreshRequest rr;
    rr.destTable = table;
    rr.repull = req.action == "repull";
    const auto result = replication::refresh(dest, rr, ctx);
    return {result.outcome == replication::Outcome::Locked ? "failed" : "done", result.message};
}

pg::Connection openControl(const RequestSettings &s)
{
    pg::ConnectSpec spec = s.destination;
    spec.applicationName = "mimeo:serve:request";
    spec.side = pg::Side::Destination;
    return pg::Connection::open(spec);
}

// Writes the answer on ctl. When the destination went away meanwhile (a
// restart, a failover) the connection is reopened until it can be written:
// the runner that reconnected meanwhile adopted the request as still
// running here (catalog::adoptRunnerRequests), so no one else would ever
// answer it. A job that failed while the destination was away failed
// because of that: the request goes back to waiting and is taken again
// once the server is back, instead of being answered failed; one cancelled
// meanwhile (a cancel request) is answered cancelled. Gives up only when
// the runner stops (its backend ends with it, and another runner takes the
// request again). Returns the status written: answer's, or waiting when
// given back.
std::string writeAnswer(const RequestSettings &s, RequestWork &work, pg::Connection &ctl, const Answer &answer)
{
    const auto &req = work.request;
    try {
        catalog::finishRequest(ctl, s.schema, req.id, answer.status, answer.message);
        return answer.status;
    } catch (const pg::Error &) {
        if (!ctl.isBad())
            throw;
    }
    const auto stops = [&] { return work.giveBack && work.cancel.requested(); };
    for (int failures = 0;; ++failures) {
        // 1, 2, 4 ... 30 s apart, as the runner's own reconnects.
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::min(30, 1 << std::min(failures, 5)));
        while (!stops() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (stops())
            throw std::runtime_error("the destination went away and the runner stops: " + work.cancel.reason());
        try {
            ctl = openControl(s);
            if (answer.status == "done" || work.cancel.requested()) {
                const Answer final = answer.status == "done" ? answer : Answer{"cancelled", work.cancel.reason()};
                catalog::finishRequest(ctl, s.schema, req.id, final.status, final.message);
                return final.status;
            }
            catalog::releaseRequest(ctl, s.schema, req.id, "given back: the destination went away while it ran (" + answer.message + ")");
            return "waiting";
        } catch (const pg::Error &) {
            if (ctl.isOpen() && !ctl.isBad())
                throw; // the server is back and refuses: not a connection problem
        }
    }
}

} // namespace

std::string carryOutRequest(const RequestSettings &settings, RequestWork &work)
{
    const auto &req = work.request;
    const std::string what = "request " + std::to_string(req.id) + " (" + req.action + " " + req.destTable + ")";
    try {
        auto ctl = openControl(settings);
        Answer answer;
        try {
            if (req.action == "refresh" || req.action == "repull")
                answer = refresh(settings, work, ctl);
            else if (req.action == "validate")
                answer = validate(settings, work, ctl);
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
        const std::string status = writeAnswer(settings, work, ctl, answer);
        return what + " " + (status == "waiting" ? "given back (the destination went away): " : status + ": ") + answer.message;
    } catch (const std::exception &e) {
        return what + " could not be answered: " + e.what();
    }
}

} // namespace mimeo::jobs
