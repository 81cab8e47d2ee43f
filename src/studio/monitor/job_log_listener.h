// SPDX-License-Identifier: PostgreSQL
#pragma once
// Tells the monitor that the job log of a destination changed: LISTEN on the
// catalog's job channel (catalog::jobChannel; a trigger notifies on every
// job row change, whoever made it: this application, mimeo run on another
// host), on a connection of its own in a thread of its own. Bursts are
// folded into at most one `changed` per interval; when the connection is
// lost it connects again, and meanwhile the monitor polls.
#include "destination_session.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

class JobLogListener : public QObject {
    Q_OBJECT
public:
    explicit JobLogListener(DestinationTarget target, QObject *parent = nullptr);
    ~JobLogListener() override;

    bool isListening() const { return listening_->load(); }
    // Stops listening without waiting for the thread (it may be connecting
    // to a server that does not answer); the destructor waits for it.
    void stopWithoutWaiting();

signals:
    void changed();

private:
    std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> listening_ = std::make_shared<std::atomic<bool>>(false);
    std::thread thread_;
};
