// SPDX-License-Identifier: PostgreSQL
#include "jobs/job_cancels.h"

namespace mimeo::jobs {

JobCancels::Token JobCancels::begin()
{
    auto token = std::make_shared<pg::CancelToken>();
    std::lock_guard lock(mutex_);
    if (all_)
        token->request(*all_);
    running_.emplace(token, 0);
    return token;
}

void JobCancels::started(const Token &token, int64_t jobId)
{
    std::lock_guard lock(mutex_);
    if (auto it = running_.find(token); it != running_.end())
        it->second = jobId;
}

void JobCancels::end(const Token &token)
{
    std::lock_guard lock(mutex_);
    running_.erase(token);
}

bool JobCancels::cancel(int64_t jobId, const std::string &reason)
{
    std::lock_guard lock(mutex_);
    for (auto &[token, id] : running_) {
        if (id == jobId) {
            token->request(reason);
            return true;
        }
    }
    return false;
}

void JobCancels::cancelAll(const std::string &reason)
{
    std::lock_guard lock(mutex_);
    all_ = reason;
    for (auto &[token, id] : running_)
        token->request(reason);
}

std::vector<int64_t> JobCancels::jobs() const
{
    std::lock_guard lock(mutex_);
    std::vector<int64_t> ids;
    for (const auto &[token, id] : running_)
        if (id != 0)
            ids.push_back(id);
    return ids;
}

} // namespace mimeo::jobs
