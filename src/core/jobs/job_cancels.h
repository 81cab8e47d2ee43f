// SPDX-License-Identifier: PostgreSQL
#pragma once
// The jobs a process runs, each with a cancel token of its own, so that one
// job can be cancelled by its id (a runner's cancel request) while the
// others go on, and all of them at once when the process stops.
#include "pg/cancel.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mimeo::jobs {

class JobCancels {
public:
    using Token = std::shared_ptr<pg::CancelToken>;
    // A token for a job about to start; already requested after cancelAll.
    Token begin();
    // The job of token got its id in the job log.
    void started(const Token &token, int64_t jobId);
    void end(const Token &token);
    // False when no job of this process has that id.
    bool cancel(int64_t jobId, const std::string &reason);
    void cancelAll(const std::string &reason);
    std::vector<int64_t> jobs() const;

private:
    mutable std::mutex mutex_;
    std::map<Token, int64_t> running_; // token -> job id (0 until started)
    std::optional<std::string> all_;
};

// begin() and end() around one job, exceptions included.
class JobCancelScope {
public:
    explicit JobCancelScope(JobCancels *cancels)
        : cancels_(cancels)
        , token_(cancels ? cancels->begin() : nullptr)
    {
    }
    ~JobCancelScope()
    {
        if (cancels_)
            cancels_->end(token_);
    }
    JobCancelScope(const JobCancelScope &) = delete;
    JobCancelScope &operator=(const JobCancelScope &) = delete;
    const JobCancels::Token &token() const { return token_; }

private:
    JobCancels *cancels_;
    JobCancels::Token token_;
};

} // namespace mimeo::jobs
