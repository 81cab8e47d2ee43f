// SPDX-License-Identifier: PostgreSQL
#include "roles_model.h"

#include "catalog/roles.h"
#include "pg/connection.h"

std::vector<RoleRow> readLoginRoles(mimeo::pg::Connection &dest, const std::string &schema)
{
    // Direct membership only: that is what grant and revoke change.
    auto r = dest.exec(R"SQL(
        SELECT r.rolname, r.rolsuper,
               EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND g.rolname = $1),
               EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND g.rolname = $2)
          FROM pg_catalog.pg_roles r
         WHERE r.rolcanlogin AND r.rolname !~ '^pg_'
         ORDER BY r.rolname)SQL",
                       {mimeo::catalog::monitorGroup(schema), mimeo::catalog::operatorGroup(schema)});
    std::vector<RoleRow> rows;
    rows.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        rows.push_back({QString::fromStdString(r.text(i, 0)), r.toBool(i, 1), r.toBool(i, 2), r.toBool(i, 3)});
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
