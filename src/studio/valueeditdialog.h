// SPDX-License-Identifier: PostgreSQL
#pragma once
// Edits one value of the configuration that does not fit in a cell: a
// multi-line SQL text (condition), a list with one item per line
// (post_script, sequences, pk_name, pk_type), or the columns of the source
// table to replicate (filter), picked from the source's real columns.
#include <QDialog>

#include <memory>

namespace Ui {
class ValueEditDialog;
}

class ValueEditDialog : public QDialog {
    Q_OBJECT
public:
    enum Mode { TextMode, LinesMode, ColumnsMode };

    ValueEditDialog(Mode mode, const QString &title, const QString &hint, QWidget *parent = nullptr);
    ~ValueEditDialog() override;

    Mode mode() const { return mode_; }

    void setText(const QString &text);
    QString text() const;
    void setLines(const QStringList &lines);
    QStringList lines() const;

    // Columns mode: the chosen columns while the source's columns are read.
    void setChosenColumns(const QStringList &chosen);
    // The source's columns arrived: each is offered, the chosen ones checked.
    void setAvailableColumns(const QStringList &columns);
    // They could not be read: the reason is shown and the columns are typed instead.
    void columnsUnavailable(const QString &reason);
    // The checked columns (or the typed ones when the source was unreachable).
    QStringList chosenColumns() const;

    QString statusText() const;
    // Whether the source's columns arrived (or could not be read): a caller
    // that connects to columnsReady late asks this first.
    bool columnsSettled() const { return columnsSettled_; }

signals:
    void columnsReady();

private:
    std::unique_ptr<Ui::ValueEditDialog> ui_;
    Mode mode_;
    QStringList chosen_;
    bool columnsSettled_ = false;
};
