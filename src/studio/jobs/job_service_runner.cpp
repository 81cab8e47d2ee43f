// SPDX-License-Identifier: PostgreSQL
// JobService's jobs on a runner (issue 18): the request is made, the
// destination's RequestFollower reads it until a runner answered it, and
// Cancel withdraws it or asks the runner to cancel its job.
#include "job_service.h"

#include "catalog/requests.h"
#include "check_work.h"
#include "destination_service.h"
#include "jobs/validation.h"

#include <QSysInfo>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

std::string requestAction(JobRecord::Action action)
{
    switch (action) {
    case JobRecord::Action::Repull:
        return "repull";
    case JobRecord::Action::Validate:
        return "validate";
    default:
        return "refresh";
    }
}

// Who asked, for the runner's log and `mimeo status`: this computer.
std::string askingHost() { return QSysInfo::machineHostName().toStdString(); }

} // namespace

void JobService::startOnRunner(JobRecord &job, DestinationService *service)
{
    const int id = job.id;
    job.state = JobRecord::State::Running;
    job.startedAt = QDateTime::currentDateTime();
    Remote remote;
    remote.target = service->target();
    remote_[id] = remote;
    changed(id);
    const DestinationTarget t = remote.target;
    const std::string action = requestAction(job.action);
    const std::string table = job.destTable.toStdString();
    const std::string host = askingHost();
    runTask(this, [t, action, table, host] {
        auto conn = t.connect("request");
        return mimeo::catalog::insertRequest(conn, t.schema.toStdString(), action, table, host);
    }, [this, id](int64_t requestId) {
        JobRecord *job = record(id);
        auto it = remote_.find(id);
        if (!job || it == remote_.end())
            return;
        job->requestId = requestId;
        it->second.requestId = requestId;
        changed(id);
        followerFor(it->second.target)->follow(requestId);
        // Cancel was pressed while the request was being made.
        if (job->state == JobRecord::State::Cancelling)
            sendCancel(id);
    }, [this, id](const TaskError &e) {
        if (JobRecord *job = record(id))
            job->error = e;
        finish(id, JobRecord::State::Failed, tr("Could not hand the job to the runner: %1").arg(e.message));
    });
}

RequestFollower *JobService::followerFor(const DestinationTarget &target)
{
    const QString key = target.key();
    if (RequestFollower *follower = followers_.value(key)) {
        follower->setTarget(target); // as the destination's settings are now
        return follower;
    }
    auto *follower = new RequestFollower(target, this);
    connect(follower, &RequestFollower::progressed, this, &JobService::requestProgressed);
    connect(follower, &RequestFollower::vanished, this, &JobService::requestVanished);
    connect(follower, &RequestFollower::readFailed, this, [this, key](const TaskError &e) { followFailed(key, e); });
    followers_.insert(key, follower);
    return follower;
}

int JobService::jobOfRequest(qint64 requestId) const
{
    for (const auto &[id, remote] : remote_)
        if (remote.requestId == requestId)
            return id;
    return 0;
}

void JobService::requestVanished(qint64 requestId)
{
    if (const int id = jobOfRequest(requestId))
        finish(id, JobRecord::State::Failed, tr("The request vanished from the catalog."));
}

void JobService::followFailed(const QString &destinationKey, const TaskError &e)
{
    // The destination may be restarting: the follower keeps reading; say why it is quiet.
    for (const auto &[id, remote] : remote_)
        if (remote.target.key() == destinationKey)
            if (JobRecord *job = record(id)) {
                job->message = tr("Could not read the request: %1").arg(e.message);
                changed(id);
            }
}

void JobService::requestProgressed(const mimeo::catalog::RequestProgress &p)
{
    const int id = jobOfRequest(p.request.id);
    JobRecord *job = record(id);
    if (!job)
        return;
    job->runnerJobId = p.request.jobId.value_or(0);
    job->runner = q(p.request.takenBy.value_or(std::string()));
    job->message.clear();
    if (p.phase)
        job->progress.phase = q(*p.phase);
    job->progress.rows = p.rows.value_or(0);
    job->progress.bytes = p.bytes.value_or(0);
    job->progress.estimatedRows = p.rowsExpected.value_or(-1);
    // The rate counts from the job's start on the runner (by the server's
    // clock), not from when this computer asked: a wait for a free runner
    // worker would make it look slow.
    job->progress.setElapsed(p.jobSeconds ? static_cast<qint64>(*p.jobSeconds * 1000.0) : 0);
    const std::string &status = p.request.status;
    const QString message = q(p.request.message.value_or(std::string()));
    if (p.jobStatus == "skipped" && p.jobLocked && status != "waiting" && status != "taken") {
        finish(id, JobRecord::State::Busy, message);
    } else if (status == "done" && job->action == JobRecord::Action::Validate) {
        finishValidation(id, message);
    } else if (status == "done") {
        finish(id, p.jobStatus == "skipped" ? JobRecord::State::Skipped : JobRecord::State::Done, message);
    } else if (status == "cancelled") {
        finish(id, JobRecord::State::Cancelled, message);
    } else if (status == "failed") {
        // A job cancelled on request ends as failed when the runner ran it.
        if (job->state == JobRecord::State::Cancelling && p.jobStatus == "cancelled") {
            finish(id, JobRecord::State::Cancelled, message);
            return;
        }
        job->error.message = message;
        finish(id, JobRecord::State::Failed, message);
    } else {
        // Waiting, or taken by a runner that died, while no runner is alive:
        // given up after a while rather than left waiting for ever (as
        // `mimeo refresh --runner` does).
        auto &remote = remote_[id];
        const DestinationService *service = services_[id];
        if ((status == "waiting" || status == "taken") && service && !service->runnerAlive()) {
            if (!remote.noRunnerSince.isValid())
                remote.noRunnerSince = QDateTime::currentDateTime();
            else if (remote.noRunnerSince.msecsTo(QDateTime::currentDateTime()) >= noRunnerPatienceMs_)
                giveUpWaiting(id);
        } else {
            remote.noRunnerSince = QDateTime();
        }
        changed(id);
    }
}

