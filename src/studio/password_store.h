// SPDX-License-Identifier: PostgreSQL
#pragma once
// Passwords of destinations and sources: in the OS keychain (QtKeychain:
// Secret Service, KWallet, macOS Keychain, Windows Credential Store), never
// in settings, files, logs or the catalog. Without a usable keychain the
// store says so once (keychainUnavailable) and keeps passwords in memory
// for this session only; it never falls back to plain text.
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    using ReadDone = std::function<void(const std::optional<QString> &password)>;
    using WriteDone = std::function<void(bool inKeychain)>;

    // The password under key: from this session's memory when known, else
    // from the keychain; nullopt when neither has one. done runs on the GUI
    // thread, unless context is destroyed first.
    void read(const QString &key, QObject *context, ReadDone done);

    // Saves the password in the keychain (and in memory). done(false) when
    // the keychain could not take it: then it is kept in memory only.
    void write(const QString &key, const QString &password, QObject *context = nullptr, WriteDone done = {});

    // Keeps a password for this session only (the user chose not to save it).
    void remember(const QString &key, const QString &password);

    // Forgets the password everywhere (memory and keychain).
    void remove(const QString &key, QObject *context = nullptr, std::function<void()> done = {});

    // Finds out early whether the keychain works (a read of a key that is
    // never written), so the user hears about a missing keychain at start,
    // not in the middle of entering a password.
    void probe();

    // False once a keychain operation failed for want of a working backend.
    bool keychainAvailable() const { return available_; }
    QString unavailableReason() const { return reason_; }

signals:
    // Emitted once, the first time the keychain turns out to be unusable.
    void keychainUnavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    QHash<QString, QString> memory_;
    bool available_ = true;
    QString reason_;
};
