// SPDX-License-Identifier: PostgreSQL
#pragma once
// The application's refreshes: queued, then run on a pool of workers (how
// many at once is a setting; each job has its own connections, as `mimeo
// run`'s workers do), never on the GUI thread. Source passwords are looked
// up on the GUI thread before a job starts. A table another process holds
// is reported with its holder from the job log instead of queueing behind
// its lock, unless the user chose to wait. Finished jobs stay listed until
// they are cleared.
// A refresh or re-pull can go to a runner of the catalog (`mimeo serve`,
// issue 18) instead: the job is then a request row, followed through the
// request's job in the job log; it needs no worker here, and Cancel sends
// a cancel request. A request no runner takes (or whose runner died) while
// none is alive is withdrawn after a while and fails here, saying so.
#include "background_task.h"
#include "engine_run.h"
#include "request_follower.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <vector>

class DestinationService;

struct JobRecord {
    // Validate and Repair: the checks of issue 17 (jobs/check_work.h).
    enum class Action { Refresh, Repull, Due, Validate, Repair };
    enum class State { Queued, Running, Cancelling, Done, Skipped, Busy, Failed, Cancelled };

    int id = 0;
    QString destinationKey;
    QString destinationName;
    QString destTable;
    QString type;
    Action action = Action::Refresh;
    bool waitForLock = false;
    State state = State::Queued;
    EngineProgress progress;
    QString message; // the outcome for people: rows, the skip reason, the lock's holder
    TaskError error;  // Failed: side, SQLSTATE, message
    QDateTime queuedAt;
    QDateTime startedAt;
    QDateTime endedAt;
    // On a runner: the request, the job log's row answering it, and the
    // runner that took it (0 and empty until known).
    bool onRunner = false;
    qint64 requestId = 0;
    qint64 runnerJobId = 0;
    QString runner;

    bool finished() const { return state >= State::Done; }
    bool active() const { return !finished(); }
};
Q_DECLARE_METATYPE(JobRecord)

class JobService : public QObject {
    Q_OBJECT
public:
    explicit JobService(QObject *parent = nullptr);
    ~JobService() override;

    // How many jobs run at once (QSettings jobs/workers, default 2).
    int maxRunning() const { return maxRunning_; }
    void setMaxRunning(int n);
    // How long a request may wait while no runner is alive before it is
    // withdrawn and fails here (default 20 s; runners are noticed gone after
    // 3x their interval without a sign of life).
    void setNoRunnerPatience(int ms) { noRunnerPatienceMs_ = ms; }

    // Queues a job; returns its id. It starts when a worker is free.
    int enqueue(DestinationService *service, const QString &destTable, JobRecord::Action action, bool waitForLock = false);
    // Hands a refresh, re-pull or validation to the catalog's runners; returns its id.
    // It starts at once (no worker of ours runs it).
    int enqueueOnRunner(DestinationService *service, const QString &destTable, JobRecord::Action action);

    const std::vector<JobRecord> &jobs() const { return jobs_; }
    const JobRecord *find(int id) const;
    int indexOf(int id) const;
    int runningCount() const { return static_cast<int>(running_.size()); }
    int activeCount() const;
    // The active jobs this application runs itself: a job on a runner goes
    // on there when the application closes.
    int activeHereCount() const;
    // Those of one destination: removing it leaves its jobs on a runner
    // there (they are still followed to their end here).
    int activeHereCount(const QString &destinationKey) const;
    // A job of destTable of this destination that is queued or running.
    bool isActive(const QString &destinationKey, const QString &destTable) const;

public slots:
    // Queued: ends as cancelled at once. Running: "Cancelling…" at once, the
    // servers stop, and it ends as cancelled with the destination unchanged.
    void cancel(int id);
    void cancelAll();
    void cancelAllHere();
    void cancelHereFor(const QString &destinationKey);
    // Forgets the finished jobs (the running and queued ones stay).
    void clearFinished();

signals:
    void jobAdded(int index);
    void jobChanged(int index);
    void jobsRemoved(); // after clearFinished: the list changed shape
    // Nothing queued or running here any more (jobs on a runner may be).
    void idle();

private:
    // A queued record of action on destTable, with the next id and the table's type.
    JobRecord newRecord(DestinationService *service, const QString &destTable, JobRecord::Action action);
    void startNext();
    void start(JobRecord &job, DestinationService *service);
    void finish(int id, JobRecord::State state, const QString &message);
    void changed(int id);
    // Cancels the active jobs which(job) picks.
    void cancelWhere(const std::function<bool(const JobRecord &)> &which);
    // A job on a runner (job_service_runner.cpp): its request is made, then
    // its destination's follower reads it until it is over.
    struct Remote {
        DestinationTarget target;
        qint64 requestId = 0;
        bool cancelSent = false;
        bool withdrawing = false;
        bool finishing = false; // a validation's record is being read
        QDateTime noRunnerSince; // waiting while no runner is alive, since
    };
    void startOnRunner(JobRecord &job, DestinationService *service);
    RequestFollower *followerFor(const DestinationTarget &target);
    void requestProgressed(const mimeo::catalog::RequestProgress &p);
    void requestVanished(qint64 requestId);
    void followFailed(const QString &destinationKey, const TaskError &e);
    // Waiting (or taken by a dead runner) with no runner alive for too long:
    // withdrawn, and failed here.
    void giveUpWaiting(int id);
    // A validation the runner answered: ends with the table's recorded validation, summed up.
    void finishValidation(int id, const QString &runnerMessage);
    int jobOfRequest(qint64 requestId) const;
    void sendCancel(int id);
    JobRecord *record(int id);

    int maxRunning_ = 2;
    int noRunnerPatienceMs_ = 20000;
    int nextId_ = 1;
    std::vector<JobRecord> jobs_;
    std::map<int, QPointer<DestinationService>> services_;
    std::map<int, EngineRun *> running_;
    std::map<int, Remote> remote_;
    QHash<QString, RequestFollower *> followers_; // by destination key
};

QString jobStateName(JobRecord::State state);
QString jobActionName(JobRecord::Action action);
