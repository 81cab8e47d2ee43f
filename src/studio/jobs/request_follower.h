// SPDX-License-Identifier: PostgreSQL
#pragma once
// Follows the requests this application handed to the runners of one
// destination (issue 18): every half second while any is followed, one
// query reads them all with their jobs' progress, on one connection that is
// kept between reads (and made again after it was lost, e.g. while the
// server restarts). Before, each followed job opened a connection of its
// own twice a second. With nothing to follow, no connection is kept.
#include "catalog/requests.h"
#include "destination_session.h"
#include "task_runner.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <set>

class RequestFollower : public QObject {
    Q_OBJECT
public:
    explicit RequestFollower(DestinationTarget target, QObject *parent = nullptr);
    ~RequestFollower() override;

    void follow(qint64 requestId);
    void forget(qint64 requestId);
    // New connection settings (Edit Destination): the next read uses them.
    void setTarget(const DestinationTarget &target);
    bool isFollowing() const { return !requests_.empty(); }

signals:
    // One per followed request and read; vanished when the catalog no longer has it.
    void progressed(const mimeo::catalog::RequestProgress &progress);
    void vanished(qint64 requestId);
    // The read failed (the destination may be restarting); reads go on.
    void readFailed(const TaskError &error);

private:
    void read();

    struct Link; // the kept connection, shared with the read in flight
    DestinationTarget target_;
    std::shared_ptr<Link> link_;
    std::set<qint64> requests_;
    QTimer timer_;
    bool reading_ = false;
};
