// SPDX-License-Identifier: PostgreSQL
#pragma once
// The one way the application runs work off the GUI thread, typed: the work
// returns a value (or throws), and done(value) or failed(error) runs on the
// GUI thread, unless the context object is gone by then. LatestTask is the
// same for requests that replace each other (reloads, checks as you type):
// only the newest request's answer is delivered.
#include "background_task.h"

#include <QObject>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

using TaskFailed = std::function<void(const TaskError &)>;

// Runs work on the thread pool; done(result) or failed(error) on the GUI
// thread. work must capture by value: it outlives the caller's frame.
template <typename Work, typename Done>
void runTask(QObject *context, Work work, Done done, TaskFailed failed = {})
{
    using Result = std::invoke_result_t<Work &>;
    if constexpr (std::is_void_v<Result>) {
        auto *task = BackgroundTask::start([work = std::move(work)]() mutable {
            work();
            return QVariant();
        });
        QObject::connect(task, &BackgroundTask::finished, context, [done = std::move(done)](const QVariant &) { done(); });
        QObject::connect(task, &BackgroundTask::failedWith, context, [failed = std::move(failed)](const TaskError &e) {
            if (failed)
                failed(e);
        });
    } else {
        // Written on the worker, read on the GUI thread after the queued
        // `finished`: the event queue orders the two.
        auto slot = std::make_shared<std::optional<Result>>();
        auto *task = BackgroundTask::start([slot, work = std::move(work)]() mutable {
            slot->emplace(work());
            return QVariant();
        });
        QObject::connect(task, &BackgroundTask::finished, context,
                         [slot, done = std::move(done)](const QVariant &) { done(std::move(**slot)); });
        QObject::connect(task, &BackgroundTask::failedWith, context, [failed = std::move(failed)](const TaskError &e) {
            if (failed)
                failed(e);
        });
    }
}

// Requests that replace each other: a newer request makes the answers of
// the older ones be dropped, so a slow early answer never overwrites a newer
// one. Keep it as a member of the context object.
class LatestTask {
public:
    // One request's claim to be the newest; copyable into callbacks.
    class Ticket {
    public:
        bool current() const { return generation_ && *generation_ == mine_; }

    private:
        friend class LatestTask;
        Ticket(std::shared_ptr<quint64> generation, quint64 mine) : generation_(std::move(generation)), mine_(mine) {}
        std::shared_ptr<quint64> generation_;
        quint64 mine_ = 0;
    };

    // A new request: every older ticket stops being current. For flows
    // that are not a plain runTask (a password prompt in between).
    Ticket take() { return Ticket(generation_, ++*generation_); }

    // runTask whose answer is delivered only while it is the newest request.
    template <typename Work, typename Done>
    void run(QObject *context, Work work, Done done, TaskFailed failed = {})
    {
        const Ticket ticket = take();
        using Result = std::invoke_result_t<Work &>;
        TaskFailed onFailed = [ticket, failed = std::move(failed)](const TaskError &e) {
            if (ticket.current() && failed)
                failed(e);
        };
        if constexpr (std::is_void_v<Result>) {
            runTask(context, std::move(work), [ticket, done = std::move(done)] {
                if (ticket.current())
                    done();
            }, std::move(onFailed));
        } else {
            runTask(context, std::move(work), [ticket, done = std::move(done)](Result r) {
                if (ticket.current())
                    done(std::move(r));
            }, std::move(onFailed));
        }
    }

    // Drops the answer of every request made so far.
    void forget() { ++*generation_; }

private:
    std::shared_ptr<quint64> generation_ = std::make_shared<quint64>(0);
};
