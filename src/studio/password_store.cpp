// SPDX-License-Identifier: PostgreSQL
#include "password_store.h"

#include "catalog/secret_keys.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace {

QString service() { return QString::fromLatin1(mimeo::catalog::kKeychainService); }

// Anything but "no such entry" means we cannot rely on the keychain: no
// D-Bus session, no Secret Service or KWallet, a locked collection, or the
// user refused access. All of them are handled the same way: memory only.
bool isBackendFailure(QKeychain::Error e)
{
    switch (e) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    default:
        return true;
    }
}

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

void PasswordStore::markUnavailable(const QString &reason)
{
    if (!available_)
        return;
    available_ = false;
    reason_ = reason;
    emit keychainUnavailable(reason);
}

void PasswordStore::remember(const QString &key, const QString &password) { memory_.insert(key, password); }

void PasswordStore::read(const QString &key, QObject *context, ReadDone done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done](const std::optional<QString> &pw) {
        if (done && (!hasContext || guard))
            done(pw);
    };
    if (auto it = memory_.constFind(key); it != memory_.constEnd()) {
        // Asynchronous like a keychain answer, so callers see one behaviour.
        QMetaObject::invokeMethod(this, [deliver, pw = *it] { deliver(pw); }, Qt::QueuedConnection);
        return;
    }
    if (!available_) {
        QMetaObject::invokeMethod(this, [deliver] { deliver(std::nullopt); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, deliver](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (rj->error() == QKeychain::NoError) {
            memory_.insert(key, rj->textData());
            deliver(rj->textData());
            return;
        }
        if (isBackendFailure(rj->error()))
            markUnavailable(rj->errorString());
        deliver(std::nullopt);
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password, QObject *context, WriteDone done)
{
    memory_.insert(key, password);
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done](bool inKeychain) {
        if (done && (!hasContext || guard))
            done(inKeychain);
    };
    if (!available_) {
        QMetaObject::invokeMethod(this, [deliver] { deliver(false); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, deliver](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            markUnavailable(j->errorString());
        deliver(j->error() == QKeychain::NoError);
    });
    job->start();
}

void PasswordStore::remove(const QString &key, QObject *context, std::function<void()> done)
{
    memory_.remove(key);
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done] {
        if (done && (!hasContext || guard))
            done();
    };
    if (!available_) {
        QMetaObject::invokeMethod(this, deliver, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, deliver](QKeychain::Job *j) {
        if (isBackendFailure(j->error()))
            markUnavailable(j->errorString());
        deliver();
    });
    job->start();
}

void PasswordStore::probe()
{
    read(QStringLiteral("probe:keychain-available"), this, {});
}
