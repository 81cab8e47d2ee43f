// SPDX-License-Identifier: PostgreSQL
#include "background_task.h"

#include "pg/error.h"
#include "pg/redact.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace {

// libpq reports a refused password only in its message; the server's
// SQLSTATE 28P01 does not reach the client during authentication.
bool looksLikeRefusedPassword(const std::string &message)
{
    return message.find("password authentication failed") != std::string::npos;
}

} // namespace

BackgroundTask *BackgroundTask::start(Work work)
{
    auto *task = new BackgroundTask;
    QThreadPool::globalInstance()->start([task, work = std::move(work)] {
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
