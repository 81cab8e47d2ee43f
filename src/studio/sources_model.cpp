// SPDX-License-Identifier: PostgreSQL
#include "sources_model.h"

#include <QColor>

SourcesModel::SourcesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SourcesModel::setRows(std::vector<SourceRow> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void SourcesModel::setInKeychain(int sourceId, bool inKeychain)
{
    if (inKeychain)
        inKeychain_.insert(sourceId);
    else
        inKeychain_.remove(sourceId);
    for (size_t r = 0; r < rows_.size(); ++r) {
        if (rows_[r].record.id == sourceId) {
            const QModelIndex i = index(static_cast<int>(r), PasswordColumn);
            emit dataChanged(i, i);
        }
    }
}

const SourceRow *SourcesModel::rowFor(int sourceId) const
{
    for (const auto &r : rows_)
        if (r.record.id == sourceId)
            return &r;
    return nullptr;
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SourceRow &r = rows_[static_cast<size_t>(index.row())];
    if (role == SourceIdRole)
        return r.record.id;
    if (role == Qt::ToolTipRole && index.column() == TablesColumn) {
        QStringList names;
        for (const auto &t : r.tables)
            names << QString::fromStdString(t);
        return names.join(QLatin1Char('\n'));
    }
    if (role == Qt::ForegroundRole && index.column() == PasswordColumn
        && (r.record.hasStoredPassword || r.record.passwordInDataSource))
        return QColor(0xb0, 0x00, 0x20);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return r.record.id;
    case ConnectionColumn:
        return QString::fromStdString(r.record.dataSource);
    case UserColumn:
        return QString::fromStdString(r.record.username);
    case PasswordColumn:
        if (r.record.passwordInDataSource)
            return tr("in the connection string (plain text)");
        if (r.record.hasStoredPassword)
            return tr("in the catalog (plain text)");
        if (inKeychain_.contains(r.record.id))
            return tr("keychain");
        return tr("libpq (.pgpass, service) or none");
    case TablesColumn: {
        QStringList names;
        for (const auto &t : r.tables)
            names << QString::fromStdString(t);
        return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case ConnectionColumn: return tr("Connection");
    case UserColumn: return tr("User");
    case PasswordColumn: return tr("Password");
    case TablesColumn: return tr("Used by");
    }
    return {};
}
