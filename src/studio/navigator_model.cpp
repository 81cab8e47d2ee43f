// SPDX-License-Identifier: PostgreSQL
#include "navigator_model.h"

#include "monitor_model.h"

#include <functional>

NavigatorModel::NavigatorModel(QObject *parent)
    : QStandardItemModel(parent)
{
}

QStandardItem *NavigatorModel::destinationItem(const QString &key) const
{
    for (int r = 0; r < rowCount(); ++r) {
        QStandardItem *it = item(r);
        if (it->data(KeyRole).toString() == key)
            return it;
    }
    return nullptr;
}

QStandardItem *NavigatorModel::ensureDestination(const QString &key, const QString &title)
{
    QStandardItem *dest = destinationItem(key);
    if (!dest) {
        dest = new QStandardItem;
        dest->setData(DestinationItem, KindRole);
        dest->setData(key, KeyRole);
        appendRow(dest);
    }
    dest->setText(title);
    dest->removeRows(0, dest->rowCount());
    return dest;
}

void NavigatorModel::setDestinationError(const QString &key, const QString &title, const QString &error)
{
    QStandardItem *dest = ensureDestination(key, title);
    dest->setToolTip(error);
    auto *err = new QStandardItem(tr("Not reachable: %1").arg(error.section(QLatin1Char('\n'), 0, 0)));
    err->setToolTip(error);
    dest->appendRow(err);
}

void NavigatorModel::setDestination(const QString &key, const QString &title, const DestinationSnapshot &snap)
{
    QStandardItem *dest = ensureDestination(key, title);
    dest->setToolTip(tr("PostgreSQL %1, %2").arg(QString::fromStdString(snap.probe.serverVersion),
                                                  snap.probe.standby ? tr("standby") : tr("primary")));
    if (!snap.probe.catalog.mimeoTablesComplete()) {
        dest->appendRow(new QStandardItem(tr("No catalog in schema %1").arg(QString::fromStdString(snap.probe.catalog.schema))));
        return;
    }

    auto *sources = new QStandardItem(tr("Sources (%1)").arg(snap.sources.size()));
    sources->setData(SourcesGroup, KindRole);
    for (const auto &s : snap.sources) {
        auto *it = new QStandardItem(tr("%1: %2 as %3").arg(s.id).arg(QString::fromStdString(s.dataSource),
                                                               QString::fromStdString(s.username)));
        it->setData(SourceItem, KindRole);
        it->setData(s.id, KeyRole);
        sources->appendRow(it);
    }
    dest->appendRow(sources);

    auto *tables = new QStandardItem(tr("Tables (%1)").arg(snap.tables.size()));
    tables->setData(TablesGroup, KindRole);
    std::map<std::string, QStandardItem *> groups;
    for (const auto &t : snap.tables) {
        const std::string family = mimeo::catalog::typeFamily(t.type);
        auto &group = groups[family];
        if (!group) {
            group = new QStandardItem(QString::fromStdString(family));
            group->setData(TypeGroup, KindRole);
        }
        auto *it = new QStandardItem(QString::fromStdString(t.destTable));
        it->setData(TableItem, KindRole);
        it->setData(QString::fromStdString(t.destTable), KeyRole);
        const QString tip = tr("%1 from %2 (source %3)")
                                .arg(QString::fromStdString(t.type), QString::fromStdString(t.sourceTable))
                                .arg(t.dataSourceId);
        it->setData(tip, BaseToolTipRole);
        it->setToolTip(tip);
        group->appendRow(it);
    }
    for (auto &[family, group] : groups) {
        group->setText(QStringLiteral("%1 (%2)").arg(QString::fromStdString(family)).arg(group->rowCount()));
        tables->appendRow(group);
    }
    dest->appendRow(tables);

    auto *roles = new QStandardItem(tr("Roles"));
    roles->setData(RolesItem, KindRole);
    roles->setToolTip(tr("Login roles that may monitor or operate this catalog"));
    dest->appendRow(roles);
    if (auto known = health_.find(key); known != health_.end())
        applyHealth(dest, known->second);
}

void NavigatorModel::setTableHealth(const QString &key, const std::vector<mimeo::jobs::TableHealth> &tables)
{
    health_[key] = tables;
    if (QStandardItem *dest = destinationItem(key))
        applyHealth(dest, tables);
}

void NavigatorModel::applyHealth(QStandardItem *dest, const std::vector<mimeo::jobs::TableHealth> &tables)
{
    std::map<QString, const mimeo::jobs::TableHealth *> byName;
    for (const auto &t : tables)
        byName[QString::fromStdString(t.destTable)] = &t;
    std::function<void(QStandardItem *)> walk = [&](QStandardItem *item) {
        for (int r = 0; r < item->rowCount(); ++r) {
            QStandardItem *child = item->child(r);
            if (child->data(KindRole).toInt() == TableItem) {
                auto found = byName.find(child->data(KeyRole).toString());
                if (found == byName.end())
                    continue; // made since the last read: the next read brings it
                const auto &h = *found->second;
                child->setIcon(healthIcon(h.health));
                child->setData(int(h.health), HealthRole);
                child->setToolTip(child->data(BaseToolTipRole).toString() + QLatin1Char('\n') + healthText(h.health)
                                  + QStringLiteral(": ") + QString::fromStdString(h.reason));
            } else {
                walk(child);
            }
        }
    };
    walk(dest);
    if (!tables.empty()) {
        const auto worst = mimeo::jobs::worstOf(tables);
        dest->setIcon(healthIcon(worst));
        dest->setData(int(worst), HealthRole);
    }
}
