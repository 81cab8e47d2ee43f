// SPDX-License-Identifier: PostgreSQL
#pragma once
// The differing keys of a validation, one row each: how it differs
// (missing on the destination, extra on it, different) and the key.
#include "jobs/validation.h"

#include <QAbstractTableModel>

#include <vector>

class ValidationKeysModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, KeyColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1 }; // "missing", "extra", "different"

    using QAbstractTableModel::QAbstractTableModel;

    void setKeys(std::vector<mimeo::jobs::ValidationKey> keys);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<mimeo::jobs::ValidationKey> keys_;
};
