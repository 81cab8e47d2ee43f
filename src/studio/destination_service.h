// SPDX-License-Identifier: PostgreSQL
#pragma once
// One open destination, as the pages and dialogs see it: how to reach it
// (the target, with the password that worked this session), who it is
// (identity: host:port/db, part of its sources' keychain keys), what was
// last read from its catalog, and where passwords come from. Pages ask the
// service instead of keeping copies that go stale when the user types a
// password or edits the connection.
#include "catalog/requests.h"
#include "destination_session.h"
#include "password_flow.h"
#include "task_runner.h"

#include <QObject>

#include <vector>

class HealthFeed;
class PasswordStore;
class QWidget;

class DestinationService : public QObject {
    Q_OBJECT
public:
    DestinationService(DestinationTarget target, PasswordStore *passwords, QObject *parent = nullptr);

    QString key() const { return target_.key(); }
    // How to connect now: a copy for work off the GUI thread.
    DestinationTarget target() const { return target_; }
    QString schema() const { return target_.schema; }
    // user@host:port/db (schema s) once loaded, the conninfo before.
    QString displayName() const;

    bool isLoaded() const { return loaded_; }
    const DestinationSnapshot &snapshot() const { return snapshot_; }
    QString identity() const { return snapshot_.identity; }
    const mimeo::catalog::SourceRecord *source(int id) const;

    // Every table's health, kept current from the job log once the catalog
    // is loaded and up to date (the monitor, the navigator and the tray read it).
    HealthFeed *health() const { return health_; }

    // The runners (`mimeo serve`) of this catalog at the last read of the
    // health feed, which reads them with the health (issue 18), and whether
    // one of them is alive: refreshes, re-pulls and validations go to it
    // then, when the user lets them.
    const std::vector<mimeo::catalog::RunnerRow> &runners() const { return runners_; }
    bool runnerAlive() const { return runnerAlive_; }
    void setRunners(std::vector<mimeo::catalog::RunnerRow> runners);

    PasswordStore *passwords() const { return passwords_; }
    // Where a page's work finds a source's password: the keychain key and
    // the prompt shown when the server wants one (parent: the prompt's
    // parent, and the context the work's answer needs alive).
    QString sourcePasswordKey(int sourceId) const;
    PasswordRequest sourcePasswordRequest(int sourceId, QWidget *parent) const;
    PasswordRequest destinationPasswordRequest(QWidget *parent) const;

    // Registers a source: the password goes to the keychain (save) or this
    // session, never to the catalog. done(id, whether the keychain took the
    // password) or failed on the GUI thread, while context lives. The
    // Sources page and the make wizard use it.
    void addSource(const QString &conninfo, const QString &user, const std::optional<QString> &password, bool save,
                   QObject *context, std::function<void(int, bool)> done, TaskFailed failed);

    // The window password prompts of load() belong to.
    void setPromptParent(QWidget *parent) { promptParent_ = parent; }

    // New connection settings (same key) from the edit dialog.
    void setTarget(const DestinationTarget &target);

public slots:
    // Reads the destination again in the background; loaded or loadFailed follows.
    void load();
    // A page changed the catalog: read it again so the navigator shows it.
    void catalogChanged() { load(); }

signals:
    void loadStarted();
    void loaded();
    void loadFailed(const TaskError &error);
    // A runner began or stopped serving this destination.
    void runnerChanged(bool alive);

private:
    DestinationTarget target_;
    PasswordStore *passwords_;
    HealthFeed *health_;
    DestinationSnapshot snapshot_;
    bool loaded_ = false;
    std::vector<mimeo::catalog::RunnerRow> runners_;
    bool runnerAlive_ = false;
    QString title_;
    QWidget *promptParent_ = nullptr;
    LatestTask loading_;
};
