// SPDX-License-Identifier: PostgreSQL
#pragma once
// Sorting and filtering of the configuration editor: a text filter over
// every column and a filter by replication type.
#include <QSortFilterProxyModel>

class ConfigFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ConfigFilterProxy(QObject *parent = nullptr);

    // Only rows of this type (snap, table, ...); empty shows every type.
    void setTypeFilter(const QString &type);
    QString typeFilter() const { return type_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString type_;
};
