// SPDX-License-Identifier: PostgreSQL
#pragma once
// The job log for the history view: newest first, read a page at a time as
// the view scrolls (keyset paging on the job id, so a year of history for
// hundreds of tables opens at once); a new filter starts over and drops what
// older reads bring back.
#include "jobs/job_history.h"
#include "task_runner.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StartedColumn, TableColumn, ActionColumn, StatusColumn, DurationColumn, RowsColumn, ChangesColumn,
                  OriginColumn, HostColumn, MessageColumn, ColumnCount };
    using PageReader = std::function<void(const mimeo::jobs::JobFilter &filter, std::optional<long long> before, int limit,
                                          std::function<void(std::vector<mimeo::jobs::JobRecord>)> done, TaskFailed failed)>;
    static constexpr int kPageSize = 200;

    explicit HistoryModel(PageReader reader, QObject *parent = nullptr);

    void setFilter(const mimeo::jobs::JobFilter &filter);
    const mimeo::jobs::JobRecord &at(int row) const { return rows_.at(static_cast<size_t>(row)); }
    bool isLoading() const { return loading_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded(bool first, int rows);
    void loadFailed(const QString &message);

private:
    void readPage(bool first);

    PageReader reader_;
    mimeo::jobs::JobFilter filter_;
    std::vector<mimeo::jobs::JobRecord> rows_;
    bool more_ = false;
    bool loading_ = false;
    LatestTask reading_;
    LatestTask::Ticket query_ = reading_.take();
};

// A job log time (ISO 8601 UTC) in the user's local time, for people.
QString localTime(const std::string &iso);
// A run's rows inserted/updated/deleted, where the engine counted them
// (empty otherwise): "+2 ~3 −1", and in words "2 inserted, 3 updated, 1 deleted".
QString formatChanges(const mimeo::jobs::JobRecord &job);
QString describeChanges(const mimeo::jobs::JobRecord &job);
