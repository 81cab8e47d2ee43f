// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_cleanup.h"

#include "pg/cancel.h"
#include "pg/connection.h"
#include "replication/job.h"

namespace mimeo::replication::queue {

QueueCleanup::QueueCleanup(Job &job, pg::Connection &src, std::string sql, std::string queueText)
    : job_(job)
    , src_(src)
    , queue_(std::move(queueText))
{
    thread_ = std::thread([this, sql = std::move(sql)] {
        try {
            removed_ = src_.exec(sql).affected();
        } catch (const pg::Error &e) {
            error_ = e;
        } catch (...) {
            other_ = std::current_exception();
        }
    });
}

QueueCleanup::~QueueCleanup()
{
    if (thread_.joinable()) {
        src_.cancelHandle().cancel();
        thread_.join();
    }
}

void QueueCleanup::wait()
{
    if (thread_.joinable())
        thread_.join();
}

void QueueCleanup::finish(pg::Transaction &srcTx)
{
    wait();
    job_.progress({"removing queue rows", 0, 0, -1});
    try {
        if (other_)
            std::rethrow_exception(other_);
        if (error_)
            throw *error_;
        srcTx.commit();
        job_.step("removed " + std::to_string(removed_) + " rows from queue " + queue_);
    } catch (const std::exception &e) {
        const auto *pe = dynamic_cast<const pg::Error *>(&e);
        job_.warn("the destination is up to date, but the queue rows it applied could not be removed ("
                  + (pe ? pe->message() : std::string(e.what())) + "); the next refresh applies them again");
    }
}

} // namespace mimeo::replication::queue
