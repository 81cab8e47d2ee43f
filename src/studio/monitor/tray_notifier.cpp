// SPDX-License-Identifier: PostgreSQL
#include "tray_notifier.h"

#include "destination_service.h"
#include "health_feed.h"
#include "monitor_model.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

using mimeo::jobs::Health;

namespace {
const QString kSetting = QStringLiteral("notifications/destinations");
}

TrayNotifier::TrayNotifier(QObject *parent)
    : QObject(parent)
{
    const QStringList keys = QSettings().value(kSetting).toStringList();
    enabled_ = QSet<QString>(keys.begin(), keys.end());
    updateTray();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::setEnabled(const QString &destinationKey, bool on)
{
    if (on)
        enabled_.insert(destinationKey);
    else
        enabled_.remove(destinationKey);
    QStringList keys(enabled_.begin(), enabled_.end());
    keys.sort();
    QSettings().setValue(kSetting, keys);
    updateTray();
}

void TrayNotifier::watch(DestinationService *service)
{
    QPointer<DestinationService> s(service);
    connect(service->health(), &HealthFeed::updated, this, [this, s] {
        if (s)
            check(s);
    });
    connect(service, &QObject::destroyed, this, [this, key = service->key()] { seen_.erase(key); });
}

void TrayNotifier::check(DestinationService *service)
{
    const QString key = service->key();
    const bool firstRead = !seen_.count(key);
    auto &seen = seen_[key];
    std::map<std::string, Health> now;
    QStringList news;
    for (const auto &t : service->health()->tables()) {
        now[t.destTable] = t.health;
        if (firstRead || mimeo::jobs::severityOf(t.health) != mimeo::jobs::Severity::Critical)
            continue;
        auto before = seen.find(t.destTable);
        if (before != seen.end() && before->second == t.health)
            continue;
        news << tr("%1 %2: %3").arg(QString::fromStdString(t.destTable), healthText(t.health), QString::fromStdString(t.reason));
    }
    seen = std::move(now);
    if (news.isEmpty() || !isEnabled(key))
        return;
    const QString title = tr("%n table(s) of %1 need attention", nullptr, static_cast<int>(news.size())).arg(service->displayName());
    const QString message = news.join(QLatin1Char('\n'));
    lastKey_ = key;
    if (tray_)
        tray_->showMessage(title, message, QSystemTrayIcon::Warning);
    emit notified(key, title, message);
}

void TrayNotifier::updateTray()
{
    const bool want = !enabled_.isEmpty() && QSystemTrayIcon::isSystemTrayAvailable();
    if (want && !tray_) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->setToolTip(tr("Mimeo Studio: notifies when a table fails or turns critical"));
        connect(tray_, &QSystemTrayIcon::messageClicked, this, [this] { emit showRequested(lastKey_); });
        connect(tray_, &QSystemTrayIcon::activated, this, [this] { emit showRequested(lastKey_); });
        tray_->show();
    } else if (!want && tray_) {
        delete tray_;
        tray_ = nullptr;
    }
}
