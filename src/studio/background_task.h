#pragma once
// Runs a function on the global thread pool and delivers its result (or the
// error text) back on the GUI thread. The GUI never blocks on the network.
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariant>

#include <functional>

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QVariant()>; // throws on failure

    // Starts work; `finished` or `failed` is emitted on the thread that
    // called start() (the GUI thread), then the task deletes itself. Connect
    // with a context object: if the receiver is gone by then, nothing runs.
    static BackgroundTask *start(Work work);

signals:
    void finished(const QVariant &result);
    void failed(const QString &message);

private:
    BackgroundTask() = default;
};
