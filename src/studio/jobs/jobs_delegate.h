// SPDX-License-Identifier: PostgreSQL
#pragma once
// Draws the Jobs panel's progress column as a progress bar (the phase on it)
// and its cancel column as a button that a click or Space presses.
#include <QStyledItemDelegate>

// A progress bar in a view's cell with text on it; percent -1: busy, amount
// unknown. The Jobs panel and the monitor draw running work the same way.
void paintProgressCell(QPainter *painter, const QStyleOptionViewItem &option, int percent, const QString &text);

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
