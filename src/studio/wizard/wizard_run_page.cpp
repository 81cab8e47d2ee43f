// SPDX-License-Identifier: PostgreSQL
#include "wizard_run_page.h"

#include "make_wizard.h"
#include "replication/engine.h"
#include "source_tables_model.h"
#include "ui_wizard_run.h"

#include <QLocale>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QString duration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return WizardRunPage::tr("%n s", nullptr, static_cast<int>(s));
    return WizardRunPage::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace

WizardRunPage::WizardRunPage(MakeWizard *wizard)
    : QWizardPage(wizard)
    , ui_(std::make_unique<Ui::WizardRunPage>())
    , wizard_(wizard)
{
    ui_->setupUi(this);
    setFinalPage(true);
    connect(ui_->cancelButton, &QPushButton::clicked, this, &WizardRunPage::cancel);
    connect(ui_->refreshButton, &QPushButton::clicked, this, &WizardRunPage::refreshNow);
    connect(ui_->editorButton, &QPushButton::clicked, this, [this] {
        emit wizard_->openInEditor(destTable_);
        wizard_->accept();
    });
    connect(ui_->anotherButton, &QPushButton::clicked, this, [this] { wizard_->restart(); });
}

WizardRunPage::~WizardRunPage() = default;

std::vector<mimeo::pg::LoggedStatement> WizardRunPage::executedStatements() const
{
    return statements_ ? statements_->statements() : std::vector<mimeo::pg::LoggedStatement>{};
}

QString WizardRunPage::resultText() const { return ui_->resultLabel->text(); }

void WizardRunPage::initializePage()
{
    const auto req = wizard_->request();
    destTable_ = q(req.dest.value_or(req.source).catalogText());
    state_ = State::Running;
    ui_->nextSteps->hide();
    ui_->cancelButton->show();
    ui_->cancelButton->setEnabled(true);
    ui_->resultLabel->clear();
    ui_->rateLabel->clear();
    ui_->phaseLabel->setText(tr("Making %1…").arg(destTable_));
    ui_->progressBar->setRange(0, 0); // busy until the first progress
    delete run_;
    run_ = new EngineRun(wizard_->service()->target(), "make", this);
    statements_ = std::make_shared<mimeo::pg::StatementLog>();
    run_->setStatementLog(statements_, false);
    connect(run_, &EngineRun::progressed, this, &WizardRunPage::showProgress);
    connect(run_, &EngineRun::finished, this, [this](const mimeo::replication::RunResult &r) {
        if (r.outcome == mimeo::replication::Outcome::Locked) {
            finish(State::Failed, tr("Another process is making or refreshing %1; nothing was made.").arg(destTable_));
            return;
        }
        finish(State::Made, tr("%1 is replicated: %2").arg(destTable_, q(r.message)));
        ui_->phaseLabel->setText(tr("Done: %1 rows copied (%2).").arg(QLocale().toString(static_cast<qlonglong>(r.rows)), formatBytes(r.bytes)));
        ui_->rateLabel->setText(tr("Took %1.").arg(duration(run_->lastProgress().elapsedMs)));
        wizard_->service()->catalogChanged();
        emit wizard_->made(destTable_);
    });
    connect(run_, &EngineRun::failed, this, [this](const TaskError &e) {
        if (run_->cancelRequested())
            finish(State::Cancelled, tr("Stopped. Nothing was made: no destination table, no source objects, no catalog row."));
        else
            finish(State::Failed, tr("The make failed and was rolled back: %1").arg(e.message));
    });
    wizard_->runEngine(run_, [req](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        return mimeo::replication::make(dest, req, ctx);
    });
    emit completeChanged();
}

void WizardRunPage::showProgress(const EngineProgress &p)
{
    if (p.estimatedRows > 0) {
        ui_->progressBar->setRange(0, 1000);
        ui_->progressBar->setValue(static_cast<int>(std::min<qint64>(1000, 1000 * p.rows / p.estimatedRows)));
    } else {
        ui_->progressBar->setRange(0, 0);
    }
    const QLocale l;
    QString rows = p.estimatedRows > 0 ? tr("%1 of about %2 rows").arg(l.toString(p.rows), l.toString(p.estimatedRows))
                                       : tr("%1 rows").arg(l.toString(p.rows));
    ui_->phaseLabel->setText(tr("%1: %2").arg(p.phase, rows));
    QString rate = tr("%1 rows/s, %2, elapsed %3").arg(l.toString(qRound64(p.rowsPerSecond)), formatBytes(p.bytes), duration(p.elapsedMs));
    if (p.remainingMs >= 0)
        rate += tr(", about %1 left").arg(duration(p.remainingMs));
    ui_->rateLabel->setText(rate);
    emit progressed(p);
}

void WizardRunPage::cancel()
{
    if (!isRunning())
        return;
    ui_->cancelButton->setEnabled(false);
    ui_->rateLabel->clear();
    ui_->phaseLabel->setText(tr("Stopping…"));
    run_->cancel();
}

void WizardRunPage::finish(State state, const QString &text)
{
    state_ = state;
    ui_->cancelButton->hide();
    ui_->progressBar->setRange(0, 1);
    ui_->progressBar->setValue(state == State::Made ? 1 : 0);
    ui_->resultLabel->setText(text);
    ui_->resultLabel->setStyleSheet(state == State::Made ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
    ui_->nextSteps->setVisible(true);
    ui_->refreshButton->setVisible(state == State::Made);
    ui_->editorButton->setVisible(state == State::Made);
    emit completeChanged();
    emit runFinished(state);
}

void WizardRunPage::refreshNow()
{
    if (isRunning() || state_ != State::Made)
        return;
    ui_->refreshButton->setEnabled(false);
    ui_->cancelButton->show();
    ui_->cancelButton->setEnabled(true);
    ui_->phaseLabel->setText(tr("Refreshing %1…").arg(destTable_));
    ui_->progressBar->setRange(0, 0);
    delete run_;
    run_ = new EngineRun(wizard_->service()->target(), "refresh", this);
    connect(run_, &EngineRun::progressed, this, &WizardRunPage::showProgress);
    const std::string table = destTable_.toStdString();
    connect(run_, &EngineRun::finished, this, [this](const mimeo::replication::RunResult &r) {
        ui_->cancelButton->hide();
        ui_->refreshButton->setEnabled(true);
        ui_->progressBar->setRange(0, 1);
        ui_->progressBar->setValue(1);
        ui_->resultLabel->setText(tr("Refreshed: %1").arg(q(r.message)));
        emit refreshFinished(true);
    });
    connect(run_, &EngineRun::failed, this, [this](const TaskError &e) {
        ui_->cancelButton->hide();
        ui_->refreshButton->setEnabled(true);
        ui_->progressBar->setRange(0, 1);
        ui_->progressBar->setValue(0);
        ui_->resultLabel->setText(tr("The refresh failed: %1").arg(e.message));
        emit refreshFinished(false);
    });
    wizard_->runEngine(run_, [table](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        mimeo::replication::RefreshRequest req;
        req.destTable = table;
        return mimeo::replication::refresh(dest, req, ctx);
    });
}

bool WizardRunPage::isComplete() const { return state_ != State::Running && state_ != State::Idle; }
