// SPDX-License-Identifier: PostgreSQL
#include "roles_model.h"


std::vector<RoleRow> toRoleRows(const std::vector<mimeo::catalog::LoginRole> &roles)
{
    std::vector<RoleRow> rows;
    rows.reserve(roles.size());
    for (const auto &r : roles)
        rows.push_back({QString::fromStdString(r.name), r.superuser, r.monitor, r.operatorMember});
    return rows;
}

RolesModel::RolesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RolesModel::setRows(std::vector<RoleRow> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int RolesModel::rowOf(const QString &name) const
{
    for (size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].name == name)
            return static_cast<int>(r);
    return -1;
}

const RoleRow *RolesModel::rowFor(const QString &name) const
{
    const int r = rowOf(name);
    return r < 0 ? nullptr : &rows_[static_cast<size_t>(r)];
}

int RolesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RolesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RolesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RoleRow &r = rows_[static_cast<size_t>(index.row())];
    if (role == RoleNameRole)
        return r.name;
    if (role == Qt::ToolTipRole) {
        if (index.column() == SuperuserColumn && r.superuser)
            return tr("A superuser may do everything, whatever groups it is in.");
        if (index.column() == MonitorColumn && !r.monitor && r.operatorMember)
            return tr("Operators are monitors too: the operator group is a member of the monitor group.");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r.name;
    case MonitorColumn:
        if (r.monitor)
            return tr("yes");
        return r.operatorMember ? tr("through operator") : tr("no");
    case OperatorColumn:
        return r.operatorMember ? tr("yes") : tr("no");
    case SuperuserColumn:
        return r.superuser ? tr("yes") : QString();
    }
    return {};
}

QVariant RolesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Role");
    case MonitorColumn: return tr("Monitor");
    case OperatorColumn: return tr("Operator");
    case SuperuserColumn: return tr("Superuser");
    }
    return {};
}
