// SPDX-License-Identifier: PostgreSQL
#pragma once
// One taken request carried out by a runner (`mimeo serve`): with the
// runner's own connection settings and passwords, answered in the job log
// (the request row gets the job's id as soon as the job starts, so whoever
// asked can follow it) and in the request row (done, failed, cancelled).
#include "catalog/requests.h"
#include "pg/cancel.h"
#include "pg/connection.h"
#include "replication/engine.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>

namespace mimeo::jobs {

struct RequestWork {
    catalog::Request request;
    pg::CancelToken cancel;          // this request's job only
    std::atomic<int64_t> jobId{0};   // once its job started
    std::atomic<bool> finished{false};
    std::atomic<bool> giveBack{false}; // the runner stops: back to waiting instead of answered
};

// A request's answer: done, failed or cancelled, and one line for people.
struct RequestAnswer {
    std::string status = "failed";
    std::string message;
};

// Carries out a validate request on dest (not in a transaction) for the
// configured table, as a job of ctx.log (its cancel, source passwords and
// job log are the request's: the asker follows the job); checks/ lies above
// jobs/, so whoever starts the runner gives it (none: validate requests
// fail, saying so).
using ValidateFn = std::function<RequestAnswer(pg::Connection &dest, const std::string &destTable, replication::RunContext &ctx)>;

struct RequestSettings {
    pg::ConnectSpec destination;
    std::string schema = "mimeo";
    std::function<std::optional<std::string>(int)> sourcePassword;
    ValidateFn validate;
};

// Runs work.request to its end and answers it; never throws. When the
// destination goes away meanwhile (a restart), the answer waits until the
// server is back (the runner adopts the request when it reconnects, so no
// one else would answer it), and a job that failed because of it is given
// back to be taken again. Only a runner that stops leaves a request
// unanswered, taken by its backend, which ends with it. Returns one line
// for people.
std::string carryOutRequest(const RequestSettings &settings, RequestWork &work);

} // namespace mimeo::jobs
