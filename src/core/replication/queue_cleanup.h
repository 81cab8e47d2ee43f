// SPDX-License-Identifier: PostgreSQL
#pragma once
// Removing the queue rows a run read, without losing any and without
// waiting for it: the DELETE starts on the source (in the reading REPEATABLE
// READ transaction, so it sees exactly the rows the run read) as soon as the
// batch is read, runs while the destination applies it, and is committed
// only after the destination committed. If anything fails before that, the
// source transaction rolls back and the rows stay; if the source fails after
// it, the rows stay too and the next run applies them again (harmless).
#include "pg/error.h"

#include <exception>
#include <optional>
#include <string>
#include <thread>

namespace mimeo::pg {
class Connection;
class Transaction;
}

namespace mimeo::replication {
class Job;
}

namespace mimeo::replication::queue {

class QueueCleanup {
public:
    // Starts `sql` on src in a thread of its own; src must not be used
    // elsewhere until finish() (or the destructor).
    QueueCleanup(Job &job, pg::Connection &src, std::string sql, std::string queueText);
    QueueCleanup(const QueueCleanup &) = delete;
    QueueCleanup &operator=(const QueueCleanup &) = delete;
    // Not finished (the destination failed): cancels the DELETE and waits;
    // the source transaction's owner rolls it back.
    ~QueueCleanup();

    // Call after the destination committed: waits for the DELETE and commits
    // the source transaction; a failure is a warning, not an error.
    void finish(pg::Transaction &srcTx);

private:
    void wait();

    Job &job_;
    pg::Connection &src_;
    std::string queue_;
    std::thread thread_;
    int64_t removed_ = 0;
    std::optional<pg::Error> error_;
    std::exception_ptr other_;
};

} // namespace mimeo::replication::queue
