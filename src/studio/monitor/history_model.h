// SPDX-License-Identifier: PostgreSQL
#pragma once
// The job log for the history view: newest first, read a page at a time as
// the view scrolls (PagedModel; keyset paging on the job id, so a year of
// history for hundreds of tables opens at once).
#include "jobs/job_history.h"
#include "paged_model.h"

#include <functional>
#include <vector>

class HistoryModel : public PagedModel<mimeo::jobs::JobRecord> {
    Q_OBJECT
public:
    enum Column { StartedColumn, TableColumn, ActionColumn, StatusColumn, DurationColumn, RowsColumn, ChangesColumn,
                  OriginColumn, HostColumn, MessageColumn, ColumnCount };
    using PageReader = std::function<void(const mimeo::jobs::JobFilter &filter, std::optional<long long> before, int limit,
                                          std::function<void(std::vector<mimeo::jobs::JobRecord>)> done, TaskFailed failed)>;
    explicit HistoryModel(PageReader reader, QObject *parent = nullptr);

    void setFilter(const mimeo::jobs::JobFilter &filter);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void readPage(bool first, LatestTask::Ticket ticket) override;

    PageReader reader_;
    mimeo::jobs::JobFilter filter_;
};

// A job log time (ISO 8601 UTC) in the user's local time, for people.
QString localTime(const std::string &iso);
// A run's rows inserted/updated/deleted, where the engine counted them
// (empty otherwise): "+2 ~3 −1", and in words "2 inserted, 3 updated, 1 deleted".
QString formatChanges(const mimeo::jobs::JobRecord &job);
QString describeChanges(const mimeo::jobs::JobRecord &job);
