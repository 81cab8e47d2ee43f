// SPDX-License-Identifier: PostgreSQL
#include "runner_request.h"

#include "signals.h"

#include <chrono>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace mimeo::cli {
namespace {

std::string hostName()
{
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    return host;
}

// A request no runner takes: when none has been alive for this long while
// the request waits (or its taker is gone), the request is withdrawn.
constexpr auto kNoRunnerGrace = std::chrono::seconds(5);

// The exit status of a finished refresh, from the job that answered it.
int refreshFinished(CliContext &ctx, const catalog::RequestProgress &p)
{
    const auto &r = p.request;
    const std::string message = r.message.value_or("");
    if (p.jobStatus == "skipped" && p.jobLocked) {
        ctx.e() << "mimeo: " << message << "\n";
        return ExitLocked;
    }
    if (r.status == "done") {
        ctx.o() << (p.jobStatus == "skipped" ? "skipped: " : "") << message << "\n";
        return ExitOk;
    }
    return requestFailed(ctx, r);
}

} // namespace

int requestFailed(CliContext &ctx, const catalog::Request &r)
{
    ctx.e() << "mimeo: request " << r.id << " " << r.status << " on runner " << r.takenBy.value_or("?") << ": "
            << r.message.value_or("") << "\n";
    return ExitFailed;
}

int followRequest(CliContext &ctx, pg::Connection &dest, const std::string &action, const std::string &destTable, bool verbose,
                  const std::function<int(const catalog::RequestProgress &)> &finished)
{
    if (!catalog::anyLiveRunner(dest, ctx.schema)) {
        ctx.e() << "mimeo: no runner serves schema " << ctx.schema << " (none seen lately in mimeo status); start one with "
                << "mimeo serve, or run it here without --runner\n";
        return ExitFailed;
    }
    setActivity(action + " of " + destTable + " on a runner");
    const int64_t id = catalog::insertRequest(dest, ctx.schema, action, destTable, hostName());
    if (verbose)
        ctx.e() << "request " << id << " sent\n" << std::flush;
    const bool tty = isatty(STDERR_FILENO);
    std::optional<std::string> takenBy;
    int64_t jobId = 0;
    bool progressShown = false;
    using Clock = std::chrono::steady_clock;
    std::optional<Clock::time_point> noRunnerSince;
    auto nextRunnerCheck = Clock::now() + std::chrono::seconds(1);
    for (;;) {
        if (processCancel().requested()) {
            // The signal watcher ends the process soon: withdraw the request
            // while no runner has it, else ask its runner to cancel it.
            if (!catalog::withdrawRequest(dest, ctx.schema, id, "withdrawn: " + processCancel().reason()))
                catalog::insertCancelRequest(dest, ctx.schema, id, jobId ? std::optional<int64_t>(jobId) : std::nullopt, hostName());
            return ExitFailed;
        }
        if (Clock::now() >= nextRunnerCheck) {
            // A request outlives its runners: one that none is left to take
            // (or whose taker died with the last runner) would wait forever.
            if (catalog::anyLiveRunner(dest, ctx.schema))
                noRunnerSince.reset();
            else if (!noRunnerSince)
                noRunnerSince = Clock::now();
            else if (Clock::now() - *noRunnerSince > kNoRunnerGrace
                     && catalog::cancelUnservedRequest(dest, ctx.schema, id, "withdrawn: no runner is alive to take it")) {
                if (progressShown)
                    ctx.e() << "\n";
                ctx.e() << "mimeo: no runner is alive to take request " << id << " (none seen lately in mimeo status), so it is "
                        << "withdrawn; start one with mimeo serve, or run it here without --runner\n";
                return ExitFailed;
            }
            nextRunnerCheck = Clock::now() + std::chrono::seconds(1);
        }
        const auto p = catalog::readRequestProgress(dest, ctx.schema, id);
        if (!p) {
            ctx.e() << "mimeo: request " << id << " vanished from the catalog\n";
            return ExitFailed;
        }
        jobId = p->request.jobId.value_or(0);
        if (verbose && p->request.takenBy != takenBy && p->request.takenBy) {
            ctx.e() << "taken by runner " << *p->request.takenBy << "\n" << std::flush;
            takenBy = p->request.takenBy;
        }
        const auto &status = p->request.status;
        if (status == "done" || status == "failed" || status == "cancelled") {
            if (progressShown)
                ctx.e() << "\n";
            return finished(*p);
        }
        if (tty && p->phase) {
            ctx.e() << "\r" << *p->phase << ": " << p->rows.value_or(0) << " rows";
            if (p->rowsExpected.value_or(0) > 0)
                ctx.e() << " of about " << *p->rowsExpected;
            ctx.e() << "        " << std::flush;
            progressShown = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

int requestFromRunner(CliContext &ctx, pg::Connection &dest, const std::string &action, const std::string &destTable, bool verbose)
{
    return followRequest(ctx, dest, action, destTable, verbose,
                         [&ctx](const catalog::RequestProgress &p) { return refreshFinished(ctx, p); });
}

int cancelOnRunner(CliContext &ctx, pg::Connection &dest, int64_t jobId, int waitSeconds)
{
    const int64_t id = catalog::insertCancelRequest(dest, ctx.schema, std::nullopt, jobId, hostName());
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(waitSeconds);
    for (;;) {
        const auto p = catalog::readRequestProgress(dest, ctx.schema, id);
        if (p && p->request.status == "done") {
            const std::string message = p->request.message.value_or("");
            const bool cancelled = message.rfind("cancelled", 0) == 0;
            (cancelled ? ctx.o() : ctx.e()) << (cancelled ? "" : "mimeo: ") << "job " << jobId << ": " << message << "\n";
            return cancelled ? ExitOk : ExitFailed;
        }
        if (processCancel().requested() || std::chrono::steady_clock::now() >= until) {
            if (catalog::withdrawRequest(dest, ctx.schema, id, "no runner answered")) {
                ctx.e() << "mimeo: no runner runs job " << jobId << " (a job started on a desk by mimeo refresh or the "
                        << "application is cancelled there)\n";
                return ExitFailed;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace mimeo::cli
