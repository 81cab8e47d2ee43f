// SPDX-License-Identifier: PostgreSQL
#include "background_task.h"

#include "pg/error.h"
#include "pg/redact.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <QThreadPool>

namespace {

// libpq reports a refused password only in its message; the server's
// SQLSTATE 28P01 does not reach the client during authentication.
bool looksLikeRefusedPassword(const std::string &message)
{
    return message.find("password authentication failed") != std::string::npos;
}

// Our work waits on servers, for minutes when it is a refresh. Qt itself
// uses the global thread pool (the raster paint engine draws in parallel on
// it and waits for its threads), so on a two-core machine two running
// refreshes on the global pool froze painting until one ended. The
// application's work gets a pool of its own, sized for waiting, not for cores.
QThreadPool *taskPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(std::max(16, 4 * QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

} // namespace

BackgroundTask *BackgroundTask::start(Work work)
{
    auto *task = new BackgroundTask;
    taskPool()->start([task, work = std::move(work)] {
        QVariant result;
        TaskError error;
        bool ok = false;
        try {
            result = work();
            ok = true;
        } catch (const mimeo::pg::Error &e) {
            error.message = QString::fromStdString(e.describe());
            error.sqlstate = QString::fromStdString(e.sqlstate());
            error.side = e.side();
            error.passwordNeeded = e.passwordNeeded();
            error.passwordRefused = e.sqlstate() == "28P01" || looksLikeRefusedPassword(e.message());
        } catch (const std::exception &e) {
            error.message = QString::fromStdString(mimeo::pg::redact(e.what()));
        }
        // Back to the task's own thread; the task lives until it got there.
        if (!ok && error.message.isEmpty())
            error.message = QCoreApplication::translate("BackgroundTask", "unknown error");
        QMetaObject::invokeMethod(task, [task, ok, result, error] {
            if (ok) {
                emit task->finished(result);
            } else {
                emit task->failed(error.message);
                emit task->failedWith(error);
            }
            task->deleteLater();
        }, Qt::QueuedConnection);
    });
    return task;
}
