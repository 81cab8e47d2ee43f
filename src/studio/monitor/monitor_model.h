// SPDX-License-Identifier: PostgreSQL
#pragma once
// The monitor's rows: every configured table with its health grade (the
// rule `mimeo status` uses, jobs/health.h), worst first; the grade shows as
// a coloured icon and a word, the reason beside it.
#include "jobs/health.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

class MonitorModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StatusColumn, TableColumn, TypeColumn, SourceColumn, LastRunColumn, OutcomeColumn, DurationColumn,
                  RowsColumn, NextDueColumn, ValidatedColumn, ReasonColumn, ColumnCount };
    enum Role { HealthRole = Qt::UserRole + 1, DestTableRole, SourceIdRole };

    explicit MonitorModel(QObject *parent = nullptr);

    // The full state of every table (never a delta): rows keep their place
    // when the set of tables is the same, so a selection survives updates.
    void setTables(std::vector<mimeo::jobs::TableHealth> tables);
    const mimeo::jobs::TableHealth &at(int row) const { return tables_.at(static_cast<size_t>(row)); }
    int rowOf(const QString &destTable) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<mimeo::jobs::TableHealth> tables_;
};

// The colour and icon of a grade (also used by the navigator).
QColor healthColor(mimeo::jobs::Health h);
QIcon healthIcon(mimeo::jobs::Health h);
QString healthText(mimeo::jobs::Health h);
