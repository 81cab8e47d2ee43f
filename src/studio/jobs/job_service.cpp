// SPDX-License-Identifier: PostgreSQL
#include "job_service.h"

#include "catalog/job_rows.h"
#include "check_work.h"
#include "destination_service.h"
#include "jobs/due_refresh.h"
#include "password_store.h"

#include <QSettings>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// What one job runs on its worker: the engine's refresh, or mimeo run's due
// rule; a table another process holds comes back Locked with its holder.
EngineRun::Work workFor(JobRecord::Action action, const std::string &table, bool waitForLock)
{
    if (action == JobRecord::Action::Validate)
        return validationWork(table);
    if (action == JobRecord::Action::Repair)
        return repairWork(table);
    return [action, table, waitForLock](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        mimeo::replication::RunResult result;
        if (action == JobRecord::Action::Due) {
            const auto due = mimeo::jobs::refreshIfStillDue(dest, table, ctx);
            result = due.result;
            result.message = due.message;
            if (due.kind == mimeo::jobs::DueRefresh::Kind::Busy)
                result.outcome = mimeo::replication::Outcome::Locked;
            else if (due.kind == mimeo::jobs::DueRefresh::Kind::NotDue)
                result.outcome = mimeo::replication::Outcome::Skipped;
        } else {
            mimeo::replication::RefreshRequest req;
            req.destTable = table;
            req.repull = action == JobRecord::Action::Repull;
            req.lockWait = waitForLock ? mimeo::catalog::LockWait::untilGranted() : mimeo::catalog::LockWait::noWait();
            result = mimeo::replication::refresh(dest, req, ctx);
        }
        if (result.outcome == mimeo::replication::Outcome::Locked)
            result.message = mimeo::catalog::describeLockHolder(dest, ctx.schema, table, result.jobId);
        return result;
    };
}

} // namespace

QString jobStateName(JobRecord::State state)
{
    switch (state) {
    case JobRecord::State::Queued: return JobService::tr("queued");
    case JobRecord::State::Running: return JobService::tr("running");
    case JobRecord::State::Cancelling: return JobService::tr("Cancelling…");
    case JobRecord::State::Done: return JobService::tr("ok");
    case JobRecord::State::Skipped: return JobService::tr("skipped");
    case JobRecord::State::Busy: return JobService::tr("busy");
    case JobRecord::State::Failed: return JobService::tr("failed");
    case JobRecord::State::Cancelled: return JobService::tr("cancelled");
    }
    return {};
}

QString jobActionName(JobRecord::Action action)
{
    switch (action) {
    case JobRecord::Action::Refresh: return JobService::tr("refresh");
    case JobRecord::Action::Repull: return JobService::tr("full re-pull");
    case JobRecord::Action::Due: return JobService::tr("scheduled refresh");
    case JobRecord::Action::Validate: return JobService::tr("validation");
    case JobRecord::Action::Repair: return JobService::tr("row repair");
    }
    return {};
}

JobService::JobService(QObject *parent)
    : QObject(parent)
    , maxRunning_(std::max(1, QSettings().value(QStringLiteral("jobs/workers"), 2).toInt()))
{
}

JobService::~JobService()
{
    // The runs are children: each cancels its statements on the servers as
    // it goes. Jobs on a runner go on there: that is what they are for.
    cancelAllHere();
}

void JobService::setMaxRunning(int n)
{
    maxRunning_ = std::max(1, n);
    QSettings().setValue(QStringLiteral("jobs/workers"), maxRunning_);
    startNext();
}

const JobRecord *JobService::find(int id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &jobs_[static_cast<size_t>(i)];
}

JobRecord *JobService::record(int id)
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &jobs_[static_cast<size_t>(i)];
}

