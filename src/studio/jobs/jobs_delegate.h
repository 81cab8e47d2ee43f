// SPDX-License-Identifier: PostgreSQL
#pragma once
// Draws the Jobs panel's progress column as a progress bar (the phase on it)
// and its cancel column as a button that a click or Space presses.
#include <QStyledItemDelegate>

class JobsDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void cancelClicked(int jobId);
};
