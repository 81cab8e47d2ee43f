// SPDX-License-Identifier: PostgreSQL
#pragma once
// One make, refresh or destroy of the engine, run off the GUI thread the
// way `mimeo` runs it: its own destination connection, a row in the job
// log (origin "mimeo studio"), source passwords looked up on the GUI thread
// before it starts (never by a worker waiting on the GUI). Progress reaches
// the GUI thread at most ten times a second; cancel() reaches the servers at
// once (pg::CancelToken); finished or failed comes exactly once.
#include "destination_session.h"
#include "background_task.h"
#include "replication/engine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "pg/statement_log.h"

#include <functional>
#include <map>
#include <memory>

class DestinationService;

struct EngineProgress {
    QString phase;
    qint64 rows = 0;
    qint64 bytes = 0;
    qint64 estimatedRows = -1; // -1: unknown
    qint64 elapsedMs = 0;
    double rowsPerSecond = 0;
    qint64 remainingMs = -1; // -1: unknown

    // Sets elapsedMs, and the rate and time left that follow from it and
    // the rows (the job log's figures of a runner's job, too).
    void setElapsed(qint64 ms);
};
Q_DECLARE_METATYPE(EngineProgress)

class EngineRun : public QObject {
    Q_OBJECT
public:
    // What runs on the worker: the engine call on the open destination connection.
    using Work = std::function<mimeo::replication::RunResult(mimeo::pg::Connection &dest,
                                                             mimeo::replication::RunContext &ctx)>;

    // action: for application_name and the job log ("make", "destroy").
    EngineRun(DestinationTarget target, std::string action, QObject *parent = nullptr);
    ~EngineRun() override;

    // Passwords of the sources the run may connect to (from the keychain or
    // the user), by data_source_id. Set before start().
    void setSourcePasswords(std::map<int, QString> passwords) { passwords_ = std::move(passwords); }
    // Every statement the run sends goes to log (pg/statement_log.h); with
    // rehearse, the run is a rehearsal: the same code, rolled back at the
    // end on every server, and no job-log row.
    void setStatementLog(std::shared_ptr<mimeo::pg::StatementLog> log, bool rehearse)
    {
        statements_ = std::move(log);
        rehearse_ = rehearse;
    }

    void start(Work work);
    // Stops the run at once: the running statements are cancelled on the
    // servers and the engine rolls back what it made.
    void cancel();
    bool isRunning() const { return running_; }
    bool cancelRequested() const;
    EngineProgress lastProgress() const { return last_; }

signals:
    void progressed(const EngineProgress &progress);
    void finished(const mimeo::replication::RunResult &result);
    void failed(const TaskError &error);

private:
    struct Shared;
    void poll();

    DestinationTarget target_;
    std::string action_;
    std::map<int, QString> passwords_;
    std::shared_ptr<mimeo::pg::StatementLog> statements_;
    bool rehearse_ = false;
    bool running_ = false;
    std::shared_ptr<Shared> shared_;
    QTimer poller_;
    QElapsedTimer clock_;
    EngineProgress last_;
};

// Starts run once the password of source sourceId is read from this session
// or the keychain (here, on the GUI thread: the keychain answers
// asynchronously, and a worker never waits for the GUI). Nothing starts when
// run is deleted or cancelled meanwhile.
void startWithSourcePassword(EngineRun *run, DestinationService *service, int sourceId, EngineRun::Work work);
