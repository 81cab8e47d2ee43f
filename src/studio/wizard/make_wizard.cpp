// SPDX-License-Identifier: PostgreSQL
#include "make_wizard.h"

#include "accessible_names.h"
#include "catalog/sources.h"
#include "password_store.h"
#include "wizard_options_page.h"
#include "wizard_preflight_page.h"
#include "wizard_run_page.h"
#include "wizard_source_page.h"
#include "wizard_summary_page.h"
#include "wizard_table_page.h"
#include "wizard_type_page.h"

MakeWizard::MakeWizard(DestinationService *service, QWidget *parent)
    : QWizard(parent)
    , service_(service)
{
    setWindowTitle(tr("New Replication – %1").arg(service->displayName()));
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setPage(SourcePage, new WizardSourcePage(this));
    setPage(TablePage, new WizardTablePage(this));
    setPage(TypePage, new WizardTypePage(this));
    setPage(OptionsPage, new WizardOptionsPage(this));
    setPage(PreflightPage, new WizardPreflightPage(this));
    setPage(SummaryPage, new WizardSummaryPage(this));
    setPage(RunPage, new WizardRunPage(this));
    nameFieldsByTheirLabels(this);
    resize(860, 640);
}

void MakeWizard::presetSource(int sourceId)
{
    presetSource_ = sourceId;
    if (auto *p = qobject_cast<WizardSourcePage *>(page(SourcePage)))
        p->selectSource(sourceId);
}

void MakeWizard::presetTable(const mimeo::pg::QualifiedName &table) { presetTable_ = table; }

void MakeWizard::setSourceId(int id)
{
    if (id != sourceId_)
        table_.reset();
    sourceId_ = id;
}

void MakeWizard::setTable(std::optional<mimeo::setup::SourceTableDetails> table) { table_ = std::move(table); }

mimeo::pg::Connection MakeWizard::connectSource(mimeo::pg::Connection &dest, const std::string &schema, int sourceId,
                                                const std::optional<QString> &password)
{
    mimeo::catalog::SourceRegistry reg(dest, schema);
    const auto record = reg.get(sourceId);
    std::optional<std::string> pw;
    if (password)
        pw = password->toStdString();
    return mimeo::catalog::connectSource(reg, record, "mimeo-studio:wizard", pw);
}

void MakeWizard::runEngine(EngineRun *run, std::function<mimeo::replication::RunResult(mimeo::pg::Connection &,
                                                                                        mimeo::replication::RunContext &)> work)
{
    startWithSourcePassword(run, service_, sourceId_, std::move(work));
}

void MakeWizard::reject()
{
    // A make on its way is stopped first; the wizard closes once the engine
    // has rolled it back, so closing never leaves a statement running.
    auto *run = qobject_cast<WizardRunPage *>(page(RunPage));
    if (run && run->isRunning()) {
        connect(run, &WizardRunPage::runFinished, this, [this] { QWizard::reject(); }, Qt::SingleShotConnection);
        run->cancel();
        return;
    }
    QWizard::reject();
}
