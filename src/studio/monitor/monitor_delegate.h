// SPDX-License-Identifier: PostgreSQL
#pragma once
// Draws a running refresh's rows in the monitor as a progress bar, like the
// Jobs panel does, whichever process or host runs it (the job log keeps its
// rows so far and the rows it expects current).
#include <QStyledItemDelegate>

class MonitorDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
