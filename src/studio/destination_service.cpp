// SPDX-License-Identifier: PostgreSQL
#include "destination_service.h"

#include "health_feed.h"
#include "password_store.h"

namespace {

// What a load brings back: the snapshot and the password that worked, so
// the destination's pages connect without asking again.
struct LoadResult {
    DestinationSnapshot snapshot;
    std::optional<QString> password;
};

} // namespace

DestinationService::DestinationService(DestinationTarget target, PasswordStore *passwords, QObject *parent)
    : QObject(parent)
    , target_(std::move(target))
    , passwords_(passwords)
    , health_(new HealthFeed(this, this))
{
    if (target_.password)
        passwords_->remember(target_.secretKey(), *target_.password);
}

QString DestinationService::displayName() const
{
    if (!title_.isEmpty())
        return title_;
    return target_.conninfo.isEmpty() ? tr("(libpq defaults)") : target_.conninfo;
}

const mimeo::catalog::SourceRecord *DestinationService::source(int id) const
{
    for (const auto &s : snapshot_.sources)
        if (s.id == id)
            return &s;
    return nullptr;
}

QString DestinationService::sourcePasswordKey(int sourceId) const
{
    return sourceSecretKey(snapshot_.identity, target_.schema, sourceId);
}

PasswordRequest DestinationService::sourcePasswordRequest(int sourceId, QWidget *parent) const
{
    QString what = tr("source %1").arg(sourceId);
    if (const auto *s = source(sourceId))
        what = tr("source %1 (%2 as %3)").arg(sourceId).arg(QString::fromStdString(s->dataSource),
                                                           QString::fromStdString(s->username));
    return {passwords_, sourcePasswordKey(sourceId), what, parent};
}

PasswordRequest DestinationService::destinationPasswordRequest(QWidget *parent) const
{
    return {passwords_, target_.secretKey(), tr("destination %1").arg(displayName()), parent};
}

void DestinationService::setTarget(const DestinationTarget &target)
{
    target_ = target;
    if (target_.password)
        passwords_->remember(target_.secretKey(), *target_.password);
    // The feed's listener keeps a connection of its own: it connects again
    // with the new settings (a password edited since would otherwise reach
    // it only after a restart).
    health_->restartListening();
}

void DestinationService::setRunners(std::vector<mimeo::catalog::RunnerRow> runners)
{
    runners_ = std::move(runners);
    const bool alive = std::any_of(runners_.begin(), runners_.end(), [](const auto &r) { return !r.gone; });
    if (alive == runnerAlive_)
        return;
    runnerAlive_ = alive;
    emit runnerChanged(alive);
}

void DestinationService::load()
{
    emit loadStarted();
    if (target_.password)
        passwords_->remember(target_.secretKey(), *target_.password);
    const DestinationTarget base = target_;
    // A newer load wins: the answer of an older one is dropped.
    const auto ticket = loading_.take();
    PasswordRequest request = destinationPasswordRequest(promptParent_);
    request.receiver = this;
    runWithPassword(
        request,
        [base](const std::optional<QString> &password) {
            DestinationTarget t = base;
            if (password)
                t.password = password;
            return LoadResult{loadDestination(t), password};
        },
        [this, ticket](LoadResult result) {
            if (!ticket.current())
                return;
            target_.password = result.password;
            snapshot_ = std::move(result.snapshot);
            loaded_ = true;
            title_ = tr("%1 (schema %2)").arg(snapshot_.describe, target_.schema);
            target_.displayName = title_;
            // Older catalogs have no health to read until `mimeo init` (or
            // the install dialog) upgrades them; a later load starts it. Its
            // reads also say whether a runner serves (setRunners).
            if (snapshot_.probe.catalog.upToDate())
                health_->start();
            emit loaded();
        },
        [this, ticket](const TaskError &error) {
            if (!ticket.current())
                return;
            emit loadFailed(error);
        });
}

void DestinationService::addSource(const QString &conninfo, const QString &user, const std::optional<QString> &password,
                                   bool save, QObject *context, std::function<void(int, bool)> done, TaskFailed failed)
{
    const DestinationTarget t = target_;
    runTask(context, [t, conninfo = conninfo.toStdString(), user = user.toStdString()] {
        auto conn = t.connect("source-add");
        mimeo::catalog::SourceRegistry reg(conn, t.schema.toStdString());
        // The password never goes to the catalog: pwd stays NULL.
        return reg.add(conninfo, user);
    }, [this, context, password, save, done = std::move(done)](int id) {
        catalogChanged();
        if (password && save) {
            passwords_->write(sourcePasswordKey(id), *password, context, [id, done](bool inKeychain) { done(id, inKeychain); });
            return;
        }
        if (password)
            passwords_->remember(sourcePasswordKey(id), *password);
        done(id, false);
    }, std::move(failed));
}
