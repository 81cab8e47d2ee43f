// SPDX-License-Identifier: PostgreSQL
#include "monitor_delegate.h"

#include "jobs_delegate.h"
#include "monitor_model.h"

void MonitorDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant percent = index.data(MonitorModel::PercentRole);
    if (percent.isValid()) {
        paintProgressCell(painter, option, percent.toInt(), index.data().toString());
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}
