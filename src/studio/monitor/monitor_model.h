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
    // What a DBA scans first comes first (a 1280-pixel window shows it all
    // up to the validation); where a table comes from and why, after.
    enum Column { StatusColumn, TableColumn, LastRunColumn, OutcomeColumn, DurationColumn, RowsColumn, BehindColumn,
                  ValidatedColumn, NextDueColumn, TypeColumn, SourceColumn, ReasonColumn, ColumnCount };
    // PercentRole (Rows column): a running refresh's progress, 0..100, or
    // -1 while the amount it expects is unknown; invalid when not running.
    enum Role { HealthRole = Qt::UserRole + 1, DestTableRole, SourceIdRole, PercentRole };

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
// A recorded lag measure (jobs/lag.h) in a few words ("≈ 1,234 changes",
// "3 min 12 s", "42 values"), and what it is, how sure and how old.
QString lagText(const mimeo::jobs::LagMeasure &m);
// A span of seconds to days in its two largest units ("3 min 12 s").
QString lagDuration(qint64 seconds);
QString lagToolTip(const mimeo::jobs::LagMeasure &m);
