// SPDX-License-Identifier: PostgreSQL
#include "paged_model.h"

void PagedModelBase::startOver()
{
    beginResetModel();
    clearRows();
    more_ = false;
    endResetModel();
    query_ = reading_.take(); // pages of the older query are dropped
    read(true);
}

void PagedModelBase::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        read(false);
}

void PagedModelBase::read(bool first)
{
    loading_ = true;
    readPage(first, query_);
}

void PagedModelBase::pageDone(bool first, bool more, int rows)
{
    loading_ = false;
    more_ = more;
    emit pageLoaded(first, rows);
}

void PagedModelBase::pageFailed(const LatestTask::Ticket &ticket, const QString &message)
{
    if (!ticket.current())
        return;
    loading_ = false;
    emit loadFailed(message);
}
