// SPDX-License-Identifier: PostgreSQL
#include "destination_registry.h"

#include "password_store.h"

#include <QSettings>

DestinationRegistry::DestinationRegistry(PasswordStore *passwords, QObject *parent)
    : QObject(parent)
    , passwords_(passwords)
{
}

DestinationService *DestinationRegistry::open(const DestinationTarget &target)
{
    const QString key = target.key();
    auto it = services_.find(key);
    DestinationService *service = nullptr;
    if (it == services_.end()) {
        service = new DestinationService(target, passwords_, this);
        services_.emplace(key, service);
        emit added(service);
    } else {
        service = it->second;
        if (target.password)
            service->setTarget(target);
    }
    service->load();
    return service;
}

DestinationService *DestinationRegistry::find(const QString &key) const
{
    auto it = services_.find(key);
    return it == services_.end() ? nullptr : it->second;
}

std::vector<DestinationService *> DestinationRegistry::all() const
{
    std::vector<DestinationService *> out;
    for (const auto &[key, s] : services_)
        out.push_back(s);
    return out;
}

void DestinationRegistry::remove(const QString &key)
{
    auto it = services_.find(key);
    if (it == services_.end())
        return;
    DestinationService *service = it->second;
    emit removing(service);
    passwords_->remove(service->target().secretKey());
    services_.erase(it);
    if (lastUsed_ == key)
        lastUsed_.clear();
    service->deleteLater();
}

void DestinationRegistry::storePassword(const DestinationTarget &target, bool save)
{
    if (!target.password)
        return;
    if (save)
        passwords_->write(target.secretKey(), *target.password);
    else
        passwords_->remember(target.secretKey(), *target.password);
}

DestinationService *DestinationRegistry::edit(const QString &key, DestinationTarget t, bool savePassword)
{
    DestinationService *old = find(key);
    if (!old)
        return nullptr;
    const DestinationTarget before = old->target();
    if (t.password) {
        storePassword(t, savePassword);
    } else if (before.password && t.secretKey() != before.secretKey()) {
        t.password = before.password; // same server, new spelling: keep the password under the new key
        storePassword(t, savePassword);
    }
    if (t.secretKey() != before.secretKey() && t.password)
        passwords_->remove(before.secretKey());
    t.password.reset(); // the store has it; the load takes it from there
    if (t.key() != key) {
        emit removing(old);
        services_.erase(key);
        old->deleteLater();
    } else {
        old->setTarget(t);
    }
    lastUsed_ = t.key();
    return open(t);
}

void DestinationRegistry::restore()
{
    QSettings s;
    lastUsed_ = s.value(QStringLiteral("lastDestination")).toString();
    const int n = s.beginReadArray(QStringLiteral("destinations"));
    std::vector<DestinationTarget> targets;
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        DestinationTarget t;
        t.conninfo = s.value(QStringLiteral("conninfo")).toString();
        t.schema = s.value(QStringLiteral("schema"), QStringLiteral("mimeo")).toString();
        targets.push_back(t);
    }
    s.endArray();
    for (const auto &t : targets)
        open(t);
}

void DestinationRegistry::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("lastDestination"), lastUsed_);
    // A shorter array leaves the old entries behind; removed destinations must go.
    s.remove(QStringLiteral("destinations"));
    s.beginWriteArray(QStringLiteral("destinations"));
    int i = 0;
    for (const auto &[key, service] : services_) {
        s.setArrayIndex(i++);
        const DestinationTarget t = service->target();
        s.setValue(QStringLiteral("conninfo"), t.conninfo); // never a password: see ConnectionFields
        s.setValue(QStringLiteral("schema"), t.schema);
    }
    s.endArray();
}
