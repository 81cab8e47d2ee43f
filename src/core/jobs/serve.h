// SPDX-License-Identifier: PostgreSQL
#pragma once
// `mimeo serve`: a runner that stays. Every interval it runs the schedule
// exactly as `mimeo run` does (runDueJobs: same due rule, locks and job
// log), and between rounds it takes requests from the catalog
// (catalog/requests.h) at once: it LISTENs on the request channel and polls
// as the fallback. Up to `workers` requests run at once besides the
// schedule round, each in a thread of its own with its own connections and
// cancel token; a cancel request reaches the token of the job it names. The
// runner announces itself in studio_runner and keeps last_seen_at current;
// when its connection is lost it reconnects and carries on. When stop is
// requested (SIGTERM), running requests are cancelled and given back for
// another runner, and the runner leaves studio_runner.
#include "catalog/requests.h"
#include "jobs/request_work.h"
#include "pg/connection.h"

#include <functional>
#include <optional>
#include <string>

namespace mimeo::pg {
class CancelToken;
}

namespace mimeo::jobs {

struct ServeOptions {
    pg::ConnectSpec destination;
    std::string schema = "mimeo";
    catalog::RunnerInfo runner; // id, host, pid, version, jobs, interval
    const pg::CancelToken *stop = nullptr; // the process's cancel: ends serve
    std::function<std::optional<std::string>(int)> sourcePassword;
    ValidateFn validate; // validate requests (none: they fail, saying so)
    // One line per thing done (request taken and answered, schedule round,
    // connection lost); called from several threads, serialised by serve.
    std::function<void(const std::string &line)> onEvent;
};

// Returns when stop is requested. Throws only when the first connection
// cannot be made (later losses are reconnected).
void serve(const ServeOptions &options);

} // namespace mimeo::jobs
