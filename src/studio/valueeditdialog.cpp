// SPDX-License-Identifier: PostgreSQL
#include "valueeditdialog.h"

#include "ui_valueeditdialog.h"

#include <QPushButton>

ValueEditDialog::ValueEditDialog(Mode mode, const QString &title, const QString &hint, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::ValueEditDialog>())
    , mode_(mode)
{
    ui_->setupUi(this);
    setWindowTitle(title);
    ui_->hintLabel->setText(hint);
    ui_->stack->setCurrentWidget(mode == ColumnsMode ? ui_->columnsPage : ui_->textPage);
    if (mode == ColumnsMode) {
        ui_->statusLabel->setText(tr("Reading the source table's columns…"));
        ui_->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    ui_->textEdit->setFont(mono);
}

ValueEditDialog::~ValueEditDialog() = default;

void ValueEditDialog::setText(const QString &text) { ui_->textEdit->setPlainText(text); }

QString ValueEditDialog::text() const { return ui_->textEdit->toPlainText(); }

void ValueEditDialog::setLines(const QStringList &lines) { ui_->textEdit->setPlainText(lines.join(QLatin1Char('\n'))); }

QStringList ValueEditDialog::lines() const
{
    QStringList out;
    for (const auto &l : ui_->textEdit->toPlainText().split(QLatin1Char('\n')))
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    return out;
}

void ValueEditDialog::setChosenColumns(const QStringList &chosen) { chosen_ = chosen; }

void ValueEditDialog::setAvailableColumns(const QStringList &columns)
{
    ui_->columnList->clear();
    for (const auto &c : columns) {
        auto *item = new QListWidgetItem(c, ui_->columnList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen_.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
    // A filter naming columns the source no longer has is kept visible, so
    // saving does not drop them silently.
    for (const auto &c : chosen_) {
        if (!columns.contains(c)) {
            auto *item = new QListWidgetItem(tr("%1 (not in the source table)").arg(c), ui_->columnList);
            item->setData(Qt::UserRole, c);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    ui_->statusLabel->setText(tr("Check the columns to replicate; none checked replicates every column. "
                                 "The replication key must be among them."));
    ui_->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
    columnsSettled_ = true;
    emit columnsReady();
}

void ValueEditDialog::columnsUnavailable(const QString &reason)
{
    ui_->stack->setCurrentWidget(ui_->textPage);
    setLines(chosen_);
    ui_->statusLabel->setText(tr("The source's columns could not be read; type one column per line.\n%1").arg(reason));
    ui_->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
    columnsSettled_ = true;
    emit columnsReady();
}

QStringList ValueEditDialog::chosenColumns() const
{
    if (ui_->stack->currentWidget() == ui_->textPage)
        return lines();
    QStringList out;
    for (int i = 0; i < ui_->columnList->count(); ++i) {
        const auto *item = ui_->columnList->item(i);
        if (item->checkState() == Qt::Checked)
            out << (item->data(Qt::UserRole).isValid() ? item->data(Qt::UserRole).toString() : item->text());
    }
    return out;
}

QString ValueEditDialog::statusText() const { return ui_->statusLabel->text(); }
