// SPDX-License-Identifier: PostgreSQL
#include "wizard_summary_page.h"

#include "engine_run.h"
#include "make_wizard.h"
#include "replication/rehearsal.h"
#include "ui_wizard_summary.h"

#include <QFontDatabase>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

QString statementsText(const std::vector<mimeo::pg::LoggedStatement> &statements, mimeo::pg::Side side, bool withReads)
{
    QStringList out;
    for (const auto &s : mimeo::pg::statementsOf(statements, side)) {
        if (!withReads && !mimeo::pg::changesSomething(s))
            continue;
        QString text = q(s.sql).trimmed();
        if (!text.endsWith(QLatin1Char(';')))
            text += QLatin1Char(';');
        for (size_t i = 0; i < s.params.size(); ++i)
            text += QStringLiteral("\n-- $%1 = %2").arg(i + 1).arg(s.params[i] ? QStringLiteral("'%1'").arg(q(*s.params[i])) : QStringLiteral("NULL"));
        out << text;
    }
    return out.join(QStringLiteral("\n\n"));
}

WizardSummaryPage::WizardSummaryPage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardSummaryPage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    ui_->sourceSql->setFont(fixed);
    ui_->destinationSql->setFont(fixed);
    connect(ui_->readsCheck, &QCheckBox::toggled, this, &WizardSummaryPage::showStatements);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Make"));
}

WizardSummaryPage::~WizardSummaryPage() = default;

QString WizardSummaryPage::sourceText() const { return ui_->sourceSql->toPlainText(); }
QString WizardSummaryPage::destinationText() const { return ui_->destinationSql->toPlainText(); }
QString WizardSummaryPage::statusText() const { return ui_->statusLabel->text(); }

void WizardSummaryPage::initializePage()
{
    settled_ = false;
    ok_ = false;
    statements_.clear();
    ui_->sourceSql->clear();
    ui_->destinationSql->clear();
    const auto req = wizard_->request();
    ui_->summaryLabel->setText(tr("%1 of %2 (source %3) into %4.")
                                   .arg(wizard_->type(), q(req.source.catalogText()))
                                   .arg(req.dataSourceId)
                                   .arg(q(req.dest.value_or(req.source).catalogText())));
    ui_->statusLabel->setText(tr("Rehearsing the make…"));
    delete run_;
    run_ = new EngineRun(wizard_->service()->target(), "make-rehearsal", this);
    auto log = std::make_shared<mimeo::pg::StatementLog>();
    run_->setStatementLog(log, true);
    connect(run_, &EngineRun::finished, this, [this, log](const mimeo::replication::RunResult &) {
        statements_ = log->statements();
        settled_ = true;
        ok_ = true;
        ui_->statusLabel->setText(tr("Nothing was changed by the rehearsal."));
        showStatements();
        emit completeChanged();
        emit rehearsed(true);
    });
    connect(run_, &EngineRun::failed, this, [this, log](const TaskError &e) {
        statements_ = log->statements();
        settled_ = true;
        ui_->statusLabel->setText(tr("The rehearsal failed, so the make would too: %1").arg(e.message));
        ui_->statusLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        showStatements();
        emit completeChanged();
        emit rehearsed(false);
    });
    wizard_->runEngine(run_, [req, log](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        auto rehearsal = mimeo::replication::rehearseMake(dest, req, ctx);
        for (auto &s : rehearsal.statements)
            log->append(std::move(s));
        if (rehearsal.error)
            throw *rehearsal.error;
        return rehearsal.result;
    });
}

void WizardSummaryPage::cleanupPage()
{
    if (run_)
        run_->cancel();
}

void WizardSummaryPage::showStatements()
{
    const bool reads = ui_->readsCheck->isChecked();
    const QString source = statementsText(statements_, mimeo::pg::Side::Source, reads);
    ui_->sourceSql->setPlainText(source);
    ui_->sourceSql->setPlaceholderText(tr("-- Nothing is changed on the source: the make only reads it."));
    ui_->destinationSql->setPlainText(statementsText(statements_, mimeo::pg::Side::Destination, reads));
    // Open on the side where something happens.
    ui_->sqlTabs->setTabText(0, tr("On the source (%n change(s))", nullptr, static_cast<int>(changeCount(mimeo::pg::Side::Source))));
    ui_->sqlTabs->setTabText(1, tr("On the destination (%n change(s))", nullptr, static_cast<int>(changeCount(mimeo::pg::Side::Destination))));
    if (changeCount(mimeo::pg::Side::Source) == 0)
        ui_->sqlTabs->setCurrentIndex(1);
}

size_t WizardSummaryPage::changeCount(mimeo::pg::Side side) const
{
    size_t n = 0;
    for (const auto &s : mimeo::pg::statementsOf(statements_, side))
        n += mimeo::pg::changesSomething(s) ? 1 : 0;
    return n;
}

bool WizardSummaryPage::isComplete() const { return settled_ && ok_; }
