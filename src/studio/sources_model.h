// SPDX-License-Identifier: PostgreSQL
#pragma once
// The rows of a destination's dblink_mapping_mimeo for a table view: id,
// connection, user, where the password is, and the tables that use it.
#include "catalog/sources.h"

#include <QAbstractTableModel>
#include <QSet>

#include <vector>

struct SourceRow {
    mimeo::catalog::SourceRecord record;
    std::vector<std::string> tables; // destination tables configured on it
};
Q_DECLARE_METATYPE(std::vector<SourceRow>)

class SourcesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, ConnectionColumn, UserColumn, PasswordColumn, TablesColumn, ColumnCount };
    enum Role { SourceIdRole = Qt::UserRole + 1 };

    explicit SourcesModel(QObject *parent = nullptr);

    void setRows(std::vector<SourceRow> rows);
    // The keychain holds a password for this source.
    void setInKeychain(int sourceId, bool inKeychain);
    const SourceRow *rowFor(int sourceId) const;
    const SourceRow &at(int row) const { return rows_.at(static_cast<size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SourceRow> rows_;
    QSet<int> inKeychain_;
};
