#include "background_task.h"

#include "pg/error.h"
#include "pg/redact.h"

#include <QMetaObject>

BackgroundTask *BackgroundTask::start(Work work)
{
    auto *task = new BackgroundTask;
    QThreadPool::globalInstance()->start([task, work = std::move(work)] {
        QVariant result;
        QString error;
        try {
            result = work();
        } catch (const mimeo::pg::Error &e) {
            error = QString::fromStdString(e.describe());
        } catch (const std::exception &e) {
            error = QString::fromStdString(mimeo::pg::redact(e.what()));
        }
        // Back to the task's own thread; the task lives until it got there.
        QMetaObject::invokeMethod(task, [task, result, error] {
            if (error.isEmpty())
                emit task->finished(result);
            else
                emit task->failed(error);
            task->deleteLater();
        }, Qt::QueuedConnection);
    });
    return task;
}
