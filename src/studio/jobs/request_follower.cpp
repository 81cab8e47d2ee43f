// SPDX-License-Identifier: PostgreSQL
#include "request_follower.h"

#include <mutex>
#include <optional>
#include <vector>

struct RequestFollower::Link {
    std::mutex mutex; // one read at a time; reads run on pool threads
    std::optional<mimeo::pg::Connection> connection;
};

RequestFollower::RequestFollower(DestinationTarget target, QObject *parent)
    : QObject(parent)
    , target_(std::move(target))
    , link_(std::make_shared<Link>())
{
    timer_.setInterval(500);
    connect(&timer_, &QTimer::timeout, this, &RequestFollower::read);
}

RequestFollower::~RequestFollower() = default;

void RequestFollower::follow(qint64 requestId)
{
    requests_.insert(requestId);
    if (!timer_.isActive())
        timer_.start();
}

void RequestFollower::forget(qint64 requestId)
{
    requests_.erase(requestId);
    if (requests_.empty()) {
        timer_.stop();
        // No idle connection is kept: the link (and its connection) goes
        // when the last read holding it is over.
        link_ = std::make_shared<Link>();
    }
}

void RequestFollower::setTarget(const DestinationTarget &target)
{
    target_ = target;
    link_ = std::make_shared<Link>(); // the next read connects with it
}

void RequestFollower::read()
{
    if (reading_ || requests_.empty())
        return;
    reading_ = true;
    const std::vector<int64_t> ids(requests_.begin(), requests_.end());
    const DestinationTarget t = target_;
    const std::shared_ptr<Link> link = link_;
    runTask(this, [t, link, ids] {
        std::lock_guard lock(link->mutex);
        try {
            if (!link->connection)
                link->connection.emplace(t.connect("follow"));
            return mimeo::catalog::readRequestsProgress(*link->connection, t.schema.toStdString(), ids);
        } catch (...) {
            // A connection that failed once is not trusted again: the next read makes a new one.
            link->connection.reset();
            throw;
        }
    }, [this, ids](const std::vector<mimeo::catalog::RequestProgress> &found) {
        reading_ = false;
        std::set<qint64> seen;
        for (const auto &p : found) {
            seen.insert(p.request.id);
            // A slot may forget it (it ended) or follow others meanwhile.
            if (requests_.count(p.request.id))
                emit progressed(p);
        }
        for (const int64_t id : ids)
            if (!seen.count(id) && requests_.count(id))
                emit vanished(id);
    }, [this](const TaskError &e) {
        reading_ = false;
        emit readFailed(e);
    });
}
