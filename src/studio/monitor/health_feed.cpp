// SPDX-License-Identifier: PostgreSQL
#include "health_feed.h"

#include "destination_service.h"
#include "job_log_listener.h"

HealthFeed::HealthFeed(DestinationService *service, QObject *parent)
    : QObject(parent)
    , service_(service)
{
    soon_.setSingleShot(true);
    connect(&soon_, &QTimer::timeout, this, &HealthFeed::reload);
    poll_.setInterval(10000);
    connect(&poll_, &QTimer::timeout, this, &HealthFeed::reload);
}

HealthFeed::~HealthFeed() = default;

void HealthFeed::start()
{
    if (listener_)
        return;
    listener_ = new JobLogListener(service_->target(), this);
    connect(listener_, &JobLogListener::changed, this, &HealthFeed::scheduleReload);
    poll_.start();
    reload();
}

bool HealthFeed::isListening() const { return listener_ && listener_->isListening(); }

void HealthFeed::scheduleReload()
{
    if (soon_.isActive())
        return;
    const qint64 since = sinceLastRead_.isValid() ? sinceLastRead_.elapsed() : 1000;
    soon_.start(static_cast<int>(std::max<qint64>(0, 1000 - since)));
}

void HealthFeed::reload()
{
    sinceLastRead_.start();
    const DestinationTarget t = service_->target();
    reading_.run(this, [t] {
        auto conn = t.connect("monitor");
        return mimeo::jobs::readHealth(conn, t.schema.toStdString());
    }, [this](std::vector<mimeo::jobs::TableHealth> tables) {
        tables_ = std::move(tables);
        hasRead_ = true;
        emit updated();
    }, [this](const TaskError &e) { emit failed(e); });
}
