// SPDX-License-Identifier: PostgreSQL
// The monitor's Validate, Repair These Rows and validation result (issue
// 17), apart from the rest of the page: the jobs themselves run in the Jobs
// panel (MainWindow hands these requests to the job service); the Validated
// column shows each table's last result as the page reads it.
#include "monitor_model.h"
#include "monitorpage.h"
#include "ui_monitorpage.h"
#include "validation_text.h"
#include "validationdialog.h"

#include <QAction>
#include <QItemSelectionModel>

void MonitorPage::setUpValidation()
{
    validateAction_ = new QAction(tr("&Validate"), this);
    validateAction_->setToolTip(tr("Count and compare the rows of the selected tables with their sources, in the background"));
    connect(validateAction_, &QAction::triggered, this, [this] {
        if (!selectedTables().isEmpty())
            emit validateRequested(selectedTables());
    });
    repairAction_ = new QAction(tr("Re&pair These Rows"), this);
    connect(repairAction_, &QAction::triggered, this, [this] {
        QStringList tables;
        for (const QString &table : selectedTables()) {
            const int row = model_->rowOf(table);
            const auto &t = model_->at(row);
            if (repairableType(t.type) && t.validation && t.validation->outcome == "mismatched")
                tables << table;
        }
        if (!tables.isEmpty())
            emit repairRequested(tables);
    });
    resultAction_ = new QAction(tr("Validation &Result…"), this);
    connect(resultAction_, &QAction::triggered, this, [this] {
        if (!selectedTables().isEmpty())
            showValidation(selectedTables().first());
    });
    connect(ui_->tablesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MonitorPage::updateValidation);
    updateValidation();
}

void MonitorPage::updateValidation()
{
    const QStringList tables = selectedTables();
    int repairable = 0;
    QString why;
    for (const QString &table : tables) {
        const int row = model_->rowOf(table);
        if (row < 0)
            continue;
        const auto &t = model_->at(row);
        if (!t.validation || t.validation->outcome != "mismatched")
            continue;
        if (repairableType(t.type))
            ++repairable;
        else if (why.isEmpty())
            why = ValidationText::notRepairable(t.destTable, t.type);
    }
    validateAction_->setEnabled(!tables.isEmpty());
    repairAction_->setEnabled(repairable > 0);
    repairAction_->setToolTip(repairable > 0 ? tr("Re-pull only the differing rows from the source, then validate again")
                              : !why.isEmpty() ? why
                                               : tr("For updater, dml and logdel tables whose last validation found differing rows"));
    // The column was sized before any result came: it grows to fit one
    // (once per longer text, so a width the user chose stays otherwise).
    const int wanted = static_cast<const QAbstractItemView *>(ui_->tablesView)->sizeHintForColumn(MonitorModel::ValidatedColumn);
    if (wanted > validatedWidth_) {
        validatedWidth_ = wanted;
        if (ui_->tablesView->columnWidth(MonitorModel::ValidatedColumn) < wanted)
            ui_->tablesView->setColumnWidth(MonitorModel::ValidatedColumn, wanted);
    }
    const int first = tables.isEmpty() ? -1 : model_->rowOf(tables.first());
    resultAction_->setEnabled(first >= 0);
    if (validationDialog_) {
        const int row = model_->rowOf(validationDialog_->destTable());
        if (row >= 0)
            validationDialog_->setTable(model_->at(row));
    }
}

ValidationDialog *MonitorPage::validationDialog() const { return validationDialog_; }

ValidationDialog *MonitorPage::showValidation(const QString &destTable)
{
    const int row = model_->rowOf(destTable);
    if (row < 0)
        return nullptr;
    if (!validationDialog_) {
        validationDialog_ = new ValidationDialog(this);
        validationDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(validationDialog_, &ValidationDialog::repairRequested, this, [this](const QString &t) { emit repairRequested({t}); });
        connect(validationDialog_, &ValidationDialog::recopyRequested, this, [this](const QString &t) { emit recopyRequested({t}); });
        connect(validationDialog_, &ValidationDialog::repullRequested, this, [this](const QString &t) { emit repullRequested({t}); });
        connect(validationDialog_, &ValidationDialog::validateRequested, this, [this](const QString &t) { emit validateRequested({t}); });
    }
    validationDialog_->setTable(model_->at(row));
    validationDialog_->show();
    validationDialog_->raise();
    return validationDialog_;
}
