// SPDX-License-Identifier: PostgreSQL
#include "jobs/serve.h"

#include "catalog/catalog_ddl.h"
#include "jobs/job_cancels.h"
#include "jobs/request_work.h"
#include "jobs/runner.h"
#include "pg/cancel.h"
#include "pg/error.h"
#include "pg/quote.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace mimeo::jobs {
namespace {

using Clock = std::chrono::steady_clock;

// How long one wait for a notification lasts at most: a worker that
// finished, a stop or a due round is noticed within it.
constexpr int kWaitMs = 250;
// Polling, the fallback when a notification is missed: at most this apart.
constexpr auto kMaxPoll = std::chrono::seconds(5);
// last_seen_at is written at least this often (and once per interval).
constexpr auto kMaxSeen = std::chrono::seconds(10);

struct Running {
    RequestWork work;
    std::thread thread;
};

class Server {
public:
    explicit Server(const ServeOptions &o)
        : o_(o)
        , interval_(std::chrono::seconds(std::max(1, o.runner.intervalSeconds)))
        , poll_(std::min<Clock::duration>(interval_, kMaxPoll))
        , seen_(std::min<Clock::duration>(interval_, kMaxSeen))
    {
        settings_.destination = o.destination;
        settings_.schema = o.schema;
        settings_.sourcePassword = o.sourcePassword;
        settings_.validate = o.validate;
    }

    void run()
    {
        connect(); // the first connection must work: a wrong --dest is reported, not retried forever
        auto nextRound = Clock::now();
        auto nextSeen = Clock::now() + seen_;
        auto nextPoll = Clock::now();
        bool wanted = true;
        int failures = 0; // in a row
        while (!stopping()) {
            wanted = reap() || wanted;
            try {
                if (!conn_.isOpen() || conn_.isBad()) {
                    connect();
                    wanted = true;
                }
                if (Clock::now() >= nextRound && !roundRunning_) {
                    startRound();
                    nextRound = Clock::now() + interval_;
                }
                if (Clock::now() >= nextSeen) {
                    catalog::runnerSeen(conn_, o_.schema, o_.runner.id);
                    nextSeen = Clock::now() + seen_;
                }
                if (wanted || Clock::now() >= nextPoll) {
                    takeRequests();
                    nextPoll = Clock::now() + poll_;
                }
                wanted = conn_.waitForNotification(kWaitMs);
                failures = 0;
            } catch (const std::exception &e) {
                if (stopping())
                    break;
                // 1, 2, 4 ... 30 s apart while the server stays away; said once.
                if (failures == 0)
                    event(std::string("lost the catalog connection, reconnecting: ") + e.what());
                conn_ = pg::Connection();
                pause(std::chrono::seconds(std::min(30, 1 << std::min(failures, 5))));
                ++failures;
            }
        }
        shutDown();
    }

private:
    bool stopping() const { return o_.stop && o_.stop->requested(); }

    void event(const std::string &line)
    {
        if (!o_.onEvent)
            return;
        std::lock_guard lock(eventMutex_);
        o_.onEvent(line);
    }

