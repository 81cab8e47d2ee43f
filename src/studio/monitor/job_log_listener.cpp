// SPDX-License-Identifier: PostgreSQL
#include "job_log_listener.h"

#include "catalog/catalog_ddl.h"
#include "pg/quote.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <chrono>

JobLogListener::JobLogListener(DestinationTarget target, QObject *parent)
    : QObject(parent)
{
    QPointer<JobLogListener> self(this);
    auto stop = stop_;
    auto listening = listening_;
    thread_ = std::thread([self, stop, listening, target] {
        while (!stop->load()) {
            try {
                auto conn = target.connect("monitor-listen", 5);
                conn.exec("LISTEN " + mimeo::pg::quoteIdent(mimeo::catalog::jobChannel(target.schema.toStdString())));
                listening->store(true);
                while (!stop->load()) {
                    // A short wait, so stopping never takes long.
                    if (conn.waitForNotification(250) && !stop->load())
                        QMetaObject::invokeMethod(qApp, [self] {
                            if (self)
                                emit self->changed();
                        }, Qt::QueuedConnection);
                }
            } catch (const std::exception &) {
                listening->store(false);
                // Unreachable for now: the monitor's polling carries on; try again shortly.
                for (int i = 0; i < 20 && !stop->load(); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
        }
        listening->store(false);
    });
}

JobLogListener::~JobLogListener()
{
    stop_->store(true);
    if (thread_.joinable())
        thread_.join();
}

void JobLogListener::stopWithoutWaiting()
{
    // The thread touches only the shared flags and, on the GUI thread, a
    // guarded pointer: it may end on its own (within a connect timeout).
    stop_->store(true);
    if (thread_.joinable())
        thread_.detach();
}
