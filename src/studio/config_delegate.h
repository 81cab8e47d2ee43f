// SPDX-License-Identifier: PostgreSQL
#pragma once
// Editors that fit each column of the configuration editor: line edits that
// check intervals and numbers as you type (and say why a value is refused),
// a date-time editor for timestamps, a list of the destination's sources for
// dblink. Multi-line values (condition, post_script and the other arrays)
// and the column picker for filter open a dialog instead (dialogRequested).
#include <QStyledItemDelegate>

class ConfigTableModel;

class ConfigDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ConfigDelegate(ConfigTableModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

    // Columns edited in a dialog rather than in the cell.
    static bool usesDialog(const QModelIndex &index);

signals:
    // Why the text in an open editor would be refused; empty when it is fine.
    void hint(const QString &text) const;
    void dialogRequested(const QModelIndex &index) const;

private:
    ConfigTableModel *model_;
};
