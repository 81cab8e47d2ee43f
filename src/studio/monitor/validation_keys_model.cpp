// SPDX-License-Identifier: PostgreSQL
#include "validation_keys_model.h"

#include "validation_text.h"

void ValidationKeysModel::setKeys(std::vector<mimeo::jobs::ValidationKey> keys)
{
    beginResetModel();
    keys_ = std::move(keys);
    endResetModel();
}

int ValidationKeysModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(keys_.size()); }
int ValidationKeysModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ValidationKeysModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &k = keys_[static_cast<size_t>(index.row())];
    if (role == KindRole)
        return QString::fromStdString(k.kind);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return index.column() == KindColumn ? ValidationText::kind(k.kind) : QString::fromStdString(k.key);
}

QVariant ValidationKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == KindColumn ? tr("Difference") : tr("Key");
}
