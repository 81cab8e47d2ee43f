// SPDX-License-Identifier: PostgreSQL
#pragma once
// The health of every table of one destination, kept current for everyone
// who shows it: the monitor page, the navigator's status icons and the tray
// notifications read one feed instead of each reading the catalog. It
// listens to the job log's notifications (runs made anywhere: this
// application, mimeo run from cron on another host) and polls every 10 s as
// the fallback, reading the whole state each time (never a delta), at most
// about once a second however busy the job log is.
#include "jobs/health.h"
#include "task_runner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

class DestinationService;
class JobLogListener;

class HealthFeed : public QObject {
    Q_OBJECT
public:
    explicit HealthFeed(DestinationService *service, QObject *parent = nullptr);
    ~HealthFeed() override;

    // Starts listening and polling (once the catalog is up to date: older
    // catalogs have no health to read). Idempotent.
    void start();
    // The destination's connection settings changed: listen with the new
    // ones (when started).
    void restartListening();
    bool isStarted() const { return listener_ != nullptr; }
    bool isListening() const;

    bool hasRead() const { return hasRead_; }
    const std::vector<mimeo::jobs::TableHealth> &tables() const { return tables_; }

public slots:
    // Reads now (in the background); updated or failed follows.
    void reload();

signals:
    void updated();
    void failed(const TaskError &error);

private:
    void listen();
    void scheduleReload();

    DestinationService *service_;
    JobLogListener *listener_ = nullptr;
    std::vector<mimeo::jobs::TableHealth> tables_;
    bool hasRead_ = false;
    LatestTask reading_;
    QTimer poll_;
    QTimer soon_;
    QElapsedTimer sinceLastRead_;
};
