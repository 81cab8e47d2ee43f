// SPDX-License-Identifier: PostgreSQL
#pragma once
// The login roles of a destination's cluster and their place in the
// catalog's two group roles, <schema>_monitor and <schema>_operator
// (catalog/roles.h), for a table view on the Roles page.
#include <QAbstractTableModel>
#include <QMetaType>
#include <QString>

#include <string>
#include <vector>

#include "catalog/roles.h"

struct RoleRow {
    QString name;
    bool superuser = false;
    bool monitor = false;  // a direct member of <schema>_monitor
    bool operatorMember = false; // a direct member of <schema>_operator
};

// The rows of the core's catalog::listLoginRoles, for the view.
std::vector<RoleRow> toRoleRows(const std::vector<mimeo::catalog::LoginRole> &roles);

class RolesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, MonitorColumn, OperatorColumn, SuperuserColumn, ColumnCount };
    enum Role { RoleNameRole = Qt::UserRole + 1 };

    explicit RolesModel(QObject *parent = nullptr);

    void setRows(std::vector<RoleRow> rows);
    const RoleRow &at(int row) const { return rows_.at(static_cast<size_t>(row)); }
    const RoleRow *rowFor(const QString &name) const;
    int rowOf(const QString &name) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RoleRow> rows_;
};
