// SPDX-License-Identifier: PostgreSQL
#include "validationdialog.h"

#include "accessible_names.h"
#include "ui_validationdialog.h"
#include "validation_keys_model.h"
#include "validation_text.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

ValidationDialog::ValidationDialog(QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::ValidationDialog>())
    , keys_(new ValidationKeysModel(this))
{
    ui_->setupUi(this);
    ui_->keysView->setModel(keys_);
    ui_->keysView->verticalHeader()->hide();
    ui_->keysView->horizontalHeader()->setStretchLastSection(true);
    ui_->keysView->verticalHeader()->setDefaultSectionSize(ui_->keysView->fontMetrics().height() + 8);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui_->repairButton, &QPushButton::clicked, this, [this] {
        requested(ui_->repairButton);
        emit repairRequested(destTable_);
    });
    connect(ui_->refreshButton, &QPushButton::clicked, this, [this] {
        requested(ui_->refreshButton);
        emit recopyRequested(destTable_);
    });
    connect(ui_->repullButton, &QPushButton::clicked, this, [this] { emit repullRequested(destTable_); });
    connect(ui_->validateButton, &QPushButton::clicked, this, [this] {
        requested(ui_->validateButton);
        emit validateRequested(destTable_);
    });
    nameFieldsByTheirLabels(this);
    ui_->keysView->setAccessibleName(tr("Differing keys"));
}

ValidationDialog::~ValidationDialog() = default;

QString ValidationDialog::outcomeText() const { return ui_->outcomeLabel->text(); }
QString ValidationDialog::adviceText() const { return ui_->adviceLabel->text(); }
QPushButton *ValidationDialog::repairButton() const { return ui_->repairButton; }
QPushButton *ValidationDialog::refreshButton() const { return ui_->refreshButton; }
QPushButton *ValidationDialog::repullButton() const { return ui_->repullButton; }
QPushButton *ValidationDialog::validateButton() const { return ui_->validateButton; }

void ValidationDialog::requested(QPushButton *button)
{
    pendingSince_ = shownCheck_;
    button->setEnabled(false);
    ui_->adviceLabel->setText(tr("Asked for: see the Jobs panel. This shows the next result when it is recorded."));
}

void ValidationDialog::setTable(const mimeo::jobs::TableHealth &t)
{
    destTable_ = q(t.destTable);
    setWindowTitle(tr("Validation of %1").arg(destTable_));
    ui_->titleLabel->setText(tr("<b>%1</b> (%2, from %3 of source %4)")
                                 .arg(destTable_.toHtmlEscaped(), q(t.type), q(t.sourceTable).toHtmlEscaped())
                                 .arg(t.dataSourceId));
    const auto &v = t.validation;
    shownCheck_ = v ? v->checkedAt : std::string();
    const bool waiting = !pendingSince_.empty() && pendingSince_ == shownCheck_;
    if (!waiting)
        pendingSince_.clear();
    const bool mismatched = v && v->outcome == "mismatched";
    if (!v) {
        ui_->outcomeLabel->setText(tr("Not validated yet: Validate compares it with its source."));
        ui_->detailsLabel->clear();
    } else {
        QString outcome;
        if (v->outcome == "validated")
            outcome = tr("Validated ✓: the destination has the source's rows.");
        else if (v->outcome == "error")
            outcome = tr("The validation failed.");
        else if (v->kind == "rowcount")
            outcome = tr("The row counts differ.");
        else
            outcome = tr("Differing rows: %1.").arg(QLocale().toString(v->differing()));
        ui_->outcomeLabel->setText(QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                                       .arg(ValidationText::color(*v).name(), outcome.toHtmlEscaped()));
        ui_->detailsLabel->setText(ValidationText::details(*v));
    }
    keys_->setKeys(v ? v->keys : std::vector<mimeo::jobs::ValidationKey>{});
    ui_->keysView->resizeColumnToContents(ValidationKeysModel::KindColumn);
    const long long listed = v ? static_cast<long long>(v->keys.size()) : 0;
    const long long total = v ? v->differing() : 0;
    ui_->keysLabel->setText(listed < total ? tr("&Differing keys (the first %1 of %2):").arg(listed).arg(QLocale().toString(total))
                                           : tr("&Differing keys:"));
    const bool keyed = repairableType(t.type);
    ui_->repairButton->setVisible(keyed);
    ui_->repairButton->setEnabled(keyed && mismatched && !waiting);
    ui_->refreshButton->setVisible(wholeCopyType(t.type));
    ui_->refreshButton->setEnabled(!waiting);
    ui_->repullButton->setVisible(!keyed && !wholeCopyType(t.type));
    ui_->validateButton->setEnabled(!waiting);
    if (waiting)
        return; // the advice says a job was asked for
    if (!mismatched)
        ui_->adviceLabel->clear();
    else if (keyed)
        ui_->adviceLabel->setText(tr("Repair These Rows re-pulls exactly these keys from the source in one transaction "
                                     "under the table's lock, then validates again."));
    else
        ui_->adviceLabel->setText(ValidationText::notRepairable(t.destTable, t.type));
}
