// SPDX-License-Identifier: PostgreSQL
#pragma once
// Desktop notifications when a table fails or turns critical, for the
// destinations the user asked it for (off by default, one switch per
// destination, kept in the settings). It watches each destination's health
// feed and speaks only of changes: a table that enters failed, abandoned or
// critical since the previous read, all such tables of one read in one
// message. What was already wrong when the feed first read is on the
// monitor, not in a popup. Without a system tray (a bare X server, a test)
// it still emits notified, and the main window writes it to its log.
#include "jobs/health.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <map>
#include <string>

class DestinationService;
class QSystemTrayIcon;

class TrayNotifier : public QObject {
    Q_OBJECT
public:
    explicit TrayNotifier(QObject *parent = nullptr);
    ~TrayNotifier() override;

    void watch(DestinationService *service);

    bool isEnabled(const QString &destinationKey) const { return enabled_.contains(destinationKey); }
    void setEnabled(const QString &destinationKey, bool on);

signals:
    void notified(const QString &destinationKey, const QString &title, const QString &message);
    // The user clicked the tray icon or a message: show that destination's monitor.
    void showRequested(const QString &destinationKey);

private:
    void check(DestinationService *service);
    void updateTray();

    QSet<QString> enabled_;
    // Per destination: each table's grade at the previous read.
    std::map<QString, std::map<std::string, mimeo::jobs::Health>> seen_;
    QSystemTrayIcon *tray_ = nullptr;
    QString lastKey_; // the destination of the latest message, for a click on it
};
