// SPDX-License-Identifier: PostgreSQL
#pragma once
// Runs a function on the global thread pool and delivers its result (or the
// error) back on the GUI thread. The GUI never blocks on the network.
#include "pg/side.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariant>

#include <functional>

// Why a task failed, with what the GUI needs to react: the text to show
// (passwords redacted), the SQLSTATE, and whether the server asked for a
// password that was not given or was refused.
struct TaskError {
    QString message;
    QString sqlstate;
    mimeo::pg::Side side = mimeo::pg::Side::Unknown; // which server refused
    bool passwordNeeded = false;
    bool passwordRefused = false;
};
Q_DECLARE_METATYPE(TaskError)

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QVariant()>; // throws on failure

    // Starts work; `finished` or `failed`/`failedWith` is emitted on the
    // thread that called start() (the GUI thread), then the task deletes
    // itself. Connect with a context object: if the receiver is gone by
    // then, nothing runs.
    static BackgroundTask *start(Work work);

signals:
    void finished(const QVariant &result);
    void failed(const QString &message);
    void failedWith(const TaskError &error);

private:
    BackgroundTask() = default;
};
