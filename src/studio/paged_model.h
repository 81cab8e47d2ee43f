// SPDX-License-Identifier: PostgreSQL
#pragma once
// A table model that reads its rows a page at a time as the view scrolls
// (canFetchMore/fetchMore), off the GUI thread, so a long list (a year of
// job history, thousands of source tables) shows its first rows at once.
// A new query starts over, and the pages older queries bring back are
// dropped. PagedModel<Row> keeps the rows; a subclass says how to read a
// page and how to show a row.
#include "task_runner.h"

#include <QAbstractTableModel>

#include <iterator>
#include <vector>

class PagedModelBase : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    bool isLoading() const { return loading_; }
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && more_ && !loading_; }
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A page arrived (first: the first page of a new query); rows: how many are shown now.
    void pageLoaded(bool first, int rows);
    void loadFailed(const QString &message);

protected:
    using QAbstractTableModel::QAbstractTableModel;

    // Forgets the rows and reads the first page (call after changing the query).
    void startOver();
    // Reads the page after the rows so far, answering with pageArrived or
    // pageFailed under ticket (dropped when a newer query started).
    virtual void readPage(bool first, LatestTask::Ticket ticket) = 0;
    virtual void clearRows() = 0;
    void pageFailed(const LatestTask::Ticket &ticket, const QString &message);
    // After the rows of a page were appended.
    void pageDone(bool first, bool more, int rows);

    bool more_ = false;
    bool loading_ = false;

private:
    void read(bool first);

    LatestTask reading_;
    LatestTask::Ticket query_ = reading_.take();
};

template <class Row>
class PagedModel : public PagedModelBase {
public:
    const Row &at(int row) const { return rows_.at(static_cast<size_t>(row)); }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

protected:
    using PagedModelBase::PagedModelBase;

    void clearRows() override { rows_.clear(); }
    // A page read for ticket: appended, unless a newer query started meanwhile.
    void pageArrived(const LatestTask::Ticket &ticket, bool first, std::vector<Row> page, bool more)
    {
        if (!ticket.current())
            return;
        if (!page.empty()) {
            const int from = static_cast<int>(rows_.size());
            beginInsertRows({}, from, from + static_cast<int>(page.size()) - 1);
            rows_.insert(rows_.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
            endInsertRows();
        }
        pageDone(first, more, static_cast<int>(rows_.size()));
    }

    std::vector<Row> rows_;
};
