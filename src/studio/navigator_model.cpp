// SPDX-License-Identifier: PostgreSQL
#include "navigator_model.h"

#include <map>

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
        it->setToolTip(tr("%1 from %2 (source %3)")
                           .arg(QString::fromStdString(t.type), QString::fromStdString(t.sourceTable))
                           .arg(t.dataSourceId));
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
}