    void pause(Clock::duration d)
    {
        const auto until = Clock::now() + d;
        while (!stopping() && Clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    void connect()
    {
        pg::ConnectSpec spec = o_.destination;
        spec.applicationName = "mimeo:serve:" + o_.runner.id; // which runner, in pg_stat_activity
        spec.side = pg::Side::Destination;
        conn_ = pg::Connection::open(spec);
        conn_.exec("LISTEN " + pg::quoteIdent(catalog::requestChannel(o_.schema)));
        catalog::announceRunner(conn_, o_.schema, o_.runner);
        catalog::adoptRunnerRequests(conn_, o_.schema, o_.runner.id, runningRequests());
        event("serving schema " + o_.schema + " as runner " + o_.runner.id);
    }

    std::vector<int64_t> runningRequests() const
    {
        std::vector<int64_t> ids;
        for (const auto &r : running_)
            ids.push_back(r->work.request.id);
        return ids;
    }

    std::vector<int64_t> runningJobs() const
    {
        std::vector<int64_t> ids;
        for (const auto &r : running_)
            if (const int64_t id = r->work.jobId.load())
                ids.push_back(id);
        for (const int64_t id : roundJobs_.jobs())
            ids.push_back(id);
        return ids;
    }

    // Joins the threads that finished; true when any did (a worker is free).
    bool reap()
    {
        bool freed = false;
        for (auto it = running_.begin(); it != running_.end();) {
            if ((*it)->work.finished) {
                (*it)->thread.join();
                it = running_.erase(it);
                freed = true;
            } else
                ++it;
        }
        if (roundRunning_ && roundDone_) {
            round_.join();
            roundRunning_ = false;
        }
        return freed;
    }

    // The schedule, exactly as mimeo run: its own connections and workers.
    void startRound()
    {
        roundRunning_ = true;
        roundDone_ = false;
        round_ = std::thread([this] {
            RunnerOptions r;
            r.destination = o_.destination;
            r.schema = o_.schema;
            r.workers = o_.runner.jobs;
            r.origin = "mimeo serve";
            r.cancel = o_.stop;
            r.cancels = &roundJobs_;
            r.sourcePassword = o_.sourcePassword;
            r.onEvent = [this](const std::string &line) { event(line); };
            try {
                runDueJobs(r);
            } catch (const std::exception &e) {
                event(std::string("schedule round failed: ") + e.what());
            }
            roundDone_ = true;
        });
    }

    void takeRequests()
    {
        while (auto c = catalog::takeCancelRequest(conn_, o_.schema, o_.runner.id, runningRequests(), runningJobs()))
            answerCancel(*c);
        while (static_cast<int>(running_.size()) < std::max(1, o_.runner.jobs)) {
            auto req = catalog::takeWorkRequest(conn_, o_.schema, o_.runner.id);
            if (!req)
                break;
            event("took request " + std::to_string(req->id) + " (" + req->action + " " + req->destTable + ") from "
                  + req->requestedBy);
            auto r = std::make_unique<Running>();
            r->work.request = *req;
            Running *raw = r.get();
            raw->thread = std::thread([this, raw] {
                event(carryOutRequest(settings_, raw->work));
                raw->work.finished = true;
            });
            running_.push_back(std::move(r));
        }
    }

    void answerCancel(const catalog::Request &c)
    {
        const std::string who = "cancelled by request " + std::to_string(c.id) + " of " + c.requestedBy;
        for (auto &r : running_) {
            const bool match = (c.targetRequest && *c.targetRequest == r->work.request.id)
                || (c.targetJob && *c.targetJob == r->work.jobId.load());
            if (match) {
                r->work.cancel.request(who);
                catalog::finishRequest(conn_, o_.schema, c.id, "done", "cancelled request " + std::to_string(r->work.request.id));
                event("request " + std::to_string(r->work.request.id) + " " + who);
                return;
            }
        }
        if (c.targetJob && !c.targetRequest && roundJobs_.cancel(*c.targetJob, who)) {
            catalog::finishRequest(conn_, o_.schema, c.id, "done", "cancelled job " + std::to_string(*c.targetJob));
            event("job " + std::to_string(*c.targetJob) + " " + who);
            return;
        }
        if (c.targetRequest && catalog::cancelUnservedRequest(conn_, o_.schema, *c.targetRequest, who + " before a runner started it")) {
            catalog::finishRequest(conn_, o_.schema, c.id, "done", "cancelled request " + std::to_string(*c.targetRequest)
                                       + " before it started");
            return;
        }
        if (catalog::requestTargetRunning(conn_, o_.schema, c.targetRequest, c.targetJob)) {
            // Another runner took the target meanwhile: its cancel is for it.
            catalog::releaseRequest(conn_, o_.schema, c.id, {});
            return;
        }
        catalog::finishRequest(conn_, o_.schema, c.id, "done", "nothing to cancel: it is not running");
    }

    void shutDown()
    {
        const std::string reason = o_.stop ? o_.stop->reason() : std::string("stopped");
        for (auto &r : running_) {
            r->work.giveBack = true;
            r->work.cancel.request(reason);
        }
        roundJobs_.cancelAll(reason);
        for (auto &r : running_)
            r->thread.join();
        running_.clear();
        if (roundRunning_)
            round_.join();
        try {
            if (conn_.isOpen() && !conn_.isBad())
                catalog::removeRunner(conn_, o_.schema, o_.runner.id);
        } catch (const std::exception &) {
            // It shows as gone after three intervals.
        }
        event("runner " + o_.runner.id + " stopped: " + reason);
    }

    const ServeOptions &o_;
    RequestSettings settings_;
    Clock::duration interval_;
    Clock::duration poll_;
    Clock::duration seen_;
    pg::Connection conn_;
    std::list<std::unique_ptr<Running>> running_;
    std::thread round_;
    JobCancels roundJobs_; // the schedule round's jobs, each cancellable by id
    bool roundRunning_ = false;
    std::atomic<bool> roundDone_{true};
    std::mutex eventMutex_;
};

} // namespace

void serve(const ServeOptions &options)
{
    Server server(options);
    server.run();
}

} // namespace mimeo::jobs
