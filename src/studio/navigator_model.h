// SPDX-License-Identifier: PostgreSQL
#pragma once
// The tree on the left: each destination, under it its sources and its
// replicated tables grouped by type, and its roles.
#include "destination_session.h"
#include "jobs/health.h"

#include <QStandardItemModel>

#include <map>
#include <vector>

class NavigatorModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, KeyRole, BaseToolTipRole, HealthRole };
    enum Kind { DestinationItem = 1, SourcesGroup, SourceItem, TablesGroup, TypeGroup, TableItem, RolesItem };

    explicit NavigatorModel(QObject *parent = nullptr);

    // Adds the destination or replaces what is shown under it. key identifies it.
    void setDestination(const QString &key, const QString &title, const DestinationSnapshot &snapshot);
    void setDestinationError(const QString &key, const QString &title, const QString &error);
    QStandardItem *destinationItem(const QString &key) const;
    // Each table's status icon (and the worst one on the destination), from
    // its health feed; kept until the next call, also across setDestination.
    void setTableHealth(const QString &key, const std::vector<mimeo::jobs::TableHealth> &tables);

private:
    QStandardItem *ensureDestination(const QString &key, const QString &title);
    void applyHealth(QStandardItem *dest, const std::vector<mimeo::jobs::TableHealth> &tables);

    std::map<QString, std::vector<mimeo::jobs::TableHealth>> health_;
};