void JobService::finishValidation(int id, const QString &runnerMessage)
{
    // The runner recorded the table's validation: said as a validation run
    // here says it (in the user's language), else in the runner's words.
    auto it = remote_.find(id);
    const JobRecord *job = find(id);
    if (it == remote_.end() || !job || it->second.finishing)
        return;
    it->second.finishing = true;
    const DestinationTarget t = it->second.target;
    const std::string table = job->destTable.toStdString();
    runTask(this, [t, table] {
        auto conn = t.connect("request");
        return mimeo::jobs::readValidation(conn, t.schema.toStdString(), table);
    }, [this, id, runnerMessage](const std::optional<mimeo::jobs::Validation> &v) {
        finish(id, JobRecord::State::Done, v ? validationSummary(*v) : runnerMessage);
    }, [this, id, runnerMessage](const TaskError &) { finish(id, JobRecord::State::Done, runnerMessage); });
}

void JobService::giveUpWaiting(int id)
{
    auto it = remote_.find(id);
    if (it == remote_.end() || it->second.withdrawing || it->second.cancelSent)
        return;
    it->second.withdrawing = true;
    const DestinationTarget t = it->second.target;
    const int64_t requestId = it->second.requestId;
    runTask(this, [t, requestId] {
        auto conn = t.connect("request");
        // False while a live runner's backend still works on it: it goes on.
        return mimeo::catalog::cancelUnservedRequest(conn, t.schema.toStdString(), requestId,
                                                     "withdrawn in Mimeo Studio: no runner is alive");
    }, [this, id](bool withdrawn) {
        auto it = remote_.find(id);
        if (it == remote_.end())
            return;
        it->second.withdrawing = false;
        // A live runner has it: it goes on.
        if (!withdrawn)
            return;
        const JobRecord *job = find(id);
        finish(id, JobRecord::State::Failed,
               tr("No runner is alive to carry it out: none serves %1 any more. Start mimeo serve near the databases, or run %2 on this computer "
                  "(Destination ▸ Run on the Server's Runner When One Serves).")
                   .arg(job ? job->destinationName : QString(), job ? jobActionName(job->action) : QString()));
    }, [this, id](const TaskError &) {
        // Tried again at the next read.
        if (auto it = remote_.find(id); it != remote_.end())
            it->second.withdrawing = false;
    });
}

void JobService::sendCancel(int id)
{
    auto it = remote_.find(id);
    const JobRecord *job = find(id);
    if (it == remote_.end() || !job || !job->requestId || it->second.cancelSent)
        return;
    it->second.cancelSent = true;
    const DestinationTarget t = it->second.target;
    const int64_t requestId = job->requestId;
    const std::optional<int64_t> jobId = job->runnerJobId ? std::optional<int64_t>(job->runnerJobId) : std::nullopt;
    const std::string host = askingHost();
    // No runner has it yet: it is withdrawn. Else its runner is asked to
    // cancel it; the request's answer ends the job here either way.
    runTask(this, [t, requestId, jobId, host] {
        auto conn = t.connect("request");
        const std::string schema = t.schema.toStdString();
        if (!mimeo::catalog::withdrawRequest(conn, schema, requestId, "withdrawn in Mimeo Studio"))
            mimeo::catalog::insertCancelRequest(conn, schema, requestId, jobId, host);
    }, [] {}, [this, id](const TaskError &e) {
        auto it = remote_.find(id);
        if (it != remote_.end())
            it->second.cancelSent = false;
        if (JobRecord *job = record(id)) {
            job->message = tr("Could not ask the runner to cancel: %1").arg(e.message);
            changed(id);
        }
    });
}
