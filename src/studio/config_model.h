// SPDX-License-Identifier: PostgreSQL
#pragma once
// Every configured table of one destination (all refresh_config children)
// as one table: a state column, then the catalog's columns under their own
// names. Columns a type does not have are shown empty and cannot be edited.
// Edits stay pending until saved; a value the checks refuse is never taken
// (valueRefused says why). Saving writes only the pending columns.
#include "catalog/config_tables.h"
#include "catalog/sources.h"

#include <QAbstractTableModel>

#include <map>
#include <optional>
#include <vector>

class ConfigTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum { StateColumn = 0 };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(ColumnKind), or -1 when the row's type lacks the column
        ColumnNameRole,              // catalog column name
        TypeRole,                    // the row's replication type
        NullableRole,
    };

    explicit ConfigTableModel(QObject *parent = nullptr);

    void setRecords(std::vector<mimeo::catalog::ConfigRecord> records);
    void setSources(std::vector<mimeo::catalog::SourceRecord> sources);
    const std::vector<mimeo::catalog::SourceRecord> &sources() const { return sources_; }
    const mimeo::catalog::ConfigRecord &record(int row) const { return records_.at(static_cast<size_t>(row)); }

    // The model column of a catalog column, -1 when unknown.
    int columnOf(const std::string &name) const;
    std::string columnName(int column) const;
    int rowOf(const QString &destTable, const QString &type = {}) const;

    // The value shown (pending edit, else as read), std::nullopt for NULL.
    std::optional<std::string> value(int row, const std::string &column) const;

    // Pending edits as changes for applyConfigChanges; rows[i] is the model
    // row of changes[i].
    std::vector<mimeo::catalog::ConfigChange> pendingChanges(std::vector<int> *rows = nullptr) const;
    bool hasPendingChanges() const { return !pending_.empty(); }
    void revertAll();
    void setRowError(int row, const QString &error);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // ISO 8601 in UTC as the core reads timestamps ("...T13:45:00.000000+00:00").
    static std::string toServerTimestamp(const QDateTime &dt);
    static QDateTime fromServerTimestamp(const std::string &text);

signals:
    void valueRefused(const QModelIndex &index, const QString &reason);
    void pendingChanged(bool hasPending);

private:
    std::optional<mimeo::catalog::ColumnKind> kindAt(const QModelIndex &index) const;
    bool sameValue(mimeo::catalog::ColumnKind kind, const std::optional<std::string> &a,
                   const std::optional<std::string> &b) const;

    std::vector<mimeo::catalog::ConfigRecord> records_;
    std::vector<mimeo::catalog::SourceRecord> sources_;
    std::map<int, std::map<std::string, std::optional<std::string>>> pending_;
    std::map<int, QString> errors_;
};
