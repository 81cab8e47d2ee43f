// SPDX-License-Identifier: PostgreSQL
#include "config_filter.h"

#include "config_model.h"

ConfigFilterProxy::ConfigFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1); // the text filter looks at every column
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ConfigFilterProxy::setTypeFilter(const QString &type)
{
    if (type == type_)
        return;
    type_ = type;
    invalidateFilter();
}

bool ConfigFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!type_.isEmpty()) {
        const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
        if (sourceModel()->data(i, ConfigTableModel::TypeRole).toString() != type_)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
