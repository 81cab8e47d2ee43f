// SPDX-License-Identifier: PostgreSQL
#include "jobs_delegate.h"

#include "jobs_model.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

void paintProgressCell(QPainter *painter, const QStyleOptionViewItem &option, int percent, const QString &text)
{
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = percent < 0 ? 0 : 100; // 0..0: busy, amount unknown
    bar.progress = std::max(0, percent);
    bar.text = text;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

void JobsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    if (index.column() == JobsModel::ProgressColumn) {
        paintProgressCell(painter, option, index.data(JobsModel::PercentRole).toInt(), index.data().toString());
        return;
    }
    if (index.column() == JobsModel::CancelColumn) {
        if (!index.data(JobsModel::ActiveRole).toBool())
            return;
        QStyleOptionButton button;
        button.rect = option.rect.adjusted(2, 1, -2, -1);
        button.text = index.data().toString();
        button.state = QStyle::State_Enabled | QStyle::State_Raised;
        style->drawControl(QStyle::CE_PushButton, &button, painter, option.widget);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

bool JobsDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (index.column() == JobsModel::CancelColumn && index.data(JobsModel::ActiveRole).toBool()) {
        const bool click = event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton
            && option.rect.contains(static_cast<QMouseEvent *>(event)->position().toPoint());
        const bool key = event->type() == QEvent::KeyPress
            && (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space || static_cast<QKeyEvent *>(event)->key() == Qt::Key_Select);
        if (click || key) {
            emit cancelClicked(index.data(JobsModel::JobIdRole).toInt());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QSize JobsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == JobsModel::ProgressColumn)
        s.setWidth(std::max(s.width(), 180));
    if (index.column() == JobsModel::CancelColumn)
        s.setWidth(std::max(s.width(), option.fontMetrics.horizontalAdvance(index.data().toString()) + 24));
    return s;
}