int JobService::indexOf(int id) const
{
    for (size_t i = 0; i < jobs_.size(); ++i)
        if (jobs_[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int JobService::activeCount() const
{
    return static_cast<int>(std::count_if(jobs_.begin(), jobs_.end(), [](const JobRecord &j) { return j.active(); }));
}

int JobService::activeHereCount() const
{
    return static_cast<int>(std::count_if(jobs_.begin(), jobs_.end(), [](const JobRecord &j) { return j.active() && !j.onRunner; }));
}

int JobService::activeHereCount(const QString &key) const
{
    return static_cast<int>(std::count_if(jobs_.begin(), jobs_.end(), [&](const JobRecord &j) {
        return j.active() && !j.onRunner && j.destinationKey == key;
    }));
}

bool JobService::isActive(const QString &key, const QString &destTable) const
{
    return std::any_of(jobs_.begin(), jobs_.end(),
                       [&](const JobRecord &j) { return j.active() && j.destinationKey == key && j.destTable == destTable; });
}

JobRecord JobService::newRecord(DestinationService *service, const QString &destTable, JobRecord::Action action)
{
    JobRecord job;
    job.id = nextId_++;
    job.destinationKey = service->key();
    job.destinationName = service->displayName();
    job.destTable = destTable;
    job.action = action;
    job.queuedAt = QDateTime::currentDateTime();
    for (const auto &t : service->snapshot().tables)
        if (q(t.destTable) == destTable)
            job.type = q(t.type);
    return job;
}

int JobService::enqueue(DestinationService *service, const QString &destTable, JobRecord::Action action, bool waitForLock)
{
    JobRecord job = newRecord(service, destTable, action);
    job.waitForLock = waitForLock;
    jobs_.push_back(job);
    services_[job.id] = service;
    emit jobAdded(static_cast<int>(jobs_.size()) - 1);
    startNext();
    return job.id;
}

int JobService::enqueueOnRunner(DestinationService *service, const QString &destTable, JobRecord::Action action)
{
    JobRecord job = newRecord(service, destTable, action);
    const int id = job.id;
    job.onRunner = true;
    jobs_.push_back(job);
    services_[id] = service;
    emit jobAdded(static_cast<int>(jobs_.size()) - 1);
    startOnRunner(jobs_.back(), service);
    return id;
}

void JobService::startNext()
{
    // Index loop: finish() below may add nothing but does emit, and the
    // vector is not resized while we walk it.
    for (size_t i = 0; i < jobs_.size(); ++i) {
        auto &job = jobs_[i];
        if (runningCount() >= maxRunning_)
            return;
        if (job.onRunner || job.state != JobRecord::State::Queued || running_.count(job.id))
            continue;
        DestinationService *service = services_[job.id];
        if (!service) {
            finish(job.id, JobRecord::State::Cancelled, tr("The destination was removed."));
            continue;
        }
        start(job, service);
    }
}

void JobService::start(JobRecord &job, DestinationService *service)
{
    const int id = job.id;
    job.state = JobRecord::State::Running;
    job.startedAt = QDateTime::currentDateTime();
    const char *action = job.action == JobRecord::Action::Repull ? "repull"
        : job.action == JobRecord::Action::Validate             ? "validate"
        : job.action == JobRecord::Action::Repair               ? "repair"
                                                                : "refresh";
    auto *run = new EngineRun(service->target(), action, this);
    running_[id] = run;
    connect(run, &EngineRun::progressed, this, [this, id](const EngineProgress &p) {
        const int i = indexOf(id);
        if (i < 0)
            return;
        jobs_[static_cast<size_t>(i)].progress = p;
        emit jobChanged(i);
    });
    connect(run, &EngineRun::finished, this, [this, id, run](const mimeo::replication::RunResult &r) {
        const int i = indexOf(id);
        if (i >= 0) {
            auto &job = jobs_[static_cast<size_t>(i)];
            job.progress = run->lastProgress();
            job.progress.rows = r.rows;
            job.progress.bytes = r.bytes;
        }
        switch (r.outcome) {
        case mimeo::replication::Outcome::Done: finish(id, JobRecord::State::Done, q(r.message)); break;
        case mimeo::replication::Outcome::Skipped: finish(id, JobRecord::State::Skipped, q(r.message)); break;
        case mimeo::replication::Outcome::Locked: finish(id, JobRecord::State::Busy, q(r.message)); break;
        }
    });
    connect(run, &EngineRun::failed, this, [this, id, run](const TaskError &e) {
        const int i = indexOf(id);
        if (run->cancelRequested()) {
            finish(id, JobRecord::State::Cancelled, tr("Cancelled: the destination is as it was."));
            return;
        }
        if (i >= 0)
            jobs_[static_cast<size_t>(i)].error = e;
        finish(id, JobRecord::State::Failed, e.message);
    });
    changed(id);
    int sourceId = 0;
    for (const auto &t : service->snapshot().tables)
        if (q(t.destTable) == job.destTable)
            sourceId = t.dataSourceId;
    startWithSourcePassword(run, service, sourceId, workFor(job.action, job.destTable.toStdString(), job.waitForLock));
}

void JobService::finish(int id, JobRecord::State state, const QString &message)
{
    const int i = indexOf(id);
    if (i >= 0) {
        auto &job = jobs_[static_cast<size_t>(i)];
        job.state = state;
        job.message = message;
        job.endedAt = QDateTime::currentDateTime();
        emit jobChanged(i);
    }
    if (auto it = running_.find(id); it != running_.end()) {
        it->second->deleteLater();
        running_.erase(it);
    }
    if (auto it = remote_.find(id); it != remote_.end()) {
        if (RequestFollower *follower = followers_.value(it->second.target.key()); follower && it->second.requestId)
            follower->forget(it->second.requestId);
        remote_.erase(it);
    }
    services_.erase(id);
    startNext();
    if (activeHereCount() == 0)
        emit idle();
}

void JobService::changed(int id)
{
    const int i = indexOf(id);
    if (i >= 0)
        emit jobChanged(i);
}

void JobService::cancel(int id)
{
    const int i = indexOf(id);
    if (i < 0)
        return;
    auto &job = jobs_[static_cast<size_t>(i)];
    if (job.state == JobRecord::State::Queued) {
        finish(id, JobRecord::State::Cancelled, tr("Cancelled before it started."));
        return;
    }
    if (job.state != JobRecord::State::Running)
        return;
    job.state = JobRecord::State::Cancelling;
    emit jobChanged(i);
    if (job.onRunner) {
        sendCancel(id); // waits for the request id when it is still being made
        return;
    }
    auto it = running_.find(id);
    if (it == running_.end())
        return;
    if (it->second->isRunning()) {
        it->second->cancel();
    } else {
        // Still waiting for its password: it never reached a server.
        it->second->cancel();
        finish(id, JobRecord::State::Cancelled, tr("Cancelled before it started."));
    }
}

void JobService::cancelWhere(const std::function<bool(const JobRecord &)> &which)
{
    // Ids first: cancelling may finish a job, which emits and may start others.
    std::vector<int> ids;
    for (const auto &j : jobs_)
        if (j.active() && which(j))
            ids.push_back(j.id);
    for (int id : ids)
        cancel(id);
}

void JobService::cancelAll()
{
    cancelWhere([](const JobRecord &) { return true; });
}

void JobService::cancelAllHere()
{
    cancelWhere([](const JobRecord &j) { return !j.onRunner; });
}

void JobService::cancelHereFor(const QString &key)
{
    cancelWhere([&key](const JobRecord &j) { return !j.onRunner && j.destinationKey == key; });
}

void JobService::clearFinished()
{
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), [](const JobRecord &j) { return j.finished(); }), jobs_.end());
    emit jobsRemoved();
}
