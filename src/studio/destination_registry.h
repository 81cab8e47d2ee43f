// SPDX-License-Identifier: PostgreSQL
#pragma once
// The destinations the user has opened: one DestinationService each, kept
// in QSettings across sessions (conninfo and schema only: passwords live in
// the keychain, see password_store.h).
#include "destination_service.h"

#include <QObject>

#include <map>
#include <vector>

class PasswordStore;

class DestinationRegistry : public QObject {
    Q_OBJECT
public:
    DestinationRegistry(PasswordStore *passwords, QObject *parent = nullptr);

    // The service of target's key, made when new; either way it loads again.
    DestinationService *open(const DestinationTarget &target);
    DestinationService *find(const QString &key) const;
    std::vector<DestinationService *> all() const;
    bool isEmpty() const { return services_.empty(); }

    // Forgets a destination and its saved password; the database is not touched.
    void remove(const QString &key);
    // New connection settings for key, from the edit dialog; target.password
    // is the one typed (empty: unchanged). Returns the service now serving it
    // (another one when the key changed).
    DestinationService *edit(const QString &key, DestinationTarget target, bool savePassword);

    // Keeps a typed password: in the keychain when asked to, else for this session.
    void storePassword(const DestinationTarget &target, bool save);

    QString lastUsed() const { return lastUsed_; }
    void setLastUsed(const QString &key) { lastUsed_ = key; }

    // Opens the destinations of the last session (without passwords: libpq's
    // own means or the keychain supply them).
    void restore();
    void save() const;

signals:
    void added(DestinationService *service);
    // Sent before the service is deleted.
    void removing(DestinationService *service);

private:
    PasswordStore *passwords_;
    std::map<QString, DestinationService *> services_;
    QString lastUsed_;
};
