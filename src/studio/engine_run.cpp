// SPDX-License-Identifier: PostgreSQL
#include "engine_run.h"

#include "destination_service.h"
#include "jobs/job_log.h"
#include "password_store.h"
#include "pg/cancel.h"
#include "pg/connection.h"
#include "task_runner.h"

#include <QPointer>

#include <mutex>

// What the worker and the GUI thread share; the worker keeps it alive when
// the run object is gone first.
struct EngineRun::Shared {
    mimeo::pg::CancelToken cancel;
    std::mutex mutex;
    mimeo::replication::Progress progress;
    bool fresh = false;
};

void EngineProgress::setElapsed(qint64 ms)
{
    elapsedMs = ms;
    rowsPerSecond = ms > 0 ? 1000.0 * static_cast<double>(rows) / static_cast<double>(ms) : 0;
    remainingMs = rowsPerSecond > 0 && estimatedRows > rows
        ? static_cast<qint64>(1000.0 * static_cast<double>(estimatedRows - rows) / rowsPerSecond)
        : -1;
}

EngineRun::EngineRun(DestinationTarget target, std::string action, QObject *parent)
    : QObject(parent)
    , target_(std::move(target))
    , action_(std::move(action))
    , shared_(std::make_shared<Shared>())
{
    poller_.setInterval(100);
    connect(&poller_, &QTimer::timeout, this, &EngineRun::poll);
}

EngineRun::~EngineRun()
{
    // Nobody is left to hear the answer: the servers stop working for it.
    if (running_)
        shared_->cancel.request("the application closed the run");
}

bool EngineRun::cancelRequested() const { return shared_->cancel.requested(); }

void EngineRun::cancel()
{
    if (running_)
        shared_->cancel.request("cancelled in Mimeo Studio");
}

void EngineRun::poll()
{
    mimeo::replication::Progress p;
    {
        std::lock_guard lock(shared_->mutex);
        if (!shared_->fresh)
            return;
        shared_->fresh = false;
        p = shared_->progress;
    }
    EngineProgress out;
    out.phase = QString::fromStdString(p.phase);
    out.rows = p.rows;
    out.bytes = p.bytes;
    out.estimatedRows = p.estimatedRows;
    out.setElapsed(clock_.elapsed());
    last_ = out;
    emit progressed(out);
}

void EngineRun::start(Work work)
{
    running_ = true;
    clock_.start();
    poller_.start();
    const auto shared = shared_;
    const DestinationTarget target = target_;
    const std::string action = action_;
    const auto statements = statements_;
    const bool rehearse = rehearse_;
    std::map<int, std::string> passwords;
    for (const auto &[id, pw] : passwords_)
        passwords.emplace(id, pw.toStdString());
    const std::string schema = target.schema.toStdString();
    runTask(this, [shared, target, action, statements, rehearse, passwords, schema, work = std::move(work)] {
        auto dest = target.connect(action); // the engine's Job makes it (and each source) watch the token
        std::unique_ptr<mimeo::jobs::JobLog> log;
        if (!rehearse)
            log = std::make_unique<mimeo::jobs::JobLog>(target.connectSpec(action + ":log"), schema, "mimeo studio");
        mimeo::replication::RunContext ctx;
        ctx.schema = schema;
        ctx.log = log.get();
        ctx.statements = statements.get();
        ctx.rehearse = rehearse;
        ctx.cancel = &shared->cancel;
        ctx.applicationPrefix = "mimeo-studio";
        ctx.sourcePassword = [passwords](int id) -> std::optional<std::string> {
            auto it = passwords.find(id);
            return it == passwords.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        ctx.progress = [shared](const mimeo::replication::Progress &p) {
            std::lock_guard lock(shared->mutex);
            shared->progress = p;
            shared->fresh = true;
        };
        return work(dest, ctx);
    }, [this](const mimeo::replication::RunResult &result) {
        poll();
        poller_.stop();
        running_ = false;
        emit finished(result);
    }, [this](const TaskError &error) {
        poller_.stop();
        running_ = false;
        emit failed(error);
    });
}

void startWithSourcePassword(EngineRun *run, DestinationService *service, int sourceId, EngineRun::Work work)
{
    QPointer<EngineRun> guard(run);
    service->passwords()->read(service->sourcePasswordKey(sourceId), run,
                               [guard, sourceId, work = std::move(work)](const std::optional<QString> &pw) {
                                   if (!guard || guard->cancelRequested())
                                       return;
                                   if (pw)
                                       guard->setSourcePasswords({{sourceId, *pw}});
                                   guard->start(work);
                               });
}
