// SPDX-License-Identifier: PostgreSQL
#include "health_feed.h"

#include "catalog/requests.h"
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
    listen();
    poll_.start();
    reload();
}

void HealthFeed::listen()
{
    listener_ = new JobLogListener(service_->target(), this);
    connect(listener_, &JobLogListener::changed, this, &HealthFeed::scheduleReload);
}

void HealthFeed::restartListening()
{
    if (!listener_)
        return;
    // The old settings' server may not answer: never wait for it here.
    listener_->stopWithoutWaiting();
    listener_->deleteLater();
    listen();
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
    // The runners serving the destination are read with the health: a
    // runner that starts or stops is noticed within a poll.
    struct Read {
        std::vector<mimeo::jobs::TableHealth> tables;
        std::vector<mimeo::catalog::RunnerRow> runners;
    };
    reading_.run(this, [t] {
        auto conn = t.connect("monitor");
        Read r{mimeo::jobs::readHealth(conn, t.schema.toStdString()), {}};
        r.runners = mimeo::catalog::listRunners(conn, t.schema.toStdString());
        return r;
    }, [this](Read r) {
        tables_ = std::move(r.tables);
        hasRead_ = true;
        service_->setRunners(std::move(r.runners));
        emit updated();
    }, [this](const TaskError &e) { emit failed(e); });
}
