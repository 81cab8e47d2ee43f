// SPDX-License-Identifier: PostgreSQL
#include "wizard_source_page.h"

#include "make_wizard.h"
#include "password_store.h"
#include "sourcedialog.h"
#include "ui_wizard_source.h"

WizardSourcePage::WizardSourcePage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardSourcePage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    connect(ui_->sourceList, &QListWidget::currentRowChanged, this, &QWizardPage::completeChanged);
    // A double click goes on; Enter already does (the list passes it on to the default button).
    connect(ui_->sourceList, &QListWidget::itemDoubleClicked, this, [this] { wizard_->next(); });
    connect(ui_->addButton, &QPushButton::clicked, this, &WizardSourcePage::addSource);
    // A source added here (or elsewhere) shows once the catalog is read again.
    connect(wizard_->service(), &DestinationService::loaded, this, &WizardSourcePage::fill);
    fill();
}

WizardSourcePage::~WizardSourcePage() = default;

void WizardSourcePage::fill()
{
    const int keep = pendingSelect_ ? pendingSelect_ : selectedSourceId();
    ui_->sourceList->clear();
    for (const auto &s : wizard_->service()->snapshot().sources) {
        auto *item = new QListWidgetItem(tr("%1: %2 as %3").arg(s.id).arg(QString::fromStdString(s.dataSource),
                                                                         QString::fromStdString(s.username)));
        item->setData(Qt::UserRole, s.id);
        ui_->sourceList->addItem(item);
    }
    if (ui_->sourceList->count() == 0)
        ui_->messageLabel->setText(tr("This catalog has no source yet: add one."));
    if (!(keep && selectSource(keep)) && ui_->sourceList->count() > 0 && ui_->sourceList->currentRow() < 0)
        ui_->sourceList->setCurrentRow(0);
    if (keep && selectSource(keep))
        pendingSelect_ = 0;
    emit completeChanged();
}

void WizardSourcePage::initializePage()
{
    if (wizard_->presetSourceId())
        selectSource(wizard_->presetSourceId());
    ui_->sourceList->setFocus();
}

bool WizardSourcePage::selectSource(int id)
{
    for (int r = 0; r < ui_->sourceList->count(); ++r)
        if (ui_->sourceList->item(r)->data(Qt::UserRole).toInt() == id) {
            ui_->sourceList->setCurrentRow(r);
            return true;
        }
    return false;
}

int WizardSourcePage::selectedSourceId() const
{
    const auto *item = ui_->sourceList->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : 0;
}

bool WizardSourcePage::isComplete() const { return selectedSourceId() != 0; }

bool WizardSourcePage::validatePage()
{
    wizard_->setSourceId(selectedSourceId());
    return true;
}

void WizardSourcePage::addSource()
{
    DestinationService *service = wizard_->service();
    SourceDialog dialog(service->passwords()->keychainAvailable(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ui_->messageLabel->setText(tr("Adding the source…"));
    service->addSource(dialog.conninfo(), dialog.user(), dialog.password(), dialog.savePassword(), this,
                       [this](int id, bool) {
                           ui_->messageLabel->setText(tr("Source %1 added.").arg(id));
                           pendingSelect_ = id; // selected when the catalog is read again
                           emit sourceAdded(id);
                       },
                       [this](const TaskError &e) { ui_->messageLabel->setText(tr("Could not add the source: %1").arg(e.message)); });
}
