// SPDX-License-Identifier: PostgreSQL
#pragma once
// The Jobs panel's rows: one per job of the JobService, running and queued
// first in the order they came, with phase, rows of the expected rows,
// bytes, rate, elapsed and time left, and the outcome.
#include <QAbstractTableModel>

class JobService;
struct JobRecord;

class JobsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TableColumn, ActionColumn, StateColumn, ProgressColumn, RowsColumn, RateColumn, ElapsedColumn,
                  LeftColumn, CancelColumn, MessageColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, PercentRole, ActiveRole };

    explicit JobsModel(JobService *jobs, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString outcome(const JobRecord &job) const;

    JobService *jobs_;
};

// "12 s", "3 min 04 s".
QString formatDuration(qint64 ms);
